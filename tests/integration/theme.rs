//! The default theme's head and structure over the whole built demo: unique
//! titles and descriptions, canonical and Open Graph URLs from `base_url`,
//! FAQ structured data, breadcrumbs below the home page.

use std::collections::BTreeMap;
use std::path::Path;

use crate::harness::TestSite;

const BASE_URL: &str = "https://example.jp/careplan/";

/// Every HTML file of the last build, by path relative to the output folder.
fn pages(site: &TestSite) -> BTreeMap<String, String> {
    let out = site.path().join("public");
    walkdir::WalkDir::new(&out)
        .sort_by_file_name()
        .into_iter()
        .map(|e| e.expect("walk the output"))
        .filter(|e| e.path().extension().is_some_and(|x| x == "html"))
        .map(|e| {
            let rel = e.path().strip_prefix(&out).expect("below the output");
            let text = std::fs::read_to_string(e.path()).expect("read a page");
            (slash(rel), text)
        })
        .collect()
}

fn slash(path: &Path) -> String {
    path.to_string_lossy().replace('\\', "/")
}

/// The text between `start` and the next `end` after it.
fn between<'a>(text: &'a str, start: &str, end: &str) -> Option<&'a str> {
    let from = text.find(start)? + start.len();
    let len = text[from..].find(end)?;
    Some(&text[from..from + len])
}

