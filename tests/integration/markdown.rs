//! Markdown as editors write it: heading ids unique on each output page,
//! links and images resolved and checked against the output, live figures,
//! videos, and raw HTML and `javascript:` links left out.

use std::collections::BTreeMap;

use crate::harness::{SITE_TOML, TestSite};

/// Every `id="..."` of an HTML page, in order.
fn ids(html: &str) -> Vec<String> {
    html.split(" id=\"")
        .skip(1)
        .map(|rest| rest[..rest.find('"').expect("a closed attribute")].to_string())
        .collect()
}

fn duplicates(html: &str) -> Vec<String> {
    let mut seen = BTreeMap::new();
    for id in ids(html) {
        *seen.entry(id).or_insert(0) += 1;
    }
    seen.into_iter()
        .filter(|&(_, n)| n > 1)
        .map(|(id, _)| id)
        .collect()
}

fn guide(site: &TestSite, body: &str) {
    site.write(
        "content/guides/start.md",
        &format!("+++\ntitle = \"導入の流れ\"\n+++\n{body}"),
    );
}

/// A site whose base_url has the path `/careplan/`.
fn careplan_site() -> TestSite {
    let site = TestSite::minimal();
    site.write(
        "site.toml",
        &SITE_TOML.replace("https://example.jp/portal/", "https://example.jp/careplan/"),
    );
    site
}

#[test]
fn the_same_question_and_subheading_in_two_faq_files_get_unique_ids() {
    let site = TestSite::minimal();
    site.write(
        "content/_index.md",
        "+++\ntitle = \"ホーム\"\n+++\nようこそ。\n",
    );
    let answer = "## 費用は？\n\n年額です。\n\n### 手順\n\n申し込みます。\n";
    site.write(
        "content/faq/cost.md",
        &format!("+++\ntitle = \"費用\"\nweight = 1\n+++\n{answer}"),
    );
    site.write(
        "content/faq/general.md",
        &format!("+++\ntitle = \"全般\"\nweight = 2\n+++\n{answer}"),
    );
    guide(
        &site,
        "[二つめ](@/faq/general.md#手順-1) と [一つめ](@/faq/cost.md#費用は)\n",
    );
    site.build_ok();
    let faq = site.output("faq/index.html");
    assert!(duplicates(&faq).is_empty(), "{:?}", duplicates(&faq));
    for id in ["cost", "general", "費用は", "費用は-1", "手順", "手順-1"] {
        assert!(
            ids(&faq).contains(&id.to_string()),
            "{id} in {:?}",
            ids(&faq)
        );
    }
    let guide = site.output("guides/start/index.html");
    assert!(
        guide.contains("href=\"/portal/faq/#%E6%89%8B%E9%A0%86-1\""),
        "{guide}"
    );
}

#[test]
fn an_anchor_made_up_on_another_page_is_not_on_the_faq_page() {
    let site = TestSite::minimal();
    site.write(
        "content/faq/general.md",
        "+++\ntitle = \"全般\"\n+++\n## 費用は？ {#fee}\n\n### 手順\n\n申し込みます。\n",
    );
    guide(&site, "本文\n\n[手順](@/faq/general.md#手順-1)\n");
    let run = site.check();
    assert!(!run.success);
    run.assert_stderr_has("error: content/guides/start.md:6: link \"@/faq/general.md#手順-1\": content/faq/general.md has no heading with id \"手順-1\"");
}

#[test]
fn an_explicit_id_twice_on_the_faq_page_names_both_places() {
    let site = TestSite::minimal();
    site.write(
        "content/faq/setup.md",
        "+++\ntitle = \"準備\"\n+++\n本文\n\n## 費用は？ {#fee}\n\n答え。\n",
    );
    site.build_fails().assert_stderr_has(
        "error: content/faq/setup.md:6: heading id \"fee\" is also used at content/faq/general.md:4: ids must be unique on the page",
    );
}

