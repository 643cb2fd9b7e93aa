//! The office search: what its index holds, when it is split, and the list
//! `offices/` shows without JavaScript.

use serde_json::Value;

use crate::harness::{OFFICES, SITE_TOML, TestSite};

fn manifest(site: &TestSite) -> Value {
    serde_json::from_str(&site.output("search/index.json")).expect("the index is JSON")
}

/// Office numbers of a part, decoded as the browser decodes them.
fn numbers(part: &Value) -> Vec<String> {
    let mut value = 0_u64;
    part["number"]
        .as_array()
        .expect("a number column")
        .iter()
        .map(|delta| {
            value += delta.as_u64().expect("a difference");
            let mut rest = value;
            let mut text = Vec::new();
            for i in (0..10).rev() {
                let radix = if i == 2 { 36 } else { 10 };
                text.push(char::from_digit((rest % radix) as u32, 36).expect("a digit"));
                rest /= radix;
            }
            text.iter().rev().collect::<String>().to_uppercase()
        })
        .collect()
}

fn strings(value: &Value) -> Vec<&str> {
    value
        .as_array()
        .expect("an array")
        .iter()
        .map(|v| v.as_str().expect("a string"))
        .collect()
}

#[test]
fn index_holds_every_office_by_default() {
    let site = TestSite::minimal();
    site.build_ok();
    let index = manifest(&site);
    assert_eq!(index["all"], true);
    assert_eq!(numbers(&index["rows"]).len(), 5, "adopted or not");
}

#[test]
fn index_holds_only_adopted_offices_when_told() {
    let site = TestSite::minimal();
    site.write(
        "site.toml",
        &format!("{SITE_TOML}\n[search]\ninclude_not_adopted = false\n"),
    );
    site.build_ok();
    let index = manifest(&site);
    assert_eq!(index["all"], false);
    let rows = &index["rows"];
    assert_eq!(
        numbers(rows),
        ["4410100003", "4470100001", "4470100004"],
        "adopted offices, sorted by number"
    );
    assert_eq!(
        strings(&rows["name"]),
        [
            "あおばデイサービス",
            "さくら居宅介護支援事業所",
            "杵築ケアプランセンター"
        ]
    );
    assert_eq!(
        strings(&rows["key"]),
        [
            "あおばでいさびす",
            "さくらきよたくかいごしえんじぎようしよ",
            "きつきけあぷらんせんた"
        ],
        "readings are folded at build time"
    );
    let software = strings(&index["software"]["name"]);
    let status: Vec<u64> = rows["status"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s.as_u64().unwrap())
        .collect();
    let software_of = |s: u64| ((s - 1) >> 1).checked_sub(1).map(|i| software[i as usize]);
    assert_eq!(
        status.iter().map(|&s| (s - 1) & 1 == 1).collect::<Vec<_>>(),
        [true, true, false],
        "linking as reported"
    );
    assert_eq!(
        status.iter().map(|&s| software_of(s)).collect::<Vec<_>>(),
        [None, Some("みらいケアノート"), Some("つばさ")]
    );
    assert_eq!(
        strings(&index["services"])[..2],
        ["居宅介護支援", "介護予防支援"],
        "care-manager services come first"
    );
}

