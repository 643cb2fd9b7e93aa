//! One test per kind of bad input: the message, the file and the line.

use crate::harness::{OFFICES, SNAPSHOT, TestSite};

/// A site whose build fails with `message` on stderr.
fn fails_with(site: &TestSite, message: &str) {
    site.build_fails().assert_stderr_has(message);
}

#[test]
fn missing_column() {
    let site = TestSite::minimal();
    site.write(
        "data/offices.csv",
        "office_number,name,municipality_code\n4470100001,a,442011\n",
    );
    fails_with(
        &site,
        "error: data/offices.csv:1: missing column \"service_types\" (or \"サービス種類\")",
    );
}

#[test]
fn office_number_of_the_wrong_length() {
    let site = TestSite::minimal();
    site.write(
        "data/offices.csv",
        &format!("{OFFICES}44701000,短い番号,442011,訪問介護,,\n"),
    );
    fails_with(
        &site,
        "error: data/offices.csv:7: office_number \"44701000\" must be 10 digits",
    );
}

#[test]
fn office_number_that_lost_its_leading_zero() {
    let site = TestSite::minimal();
    site.write(
        "data/offices.csv",
        &format!("{OFFICES}123456789,ゼロ落ち,442011,訪問介護,,\n"),
    );
    fails_with(
        &site,
        "data/offices.csv:7: office_number \"123456789\" must be 10 digits",
    );
    fails_with(&site, "leading zero: \"0123456789\"");
}

#[test]
fn duplicate_office_number() {
    let site = TestSite::minimal();
    site.write(
        "data/offices.csv",
        &format!("{OFFICES}4470100001,二重,442011,訪問介護,,\n"),
    );
    fails_with(
        &site,
        "error: data/offices.csv:7: office_number \"4470100001\" is listed twice (first on line 2)",
    );
}

#[test]
fn unknown_municipality_code() {
    let site = TestSite::minimal();
    site.write(
        "data/offices.csv",
        &format!("{OFFICES}4410100009,どこか,442020,訪問介護,,\n"),
    );
    fails_with(
        &site,
        "error: data/offices.csv:7: municipality_code \"442020\" is not in data/municipalities.csv",
    );
}

#[test]
fn municipality_name_where_a_code_was_expected() {
    let site = TestSite::minimal();
    site.write(
        "data/offices.csv",
        &format!("{OFFICES}4410100009,名前で書いた,大分市,訪問介護,,\n"),
    );
    fails_with(
        &site,
        "data/offices.csv:7: municipality_code \"大分市\" is not in data/municipalities.csv",
    );
    fails_with(&site, "write 442011");
}

#[test]
fn bad_check_digit() {
    let site = TestSite::minimal();
    site.write(
        "data/municipalities.csv",
        "code,name\n442011,大分市\n442039,中津市\n442101,杵築市\n",
    );
    fails_with(
        &site,
        "error: data/municipalities.csv:3: code \"442039\" has a wrong check digit: for 44203 it is 8 (\"442038\", 中津市)",
    );
}

#[test]
fn municipality_of_another_prefecture() {
    let site = TestSite::minimal();
    site.write(
        "data/municipalities.csv",
        "code,name\n442011,大分市\n442038,中津市\n442101,杵築市\n012025,函館市\n",
    );
    fails_with(
        &site,
        "data/municipalities.csv:5: code \"012025\" belongs to prefecture 01, but site.toml says prefecture_code = \"44\"",
    );
}

#[test]
fn municipality_name_differing_from_the_national_list_is_a_warning() {
    let site = TestSite::minimal();
    site.write(
        "data/municipalities.csv",
        "code,name\n442011,大分\n442038,中津市\n442101,杵築市\n",
    );
    let run = site.build_ok();
    run.assert_stderr_has("warning: data/municipalities.csv:2: name \"大分\" differs from the national code list, which calls 442011 \"大分市\"");
    assert!(
        !site.run(&["check", "--strict"]).success,
        "--strict makes warnings fail"
    );
}

#[test]
fn bad_snapshot_file_name() {
    let site = TestSite::minimal();
    site.write("data/adoption/R7.11.30.csv", SNAPSHOT);
    fails_with(
        &site,
        "error: data/adoption/R7.11.30.csv: snapshot file name \"R7.11.30.csv\" must be the date as YYYY-MM-DD.csv (for this one: 2025-11-30.csv)",
    );
}