#[test]
fn an_explicit_id_the_page_already_has_is_refused_with_both_places() {
    let site = TestSite::minimal();
    guide(&site, "## 本文へ {#main}\n");
    site.build_fails().assert_stderr_has("error: content/guides/start.md:4: heading id \"main\" is also written on page /guides/start/ by the theme's templates, a chart or the map: ids must be unique on the page, so choose another");
    // The home page's own headings, and the ids the charts and the map write.
    let site = TestSite::minimal();
    site.write(
        "content/_index.md",
        "+++\ntitle = \"ホーム\"\n+++\nようこそ。\n\n## 新着 {#new-offices-heading}\n\n## 地図 {#map-desc}\n",
    );
    let run = site.build_fails();
    run.assert_stderr_has("error: content/_index.md:6: heading id \"new-offices-heading\" is also written on page / by");
    run.assert_stderr_has(
        "error: content/_index.md:8: heading id \"map-desc\" is also written on page / by",
    );
}

#[test]
fn made_up_ids_step_around_what_the_page_holds() {
    let site = TestSite::minimal();
    site.write(
        "content/_index.md",
        "+++\ntitle = \"ホーム\"\n+++\nようこそ。\n\n## new offices heading\n\n## map desc\n",
    );
    site.build_ok();
    let home = site.output("index.html");
    assert!(home.contains("<h2 id=\"new-offices-heading-1\">"), "{home}");
    assert!(home.contains("<h2 id=\"h-map-desc\">"), "{home}");
}

#[test]
fn a_custom_theme_reserves_its_own_ids() {
    let site = TestSite::minimal();
    let page =
        std::fs::read_to_string(crate::harness::repo().join("themes/default/templates/page.html"))
            .unwrap();
    let page = page.replacen(
        "{% block main %}",
        "{% block main %}<p id=\"banner\">お知らせ</p>",
        1,
    );
    assert!(
        page.contains("id=\"banner\""),
        "page.html has no main block"
    );
    site.write("themes/default/templates/page.html", &page);
    guide(&site, "## banner\n\n本文。\n");
    site.build_ok();
    let guide_page = site.output("guides/start/index.html");
    assert!(guide_page.contains("<h2 id=\"banner-1\">"), "{guide_page}");
    guide(&site, "## 告知 {#banner}\n");
    site.build_fails().assert_stderr_has("error: content/guides/start.md:4: heading id \"banner\" is also written on page /guides/start/");
}

/// The editors' guide's `cost.md` example beside the starter's `general.md`, whose
/// question is `{#cost}`, failed the whole build.
#[test]
fn a_faq_category_named_like_a_question_id_is_numbered() {
    let site = TestSite::minimal();
    site.write(
        "content/faq/general.md",
        "+++\ntitle = \"全般\"\nweight = 1\n+++\n## 費用はかかりますか？ {#cost}\n\n年額です。\n\n## main\n",
    );
    site.write(
        "content/faq/cost.md",
        "+++\ntitle = \"費用\"\nweight = 2\n+++\n## ライセンス料はいくらですか？ {#license-fee}\n\n年額21,000円です。\n",
    );
    site.write(
        "content/faq/main.md",
        "+++\ntitle = \"主な質問\"\nweight = 3\n+++\n",
    );
    site.write(
        "content/_index.md",
        "+++\ntitle = \"ホーム\"\n+++\n[費用](@/faq/general.md#cost)\n",
    );
    site.build_ok();
    let faq = site.output("faq/index.html");
    assert!(duplicates(&faq).is_empty(), "{:?}", duplicates(&faq));
    assert!(faq.contains("<h3 id=\"cost\">"), "{faq}");
    assert!(faq.contains("<h2 id=\"cost-1\">費用</h2>"), "{faq}");
    assert!(faq.contains("<a href=\"#cost-1\">費用（1）</a>"), "{faq}");
    assert!(faq.contains("<h2 id=\"main-1\">主な質問</h2>"), "{faq}");
    assert!(faq.contains("<h3 id=\"main-2\">"), "{faq}");
}

/// Fails on any page of a built output with an `id` used twice.
fn assert_no_duplicate_ids(public: &std::path::Path) {
    let mut pages = 0;
    for entry in walkdir::WalkDir::new(public).sort_by_file_name() {
        let entry = entry.expect("walk");
        if entry.path().extension().is_some_and(|e| e == "html") {
            let html = std::fs::read_to_string(entry.path()).expect("an HTML page");
            let twice = duplicates(&html);
            assert!(twice.is_empty(), "{}: {twice:?}", entry.path().display());
            pages += 1;
        }
    }
    assert!(pages > 50, "{pages} pages");
}

