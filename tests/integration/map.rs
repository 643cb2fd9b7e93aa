//! The adoption map: one linked shape per municipality or ward, each carrying
//! the rate the open data publishes, for the demo and for generated sites of
//! prefectures with designated cities; and a light page for the largest one.

use std::collections::BTreeMap;
use std::fmt::Write;
use std::path::Path;

use crate::harness::{TestSite, renkei};
use crate::intake::new_site;

/// The `<figure>` holding the map.
fn map_figure(html: &str) -> &str {
    let start = html.find("<figure class=\"map-figure\">").expect("a map");
    let end = start + html[start..].find("</figure>").expect("a figure end");
    &html[start..end]
}

/// `data-code` → (`data-rate`, `href`) of every shape.
fn shapes(figure: &str) -> BTreeMap<String, (String, String)> {
    figure
        .split("<a href=\"")
        .skip(1)
        .map(|link| {
            let href = &link[..link.find('"').unwrap()];
            let attr = |name: &str| {
                let at = link.find(&format!("{name}=\"")).unwrap() + name.len() + 2;
                link[at..at + link[at..].find('"').unwrap()].to_string()
            };
            (attr("data-code"), (attr("data-rate"), href.to_string()))
        })
        .collect()
}

/// `code` → `rate` of every municipality in the open data (prefecture row left out).
fn published_rates(site_output: &str) -> BTreeMap<String, String> {
    site_output
        .trim_start_matches('\u{feff}')
        .lines()
        .skip(2)
        .map(|line| {
            let cells: Vec<&str> = line.split(',').collect();
            (cells[0].to_string(), cells[5].to_string())
        })
        .collect()
}

#[test]
fn the_demo_maps_every_municipality_with_its_published_rate() {
    let site = TestSite::demo();
    site.build_ok();
    let published = published_rates(&site.output("data/municipalities.csv"));
    assert_eq!(published.len(), 18);
    for page in ["index.html", "municipalities/index.html"] {
        let html = site.output(page);
        let figure = map_figure(&html);
        let drawn = shapes(figure);
        let rates: BTreeMap<String, String> = drawn
            .iter()
            .map(|(c, (rate, _))| (c.clone(), rate.clone()))
            .collect();
        assert_eq!(rates, published, "{page}");
        assert_eq!(
            drawn["442101"].1, "/careplan/municipalities/442101/",
            "{page}"
        );
        assert!(figure.contains("<title>杵築市 68.6%</title>"), "{page}");
        assert!(figure.contains("<title>姫島村 0.0%（対象事業所8か所）</title>"));
        assert!(figure.contains(
            "<p class=\"map-credit\">出典：国土交通省「国土数値情報（行政区域データ）」（2021年1月1日時点）を加工して作成</p>"
        ));
        assert!(
            figure.contains("<li>") && figure.contains("15%以上</li>"),
            "{page}"
        );
    }
    let html = site.output("index.html");
    let map = html.find("class=\"map-figure\"").unwrap();
    let table = html.find("<caption>市町村別の導入状況</caption>").unwrap();
    assert!(map < table, "the map comes before its table");
}

/// A new site of `prefecture` with two offices in every municipality and
/// ward of the national list, one of them adopted in every other place.
pub fn generated_site(prefecture: &str) -> (tempfile::TempDir, std::path::PathBuf) {
    let (dir, root) = new_site(prefecture);
    let municipalities = std::fs::read_to_string(root.join("data/municipalities.csv")).unwrap();
    let mut offices = String::from("office_number,name,municipality_code,service_types\n");
    let mut adopted = String::from("office_number\n");
    for (i, line) in municipalities.lines().skip(1).enumerate() {
        let code = &line[..6];
        for n in 0..2 {
            let number = format!("{prefecture}{:04}{n:04}", i);
            writeln!(offices, "{number},事業所{i}-{n},{code},居宅介護支援").unwrap();
            if n == 0 && i % 2 == 0 {
                writeln!(adopted, "{number}").unwrap();
            }
        }
    }
    std::fs::write(root.join("data/offices.csv"), offices).unwrap();
    std::fs::write(root.join("data/adoption/2025-11-30.csv"), adopted).unwrap();
    let build = renkei(&[
        std::ffi::OsStr::new("build"),
        std::ffi::OsStr::new("--root"),
        root.as_os_str(),
    ]);
    assert!(build.success, "{}", build.stderr);
    (dir, root)
}

fn output(root: &Path, rel: &str) -> String {
    std::fs::read_to_string(root.join("public").join(rel)).unwrap()
}

#[test]
fn osaka_maps_72_units_with_the_wards_of_osaka_and_sakai() {
    let (_dir, root) = generated_site("27");
    let drawn = shapes(map_figure(&output(&root, "index.html")));
    assert_eq!(drawn.len(), 72);
    assert!(!drawn.contains_key("271004") && !drawn.contains_key("271403"));
    let osaka_wards = drawn
        .keys()
        .filter(|c| c.starts_with("2710") || c.starts_with("2711") || c.starts_with("2712"))
        .count();
    let sakai_wards = drawn.keys().filter(|c| c.starts_with("2714")).count();
    assert_eq!((osaka_wards, sakai_wards), (24, 7));
    let published = published_rates(&output(&root, "data/municipalities.csv"));
    for (code, (rate, _)) in &drawn {
        assert_eq!(&published[code], rate, "{code}");
    }
}

#[test]
fn hokkaido_home_page_grows_by_less_than_60_kb() {
    let (_dir, root) = generated_site("01");
    let html = output(&root, "index.html");
    let figure = map_figure(&html);
    // 179 municipalities less 札幌市, plus its 10 wards; not the six villages
    // of the Northern Territories, which the code list and the boundaries
    // have but `renkei new` leaves out.
    assert_eq!(shapes(figure).len(), 179 - 1 + 10);
    assert!(
        figure.len() < 60_000,
        "the map takes {} bytes",
        figure.len()
    );
}
