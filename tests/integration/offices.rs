//! Office pages, their statuses and partners, the newly-adopted feeds and
//! `data/office-status.csv`, on snapshots with a lapse and a re-adoption.

use crate::harness::TestSite;

const OFFICES: &str = "office_number,name,municipality_code,service_types,name_kana,area,phone,corporation\n\
4470100001,さくら居宅介護支援事業所,442011,居宅介護支援;介護予防支援,サクラ,中央圏域,097-000-0001,社会福祉法人さくら会\n\
4410100002,ひまわり訪問介護,442011,訪問介護,ヒマワリ,東部圏域,,\n\
4410100003,あおばデイサービス,442038,通所介護,アオバ,,,\n\
4470100004,杵築ケアプランセンター,442101,居宅介護支援,キツキ,,,\n\
44A0100005,こもれび生活支援,442101,第1号訪問事業,コモレビ,,,\n\
4410100006,みどり訪問看護,442011,訪問看護,ミドリ,中央圏域,,\n\
4410100007,つくし通所介護,442011,通所介護,ツクシ,中央圏域,,\n";

/// Three snapshots: 0002 lapses in August and comes back in November, 0003
/// lapses in November, 0004 and 0006 are new in November; 0005 is planned.
fn site() -> TestSite {
    let site = TestSite::minimal();
    site.write("data/offices.csv", OFFICES);
    site.write(
        "data/adoption/2025-05-31.csv",
        "office_number,linking\n4470100001,true\n4410100002,\n4410100003,\n",
    );
    site.write(
        "data/adoption/2025-08-31.csv",
        "office_number,linking\n4470100001,true\n4410100003,\n",
    );
    site.write(
        "data/adoption/2025-11-30.csv",
        "office_number,linking,software\n4470100001,true,みらいケアノート\n4410100002,,\n4470100004,,\n4410100006,true,\n",
    );
    site.write(
        "data/plans.csv",
        "office_number,date,note\n44A0100005,2026-03-31,説明会で表明\n",
    );
    site
}

/// The text of a page's section from its heading (`<h2 id="ID">`) to its end.
fn section<'a>(page: &'a str, id: &str) -> &'a str {
    let start = page
        .find(&format!("<h2 id=\"{id}\""))
        .unwrap_or_else(|| panic!("no {id} in {page}"));
    let rest = &page[start..];
    &rest[..rest.find("</section>").unwrap_or(rest.len())]
}

#[test]
fn statuses_and_since_dates_follow_the_current_run_of_snapshots() {
    let site = site();
    site.build_ok();
    assert_eq!(
        site.output("data/office-status.csv"),
        "\u{feff}office_number,name,municipality_code,area,service_types,status,adopted_since,linking,software\n\
4410100002,ひまわり訪問介護,442011,東部圏域,訪問介護,adopted,2025-11-30,false,\n\
4410100006,みどり訪問看護,442011,中央圏域,訪問看護,adopted,2025-11-30,true,\n\
4410100007,つくし通所介護,442011,中央圏域,通所介護,not_adopted,,false,\n\
4470100001,さくら居宅介護支援事業所,442011,中央圏域,居宅介護支援;介護予防支援,adopted,2025-05-31,true,みらいケアノート\n\
4410100003,あおばデイサービス,442038,,通所介護,not_adopted,,false,\n\
4470100004,杵築ケアプランセンター,442101,,居宅介護支援,adopted,2025-11-30,false,\n\
44A0100005,こもれび生活支援,442101,,第1号訪問事業,planned,,false,\n"
    );
    let first = site.output("offices/4470100001/index.html");
    assert!(first.contains(">導入済み</span>"), "{first}");
    assert!(
        first.contains("令和7年5月31日から"),
        "since its first snapshot"
    );
    assert!(first.contains("href=\"/portal/manuals/") || first.contains("みらいケアノート"));
    let back = site.output("offices/4410100002/index.html");
    assert!(
        back.contains("令和7年11月30日から"),
        "re-adopted: since the run's start"
    );
    let lapsed = site.output("offices/4410100003/index.html");
    assert!(lapsed.contains(">未導入</span>"), "{lapsed}");
    assert!(
        lapsed.contains("導入をご検討ください"),
        "it prints an invitation"
    );
    let planned = site.output("offices/44A0100005/index.html");
    assert!(planned.contains(">導入予定</span>"), "{planned}");
    assert!(planned.contains("令和8年3月31日ごろ"), "{planned}");
    let csv = site.output("data/municipalities.csv");
    assert!(
        csv.lines()
            .nth(1)
            .unwrap()
            .starts_with("440001,大分県,2025-11-30,7,4,57.1,"),
        "{csv}"
    );
}

