//! Charts on the pages: present beside their tables, accessible, equal to the
//! figures the open data publishes, and the same bytes on every build.

use std::collections::BTreeMap;

use crate::harness::TestSite;

/// The `<svg>` element whose title id is `ID-title`.
fn svg<'a>(html: &'a str, id: &str) -> &'a str {
    let title = format!("aria-labelledby=\"{id}-title\"");
    let at = html
        .find(&title)
        .unwrap_or_else(|| panic!("no chart {id} on the page"));
    let start = html[..at].rfind("<svg").expect("an svg start");
    let end = at + html[at..].find("</svg>").expect("an svg end") + "</svg>".len();
    &html[start..end]
}

/// The `data-*` attributes of every data mark (`<g class="CLASS" …>`).
fn marks(svg: &str, class: &str) -> Vec<BTreeMap<String, String>> {
    let open = format!("<g class=\"{class}\"");
    svg.match_indices(&open)
        .map(|(at, _)| {
            let tag = &svg[at..at + svg[at..].find('>').expect("a tag end")];
            tag.split(" data-")
                .skip(1)
                .map(|pair| {
                    let (key, value) = pair.split_once("=\"").expect("an attribute");
                    (key.to_string(), value.trim_end_matches('"').to_string())
                })
                .collect()
        })
        .collect()
}

/// The text between `<tag …>` and `</tag>` after `from`.
fn element<'a>(svg: &'a str, tag: &str) -> &'a str {
    let open = svg.find(&format!("<{tag}")).expect("an element");
    let start = open + svg[open..].find('>').expect("a tag end") + 1;
    let end = start + svg[start..].find(&format!("</{tag}>")).expect("a close");
    &svg[start..end]
}

/// Rows of an open-data CSV (BOM and header dropped), split at commas.
fn csv_rows(text: &str) -> Vec<Vec<String>> {
    text.trim_start_matches('\u{feff}')
        .lines()
        .skip(1)
        .map(|l| l.split(',').map(str::to_string).collect())
        .collect()
}

fn assert_accessible(svg: &str, title: &str) {
    assert!(svg.contains("role=\"img\""), "not an image: {svg:.200}");
    assert_eq!(element(svg, "title"), title);
    assert!(
        element(svg, "desc").chars().count() > 10,
        "the description says nothing"
    );
    assert!(svg.contains("viewBox=\"0 0 "), "does not scale: {svg:.200}");
}

#[test]
fn home_shows_the_trend_and_every_municipality_beside_their_tables() {
    let site = TestSite::demo();
    site.build_ok();
    let html = site.output("index.html");
    for size in ["narrow", "wide"] {
        let trend = svg(&html, &format!("chart-trend-{size}"));
        assert_accessible(
            trend,
            "大分県の導入率の推移（令和6年9月30日〜令和7年11月30日）",
        );
        let bars = svg(&html, &format!("chart-municipalities-{size}"));
        assert_accessible(bars, "市町村別の導入率（令和7年11月30日時点）");
        let desc = element(bars, "desc");
        assert!(desc.contains("最も高いのは杵築市の68.6%"), "{desc}");
        assert!(desc.contains("大分県全体は10.5%"), "{desc}");
    }
    let trend_chart = html.find("chart-trend-narrow-title").unwrap();
    let trend_table = html
        .find("<caption>大分県の導入状況の推移</caption>")
        .unwrap();
    let bar_chart = html.find("chart-municipalities-narrow-title").unwrap();
    let bar_table = html.find("<caption>市町村別の導入状況</caption>").unwrap();
    assert!(trend_chart < trend_table && trend_table < bar_chart && bar_chart < bar_table);
    assert!(html.contains("<figcaption>市町村別の導入率（令和7年11月30日時点）</figcaption>"));
}

