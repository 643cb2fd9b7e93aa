//! What an editor sees first: a site before its first adoption snapshot says
//! so in one panel instead of charts of zeros, and every page has the theme's
//! favicon.

use std::ffi::OsStr;

use crate::harness::{SITE_TOML, TestSite, renkei};

/// The panel's heading, on every page of figures before the first snapshot.
const PANEL: &str = "<h2 id=\"figures-heading\">導入状況のデータはまだ公開されていません</h2>";

/// What the panel tells the editors to add.
const HOW_TO_ADD: [&str; 4] = [
    "<code>data/adoption/2025-12-31.csv</code>",
    "<code>事業所番号</code>（<code>office_number</code>）",
    "<code>連携実績</code>（<code>linking</code>）",
    "<code>介護ソフト</code>（<code>software</code>）",
];

/// Asserts the page shows the panel once, with how to add a snapshot, and
/// none of the figures that would all be zero.
fn assert_panel_instead_of_figures(page: &str) {
    assert_eq!(page.matches(PANEL).count(), 1, "{page}");
    for text in HOW_TO_ADD {
        assert!(page.contains(text), "{text}: {page}");
    }
    for zero in [
        "class=\"key-figures\"",
        "class=\"chart",
        "class=\"map-figure\"",
        "0.0%",
        "導入済事業所数",
    ] {
        assert!(!page.contains(zero), "{zero}: {page}");
    }
}

/// The minimal site without its snapshot: offices, but no adoption data yet.
fn offices_without_snapshot() -> TestSite {
    let site = TestSite::minimal();
    site.remove("data/adoption/2025-11-30.csv");
    site.build_ok();
    site
}

#[test]
fn a_site_with_offices_and_no_snapshot_shows_one_panel_instead_of_zero_charts() {
    let site = offices_without_snapshot();
    let home = site.output("index.html");
    assert_panel_instead_of_figures(&home);
    assert!(
        home.contains("<p>大分県のケアプランデータ連携システムの導入率や導入済みの事業所は、導入状況のデータが公開されると、このページに表示されます。</p>"),
        "{home}"
    );
    assert!(
        home.contains("対象の事業所は5件（うち居宅介護支援・介護予防支援事業所2件）です。"),
        "{home}"
    );
    // Offices are listed, so the panel does not ask for them.
    assert!(!home.contains("<code>data/offices.csv</code>"), "{home}");
    // What is meaningful without a snapshot stays: the text, the guides, the news.
    assert!(home.contains("ようこそ。"), "{home}");
    assert!(home.contains("id=\"guides-heading\""), "{home}");
    assert!(home.contains("id=\"news-heading\""), "{home}");
    assert!(!home.contains("id=\"municipality-heading\""), "{home}");
}

#[test]
fn the_municipality_list_before_the_first_snapshot_counts_the_target_offices_only() {
    let site = offices_without_snapshot();
    let list = site.output("municipalities/index.html");
    assert_panel_instead_of_figures(&list);
    assert!(
        list.contains("<caption>市町村別の対象事業所数</caption>"),
        "{list}"
    );
    assert!(
        list.contains("<th scope=\"row\"><a href=\"/portal/municipalities/442011/\">大分市</a></th>\n      <td class=\"num\">2</td>\n      <td class=\"num\">1</td>"),
        "{list}"
    );
}

#[test]
fn a_municipality_page_before_the_first_snapshot_shows_the_panel_for_its_place() {
    let site = offices_without_snapshot();
    let page = site.output("municipalities/442011/index.html");
    assert_panel_instead_of_figures(&page);
    assert!(
        page.contains("<p>大分市のケアプランデータ連携システムの導入率や"),
        "{page}"
    );
    assert!(
        page.contains("対象の事業所は2件（うち居宅介護支援・介護予防支援事業所1件）です。"),
        "{page}"
    );
    assert!(!page.contains("id=\"offices-heading\""), "{page}");
    assert!(!page.contains("id=\"services-heading\""), "{page}");
}