#[test]
fn snapshot_date_that_does_not_exist() {
    let site = TestSite::minimal();
    site.write("data/adoption/2025-11-31.csv", SNAPSHOT);
    fails_with(
        &site,
        "data/adoption/2025-11-31.csv: snapshot file name \"2025-11-31.csv\" must be the date",
    );
}

#[test]
fn unknown_office_in_a_snapshot_is_a_warning_and_counted_nowhere() {
    let site = TestSite::minimal();
    site.write(
        "data/adoption/2025-11-30.csv",
        &format!("{SNAPSHOT}4499999999,true,\n"),
    );
    let run = site.build_ok();
    run.assert_stderr_has(
        "warning: data/adoption/2025-11-30.csv:5: office_number \"4499999999\" is not in data/offices.csv: left out of every figure",
    );
    let csv = site.output("data/municipalities.csv");
    assert!(
        csv.lines()
            .nth(1)
            .unwrap()
            .starts_with("440001,大分県,2025-11-30,5,3,"),
        "{csv}"
    );
    assert!(
        !site
            .output("data/adopted-offices.csv")
            .contains("4499999999")
    );
}

#[test]
fn bad_linking_value() {
    let site = TestSite::minimal();
    site.write(
        "data/adoption/2025-11-30.csv",
        "事業所番号,連携実績\n4470100001,たぶん\n",
    );
    fails_with(
        &site,
        "error: data/adoption/2025-11-30.csv:2: linking \"たぶん\" must be one of true/false, 1/0, yes/no, あり/なし, ○/×",
    );
}

#[test]
fn bad_front_matter_with_its_line() {
    let site = TestSite::minimal();
    site.write(
        "content/guides/start.md",
        "+++\ntitle = \"導入の流れ\"\nweight = \"一番\"\n+++\n本文\n",
    );
    fails_with(&site, "error: content/guides/start.md:3: front matter:");
}

#[test]
fn front_matter_that_never_closes() {
    let site = TestSite::minimal();
    site.write(
        "content/guides/start.md",
        "+++\ntitle = \"導入の流れ\"\n本文\n",
    );
    fails_with(
        &site,
        "error: content/guides/start.md:1: front matter opened with `+++` on line 1 is never closed",
    );
}

#[test]
fn page_without_title() {
    let site = TestSite::minimal();
    site.write("content/contact.md", "+++\ndescription = \"窓口\"\n+++\n");
    fails_with(
        &site,
        "error: content/contact.md:1: front matter has no `title`",
    );
}

#[test]
fn news_without_date() {
    let site = TestSite::minimal();
    site.write(
        "content/news/undated.md",
        "+++\ntitle = \"日付なし\"\n+++\n",
    );
    fails_with(&site, "error: content/news/undated.md:1: news needs a date");
}

#[test]
fn unknown_site_toml_key() {
    let site = TestSite::minimal();
    site.write("site.toml", "title = \"t\"\nbase_url = \"https://example.jp/\"\nprefecture_code = \"44\"\nthem = \"dark\"\n");
    let run = site.build_fails();
    run.assert_stderr_has("error: site.toml:4: unknown field `them`");
}

#[test]
fn group_with_an_unknown_municipality() {
    let site = TestSite::minimal();
    site.write(
        "site.toml",
        &crate::harness::SITE_TOML.replace("\"442101\"", "\"442020\""),
    );
    fails_with(
        &site,
        "error: site.toml:7: group \"北部\": municipality \"442020\" is not in data/municipalities.csv",
    );
}

#[test]
fn broken_internal_link() {
    let site = TestSite::minimal();
    site.write("content/guides/start.md", "+++\ntitle = \"導入の流れ\"\n+++\n本文\n\n[料金](@/faq/general.md#price) と [窓口](@/contact.md)\n");
    let run = site.check();
    assert!(!run.success);
    run.assert_stderr_has("error: content/guides/start.md:6: link \"@/faq/general.md#price\": content/faq/general.md has no heading with id \"price\"");
    run.assert_stderr_has("error: content/guides/start.md:6: link \"@/contact.md\": there is no page content/contact.md");
}

