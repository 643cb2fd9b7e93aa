//! Daily-life areas of `data/areas.csv`: their pages, the three printable
//! lists, the open data, and every mistake in the file or in offices.csv's
//! `area` column.

use crate::harness::TestSite;

const AREAS: &str = "id,圏域名,市区町村コード,地域包括支援センター\n\
oita-central,中央圏域,442011,中央地域包括支援センター\n\
oita-east,東部圏域,442011,\n\
nakatsu-north,北部圏域,442038,\n";

/// The minimal site with areas; 0005 is planned.
fn site() -> TestSite {
    let site = TestSite::minimal();
    site.write("data/areas.csv", AREAS);
    site.write(
        "data/offices.csv",
        "office_number,name,municipality_code,service_types,area,phone\n\
4470100001,さくら居宅介護支援事業所,442011,居宅介護支援;介護予防支援,中央圏域,097-000-0001\n\
4410100002,ひまわり訪問介護,442011,訪問介護,東部圏域,\n\
4410100003,あおばデイサービス,442038,通所介護,北部圏域,0979-00-0003\n\
4470100004,杵築ケアプランセンター,442101,居宅介護支援,,\n\
44A0100005,こもれび生活支援,442011,第1号訪問事業,中央圏域,\n\
4410100006,みどり訪問看護,442011,訪問看護,,\n",
    );
    site.write("data/plans.csv", "office_number\n44A0100005\n");
    site
}

#[test]
fn every_area_has_its_page_its_lists_and_its_open_data_row() {
    let site = site();
    site.build_ok();
    assert_eq!(
        site.output("data/areas.csv"),
        "\u{feff}id,name,municipality_code,as_of,offices,adopted,rate,cm_offices,cm_adopted,cm_rate,linking\n\
oita-central,中央圏域,442011,2025-11-30,2,1,50.0,1,1,100.0,1\n\
oita-east,東部圏域,442011,2025-11-30,1,0,0.0,0,0,,0\n\
nakatsu-north,北部圏域,442038,2025-11-30,1,1,100.0,0,0,,1\n"
    );
    let municipalities = site.output("data/municipalities.csv");
    assert!(
        municipalities.contains("\n442011,大分市,2025-11-30,4,1,25.0,"),
        "an office without an area counts in its municipality: {municipalities}"
    );
    let page = site.output("areas/oita-central/index.html");
    assert!(page.contains("<h1>中央圏域の導入状況</h1>"), "{page}");
    assert!(page.contains("担当の地域包括支援センターは中央地域包括支援センターです。"));
    assert!(page.contains("href=\"/portal/municipalities/442011/\">大分市</a>の圏域です。"));
    let adopted = list(&page, "adopted");
    assert!(adopted.contains("さくら居宅介護支援事業所"), "{adopted}");
    assert!(adopted.contains("097-000-0001"));
    assert!(adopted.contains("導入済み（令和7年11月30日から）"));
    assert!(adopted.contains("（1件）"));
    let planned = list(&page, "planned");
    assert!(planned.contains("こもれび生活支援"), "{planned}");
    assert!(planned.contains("<td>導入予定</td>"));
    let not_adopted = list(&page, "not-adopted");
    assert!(
        not_adopted.contains("未導入の事業所はありません。"),
        "{not_adopted}"
    );
    let east = site.output("areas/oita-east/index.html");
    assert!(list(&east, "not-adopted").contains("ひまわり訪問介護"));
    let index = site.output("areas/index.html");
    assert!(
        index.contains("href=\"/portal/areas/nakatsu-north/\">北部圏域</a>"),
        "{index}"
    );
    assert!(index.contains("id=\"chart-areas"), "{index}");
    let municipality = site.output("municipalities/442011/index.html");
    assert!(
        municipality.contains("href=\"/portal/areas/oita-central/\">中央圏域</a>"),
        "municipality pages link to their areas"
    );
    assert!(
        site.output("index.html")
            .contains("href=\"/portal/areas/\""),
        "navigation"
    );
    assert!(
        site.output("data/catalog.jsonld")
            .contains("data/areas.csv")
    );
    let index = site.output("search/index.json");
    assert!(
        index.contains("\"areas\":[\"oita-central\",\"oita-east\",\"nakatsu-north\"]"),
        "{index}"
    );
    assert!(
        index.contains("\"area\":[2,3,0,1,0,1]"),
        "every office, by office number: {index}"
    );
    let offices = site.output("offices/index.html");
    assert!(offices.contains("<label for=\"search-r\">圏域</label>"));
    assert!(offices.contains("<option value=\"oita-central\">中央圏域（大分市）</option>"));
}