#[test]
fn partners_are_adopted_offices_of_the_other_side_in_the_same_area() {
    let site = site();
    site.build_ok();
    let cm = site.output("offices/4470100001/index.html");
    let partners = section(&cm, "partners-heading");
    assert!(
        partners.contains("近くの導入済みのサービス事業所（中央圏域、1件）"),
        "{partners}"
    );
    assert!(
        partners.contains("href=\"/portal/offices/4410100006/\">みどり訪問看護</a>"),
        "{partners}"
    );
    assert!(!partners.contains("つくし通所介護"), "not adopted");
    assert!(!partners.contains("ひまわり訪問介護"), "another area");
    let service = site.output("offices/44A0100005/index.html");
    let partners = section(&service, "partners-heading");
    assert!(
        partners.contains("居宅介護支援事業所（杵築市、1件）"),
        "without an area: the municipality; {partners}"
    );
    assert!(partners.contains("杵築ケアプランセンター"), "{partners}");
}

#[test]
fn feeds_carry_each_office_on_the_date_it_became_new() {
    let site = site();
    site.build_ok();
    let feed = site.output("offices/atom.xml");
    let entries: Vec<&str> = feed
        .split("<id>")
        .skip(2)
        .map(|e| e.split("</id>").next().unwrap())
        .collect();
    assert_eq!(
        entries,
        [
            "https://example.jp/portal/offices/4410100002/#2025-11-30",
            "https://example.jp/portal/offices/4410100006/#2025-11-30",
            "https://example.jp/portal/offices/4470100004/#2025-11-30",
            "https://example.jp/portal/offices/4410100002/#2025-05-31",
            "https://example.jp/portal/offices/4470100001/#2025-05-31",
            "https://example.jp/portal/offices/4410100003/#2025-05-31",
        ]
    );
    let oita = site.output("municipalities/442011/atom.xml");
    assert_eq!(oita.matches("<entry>").count(), 4, "{oita}");
    assert!(
        !oita.contains("4470100004"),
        "杵築市's office is not in 大分市's feed"
    );
    let home = site.output("index.html");
    let new = section(&home, "new-offices-heading");
    assert!(new.contains("令和7年11月30日、3件"), "{new}");
    let page = site.output("municipalities/442101/index.html");
    assert!(
        page.contains("href=\"/portal/municipalities/442101/atom.xml\""),
        "a feed to subscribe to"
    );
}

#[test]
fn every_office_field_is_escaped_on_its_page_and_in_feeds() {
    let site = TestSite::minimal();
    site.write(
        "data/offices.csv",
        "office_number,name,municipality_code,service_types,name_kana,area,phone,corporation,address\n\
4470100001,\"<b>\"\"A&B\"\"</b>\",442011,居宅介護支援,<i>カナ</i>,<u>圏域</u>,<s>1</s>,<script>x</script>,<em>住所</em>\n",
    );
    site.write(
        "data/adoption/2025-11-30.csv",
        "office_number,software\n4470100001,<tt>ソフト</tt>\n",
    );
    site.build_ok();
    let page = site.output("offices/4470100001/index.html");
    for raw in ["<b>", "<i>", "<u>", "<s>", "<script>x", "<em>", "<tt>"] {
        assert!(!page.contains(raw), "{raw} reached the page unescaped");
    }
    assert!(
        page.contains("&lt;b&gt;&quot;A&amp;B&quot;&lt;&#x2F;b&gt;")
            || page.contains("&lt;b&gt;&quot;A&amp;B&quot;&lt;/b&gt;"),
        "{page}"
    );
    let feed = site.output("offices/atom.xml");
    assert!(!feed.contains("<b>"), "{feed}");
    assert!(
        feed.contains("&lt;b&gt;&quot;A&amp;B&quot;&lt;/b&gt;"),
        "{feed}"
    );
}

#[test]
fn a_plan_for_an_adopted_or_unknown_office_is_a_warning() {
    let site = site();
    site.write(
        "data/plans.csv",
        "office_number,date\n4470100001,\n4499999999,\n44A0100005,2026-13-01\n",
    );
    let run = site.build_fails();
    run.assert_stderr_has("warning: data/plans.csv:2: office 4470100001 holds a license in data/adoption/2025-11-30.csv: it counts as adopted, not as planned");
    run.assert_stderr_has("warning: data/plans.csv:3: office_number \"4499999999\" is not in data/offices.csv: left out of every figure");
    run.assert_stderr_has(
        "error: data/plans.csv:4: date \"2026-13-01\" cannot be read as a day: write it as 2026-04-15, 2026/4/15, 2026年4月15日, R8.4.15 or 令和8年4月15日",
    );
}
