//! One finding per problem: many rows of a table with one problem are one
//! line naming the count and the first rows (JSON still lists every row);
//! every file a spreadsheet damaged is named in the same run; every failing
//! `check` and `build` ends saying that nothing is published and why. Also
//! local paths in links and images, and what the trial of issue 21 found.

use crate::harness::{Run, TestSite};

/// A Hokkaido site whose spreadsheet dropped the leading zeros: 300 offices
/// with nine-digit numbers (every other one in 函館市 written `12025`), the
/// municipality list with `12025` too, one office written right in 函館市,
/// a snapshot and a plan naming the nine-digit numbers.
fn lost_zeros() -> TestSite {
    let site = TestSite::hokkaido();
    site.write(
        "data/municipalities.csv",
        "code,name,kana\n12025,函館市,はこだてし\n012033,小樽市,おたるし\n",
    );
    let mut offices = String::from("office_number,name,municipality_code,service_types\n");
    let mut snapshot = String::from("office_number,linking\n");
    for i in 0..300 {
        let code = if i % 2 == 0 { "012033" } else { "12025" };
        offices.push_str(&format!(
            "{},事業所{i},{code},居宅介護支援\n",
            170100000 + i
        ));
        snapshot.push_str(&format!("{},true\n", 170100000 + i));
    }
    offices.push_str("0170200000,はこだて居宅介護支援,012025,居宅介護支援\n");
    snapshot.push_str("0170200000,true\n");
    site.write("data/offices.csv", &offices);
    site.write("data/adoption/2025-11-30.csv", &snapshot);
    site.write("data/plans.csv", "office_number,date\n170100300,\n");
    site
}

/// The lines of stderr that are findings (neither the count nor the last line).
fn findings(run: &Run) -> Vec<&str> {
    let lines: Vec<&str> = run.stderr.lines().collect();
    lines[..lines.len().saturating_sub(2)].to_vec()
}

#[test]
fn three_hundred_lost_zeros_are_one_finding_with_every_damaged_file() {
    let site = lost_zeros();
    let run = site.run(&["build", "--lang", "ja"]);
    assert_eq!(run.code, Some(1));
    assert_eq!(
        findings(&run),
        [
            "エラー: data/adoption/2025-11-30.csv: 300 行で事業所番号の先頭の 0 が消えています（2, 3, 4 行目ほか）。2 行目：事業所番号（`office_number`）「170100000」は9桁です。表計算ソフトで先頭の0が消えています。「0170100000」と書いてください（列の書式を「文字列」にして保存します）",
            "エラー: data/municipalities.csv:2: コード「12025」は5桁です。表計算ソフトで先頭の0が消えています。「012025」（函館市）のことではありませんか（列の書式を「文字列」にして保存します）（data/offices.csv でこの市区町村にある1事業所と、それを挙げている導入状況・導入予定のファイルの1行も数えません）",
            "エラー: data/offices.csv: 300 行で事業所番号の先頭の 0 が消えています（2, 3, 4 行目ほか）。2 行目：事業所番号（`office_number`）「170100000」は9桁です。表計算ソフトで先頭の0が消えています。「0170100000」と書いてください（列の書式を「文字列」にして保存します）",
            "エラー: data/offices.csv: 150 行でコードの先頭の 0 が消えています（3, 5, 7 行目ほか）。3 行目：市区町村コード「12025」は data/municipalities.csv にありません。コード「12025」は5桁です。表計算ソフトで先頭の0が消えています。「012025」（函館市）のことではありませんか（列の書式を「文字列」にして保存します）",
            "エラー: data/plans.csv:2: 事業所番号（`office_number`）「170100300」は9桁です。表計算ソフトで先頭の0が消えています。「0170100300」と書いてください（列の書式を「文字列」にして保存します）",
        ],
        "{}",
        run.stderr
    );
    let lines: Vec<&str> = run.stderr.lines().collect();
    assert_eq!(
        lines[lines.len() - 2..],
        [
            "エラー 5 件、警告 0 件",
            "エラーが 5 件あるため、何も公開していません（出力はまだ書き出していません）"
        ]
    );
    assert!(!site.path().join("public").exists());
    let english = site.run(&["check"]);
    english.assert_stderr_has("error: data/offices.csv: 300 rows: office numbers lost their leading zero (lines 2, 3, 4 and more); line 2: office_number \"170100000\" must be 10 digits");
    english.assert_stderr_has("error: data/offices.csv: 150 rows: codes lost their leading zero (lines 3, 5, 7 and more); line 3: municipality_code \"12025\" is not in data/municipalities.csv");
    assert!(
        english
            .stderr
            .ends_with("nothing would be published: 5 error(s) to fix first (build stops until they are fixed)\n"),
        "{}",
        english.stderr
    );
}