#[test]
fn no_page_of_the_demo_has_a_duplicate_id() {
    let site = TestSite::demo();
    site.build_ok();
    assert_no_duplicate_ids(&site.path().join("public"));
}

#[test]
fn no_page_of_a_prefecture_with_wards_has_a_duplicate_id() {
    let (_dir, root) = crate::map::generated_site("27");
    assert_no_duplicate_ids(&root.join("public"));
}

#[test]
fn the_demo_guide_shows_its_screenshot_video_and_live_figures() {
    let site = TestSite::demo();
    site.build_ok();
    let page = site.output("guides/check-partners/index.html");
    assert!(
        page.contains("<img src=\"/careplan/guides/offices-search.png\""),
        "{page}"
    );
    assert!(
        page.contains(
            "<video controls preload=\"metadata\" src=\"/careplan/guides/check-partners.webm\""
        ),
        "{page}"
    );
    assert!(page.contains("大分市の導入率は14.6%"), "{page}");
    let png = std::fs::read(site.path().join("public/guides/offices-search.png"))
        .expect("the screenshot is published");
    assert!(png.starts_with(b"\x89PNG") && png.len() < 60_000);
}

#[test]
fn an_image_beside_the_markdown_is_published_at_its_content_path() {
    let site = careplan_site();
    site.write_bytes("content/guides/screen.png", b"\x89PNG");
    guide(&site, "![画面](screen.png)\n\n![同じ](./screen.png)\n");
    site.build_ok();
    let page = site.output("guides/start/index.html");
    assert!(
        page.contains("<img src=\"/careplan/guides/screen.png\" alt=\"画面\" />"),
        "{page}"
    );
    assert!(
        page.contains("<img src=\"/careplan/guides/screen.png\" alt=\"同じ\" />"),
        "{page}"
    );
    assert_eq!(
        std::fs::read(site.path().join("public/guides/screen.png")).unwrap(),
        b"\x89PNG"
    );
}

#[test]
fn a_missing_image_is_an_error_with_its_line() {
    let site = careplan_site();
    guide(&site, "本文\n\n![画面](screen.png)\n");
    let run = site.check();
    assert!(!run.success);
    run.assert_stderr_has("error: content/guides/start.md:6: image \"screen.png\": nothing is published at /careplan/guides/start/screen.png and there is no file content/guides/screen.png");
}

#[test]
fn root_relative_links_get_the_base_path_and_are_checked() {
    let site = careplan_site();
    guide(
        &site,
        "[一覧](/offices/) [大分市](/municipalities/442011/#trend-heading) [css](/css/site.css)\n\n[ない](/offices/9999999999/) [ない見出し](/municipalities/#nowhere)\n",
    );
    let run = site.build_fails();
    run.assert_stderr_has("error: content/guides/start.md:6: link \"/offices/9999999999/\": nothing is published at /careplan/offices/9999999999/");
    run.assert_stderr_has("error: content/guides/start.md:6: link \"/municipalities/#nowhere\": /careplan/municipalities/ has no id \"nowhere\"");
    assert!(!run.stderr.contains(":4:"), "{}", run.stderr);
    guide(
        &site,
        "[一覧](/offices/) [大分市](/municipalities/442011/#trend-heading)\n",
    );
    site.build_ok();
    let page = site.output("guides/start/index.html");
    assert!(
        page.contains("<a href=\"/careplan/offices/\">一覧</a>"),
        "{page}"
    );
    assert!(
        page.contains("href=\"/careplan/municipalities/442011/#trend-heading\""),
        "{page}"
    );
}

