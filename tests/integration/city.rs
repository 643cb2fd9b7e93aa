//! City portals (`municipality_code`): the example in `examples/city/`, whose
//! home page, open data and breakdown speak of the city and its areas, and
//! the mistakes a city can make in site.toml and offices.csv.

use crate::harness::TestSite;

#[test]
fn the_example_city_portal_is_about_the_city_and_its_areas() {
    let site = TestSite::city();
    site.build_ok();
    let home = site.output("index.html");
    assert!(
        home.contains("<h2 id=\"figures-heading\">米子市の導入状況"),
        "{home}"
    );
    assert!(home.contains("圏域別の導入状況"));
    assert!(
        home.contains("href=\"/yonago/areas/minatoyama/\">湊山圏域</a>"),
        "the breakdown is the areas"
    );
    assert!(!home.contains("県全体"));
    assert!(
        home.contains("湊山圏域の導入率は 36.0%、導入予定の事業所は 3 件です。"),
        "a live figure of an area"
    );
    let municipalities = site.output("data/municipalities.csv");
    assert!(
        municipalities.starts_with("\u{feff}code,name,as_of,offices,adopted,rate,cm_offices,cm_adopted,cm_rate,linking\n312029,米子市,2025-11-30,342,113,33.0,"),
        "{municipalities}"
    );
    assert_eq!(
        municipalities.lines().count(),
        2,
        "only the city: {municipalities}"
    );
    let areas = site.output("data/areas.csv");
    assert_eq!(areas.lines().count(), 8, "seven areas: {areas}");
    assert!(areas.contains("\nminatoyama,湊山圏域,312029,2025-11-30,"));
    let list = site.output("areas/index.html");
    assert!(
        list.contains("href=\"/yonago/areas/minatoyama/#planned\">3</a>"),
        "the area list leads to each area's office lists: {list}"
    );
    let area = site.output("areas/minatoyama/index.html");
    for heading in ["id=\"adopted\"", "id=\"planned\"", "id=\"not-adopted\""] {
        assert!(area.contains(heading), "{heading} in {area}");
    }
    assert!(area.contains("湊山圏域と米子市全体の導入率の推移"));
    for id in ["trend-heading", "services-heading", "adopted"] {
        assert_eq!(
            area.matches(&format!("id=\"{id}\"")).count(),
            1,
            "{id} once"
        );
    }
    assert!(area.contains("css/lists.css"));
    let feed = site.output("offices/atom.xml");
    assert!(feed.contains("米子市で新たに導入した事業所"), "{feed}");
    let index = site.output("search/index.json");
    assert!(
        index.contains("\"code\":[\"312029\",\"minatoyama\","),
        "the search filters by area"
    );
    assert!(
        index.contains("\"parent\":[-1,0,0,0,0,0,0,0]"),
        "choosing the city chooses its areas: {index}"
    );
    let offices = site.output("offices/index.html");
    assert!(
        offices.contains("<option value=\"minatoyama\""),
        "{offices}"
    );
}

#[test]
fn an_office_of_another_municipality_is_a_warning_and_counted_nowhere() {
    let site = TestSite::city();
    let offices = std::fs::read_to_string(site.path().join("data/offices.csv")).unwrap();
    site.write(
        "data/offices.csv",
        &format!("{offices}3110100001,境港の訪問介護（架空）,,,312045,訪問介護,,,\n"),
    );
    let run = site.build_ok();
    run.assert_stderr_has("warning: data/offices.csv:344: office 3110100001 is in municipality_code \"312045\", not in 米子市 (312029) of this city portal: left out of every figure");
    assert!(
        site.output("data/municipalities.csv")
            .contains("\n312029,米子市,2025-11-30,342,")
    );
    assert!(!site.path().join("public/offices/3110100001").exists());
}

#[test]
fn municipality_code_must_be_a_municipality_of_the_prefecture() {
    let site = TestSite::city();
    let toml = std::fs::read_to_string(site.path().join("site.toml")).unwrap();
    site.write("site.toml", &toml.replace("\"312029\"", "\"442011\""));
    let run = site.build_fails();
    run.assert_stderr_has("error: site.toml:4: municipality_code \"442011\" is 大分市 of prefecture 44, but prefecture_code = \"31\"");
    site.write("site.toml", &toml.replace("\"312029\"", "\"312020\""));
    let run = site.build_fails();
    run.assert_stderr_has("error: site.toml:4: municipality_code \"312020\" must be the 6-digit national code of a municipality (not a ward) of prefecture_code, such as \"312029\" for 米子市");
}

#[test]
fn a_designated_city_is_broken_down_by_its_wards_then_their_areas() {
    let site = TestSite::minimal();
    site.write(
        "site.toml",
        "title = \"岡山市 ポータル\"\nbase_url = \"https://example.jp/okayama/\"\nprefecture_code = \"33\"\nmunicipality_code = \"331007\"\n",
    );
    site.write(
        "data/municipalities.csv",
        "code,name\n331007,岡山市\n331015,岡山市北区\n331023,岡山市中区\n332020,倉敷市\n",
    );
    site.write(
        "data/offices.csv",
        "office_number,name,municipality_code,service_types,area\n\
3370100001,北の居宅介護支援,331015,居宅介護支援,北圏域\n\
3310100002,中の訪問介護,331023,訪問介護,\n",
    );
    site.write(
        "data/areas.csv",
        "id,name,municipality_code\nkita,北圏域,331015\n",
    );
    site.write(
        "data/adoption/2025-11-30.csv",
        "office_number\n3370100001\n",
    );
    let run = site.build_ok();
    run.assert_stderr_has("warning: data/municipalities.csv:5: code \"332020\" (倉敷市) is neither 岡山市 nor one of its wards: this city portal leaves it out");
    let municipalities = site.output("data/municipalities.csv");
    assert!(
        municipalities.contains("\n331007,岡山市,2025-11-30,2,1,50.0,")
            && municipalities.contains("\n331015,岡山市北区,2025-11-30,1,1,100.0,")
            && !municipalities.contains("倉敷市"),
        "{municipalities}"
    );
    let home = site.output("index.html");
    assert!(home.contains("区別の導入状況"), "{home}");
    assert!(
        site.output("municipalities/331015/index.html")
            .contains("href=\"/okayama/areas/kita/\">北圏域</a>")
    );
    assert!(site.output("areas/kita/index.html").contains("岡山市全体"));
}
