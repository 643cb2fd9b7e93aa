//! The load stage's messages in Japanese (the default, `--lang ja`) with
//! their place, and in English for a sample: the bad inputs editors make
//! in front matter, site.toml, survey descriptions and data/adoption/.
//! Each fails the build and leaves the previous output as it was.

use std::collections::BTreeMap;
use std::path::Path;

use crate::harness::{GUIDE, NEWS, Run, TestSite};

/// Every file of the output folder with its bytes.
fn published(site: &TestSite) -> BTreeMap<String, Vec<u8>> {
    let public = site.path().join("public");
    walkdir::WalkDir::new(&public)
        .sort_by_file_name()
        .into_iter()
        .map(|e| e.expect("walk the output"))
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let rel = e.path().strip_prefix(&public).expect("below").to_owned();
            (rel_name(&rel), std::fs::read(e.path()).expect("read"))
        })
        .collect()
}

fn rel_name(rel: &Path) -> String {
    rel.to_string_lossy().replace('\\', "/")
}

/// A site built once, then `bad` applied: the Japanese build fails with
/// `message` on stderr, and the output is the first build's.
fn refused_in_japanese(bad: impl FnOnce(&TestSite), message: &str) -> TestSite {
    let site = TestSite::minimal();
    site.build_ok();
    let before = published(&site);
    bad(&site);
    let run = site.run(&["build", "--lang", "ja"]);
    assert!(!run.success, "build succeeded:\n{}", run.stderr);
    run.assert_stderr_has(message);
    assert_eq!(published(&site), before, "the output changed");
    site.assert_no_leftovers();
    site
}

fn check_in(site: &TestSite, lang: &str) -> Run {
    let run = site.run(&["check", "--lang", lang]);
    assert!(!run.success, "check passed:\n{}", run.stderr);
    run
}

#[test]
fn an_era_date_in_front_matter_gives_the_western_day() {
    let era = NEWS.replace("date = 2025-10-01", "date = 令和7年12月8日");
    let site = refused_in_japanese(
        |site| site.write("content/news/training.md", &era),
        "エラー: content/news/training.md:3: ページ先頭の設定（+++ の間）: 日付は `2025-12-08` の形で書きます（令和の年号は使えません）\n",
    );
    check_in(&site, "en").assert_stderr_has(
        "error: content/news/training.md:3: front matter: date 令和7年12月8日 must be a day such as 2025-12-08 (Japanese era years cannot be used)\n",
    );
    let quoted = NEWS.replace("date = 2025-10-01", "date = \"令和7年12月8日\"");
    site.write("content/news/training.md", &quoted);
    check_in(&site, "ja").assert_stderr_has(
        "エラー: content/news/training.md:3: ページ先頭の設定（+++ の間）: 日付は `2025-12-08` の形で書きます（令和の年号は使えません）\n",
    );
    let heisei = NEWS.replace("date = 2025-10-01", "date = \"平成31年4月1日\"");
    site.write("content/news/training.md", &heisei);
    check_in(&site, "ja").assert_stderr_has(
        "エラー: content/news/training.md:3: ページ先頭の設定（+++ の間）: 日付は `2019-04-01` の形で書きます（平成の年号は使えません）\n",
    );
}

#[test]
fn a_quoted_weight_is_a_number_without_quotes() {
    let quoted = GUIDE.replace("weight = 1", "weight = \"55\"");
    let site = refused_in_japanese(
        |site| site.write("content/guides/start.md", &quoted),
        "エラー: content/guides/start.md:3: ページ先頭の設定（+++ の間）: `weight` は数値で書きます（例：`weight = 55`）\n",
    );
    check_in(&site, "en").assert_stderr_has(
        "error: content/guides/start.md:3: front matter: weight must be a whole number, without quotes (for example `weight = 55`)\n",
    );
}

#[test]
fn respondents_are_digits_only() {
    let site = refused_in_japanese(
        |site| {
            site.write(
                "data/surveys/satisfaction.toml",
                "title = \"満足度調査\"\nrespondents = \"100人\"\n",
            );
            site.write(
                "data/surveys/satisfaction.csv",
                "question,choice,count\n使っていますか,はい,60\n",
            );
        },
        "エラー: data/surveys/satisfaction.toml:2: 人数は数字だけで書きます（例：`respondents = 100`）\n",
    );
    check_in(&site, "en").assert_stderr_has(
        "error: data/surveys/satisfaction.toml:2: respondents must be the number of people in digits only (for example `respondents = 100`)\n",
    );
}