#[test]
fn every_bar_equals_the_published_rate() {
    let site = TestSite::demo();
    site.build_ok();
    let html = site.output("index.html");
    let bars = marks(svg(&html, "chart-municipalities-narrow"), "bar");
    let published: serde_json::Value =
        serde_json::from_str(&site.output("data/municipalities.json")).unwrap();
    let published = published.as_array().unwrap();
    assert_eq!(bars.len(), published.len() - 1, "one bar per municipality");
    for row in &published[1..] {
        let name = row["name"].as_str().unwrap();
        let bar = bars
            .iter()
            .find(|b| b["label"] == name)
            .unwrap_or_else(|| panic!("no bar for {name}"));
        let rate = row["rate"]
            .as_f64()
            .map(|r| format!("{r:.1}"))
            .unwrap_or_default();
        assert_eq!(bar["value"], rate, "{name}");
        assert_eq!(bar["adopted"], row["adopted"].to_string(), "{name}");
        assert_eq!(bar["offices"], row["offices"].to_string(), "{name}");
    }
    let kitsuki = bars.iter().find(|b| b["label"] == "杵築市").unwrap();
    assert_eq!(kitsuki["value"], "68.6");
    assert_eq!(kitsuki.get("marked").map(String::as_str), Some("true"));
    let values: Vec<f64> = bars.iter().map(|b| b["value"].parse().unwrap()).collect();
    assert!(
        values.windows(2).all(|w| w[0] >= w[1]),
        "sorted highest first"
    );
}

#[test]
fn trend_points_equal_the_published_trend() {
    let site = TestSite::demo();
    site.build_ok();
    let trend = csv_rows(&site.output("data/trend.csv"));
    let rates_of = |code: &str| -> Vec<(String, String)> {
        trend
            .iter()
            .filter(|r| r[1] == code)
            .map(|r| (r[0].clone(), r[5].clone()))
            .collect()
    };
    let points_of = |html: &str, series: &str| -> Vec<(String, String)> {
        marks(svg(html, "chart-trend-wide"), "point")
            .into_iter()
            .filter(|p| p["series"] == series)
            .map(|p| (p["date"].clone(), p["value"].clone()))
            .collect()
    };
    let home = site.output("index.html");
    assert_eq!(points_of(&home, "全事業所"), rates_of("440001"));
    let page = site.output("municipalities/442101/index.html");
    assert_eq!(points_of(&page, "杵築市"), rates_of("442101"));
    assert_eq!(points_of(&page, "大分県全体"), rates_of("440001"));
    assert_eq!(
        points_of(&page, "杵築市").last(),
        Some(&("2025-11-30".to_string(), "68.6".to_string()))
    );
    let desc = element(svg(&page, "chart-trend-narrow"), "desc").to_string();
    assert!(
        desc.contains("令和7年11月30日の68.6%に上がりました"),
        "{desc}"
    );
}

#[test]
fn municipality_page_shows_service_types_as_stacked_bars() {
    let site = TestSite::demo();
    site.build_ok();
    let page = site.output("municipalities/442101/index.html");
    let chart = svg(&page, "chart-services-narrow");
    assert_accessible(
        chart,
        "杵築市のサービス種類別の導入状況（令和7年11月30日時点）",
    );
    let bars = marks(chart, "bar");
    assert!(!bars.is_empty());
    for bar in &bars {
        let row = format!(
            "<th scope=\"row\">{}</th>\n      <td class=\"num\" data-label=\"対象事業所数\">{}</td>\n      <td class=\"num\" data-label=\"導入済\">{}</td>",
            bar["label"], bar["offices"], bar["adopted"]
        );
        assert!(page.contains(&row), "the table lacks {row}");
    }
    let home_care = bars.iter().find(|b| b["label"] == "居宅介護支援").unwrap();
    assert_eq!(
        (home_care["adopted"].as_str(), home_care["offices"].as_str()),
        ("12", "12")
    );
    assert!(
        page.find("chart-services-narrow").unwrap()
            < page.find("のサービス種類別の導入状況</caption>").unwrap()
    );
}

#[test]
fn municipality_list_shows_the_large_chart() {
    let site = TestSite::demo();
    site.build_ok();
    let page = site.output("municipalities/index.html");
    let wide = svg(&page, "chart-municipalities-wide");
    assert!(wide.contains("width=\"960\""), "{wide:.300}");
    assert_accessible(wide, "市町村別の導入率（令和7年11月30日時点）");
    let kitsuki = marks(wide, "bar")
        .into_iter()
        .find(|b| b["label"] == "杵築市")
        .unwrap();
    assert_eq!(kitsuki["value"], "68.6");
}