#[test]
fn relative_links_are_read_from_the_page_url() {
    let site = careplan_site();
    site.write(
        "content/guides/install.md",
        "+++\ntitle = \"インストール\"\n+++\n## 手順\n",
    );
    guide(&site, "本文\n\n[外](../../../../x/)\n");
    site.build_fails().assert_stderr_has(
        "error: content/guides/start.md:6: link \"../../../../x/\" leads above the site's root /careplan/",
    );
    guide(
        &site,
        "[次へ](../install/#手順) [FAQ](../../faq/)\n\n[ない](../setup/) [ページ](install.md)\n",
    );
    let run = site.build_fails();
    run.assert_stderr_has("error: content/guides/start.md:6: link \"../setup/\": nothing is published at /careplan/guides/setup/");
    run.assert_stderr_has("error: content/guides/start.md:6: link \"install.md\": nothing is published at /careplan/guides/start/install.md; to link to the page content/guides/install.md, write @/guides/install.md");
    guide(
        &site,
        "[次へ](../install/#手順) [FAQ](../../faq/) [上](#top)\n\n## top\n",
    );
    site.build_ok();
    let page = site.output("guides/start/index.html");
    assert!(
        page.contains("href=\"/careplan/guides/install/#%E6%89%8B%E9%A0%86\""),
        "{page}"
    );
    assert!(page.contains("href=\"/careplan/faq/\""), "{page}");
    assert!(page.contains("href=\"#top\""), "{page}");
}

#[test]
fn external_links_are_left_as_written() {
    let site = TestSite::minimal();
    guide(
        &site,
        "[国保中央会](https://www.kokuho.or.jp/) [メール](mailto:a@example.jp) [電話](tel:0975000000) <https://example.jp/a>\n",
    );
    site.build_ok();
    let page = site.output("guides/start/index.html");
    for href in [
        "https://www.kokuho.or.jp/",
        "mailto:a@example.jp",
        "tel:0975000000",
        "https://example.jp/a",
    ] {
        assert!(page.contains(&format!("href=\"{href}\"")), "{href}: {page}");
    }
}

#[test]
fn live_figures_show_as_the_pages_do() {
    let site = TestSite::minimal();
    site.write(
        "data/municipalities.csv",
        &format!("{}442046,別府市,べっぷし\n", crate::harness::MUNICIPALITIES),
    );
    guide(
        &site,
        "県 {{ figure(value=\"offices\") }}/{{ figure(value=\"adopted\") }}/{{ figure(value=\"rate\") }}/{{ figure(value=\"cm_offices\") }}/{{ figure(value=\"cm_adopted\") }}/{{ figure(value=\"cm_rate\") }}/{{ figure(value=\"linking\") }}/{{ figure(value=\"as_of\") }}/{{ figure(value=\"planned\") }}\n\n\
         市 {{ figure(value=\"rate\", place=\"442011\") }} 名 {{ figure(value=\"adopted\", place=\"中津市\") }} 群 {{ figure(value=\"rate\", place=\"北部\") }} 無 {{ figure(value=\"rate\", place=\"442046\") }}\n\n\
         `{{ figure(value=\"rate\") }}`\n\n```\n{{ figure(value=\"nope\") }}\n```\n",
    );
    site.write(
        "data/plans.csv",
        "office_number,date\n4410100002,2026-03-31\n",
    );
    site.build_ok();
    let page = site.output("guides/start/index.html");
    assert!(
        page.contains("<p>県 5/3/60.0%/2/2/100.0%/2/令和7年11月30日/1</p>"),
        "{page}"
    );
    assert!(
        page.contains("<p>市 50.0% 名 1 群 66.7% 無 –</p>"),
        "{page}"
    );
    assert!(
        page.contains("<code>{{ figure(value=\"rate\") }}</code>"),
        "{page}"
    );
    assert!(
        page.contains("<pre><code>{{ figure(value=\"nope\") }}\n</code></pre>"),
        "{page}"
    );
}