#[test]
fn link_to_a_draft() {
    let site = TestSite::minimal();
    site.write(
        "content/contact.md",
        "+++\ntitle = \"窓口\"\ndraft = true\n+++\n",
    );
    site.write(
        "content/guides/start.md",
        "+++\ntitle = \"導入の流れ\"\n+++\n[窓口](@/contact.md)\n",
    );
    fails_with(
        &site,
        "content/guides/start.md:4: link \"@/contact.md\": content/contact.md is a draft",
    );
}

#[test]
fn shift_jis_file_is_read_right() {
    let site = TestSite::minimal();
    let text = "事業所番号,事業所名,市区町村コード,サービス種類\r\n4470100001,髙橋ケアプラン①～,442011,居宅介護支援\r\n";
    let (bytes, _, unmappable) = encoding_rs::SHIFT_JIS.encode(text);
    assert!(!unmappable);
    site.write_bytes("data/offices.csv", &bytes);
    site.write(
        "data/adoption/2025-11-30.csv",
        "office_number\n4470100001\n",
    );
    site.build_ok();
    assert!(
        site.output("data/adopted-offices.csv")
            .contains("4470100001,髙橋ケアプラン①～,442011,居宅介護支援,false,")
    );
}

#[test]
fn bom_file_is_read_right() {
    let site = TestSite::minimal();
    site.write(
        "data/adoption/2025-11-30.csv",
        &format!("\u{feff}{SNAPSHOT}"),
    );
    let run = site.build_ok();
    assert!(!run.stderr.contains("warning"), "{}", run.stderr);
    assert!(
        site.output("data/municipalities.csv")
            .lines()
            .nth(1)
            .unwrap()
            .starts_with("440001,大分県,2025-11-30,5,3,")
    );
}

#[test]
fn bytes_valid_in_no_encoding() {
    let site = TestSite::minimal();
    site.write_bytes(
        "data/adoption/2025-11-30.csv",
        b"office_number\n4470100001\n\x85\xff\n",
    );
    fails_with(
        &site,
        "error: data/adoption/2025-11-30.csv:3: bytes here are valid neither as UTF-8 nor as Shift_JIS",
    );
}

#[test]
fn row_with_too_few_fields() {
    let site = TestSite::minimal();
    site.write(
        "data/offices.csv",
        &format!("{OFFICES}4410100009,足りない\n"),
    );
    fails_with(
        &site,
        "error: data/offices.csv:7: this row has 2 fields but the header has 6",
    );
}

#[test]
fn missing_required_file() {
    let site = TestSite::minimal();
    site.remove("data/offices.csv");
    fails_with(&site, "error: data/offices.csv: required file is missing");
}

#[test]
fn check_lists_every_error_and_writes_nothing() {
    let site = TestSite::minimal();
    site.write(
        "data/offices.csv",
        &format!("{OFFICES}44701000,a,442011,訪問介護,,\n4470100001,b,442011,訪問介護,,\n"),
    );
    site.write(
        "content/guides/start.md",
        "+++\ntitle = \"x\"\nweight = \n+++\n",
    );
    let run = site.check();
    assert_eq!(run.code, Some(1));
    run.assert_stderr_has("data/offices.csv:7:");
    run.assert_stderr_has("data/offices.csv:8:");
    run.assert_stderr_has("content/guides/start.md:3:");
    run.assert_stderr_has("3 error(s)");
    assert!(!site.path().join("public").exists());
}

#[test]
fn check_passes_a_good_site_and_prints_json() {
    let site = TestSite::minimal();
    let run = site.check();
    assert!(run.success, "{}", run.stderr);
    site.write(
        "data/adoption/2025-11-30.csv",
        &format!("{SNAPSHOT}4499999999,true,\n"),
    );
    let run = site.run(&["check", "--format", "json"]);
    let findings: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(findings[0]["severity"], "warning");
    assert_eq!(findings[0]["path"], "data/adoption/2025-11-30.csv");
    assert_eq!(findings[0]["line"], 5);
}

#[test]
fn a_folder_without_site_toml_cannot_run() {
    let dir = tempfile::tempdir().unwrap();
    let output = crate::harness::command()
        .args(["build", "--root"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("has no site.toml"));
}
