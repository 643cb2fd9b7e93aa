//! The demo site at the repository root: its open data holds the seed's
//! figures (大分県, 2025-11-30 and the 2025-03-31 fiscal-year end).

use crate::harness::TestSite;

/// The open-data row whose first cell is `key`, split into cells.
fn row(csv: &str, key: &str) -> Vec<String> {
    let line = csv
        .lines()
        .find(|l| l.trim_start_matches('\u{feff}').split(',').next() == Some(key))
        .unwrap_or_else(|| panic!("no row {key} in:\n{csv}"));
    line.split(',').map(str::to_string).collect()
}

fn built_demo() -> TestSite {
    let site = TestSite::demo();
    site.build_ok();
    site
}

#[test]
fn municipalities_csv_holds_the_seed_figures() {
    let site = built_demo();
    let csv = site.output("data/municipalities.csv");
    assert!(csv.starts_with(
        "\u{feff}code,name,as_of,offices,adopted,rate,cm_offices,cm_adopted,cm_rate,linking\n"
    ));
    // code,name,as_of,offices,adopted,rate,cm_offices,cm_adopted,cm_rate
    let expected = [
        (
            "440001",
            "大分県",
            "3908",
            "411",
            "10.5",
            "473",
            "84",
            "17.8",
        ),
        (
            "442011",
            "大分市",
            "1135",
            "166",
            "14.6",
            "164",
            "24",
            "14.6",
        ),
        ("442046", "日田市", "192", "48", "25.0", "37", "10", "27.0"),
        ("442101", "杵築市", "86", "59", "68.6", "13", "13", "100.0"),
        ("442038", "中津市", "219", "84", "38.4", "26", "19", "73.1"),
    ];
    for (code, name, offices, adopted, rate, cm_offices, cm_adopted, cm_rate) in expected {
        let cells = row(&csv, code);
        assert_eq!(
            &cells[1..9],
            [
                name,
                "2025-11-30",
                offices,
                adopted,
                rate,
                cm_offices,
                cm_adopted,
                cm_rate
            ],
            "{code}"
        );
    }
    let data_rows = csv.lines().count() - 1;
    assert_eq!(data_rows, 19, "the prefecture and its 18 municipalities");
    assert!(
        csv.lines().nth(1).unwrap().starts_with("440001,大分県,"),
        "the prefecture comes first"
    );
}

#[test]
fn groups_csv_holds_the_priority_area() {
    let site = built_demo();
    let csv = site.output("data/groups.csv");
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(
        lines[0],
        "\u{feff}name,as_of,offices,adopted,rate,cm_offices,cm_adopted,cm_rate,linking"
    );
    let cells: Vec<&str> = lines[1].split(',').collect();
    assert_eq!(
        &cells[..8],
        [
            "重点支援地域",
            "2025-11-30",
            "1632",
            "357",
            "21.9",
            "240",
            "66",
            "27.5"
        ]
    );
}

#[test]
fn fiscal_year_end_rates_round_to_the_seed() {
    let site = built_demo();
    let trend = site.output("data/trend.csv");
    let rate_on = |code: &str| -> f64 {
        let line = trend
            .lines()
            .find(|l| l.starts_with(&format!("2025-03-31,{code},")))
            .expect("a 2025-03-31 row");
        line.rsplit(',').next().unwrap().parse().unwrap()
    };
    // The seed's R6年度末 rates, in whole percent.
    for (code, percent) in [
        ("440001", 5.0),
        ("442011", 7.0),
        ("442046", 1.0),
        ("442101", 0.0),
        ("442038", 36.0),
    ] {
        assert_eq!(rate_on(code).round(), percent, "{code}");
    }
    let first_date = trend.lines().nth(1).unwrap().split(',').next().unwrap();
    assert!(first_date < "2025-03-31", "oldest first");
    assert_eq!(
        trend
            .lines()
            .filter(|l| l.starts_with("2025-11-30,"))
            .count(),
        19
    );
}

#[test]
fn pages_show_the_figures_in_the_japanese_era() {
    let site = built_demo();
    let home = site.output("index.html");
    assert!(home.contains("令和7年11月30日時点"));
    assert!(home.contains("10.5%"));
    let kitsuki = site.output("municipalities/442101/index.html");
    assert!(kitsuki.contains("68.6%"));
    assert!(kitsuki.contains("サービス種類別の導入状況"));
}

#[test]
fn demo_check_passes_without_warnings() {
    let site = TestSite::demo();
    let run = site.run(&["check", "--strict"]);
    assert!(run.success, "{}", run.stderr);
}
