//! What pages, open data and messages say: every number a chart draws is in
//! its table, dates that have passed are not announced as ahead, a city
//! portal speaks of the city, and nothing is published or noted that does
//! not exist (issue 24's list of wrong words and data).

use crate::harness::{SITE_TOML, TestSite, renkei};

/// The minimal site with ひまわり訪問介護 (大分市) planning to adopt on a date
/// before the as-of date (2025-11-30) and こもれび生活支援 on one after it.
fn with_plans() -> TestSite {
    let site = TestSite::minimal();
    site.write(
        "data/plans.csv",
        "office_number,date,note\n4410100002,2025-11-01,申込み済み\n44A0100005,2026-03-31,\n",
    );
    site
}

#[test]
fn service_tables_count_planned_offices_as_the_chart_draws_them() {
    let site = with_plans();
    site.build_ok();
    let page = site.output("municipalities/442011/index.html");
    let table = &page[page
        .find("大分市のサービス種類別の導入状況</caption>")
        .expect("the service table")..];
    let table = &table[..table.find("</table>").expect("its end")];
    assert!(
        table.contains("<th scope=\"col\" class=\"num\">導入予定</th>"),
        "{table}"
    );
    // 訪問介護: one office, planned, so neither adopted nor not adopted.
    let row = &table[table.find(">訪問介護</th>").expect("the row")..];
    let cells: Vec<&str> = row
        .split("<td class=\"num")
        .skip(1)
        .take(5)
        .map(|c| {
            let c = &c[c.find('>').expect("a cell") + 1..];
            &c[..c.find('<').expect("its end")]
        })
        .collect();
    assert_eq!(cells, ["1", "0", "1", "0", "0.0%"], "{row}");
    // Without plans the column is not there.
    let plain = TestSite::minimal();
    plain.build_ok();
    let page = plain.output("municipalities/442011/index.html");
    assert!(!page.contains(">導入予定</th>"), "{page}");
}

#[test]
fn a_planned_date_already_past_is_not_shown_as_ahead() {
    let site = with_plans();
    site.build_ok();
    let past = site.output("offices/4410100002/index.html");
    assert!(
        past.contains("導入を予定しています（予定日の令和7年11月1日を過ぎています）"),
        "{past}"
    );
    assert!(!past.contains("令和7年11月1日ごろ"), "{past}");
    let ahead = site.output("offices/44A0100005/index.html");
    assert!(
        ahead.contains("導入を予定しています（令和8年3月31日ごろ）"),
        "{ahead}"
    );
}

#[test]
fn a_city_portal_names_the_city_in_its_open_data_never_its_prefecture() {
    let site = TestSite::city();
    site.build_ok();
    let catalog = site.output("data/catalog.jsonld");
    let page = site.output("opendata/index.html");
    for (name, text) in [("catalog", &catalog), ("opendata page", &page)] {
        assert!(
            !text.contains("鳥取県"),
            "{name} names the prefecture: {text}"
        );
        assert!(text.contains("1行目は米子市全体"), "{name}: {text}");
    }
    assert!(catalog.contains("米子市 ケアプランデータ連携システム 市区町村別の導入状況"));
}

#[test]
fn a_city_portals_office_cards_give_each_address_once() {
    let site = TestSite::city();
    site.build_ok();
    let list = site.output("offices/index.html");
    assert!(!list.contains("米子市鳥取県"), "a doubled address");
    assert!(list.contains("<dd>米子市架空町"), "{list}");
}

#[test]
fn a_city_portals_area_list_is_not_its_breakdown_again() {
    let site = TestSite::city();
    site.build_ok();
    let title = |page: &str| {
        let html = site.output(page);
        let start = html.find("<title>").expect("a title") + 7;
        html[start..start + html[start..].find("</title>").expect("its end")].to_string()
    };
    assert_ne!(
        title("municipalities/index.html"),
        title("areas/index.html")
    );
    let areas = site.output("areas/index.html");
    assert!(!areas.contains("class=\"chart"), "no second chart: {areas}");
    let area = site.output("areas/minatoyama/index.html");
    assert!(area.contains("圏域別の事業所一覧"), "its breadcrumb");
}