#[test]
fn one_round_of_fixes_is_enough() {
    let site = lost_zeros();
    for file in [
        "data/offices.csv",
        "data/adoption/2025-11-30.csv",
        "data/plans.csv",
        "data/municipalities.csv",
    ] {
        let text = std::fs::read_to_string(site.path().join(file)).unwrap();
        let fixed: Vec<String> = text
            .lines()
            .map(|line| {
                line.split(',')
                    .map(|cell| match cell.len() {
                        9 | 5 if cell.bytes().all(|b| b.is_ascii_digit()) => format!("0{cell}"),
                        _ => cell.to_string(),
                    })
                    .collect::<Vec<_>>()
                    .join(",")
            })
            .collect();
        site.write(file, &(fixed.join("\n") + "\n"));
    }
    site.build_ok();
}

#[test]
fn json_lists_every_row_and_github_one_annotation_per_problem() {
    let site = lost_zeros();
    let run = site.run(&["check", "--format", "json"]);
    assert_eq!(run.code, Some(1));
    let items: Vec<serde_json::Value> = serde_json::from_str(&run.stdout).unwrap();
    let lost = |path: &str| {
        items
            .iter()
            .filter(|i| {
                i["path"] == path
                    && i["message"].as_str().unwrap().starts_with("office_number")
                    && i["line"].is_u64()
            })
            .count()
    };
    assert_eq!(lost("data/offices.csv"), 300);
    assert_eq!(lost("data/adoption/2025-11-30.csv"), 300);
    run.assert_stderr_has("nothing would be published: 5 error(s)");
    let github = site.run(&["check", "--format", "github"]);
    let annotations: Vec<&str> = github.stdout.lines().collect();
    assert_eq!(annotations.len(), 5, "{}", github.stdout);
    assert!(
        annotations[2].starts_with(
            "::error file=data/offices.csv::300 rows: office numbers lost their leading zero (lines 2, 3, 4 and more)"
        ),
        "{}",
        annotations[2]
    );
}

#[test]
fn a_few_rows_are_shown_one_by_one() {
    let site = TestSite::minimal();
    site.write(
        "data/adoption/2025-11-30.csv",
        "office_number,linking\n4470100001,true\n4479999991,true\n4479999992,true\n4479999993,true\n",
    );
    let run = site.check();
    assert!(run.success, "{}", run.stderr);
    for line in [2, 3, 4] {
        run.assert_stderr_has(&format!(
            "warning: data/adoption/2025-11-30.csv:{}: office_number \"447999999{}\" is not in data/offices.csv",
            line + 1,
            line - 1
        ));
    }
}

