//! The place tree as pages show it: a prefecture with a designated city and
//! its wards, and words that follow the place (大阪府, 市区町村).

use crate::harness::TestSite;

/// An Osaka site: two wards of 大阪市 (the city itself is not listed) and 岸和田市.
fn osaka() -> TestSite {
    let site = TestSite::minimal();
    site.write(
        "site.toml",
        "title = \"大阪府 ポータル\"\nbase_url = \"https://example.jp/osaka/\"\nprefecture_code = \"27\"\n",
    );
    site.write(
        "data/municipalities.csv",
        "code,name\n271276,大阪市北区\n271284,大阪市中央区\n272027,岸和田市\n",
    );
    site.write(
        "data/offices.csv",
        "office_number,name,municipality_code,service_types\n\
2770100001,北ケアプラン,271276,居宅介護支援\n\
2710100002,北訪問介護,271276,訪問介護\n\
2770100003,中央ケアプラン,271284,居宅介護支援\n\
2770100004,岸和田ケアプラン,272027,居宅介護支援\n",
    );
    site.write(
        "data/adoption/2025-11-30.csv",
        "office_number\n2770100001\n2770100003\n",
    );
    site.write(
        "content/_index.md",
        "+++\ntitle = \"ホーム\"\n+++\nようこそ。\n",
    );
    site
}

#[test]
fn a_designated_city_sums_its_wards_and_links_them() {
    let site = osaka();
    site.build_ok();
    let csv = site.output("data/municipalities.csv");
    let rows: Vec<&str> = csv.lines().skip(1).collect();
    assert!(
        rows[0].starts_with("270008,大阪府,2025-11-30,4,2,50.0,"),
        "{csv}"
    );
    assert!(
        rows[1].starts_with("271004,大阪市,2025-11-30,3,2,66.7,"),
        "{csv}"
    );
    assert!(
        rows[2].starts_with("271276,大阪市北区,2025-11-30,2,1,50.0,"),
        "{csv}"
    );
    assert!(
        rows[3].starts_with("271284,大阪市中央区,2025-11-30,1,1,100.0,"),
        "{csv}"
    );
    assert!(
        rows[4].starts_with("272027,岸和田市,2025-11-30,1,0,0.0,"),
        "{csv}"
    );

    let city = site.output("municipalities/271004/index.html");
    assert!(
        city.contains("href=\"/osaka/municipalities/271276/\""),
        "{city}"
    );
    assert!(city.contains("北ケアプラン") && city.contains("中央ケアプラン"));
    let ward = site.output("municipalities/271276/index.html");
    assert!(
        ward.contains("<a href=\"/osaka/municipalities/271004/\">大阪市</a>"),
        "the ward's trail leads to its city"
    );
    let index = site.output("search/index.json");
    assert!(
        index.contains(
            "\"url\":[\"/osaka/municipalities/271004/\",\"/osaka/municipalities/271276/\""
        ),
        "the search index carries each municipality's URL: {index}"
    );
}

#[test]
fn words_follow_a_fu_with_wards() {
    let site = osaka();
    site.build_ok();
    let ward = site.output("municipalities/271276/index.html");
    assert!(ward.contains("大阪府全体の導入率"), "{ward}");
    let home = site.output("index.html");
    assert!(home.contains("市区町村別の導入状況"), "{home}");
    for entry in walkdir::WalkDir::new(site.path().join("public")) {
        let entry = entry.expect("walk the output");
        if entry.path().extension().is_some_and(|e| e == "html") {
            let html = std::fs::read_to_string(entry.path()).expect("read a page");
            assert!(
                !html.contains("県全体") && !html.contains(">市町村"),
                "{} speaks of a 県 or of 市町村 on an Osaka site",
                entry.path().display()
            );
        }
    }
}

#[test]
fn a_ken_without_wards_keeps_its_words() {
    let site = TestSite::minimal();
    site.build_ok();
    let page = site.output("municipalities/442011/index.html");
    assert!(page.contains("大分県全体の導入率"), "{page}");
    assert!(site.output("index.html").contains("市町村別の導入状況"));
}