#[test]
fn no_groups_no_groups_file_and_no_notes_about_what_is_not_there() {
    let site = TestSite::minimal();
    site.write(
        "site.toml",
        SITE_TOML
            .split("[[groups]]")
            .next()
            .expect("the site without groups"),
    );
    site.build_ok();
    assert!(!site.path().join("public/data/groups.csv").exists());
    assert!(!site.output("data/catalog.jsonld").contains("groups.csv"));
    let page = site.output("municipalities/index.html");
    assert!(!page.contains("「重点」"), "{page}");
    assert!(!page.contains("政令指定都市"), "{page}");
    assert!(!page.contains("groups.csv"), "{page}");
    // With its group, the minimal site has both.
    let grouped = TestSite::minimal();
    grouped.build_ok();
    assert!(grouped.output("data/groups.csv").contains("\n北部,"));
    let page = grouped.output("municipalities/index.html");
    assert!(page.contains("「重点」は"), "{page}");
    assert!(!page.contains("政令指定都市"), "{page}");
}

#[test]
fn every_atom_feed_has_its_updated_even_when_empty() {
    let site = TestSite::minimal();
    site.remove("content/news/training.md");
    site.build_ok();
    let feeds: Vec<String> = walkdir::WalkDir::new(site.path().join("public"))
        .into_iter()
        .map(|e| e.expect("an entry").into_path())
        .filter(|p| p.extension().is_some_and(|e| e == "xml") && !p.ends_with("sitemap.xml"))
        .map(|p| std::fs::read_to_string(p).expect("a feed"))
        .collect();
    assert!(feeds.len() >= 4, "{}", feeds.len());
    for feed in &feeds {
        let head = &feed[..feed.find("<entry>").unwrap_or(feed.len())];
        assert!(
            head.contains("  <updated>2025-11-30T00:00:00+09:00</updated>\n"),
            "{feed}"
        );
    }
}

#[test]
fn the_catalog_gives_issued_and_modified() {
    let site = TestSite::minimal();
    site.write(
        "data/adoption/2025-09-30.csv",
        "office_number,linking,software\n4470100001,true,\n",
    );
    site.build_ok();
    let catalog: serde_json::Value =
        serde_json::from_str(&site.output("data/catalog.jsonld")).expect("JSON");
    for node in std::iter::once(&catalog)
        .chain(catalog["dcat:dataset"].as_array().expect("datasets").iter())
    {
        assert_eq!(node["dct:issued"]["@value"], "2025-09-30", "{node}");
        assert_eq!(node["dct:modified"]["@value"], "2025-11-30", "{node}");
    }
}

#[test]
fn the_summary_says_a_first_figure_is_the_first() {
    let site = TestSite::minimal();
    // 杵築市 has no office at first: its rate is empty.
    site.write(
        "data/offices.csv",
        &crate::harness::OFFICES
            .lines()
            .filter(|l| !l.contains(",442101,"))
            .map(|l| format!("{l}\n"))
            .collect::<String>(),
    );
    site.write(
        "data/adoption/2025-11-30.csv",
        "office_number,linking,software\n4470100001,true,\n",
    );
    site.build_ok();
    site.write("data/offices.csv", crate::harness::OFFICES);
    site.write("data/adoption/2025-11-30.csv", crate::harness::SNAPSHOT);
    let run = site.build_ok();
    assert!(
        run.stdout
            .contains("杵築市 50.0% (first figure: none before)"),
        "{}",
        run.stdout
    );
    assert!(!run.stdout.contains("– →"), "{}", run.stdout);
}

#[test]
fn a_failed_first_build_does_not_claim_a_previous_output_was_kept() {
    let site = TestSite::minimal();
    site.write("data/offices.csv", "office_number,name\n12,\n");
    let run = site.build_fails();
    run.assert_stderr_has("(nothing was written)");
    assert!(!run.stderr.contains("previous output"), "{}", run.stderr);
    let ja = renkei(&[
        "build",
        "--lang",
        "ja",
        "--root",
        site.path().to_str().expect("a UTF-8 path"),
    ]);
    assert!(
        ja.stderr.contains("出力はまだ書き出していません"),
        "{}",
        ja.stderr
    );
}

#[test]
fn titles_headings_and_office_names_break_between_phrases() {
    let site = TestSite::city();
    site.build_ok();
    let home = site.output_raw("index.html");
    assert!(
        home.contains(">米子市 ケアプランデータ<wbr>連携 導入支援<wbr>ポータル</a>"),
        "{home}"
    );
    let office = site.output_raw("offices/3100020012/index.html");
    assert!(
        office.contains("<h1>たんぽぽ<wbr>地域包括支援<wbr>センター<wbr>（架空）"),
        "{office}"
    );
    assert!(
        office.contains("ケアプランデータ<wbr>連携<wbr>システムを<wbr>導入しました"),
        "the flyer's title: {office}"
    );
}