#[test]
fn many_warnings_of_one_kind_are_one_line() {
    let site = TestSite::minimal();
    let mut snapshot = String::from("office_number,linking\n4470100001,true\n");
    for i in 0..1000 {
        snapshot.push_str(&format!("{},true\n", 4479000000u64 + i));
    }
    site.write("data/adoption/2025-11-30.csv", &snapshot);
    let run = site.run(&["check", "--strict"]);
    assert_eq!(run.code, Some(1));
    assert_eq!(
        run.stderr.lines().skip(1).collect::<Vec<_>>(),
        [
            "warning: data/adoption/2025-11-30.csv: 1000 rows: office numbers are not in data/offices.csv (lines 3, 4, 5 and more); line 3: office_number \"4479000000\" is not in data/offices.csv: left out of every figure",
            "0 error(s), 2 warning(s)",
            "nothing would be published: --strict stops on the 2 warning(s) too",
        ]
    );
    let ja = site.run(&["check", "--strict", "--lang", "ja"]);
    assert!(
        ja.stderr
            .ends_with("--strict は警告でも止まるため、警告 2 件を直すまで公開しません\n"),
        "{}",
        ja.stderr
    );
}

#[test]
fn an_unreadable_office_list_comes_first_alone() {
    let site = TestSite::minimal();
    site.remove("data/offices.csv");
    let run = site.check();
    assert_eq!(run.code, Some(1));
    assert!(
        run.stderr.starts_with("error: data/offices.csv: "),
        "{}",
        run.stderr
    );
    assert!(
        !run.stderr.contains("is not in data/offices.csv"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_rejected_office_takes_its_snapshot_rows_along() {
    let site = TestSite::minimal();
    site.write(
        "data/offices.csv",
        "office_number,name,municipality_code,service_types\n4470100001,,442011,居宅介護支援\n",
    );
    site.write(
        "data/adoption/2025-11-30.csv",
        "office_number,linking\n4470100001,true\n",
    );
    site.build_fails().assert_stderr_has(
        "error: data/offices.csv:2: name is empty for office 4470100001 (1 rows of the adoption or plan files name this office and are left out too)\n1 error(s), 0 warning(s)\n",
    );
}

#[test]
fn a_broken_newest_snapshot_is_not_compared_with_the_one_before() {
    let site = TestSite::minimal();
    site.write(
        "data/adoption/2025-12-31.csv",
        "office_number,linking\n4470100001,maybe\n4410100003,true\n",
    );
    let run = site.build_fails();
    run.assert_stderr_has(
        "error: data/adoption/2025-12-31.csv:2: linking \"maybe\" must be one of",
    );
    assert!(!run.stderr.contains("more than the"), "{}", run.stderr);
    site.write(
        "data/adoption/2025-12-31.csv",
        "office_number,linking\n4470100001,true\n",
    );
    site.build_ok()
        .assert_stderr_has("counts 3 license holders, more than the 1 of the newer");
}

#[test]
fn local_paths_in_images_and_links_are_errors() {
    let site = TestSite::minimal();
    site.write(
        "content/guides/start.md",
        "+++\ntitle = \"導入の流れ\"\n+++\n\
         ![画面](C:\\Users\\tanaka\\Pictures\\screen.png)\n\n\
         ![画面](C:/Users/tanaka/Pictures/screen2.png)\n\n\
         [手順書](\\\\server\\share\\手順書.pdf)\n\n\
         [手順書](file:///C:/Users/tanaka/Documents/manual.pdf)\n\n\
         [手順書](FILE://server/share/guide.pdf)\n",
    );
    let run = site.run(&["check", "--strict"]);
    assert_eq!(run.code, Some(1));
    for (line, what, written, name) in [
        (
            4,
            "image",
            "C:\\Users\\tanaka\\Pictures\\screen.png",
            "screen.png",
        ),
        (
            6,
            "image",
            "C:/Users/tanaka/Pictures/screen2.png",
            "screen2.png",
        ),
        // Markdown reads `\\` as one backslash.
        (8, "link", "\\server\\share\\手順書.pdf", "手順書.pdf"),
        (
            10,
            "link",
            "file:///C:/Users/tanaka/Documents/manual.pdf",
            "manual.pdf",
        ),
        (12, "link", "FILE://server/share/guide.pdf", "guide.pdf"),
    ] {
        run.assert_stderr_has(&format!(
            "error: content/guides/start.md:{line}: {what} \"{written}\" is a place on this computer (or the office network), which no visitor can open: put the file beside the page and write its name, \"{name}\"\n"
        ));
    }
    let ja = site.run(&["build", "--lang", "ja"]);
    ja.assert_stderr_has("エラー: content/guides/start.md:4: 画像「C:\\Users\\tanaka\\Pictures\\screen.png」はこのパソコン（または職場のネットワーク）の中の場所を指していて、サイトを見る人には開けません。ファイルをこのページと同じフォルダーに置き、「screen.png」と名前だけを書いてください\n");
}

#[test]
fn smart_quotes_and_a_full_width_equals_in_toml() {
    let site = TestSite::minimal();
    site.write(
        "content/guides/start.md",
        "+++\ntitle = “導入の流れ”\n+++\n本文。\n",
    );
    site.write(
        "content/faq/general.md",
        "+++\ntitle ＝ \"全般\"\n+++\n本文。\n",
    );
    let run = site.run(&["build", "--lang", "ja"]);
    assert_eq!(run.code, Some(1));
    run.assert_stderr_has("エラー: content/guides/start.md:2: ページ先頭の設定（+++ の間）: 「“」「”」は全角の引用符で、文字の囲みになりません。半角の \" で囲んで書きます（例：`title = \"導入の流れ\"`）\n");
    run.assert_stderr_has("エラー: content/faq/general.md:2: ページ先頭の設定（+++ の間）: 「＝」は全角です。項目と値の間は半角の `=` で書きます（例：`title = \"全般\"`）\n");
    let en = site.build_fails();
    en.assert_stderr_has("“ and ” are typographic quotes, which TOML does not read: quote with straight double quotes (for example `title = \"導入の流れ\"`)\n");
    en.assert_stderr_has("＝ is a full-width equals sign: write a plain `=` between the key and the value (for example `title = \"全般\"`)\n");
}

#[test]
fn a_total_row_is_named_as_one() {
    let site = TestSite::minimal();
    site.write(
        "data/municipalities.csv",
        &format!("{}合計,,\n", crate::harness::MUNICIPALITIES),
    );
    site.write(
        "data/offices.csv",
        &format!("{}合計,5事業所,,,,\n", crate::harness::OFFICES),
    );
    site.write(
        "data/adoption/2025-11-30.csv",
        &format!("{}総計,3,\n", crate::harness::SNAPSHOT),
    );
    let run = site.run(&["build", "--lang", "ja"]);
    assert_eq!(run.code, Some(1));
    run.assert_stderr_has("エラー: data/municipalities.csv:5: 「合計」の行は表計算ソフトで足した合計の行で、データの行ではありません。この行を消してください（合計は renkei が数えます）\n");
    run.assert_stderr_has("エラー: data/offices.csv:7: 「合計」の行は表計算ソフトで足した合計の行で、データの行ではありません。この行を消してください（合計は renkei が数えます）\n");
    run.assert_stderr_has("エラー: data/adoption/2025-11-30.csv:5: 「総計」の行は");
    assert!(!run.stderr.contains("コード「合計」"), "{}", run.stderr);
    site.build_fails().assert_stderr_has(
        "error: data/offices.csv:7: the \"合計\" row is a spreadsheet's total, not a row of data: delete the row (renkei counts the totals itself)\n",
    );
}

#[test]
fn a_wrong_check_digit_suggests_only_a_code_that_exists() {
    let site = TestSite::minimal();
    site.write(
        "data/municipalities.csv",
        "code,name,kana\n442012,大分市,おおいたし\n442991,どこか町,どこかまち\n442038,中津市,なかつし\n442101,杵築市,きつきし\n",
    );
    let run = site.run(&["build", "--lang", "ja"]);
    run.assert_stderr_has("エラー: data/municipalities.csv:2: コード「442012」の最後の検査数字が合いません。44201の検査数字は1です（「442011」、大分市）");
    run.assert_stderr_has("エラー: data/municipalities.csv:3: コード「442991」の最後の検査数字が合いません。全国地方公共団体コードの一覧にない番号です。正しいコードを確かめてください\n");
}