#[test]
fn an_unknown_figure_value_or_place_is_an_error_with_its_line() {
    let site = TestSite::minimal();
    guide(
        &site,
        "本文\n\n{{ figure(value=\"ratio\") }}\n\n{{ figure(value=\"rate\", place=\"999999\") }}\n\n{{ figure(value=\"plans\") }}\n\n{{ figure(value=\"rate\", town=\"a\") }}\n\n{{ chart(value=\"rate\") }}\n",
    );
    let run = site.check();
    assert!(!run.success);
    run.assert_stderr_has("error: content/guides/start.md:6: figure: unknown value \"ratio\": expected one of offices, adopted, rate, cm_offices, cm_adopted, cm_rate, linking, planned, as_of");
    run.assert_stderr_has("error: content/guides/start.md:8: figure: unknown place \"999999\": expected a municipality code or name of data/municipalities.csv, an area id of data/areas.csv or a group name of site.toml");
    run.assert_stderr_has("error: content/guides/start.md:10: figure: unknown value \"plans\": expected one of offices, adopted, rate, cm_offices, cm_adopted, cm_rate, linking, planned, as_of");
    run.assert_stderr_has("error: content/guides/start.md:12: figure: unknown argument \"town\": expected value=\"...\" and place=\"...\"");
    run.assert_stderr_has("error: content/guides/start.md:14: unknown {{ chart(...) }}: expected figure(...) or video(...)");
}

#[test]
fn videos_from_youtube_and_from_a_file() {
    let site = careplan_site();
    site.write_bytes("content/guides/intro.webm", b"webm");
    guide(
        &site,
        "{{ video(src=\"https://www.youtube.com/watch?v=AbC_123-xyz\", title=\"説明会\") }}\n\n{{ video(src=\"intro.webm\", title=\"操作\") }}\n",
    );
    site.build_ok();
    let page = site.output("guides/start/index.html");
    assert!(page.contains("<figure class=\"video\"><iframe src=\"https://www.youtube-nocookie.com/embed/AbC_123-xyz\" title=\"説明会\""), "{page}");
    assert!(
        page.contains("<a href=\"https://www.youtube.com/watch?v=AbC_123-xyz\">YouTubeで見る</a>"),
        "{page}"
    );
    assert!(page.contains("<video controls preload=\"metadata\" src=\"/careplan/guides/intro.webm\" title=\"操作\"></video>"), "{page}");
    assert!(!page.contains("<p><figure"), "{page}");
    assert!(!page.contains("autoplay"), "{page}");
}

#[test]
fn a_missing_video_file_is_an_error_with_its_line() {
    let site = careplan_site();
    guide(
        &site,
        "本文\n\n{{ video(src=\"intro.webm\", title=\"操作\") }}\n",
    );
    site.build_fails().assert_stderr_has("error: content/guides/start.md:6: video \"intro.webm\": nothing is published at /careplan/guides/start/intro.webm and there is no file content/guides/intro.webm");
}

#[test]
fn raw_html_and_javascript_links_are_left_out_with_a_warning() {
    let site = TestSite::minimal();
    guide(
        &site,
        "<script>alert(1)</script>\n\n本文<img src=x onerror=alert(1)> と [押す](javascript:alert(1)) と [v](VBScript:x)\n",
    );
    let run = site.build_ok();
    run.assert_stderr_has("warning: content/guides/start.md:4: raw HTML is left out (site.toml can allow it with [markdown] unsafe_html = true)");
    run.assert_stderr_has("warning: content/guides/start.md:6: raw HTML is left out (site.toml can allow it with [markdown] unsafe_html = true)");
    run.assert_stderr_has("warning: content/guides/start.md:6: link \"javascript:alert(1)\" is left out (javascript: addresses run code); its text is kept");
    run.assert_stderr_has("warning: content/guides/start.md:6: link \"VBScript:x\" is left out (vbscript: addresses run code); its text is kept");
    let page = site.output("guides/start/index.html");
    assert!(!page.contains("alert(1)"), "{page}");
    assert!(page.contains("<p>本文 と 押す と v</p>"), "{page}");
    let strict = site.run(&["check", "--strict"]);
    assert!(!strict.success, "{}", strict.stderr);
}

#[test]
fn raw_html_is_kept_when_the_site_allows_it() {
    let site = TestSite::minimal();
    site.write(
        "site.toml",
        &format!("{SITE_TOML}\n[markdown]\nunsafe_html = true\n"),
    );
    guide(&site, "<div class=\"note\">注意</div>\n\n本文<b>太字</b>\n");
    let run = site.build_ok();
    assert!(!run.stderr.contains("raw HTML"), "{}", run.stderr);
    let page = site.output("guides/start/index.html");
    assert!(
        page.contains("<div class=\"note\">注意</div>") && page.contains("本文<b>太字</b>"),
        "{page}"
    );
}