/// Undoes the templates' HTML escaping, enough to compare URLs and texts.
fn unescape(text: &str) -> String {
    text.replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

fn meta(page: &str, attribute: &str, name: &str) -> Option<String> {
    between(
        page,
        &format!("<meta {attribute}=\"{name}\" content=\""),
        "\"",
    )
    .map(unescape)
}

fn built_demo() -> (TestSite, BTreeMap<String, String>) {
    let site = TestSite::demo();
    site.build_ok();
    let pages = pages(&site);
    assert!(pages.len() > 30, "only {} pages", pages.len());
    (site, pages)
}

#[test]
fn every_page_has_a_unique_title_and_description() {
    let (_site, pages) = built_demo();
    let mut titles: BTreeMap<String, Vec<&str>> = BTreeMap::new();
    let mut descriptions: BTreeMap<String, Vec<&str>> = BTreeMap::new();
    for (path, page) in &pages {
        let title = between(page, "<title>", "</title>").unwrap_or_default();
        assert!(!title.trim().is_empty(), "{path} has no title");
        titles.entry(unescape(title)).or_default().push(path);
        let description = meta(page, "name", "description").unwrap_or_default();
        assert!(!description.trim().is_empty(), "{path} has no description");
        descriptions.entry(description).or_default().push(path);
    }
    let twice = |map: &BTreeMap<String, Vec<&str>>| -> Vec<String> {
        map.iter()
            .filter(|(_, paths)| paths.len() > 1)
            .map(|(text, paths)| format!("{text:?} on {}", paths.join(", ")))
            .collect()
    };
    assert_eq!(twice(&titles), Vec::<String>::new(), "titles used twice");
    assert_eq!(
        twice(&descriptions),
        Vec::<String>::new(),
        "descriptions used twice"
    );
}

#[test]
fn every_page_is_japanese_with_canonical_and_open_graph_urls_from_base_url() {
    let (_site, pages) = built_demo();
    for (path, page) in &pages {
        assert!(
            page.contains("<html lang=\"ja\">"),
            "{path}: no lang=\"ja\""
        );
        for property in ["og:type", "og:title", "og:description", "og:site_name"] {
            assert!(
                meta(page, "property", property).is_some_and(|v| !v.is_empty()),
                "{path}: no {property}"
            );
        }
        assert_eq!(
            meta(page, "property", "og:locale").as_deref(),
            Some("ja_JP"),
            "{path}"
        );
        let canonical = between(page, "<link rel=\"canonical\" href=\"", "\"").map(unescape);
        if path == "404.html" {
            assert_eq!(
                canonical, None,
                "the not-found page has no address of its own"
            );
            continue;
        }
        let expected = format!("{BASE_URL}{}", path.trim_end_matches("index.html"));
        assert_eq!(canonical.as_deref(), Some(expected.as_str()), "{path}");
        assert_eq!(
            meta(page, "property", "og:url").as_deref(),
            Some(expected.as_str()),
            "{path}"
        );
    }
}

#[test]
fn every_page_below_the_home_has_breadcrumbs_ending_at_itself() {
    let (_site, pages) = built_demo();
    for (path, page) in &pages {
        let trail = between(page, "<nav class=\"breadcrumbs", "</nav>");
        if path == "index.html" {
            assert_eq!(trail, None, "the home page has no breadcrumbs");
            continue;
        }
        let trail = trail.unwrap_or_else(|| panic!("{path} has no breadcrumbs"));
        assert!(trail.contains(">ホーム</a>"), "{path}: {trail}");
        assert_eq!(
            trail.matches("aria-current=\"page\"").count(),
            1,
            "{path}: {trail}"
        );
    }
}

#[test]
fn every_footer_has_the_contact_the_as_of_date_and_the_policy_pages() {
    let (_site, pages) = built_demo();
    for (path, page) in &pages {
        let footer =
            between(page, "<footer", "</footer>").unwrap_or_else(|| panic!("{path} has no footer"));
        let footer = unescape(footer);
        for needed in [
            "href=\"/careplan/contact/\">お問い合わせ先・受付時間</a>",
            "導入状況のデータ：令和7年11月30日時点",
            "href=\"/careplan/accessibility/\">ウェブアクセシビリティ方針</a>",
            "href=\"/careplan/opendata/\">オープンデータ</a>",
        ] {
            assert!(
                footer.contains(needed),
                "{path}: footer lacks {needed}:\n{footer}"
            );
        }
    }
}

#[test]
fn a_site_without_a_contact_page_has_no_contact_link() {
    let site = TestSite::minimal();
    site.build_ok();
    let home = site.output("index.html");
    assert!(!home.contains("お問い合わせ先・受付時間"), "{home}");
}

#[test]
fn the_faq_page_carries_faqpage_structured_data_for_every_question() {
    let (_site, pages) = built_demo();
    let page = &pages["faq/index.html"];
    let json = between(page, "<script type=\"application/ld+json\">", "</script>")
        .expect("a JSON-LD script on the FAQ page");
    assert!(!json.contains("</"), "`</` must be escaped inside <script>");
    let value: serde_json::Value = serde_json::from_str(json).expect("valid JSON");
    assert_eq!(value["@context"], "https://schema.org");
    assert_eq!(value["@type"], "FAQPage");
    let questions = value["mainEntity"].as_array().expect("a list of questions");
    let shown = page.matches("<span class=\"q-mark\"").count();
    assert!(shown > 10, "only {shown} questions on the page");
    assert_eq!(questions.len(), shown);
    for q in questions {
        assert_eq!(q["@type"], "Question");
        assert!(q["name"].as_str().is_some_and(|n| !n.is_empty()), "{q}");
        assert_eq!(q["acceptedAnswer"]["@type"], "Answer");
        assert!(
            q["acceptedAnswer"]["text"]
                .as_str()
                .is_some_and(|t| t.contains("<p>")),
            "{q}"
        );
    }
}

#[test]
fn faq_structured_data_cannot_end_its_script_early() {
    let site = TestSite::minimal();
    // Raw HTML is what could end the script; a site has to allow it.
    site.write(
        "site.toml",
        &format!(
            "{}\n[markdown]\nunsafe_html = true\n",
            crate::harness::SITE_TOML
        ),
    );
    site.write(
        "content/faq/general.md",
        "+++\ntitle = \"全般\"\n+++\n## 費用は？ {#fee}\n\n<b>年21,000円</b></script><!-- です -->\n",
    );
    site.build_ok();
    let page = site.output("faq/index.html");
    let json = between(&page, "<script type=\"application/ld+json\">", "</script>")
        .expect("a JSON-LD script");
    assert!(!json.contains("</") && !json.contains("<!--"), "{json}");
    let value: serde_json::Value = serde_json::from_str(json).expect("valid JSON");
    let text = value["mainEntity"][0]["acceptedAnswer"]["text"]
        .as_str()
        .expect("an answer");
    assert!(
        text.contains("<b>年21,000円</b></script><!-- です -->"),
        "{text}"
    );
}

#[test]
fn the_theme_ships_the_design_tokens_with_their_licence() {
    let site = TestSite::minimal();
    site.build_ok();
    let tokens = site.output("css/tokens.css");
    assert!(
        tokens.contains("--color-primitive-blue-900: #0017c1;"),
        "{tokens}"
    );
    assert!(tokens.contains("@digital-go-jp/design-tokens"), "{tokens}");
    let licence = site.output("css/tokens.LICENSE.txt");
    assert!(licence.contains("MIT License") && licence.contains("デジタル庁"));
    let home = site.output("index.html");
    for css in [
        "css/tokens.css\"",
        "css/site.css\"",
        "css/print.css\" media=\"print\"",
    ] {
        assert!(home.contains(css), "index.html does not load {css}");
    }
}