#[test]
fn another_file_in_data_adoption_is_an_error_saying_how_to_save_it() {
    let site = refused_in_japanese(
        |site| site.write_bytes("data/adoption/2025-12-31.pdf", b"%PDF-1.7"),
        "エラー: data/adoption/2025-12-31.pdf: CSV でも Excel のブックでもないので読み込めません（古い数字のまま公開されないよう、エラーにしています）。Excel のブック（`2025-12-31.xlsx`）か「CSV UTF-8（コンマ区切り）」（`2025-12-31.csv`）で data/adoption に保存し、このファイルは data/adoption から外してください\n",
    );
    check_in(&site, "en").assert_stderr_has(
        "error: data/adoption/2025-12-31.pdf: neither a CSV file nor a spreadsheet, so it is not read (an error, so that the old figures are not published as if nothing had arrived): save the list as an Excel book (2025-12-31.xlsx) or as \"CSV UTF-8 (Comma delimited)\" (2025-12-31.csv) in data/adoption, and move this file out of data/adoption\n",
    );
    site.remove("data/adoption/2025-12-31.pdf");
    site.write("data/adoption/README.md", "担当課が毎月置きます。\n");
    site.write_bytes("data/adoption/~$2025-12-31.xlsx", b"lock");
    let run = site.run(&["check", "--lang", "ja"]);
    assert!(run.success, "{}", run.stderr);
    assert!(!run.stderr.contains("data/adoption"), "{}", run.stderr);
}

#[test]
fn a_numbers_file_in_data_adoption_says_how_to_export_it() {
    let site = refused_in_japanese(
        |site| site.write("data/adoption/名簿.numbers", "x"),
        "エラー: data/adoption/名簿.numbers: Numbers のファイルは読めません。Numbers で「ファイル」→「書き出す」→「Excel...」（または「CSV...」）を選んで同じ名前の .xlsx（または .csv）に書き出し、この .numbers ファイルは data/ から外してください\n",
    );
    check_in(&site, "en").assert_stderr_has(
        "error: data/adoption/名簿.numbers: a Numbers file cannot be read: in Numbers, use File > Export To > Excel (or CSV), save it under the same name as .xlsx (or .csv), and move this .numbers file out of data/\n",
    );
}

#[test]
fn an_unknown_site_toml_key_names_the_accepted_ones() {
    let site = refused_in_japanese(
        |site| {
            let toml = crate::harness::SITE_TOML.replace(
                "prefecture_code = \"44\"\n",
                "prefecture_code = \"44\"\nthem = \"x\"\n",
            );
            site.write("site.toml", &toml);
        },
        "エラー: site.toml:4: `them` という項目はありません。書ける項目は `title`、`base_url`、`prefecture_code`、`prefecture_name`、`municipality_code`、`theme`、`description`、`organization`、`license`、`groups`、`search`、`markdown` です（つづりを確かめてください）\n",
    );
    check_in(&site, "en").assert_stderr_has(
        "error: site.toml:4: unknown field `them`, expected one of `title`, `base_url`, `prefecture_code`, `prefecture_name`, `municipality_code`, `theme`, `description`, `organization`, `license`, `groups`, `search`, `markdown`\n",
    );
}

#[test]
fn an_unquoted_site_title_is_quoted() {
    refused_in_japanese(
        |site| {
            let toml = crate::harness::SITE_TOML
                .replace("title = \"テスト県 ポータル\"", "title = テスト県ポータル");
            site.write("site.toml", &toml);
        },
        "エラー: site.toml:1: 文字は \"...\" で囲んで書きます（例：`title = \"テスト県ポータル\"`）\n",
    );
}

#[test]
fn a_short_csv_row_is_counted_in_japanese() {
    refused_in_japanese(
        |site| {
            site.write(
                "data/municipalities.csv",
                "code,name,kana\n442011,大分市,おおいたし\n442038,中津市\n442101,杵築市,きつきし\n",
            )
        },
        "エラー: data/municipalities.csv:3: この行は項目が2個しかありません。見出しの行は3個です\n",
    );
}

#[test]
fn a_snapshot_named_in_the_era_gets_its_western_name() {
    refused_in_japanese(
        |site| site.write("data/adoption/R7.12.31.csv", crate::harness::SNAPSHOT),
        "エラー: data/adoption/R7.12.31.csv: 導入状況のファイル名「R7.12.31.csv」は、日付で YYYY-MM-DD.csv の形にします（このファイルなら 2025-12-31.csv です）\n",
    );
}