#[test]
fn the_office_list_before_the_first_snapshot_shows_the_panel_and_no_empty_list() {
    let site = offices_without_snapshot();
    site.write(
        "site.toml",
        &format!("{SITE_TOML}\n[search]\ninclude_not_adopted = false\n"),
    );
    site.build_ok();
    let page = site.output("offices/index.html");
    assert_panel_instead_of_figures(&page);
    assert!(!page.contains("導入済みの事業所はまだありません"), "{page}");
    assert!(!page.contains("id=\"office-search\""), "{page}");
    // By default every office is searchable, even before the first snapshot.
    site.write("site.toml", SITE_TOML);
    site.build_ok();
    let page = site.output("offices/index.html");
    assert!(
        page.contains("下の検索で、対象の事業所5件を探せます。"),
        "{page}"
    );
    assert!(page.contains("id=\"office-search\""), "{page}");
}

#[test]
fn an_office_page_before_the_first_snapshot_does_not_call_the_office_not_adopted() {
    let site = offices_without_snapshot();
    let page = site.output("offices/4470100001/index.html");
    assert!(
        page.contains("<p class=\"lead\">導入状況のデータはまだ公開されていません。この事業所が"),
        "{page}"
    );
    for claim in [
        "office-not-adopted",
        "まだ導入していません",
        "id=\"partners-heading\"",
    ] {
        assert!(!page.contains(claim), "{claim}: {page}");
    }
    // Its flyer still invites it to adopt.
    assert!(
        page.contains("ケアプランデータ連携システムの導入をご検討ください"),
        "{page}"
    );
}

#[test]
fn a_new_site_with_nothing_yet_shows_the_panel_and_asks_for_the_offices_too() {
    let (_dir, root) = crate::intake::new_site("01");
    let build = renkei(&[OsStr::new("build"), OsStr::new("--root"), root.as_os_str()]);
    assert!(build.success, "{}", build.stderr);
    let read =
        |page: &str| std::fs::read_to_string(root.join("public").join(page)).expect("a built page");
    for page in [
        "index.html",
        "municipalities/index.html",
        "municipalities/011011/index.html",
    ] {
        let html = read(page);
        assert_panel_instead_of_figures(&html);
        assert!(
            html.contains("対象事業所の一覧（<code>data/offices.csv</code>）もまだ空です。"),
            "{page}: {html}"
        );
        assert!(!html.contains("対象の事業所は"), "{page}: {html}");
        assert!(!html.contains("対象事業所数"), "{page}: {html}");
    }
    assert!(read("index.html").contains("<p>北海道のケアプランデータ連携システムの導入率や"));
}

#[test]
fn the_area_pages_of_a_city_before_its_first_snapshot_show_the_panel() {
    let site = TestSite::city();
    for date in ["2025-06-30", "2025-09-30", "2025-11-30"] {
        site.remove(&format!("data/adoption/{date}.csv"));
    }
    site.build_ok();
    let list = site.output("areas/index.html");
    assert_panel_instead_of_figures(&list);
    assert!(
        list.contains("<caption>圏域別の対象事業所数</caption>"),
        "{list}"
    );
    let area = site.output("areas/minatoyama/index.html");
    assert_panel_instead_of_figures(&area);
    // The printable lists of the area's offices stay.
    assert!(area.contains("id=\"not-adopted\""), "{area}");
}

#[test]
fn the_demo_home_page_has_its_figures_and_no_panel() {
    let site = TestSite::demo();
    site.build_ok();
    let home = site.output("index.html");
    assert!(
        !home.contains("導入状況のデータはまだ公開されていません"),
        "{home}"
    );
    for figure in [
        "<h2 id=\"figures-heading\">大分県の導入状況",
        "class=\"key-figures\"",
        "class=\"map-figure\"",
        "chart-municipalities",
        "chart-trend",
        "id=\"municipality-heading\"",
    ] {
        assert!(home.contains(figure), "{figure}");
    }
    for page in [
        "municipalities/index.html",
        "municipalities/442011/index.html",
    ] {
        assert!(
            !site
                .output(page)
                .contains("導入状況のデータはまだ公開されていません")
        );
    }
}