#[test]
fn survey_page_has_one_chart_per_question_in_file_order() {
    let site = TestSite::demo();
    site.build_ok();
    let page = site.output("surveys/office-survey-2025/index.html");
    let questions = [
        "ケアプラン作成において課題と感じていること（複数選択可）",
        "ケアプランデータ連携システムを導入していない理由（複数選択可）",
        "業務負担軽減のために必要だと感じる支援内容（複数選択可）",
        "システムの導入状況（地域包括支援センター圏域別・米子市の調査）",
    ];
    let mut last = 0;
    for (i, question) in questions.iter().enumerate() {
        let id = format!("chart-q{}-narrow", i + 1);
        let at = page.find(&id).unwrap_or_else(|| panic!("no {id}"));
        assert!(at > last, "{id} out of order");
        last = at;
        assert_accessible(svg(&page, &id), &format!("{question}（回答数）"));
    }
    let first = marks(svg(&page, "chart-q1-narrow"), "bar");
    let burden = first
        .iter()
        .find(|b| b["label"] == "関連する書類が多く事務負担が大きい")
        .unwrap();
    assert_eq!(burden["value"], "77");
    let grouped = marks(svg(&page, "chart-q4-wide"), "bar");
    assert_eq!(grouped.len(), 7 * 4, "seven groups of four choices");
    let yodoe = grouped
        .iter()
        .find(|b| b["group"] == "淀江包括" && b["label"] == "導入している")
        .unwrap();
    assert_eq!(yodoe["value"], "5");
}

#[test]
fn a_single_snapshot_draws_one_point_and_says_its_date() {
    let site = TestSite::minimal();
    site.build_ok();
    let html = site.output("index.html");
    let trend = svg(&html, "chart-trend-narrow");
    assert_accessible(trend, "大分県の導入率の推移（令和7年11月30日時点）");
    assert_eq!(marks(trend, "point").len(), 2);
    assert!(
        element(trend, "desc").starts_with("令和7年11月30日時点の全事業所の導入率は60.0%です。")
    );
}

#[test]
fn a_site_without_snapshots_draws_no_chart_of_zeros() {
    let site = TestSite::minimal();
    site.remove("data/adoption/2025-11-30.csv");
    site.build_ok();
    for page in [
        "index.html",
        "municipalities/index.html",
        "municipalities/442011/index.html",
    ] {
        let html = site.output(page);
        for chart in ["chart-trend", "chart-municipalities", "chart-services"] {
            assert!(!html.contains(chart), "{page}: {chart}");
        }
    }
}

#[test]
fn long_municipality_names_wrap_instead_of_being_cut() {
    let name = "とても長い名前の架空の市町村名をつけた杵築市";
    let site = TestSite::minimal();
    site.write(
        "data/municipalities.csv",
        &format!("code,name\n442011,大分市\n442038,中津市\n442101,{name}\n"),
    );
    site.build_ok();
    let html = site.output("index.html");
    let chart = svg(&html, "chart-municipalities-narrow");
    let lines: Vec<&str> = chart
        .split("<text")
        .skip(1)
        .filter_map(|t| t.split_once('>')?.1.split('<').next())
        .filter(|t| !t.is_empty() && name.contains(*t))
        .collect();
    assert!(lines.len() > 1, "the name is on one line: {lines:?}");
    assert_eq!(lines.concat(), name, "the name is written whole");
}

#[test]
fn charts_are_the_same_bytes_on_every_build() {
    let site = TestSite::demo();
    let pages = [
        "index.html",
        "municipalities/index.html",
        "municipalities/442101/index.html",
        "surveys/office-survey-2025/index.html",
    ];
    site.build_ok();
    let first: Vec<String> = pages.iter().map(|p| site.output(p)).collect();
    site.build_ok();
    for (page, before) in pages.iter().zip(&first) {
        assert!(before.contains("<svg"), "{page} has no chart");
        assert!(
            site.output(page) == *before,
            "{page} differs between builds"
        );
    }
}