#[test]
fn include_not_adopted_indexes_every_office_with_its_status() {
    let site = TestSite::minimal();
    site.write(
        "site.toml",
        &format!("{SITE_TOML}\n[search]\ninclude_not_adopted = true\n"),
    );
    site.build_ok();
    let index = manifest(&site);
    assert_eq!(index["all"], true);
    let rows = &index["rows"];
    let numbers = numbers(rows);
    assert_eq!(numbers.len(), 5);
    let status_of = |number: &str| {
        let i = numbers.iter().position(|n| n == number).unwrap();
        rows["status"][i].as_u64().unwrap()
    };
    assert_eq!(status_of("4410100002"), 0, "ひまわり has not adopted");
    assert_eq!(
        status_of("44A0100005"),
        0,
        "a 総合事業 number survives the encoding"
    );
    assert_ne!(status_of("4470100001"), 0);
    let page = site.output("offices/index.html");
    assert!(
        page.contains("対象事業所5件"),
        "the page says all offices are searchable"
    );
    assert!(page.contains(r#"<select id="search-a" name="a""#));
}

#[test]
fn unknown_search_setting_is_an_error_with_its_line() {
    let site = TestSite::minimal();
    site.write(
        "site.toml",
        &format!("{SITE_TOML}\n[search]\ninclude_all = true\n"),
    );
    let run = site.build_fails();
    run.assert_stderr_has("site.toml:10: unknown field `include_all`");
}

#[test]
fn list_without_javascript_is_in_reading_order() {
    let site = TestSite::minimal();
    site.write(
        "data/adoption/2025-11-30.csv",
        "office_number,linking,software\n4410100002,false,\n4470100001,true,みらいケアノート\n",
    );
    site.build_ok();
    let page = site.output("offices/index.html");
    let sakura = page
        .find("さくら居宅介護支援事業所")
        .expect("さくら listed");
    let himawari = page.find("ひまわり訪問介護").expect("ひまわり listed");
    assert!(
        sakura < himawari,
        "サクラ reads before ヒマワリ although its number is larger"
    );
    assert!(page.contains(r#"js/search.js" defer></script>"#));
    assert!(page.contains(r#"css/search.css">"#));
    assert!(page.contains(r#"search/index.json""#));
}

#[test]
fn a_large_site_is_split_by_municipality_and_lists_municipalities() {
    let site = TestSite::minimal();
    site.write(
        "site.toml",
        &format!("{SITE_TOML}\n[search]\ninclude_not_adopted = true\n"),
    );
    let mut offices = String::from(OFFICES.lines().next().unwrap());
    let mut snapshot = String::from("office_number,linking,software\n");
    let codes = [("442011", 3000), ("442038", 2000), ("442101", 1001)];
    let mut n = 0;
    for (code, count) in codes {
        for _ in 0..count {
            n += 1;
            offices.push_str(&format!(
                "\n44101{n:05},事業所{n},{code},訪問介護,ジギョウショ{n},\n"
            ));
            offices.pop();
            if n <= 1001 {
                snapshot.push_str(&format!("44101{n:05},true,\n"));
            }
        }
    }
    offices.push('\n');
    site.write("data/offices.csv", &offices);
    site.write("data/adoption/2025-11-30.csv", &snapshot);
    site.build_ok();
    let index = manifest(&site);
    assert!(index.get("rows").is_none());
    let parts = index["parts"].as_array().expect("parts");
    let urls: Vec<&str> = parts.iter().map(|p| p["url"].as_str().unwrap()).collect();
    assert_eq!(urls, ["442011.json", "442038.json", "442101.json"]);
    for (part, (_, count)) in parts.iter().zip(codes) {
        assert_eq!(part["rows"], count);
        let file: Value = serde_json::from_str(
            &site.output(&format!("search/{}", part["url"].as_str().unwrap())),
        )
        .unwrap();
        assert_eq!(numbers(&file).len(), count);
    }
    let page = site.output("offices/index.html");
    assert!(
        page.contains(r##"442011/#offices-heading">大分市（1001件）</a>"##),
        "1001 adopted offices are listed per municipality page"
    );
    assert!(!page.contains(r#"<li class="office""#));
    // Text across every municipality: each whole office number is in the
    // bucket its gram hashes to (FNV-1a over code points, as search.js).
    let grams = &index["grams"];
    let buckets = grams["buckets"].as_u64().expect("a bucket count") as u32;
    let stop = strings(&grams["stop"]);
    assert!(stop.contains(&"事業"), "in every name: {stop:?}");
    let number = "4410100042";
    let hash = format!("#{number}")
        .chars()
        .fold(2_166_136_261_u32, |h, c| {
            (h ^ u32::from(c)).wrapping_mul(16_777_619)
        });
    let bucket: Value =
        serde_json::from_str(&site.output(&format!("search/g/{}.json", hash % buckets))).unwrap();
    assert!(numbers(&bucket).iter().any(|n| n == number));
}

#[test]
fn unknown_search_setting_fails_check_too() {
    let site = TestSite::minimal();
    site.write("site.toml", &format!("{SITE_TOML}\n[search]\nall = true\n"));
    let run = site.check();
    assert_eq!(run.code, Some(1));
    assert_eq!(run.stdout, "", "messages go to stderr");
    run.assert_stderr_has("site.toml:10: unknown field `all`");
}

#[test]
fn before_the_first_snapshot_an_adopted_only_index_is_empty() {
    let site = TestSite::minimal();
    site.write(
        "site.toml",
        &format!("{SITE_TOML}\n[search]\ninclude_not_adopted = false\n"),
    );
    site.remove("data/adoption/2025-11-30.csv");
    site.build_ok();
    assert_eq!(numbers(&manifest(&site)["rows"]), Vec::<String>::new());
    assert!(
        site.output("offices/index.html")
            .contains("導入状況のデータはまだ公開されていません")
    );
}

#[test]
fn demo_with_every_office_indexes_all_3908() {
    let site = TestSite::demo();
    let toml = std::fs::read_to_string(crate::harness::repo().join("site.toml")).unwrap();
    site.write(
        "site.toml",
        &format!("{toml}\n[search]\ninclude_not_adopted = true\n"),
    );
    site.build_ok();
    let rows = &manifest(&site)["rows"];
    let numbers = numbers(rows);
    assert_eq!(numbers.len(), 3908);
    let adopted = rows["status"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|s| s.as_u64() != Some(0))
        .count();
    assert_eq!(adopted, 411);
    let sakura = numbers.iter().position(|n| n == "4410010030").unwrap();
    assert_eq!(rows["name"][sakura], "サクラ介護センター（架空）");
}