/// The text of an area page's list from its heading to its section's end.
fn list<'a>(page: &'a str, id: &str) -> &'a str {
    let start = page
        .find(&format!("<h2 id=\"{id}\""))
        .unwrap_or_else(|| panic!("no list {id} in {page}"));
    let rest = &page[start..];
    &rest[..rest.find("</section>").unwrap_or(rest.len())]
}

#[test]
fn a_shift_jis_areas_file_with_english_headers_is_read() {
    let site = site();
    let (bytes, _, _) = encoding_rs::SHIFT_JIS.encode(
        "id,name,municipality_code,center\noita-central,中央圏域,442011,\noita-east,東部圏域,442011,\nnakatsu-north,北部圏域,442038,\n",
    );
    site.write_bytes("data/areas.csv", &bytes);
    site.build_ok();
    assert!(
        site.output("areas/oita-east/index.html")
            .contains("東部圏域")
    );
}

#[test]
fn mistakes_in_areas_csv_are_errors_with_their_line() {
    let site = site();
    site.write(
        "data/areas.csv",
        "id,name,municipality_code\n\
oita-central,中央圏域,442011\n\
oita-central,西部圏域,442011\n\
湊山,湊山圏域,442011\n\
oita-east,東部圏域,442992\n\
oita-east2,中央圏域,442011\n\
,無名圏域,442011\n\
oita-x,,442011\n",
    );
    let run = site.build_fails();
    run.assert_stderr_has(
        "error: data/areas.csv:3: id \"oita-central\" is listed twice (first on line 2)",
    );
    run.assert_stderr_has("error: data/areas.csv:4: id \"湊山\" must be lowercase ASCII letters, digits and \"-\" (it is the area's URL), such as \"minatoyama\"");
    run.assert_stderr_has(
        "error: data/areas.csv:5: municipality_code \"442992\" is not in data/municipalities.csv",
    );
    run.assert_stderr_has(
        "error: data/areas.csv:6: area \"中央圏域\" of 大分市 is listed twice (first on line 2)",
    );
    run.assert_stderr_has(
        "error: data/areas.csv:7: id is empty: expected a URL slug such as \"minatoyama\"",
    );
    run.assert_stderr_has("error: data/areas.csv:8: name is empty for area \"oita-x\": expected the name offices.csv's area column uses, such as 湊山圏域");
    site.assert_no_leftovers();
}

#[test]
fn an_unknown_or_misplaced_area_in_offices_csv_is_an_error() {
    let site = site();
    site.write(
        "data/offices.csv",
        "office_number,name,municipality_code,service_types,area\n\
4470100001,さくら居宅介護支援事業所,442011,居宅介護支援,西部圏域\n\
4410100002,ひまわり訪問介護,442011,訪問介護,北部圏域\n",
    );
    let run = site.build_fails();
    run.assert_stderr_has("error: data/offices.csv:2: area \"西部圏域\" is not in data/areas.csv: add it there for 大分市 (442011), or correct the name");
    run.assert_stderr_has("error: data/offices.csv:3: area \"北部圏域\" belongs to 中津市 (442038) in data/areas.csv, not to this office's 大分市 (442011)");
}

#[test]
fn a_site_without_areas_csv_has_no_area_pages() {
    let site = TestSite::minimal();
    site.build_ok();
    assert!(!site.path().join("public/areas").exists());
    assert!(!site.path().join("public/data/areas.csv").exists());
    let municipality = site.output("municipalities/442011/index.html");
    assert!(
        municipality.contains("<th scope=\"row\">中央圏域</th>"),
        "areas stay labels"
    );
}

#[test]
fn planned_offices_are_a_third_part_of_the_service_chart_and_a_search_filter() {
    let site = site();
    let toml = std::fs::read_to_string(site.path().join("site.toml")).unwrap();
    site.write(
        "site.toml",
        &format!("{toml}\n[search]\ninclude_not_adopted = true\n"),
    );
    site.build_ok();
    let page = site.output("areas/oita-central/index.html");
    assert!(
        page.contains("導入予定</text>"),
        "the legend names the planned part"
    );
    assert!(
        page.contains("data-planned=\"1\""),
        "第1号訪問事業 has its planned office"
    );
    assert!(page.contains("導入済0事業所・導入予定1事業所・未導入0事業所"));
    let index = site.output("search/index.json");
    assert!(index.contains("\"planned\":["), "{index}");
    assert!(
        site.output("offices/index.html")
            .contains("<option value=\"p\">導入予定のみ</option>")
    );
    let without = TestSite::minimal();
    without.build_ok();
    let index = without.output("search/index.json");
    assert!(
        !index.contains("\"planned\"") && !index.contains("\"area"),
        "{index}"
    );
    assert!(!without.output("offices/index.html").contains("search-r"));
    assert!(
        !without
            .output("municipalities/442011/index.html")
            .contains("導入予定</text>")
    );
}