#[test]
fn every_page_links_the_favicon_the_theme_publishes() {
    let site = TestSite::minimal();
    site.build_ok();
    let svg = site.output("favicon.svg");
    assert!(
        svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""),
        "{svg}"
    );
    let ico = std::fs::read(site.path().join("public/favicon.ico")).expect("favicon.ico");
    assert_eq!(&ico[..4], &[0, 0, 1, 0], "an ICO header");
    let links = [
        "<link rel=\"icon\" href=\"/portal/favicon.ico\" sizes=\"32x32\">",
        "<link rel=\"icon\" href=\"/portal/favicon.svg\" type=\"image/svg+xml\">",
    ];
    let mut pages = 0;
    for entry in walkdir::WalkDir::new(site.path().join("public")) {
        let entry = entry.expect("walk the output");
        if entry.path().extension() != Some(OsStr::new("html")) {
            continue;
        }
        let html = std::fs::read_to_string(entry.path()).expect("a page");
        for link in links {
            assert!(html.contains(link), "{}: {link}", entry.path().display());
        }
        pages += 1;
    }
    assert!(pages > 10, "{pages} pages");
}

/// The `renkei` command lines in the code blocks of a piece of Markdown, each
/// as its words, without the comment after them.
fn readme_commands(markdown: &str) -> Vec<Vec<String>> {
    let mut in_code = false;
    let mut commands = Vec::new();
    for line in markdown.lines() {
        if line.trim_start().starts_with("```") {
            in_code = !in_code;
            continue;
        }
        let line = line.split(" #").next().expect("split gives a first part");
        if in_code && line.trim_start().starts_with("renkei ") {
            commands.push(
                line.split_whitespace()
                    .skip(1)
                    .map(str::to_string)
                    .collect(),
            );
        }
    }
    commands
}

/// The editors' guide (`docs/src/*.md`) and the README's quick start for
/// editors, as one text.
fn editors_text() -> String {
    let readme = std::fs::read_to_string(crate::harness::repo().join("README.md")).expect("README");
    let (quick_start, _) = readme
        .split_once("## For developers")
        .expect("the developers' section");
    let mut text = quick_start.to_string();
    let mut chapters: Vec<_> = std::fs::read_dir(crate::harness::repo().join("docs/src"))
        .expect("docs/src")
        .map(|entry| entry.expect("a chapter").path())
        .filter(|path| path.extension() == Some(OsStr::new("md")))
        .collect();
    chapters.sort();
    for chapter in chapters {
        text.push_str(&std::fs::read_to_string(chapter).expect("a chapter"));
    }
    text
}

#[test]
fn every_command_the_editors_guide_shows_is_one_renkei_takes_with_the_site_named() {
    let editors = editors_text();
    assert!(
        !editors.contains("DESIGN.md"),
        "the guide sends readers elsewhere"
    );
    let commands = readme_commands(&editors);
    assert!(commands.len() >= 9, "{commands:?}");
    for args in &commands {
        let line = args.join(" ");
        // `--help` makes renkei check the command and its flags without running it.
        let run = renkei(&[args.as_slice(), &["--help".to_string()]].concat());
        assert!(run.success, "`renkei {line}`:\n{}", run.stderr);
        if !matches!(args[0].as_str(), "new" | "--version") {
            assert!(
                args.iter().any(|a| a == "--root"),
                "`renkei {line}` names no site"
            );
        }
    }
    for needed in [
        "--lang en",
        "Ctrl+C",
        "Shift_JIS",
        "PowerShell",
        "renkei.exe",
    ] {
        assert!(editors.contains(needed), "{needed}");
    }
}
