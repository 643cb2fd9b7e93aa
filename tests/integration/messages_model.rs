//! The model and render stages' messages in Japanese (`--lang ja`) with their
//! place, the English of a sample, and what spreadsheets do to numbers:
//! full-width and hyphenated numbers read as meant, numbers cut short by a
//! lost leading zero named with the zero put back, and the build failing
//! without publishing anything.

use crate::harness::{OFFICES, Run, SNAPSHOT, TestSite};

/// Builds in Japanese, asserting that it fails with `line` and publishes nothing.
fn fails_ja(site: &TestSite, line: &str) -> Run {
    let run = site.run(&["build", "--lang", "ja"]);
    assert!(!run.success, "build succeeded:\n{}", run.stderr);
    run.assert_stderr_has(line);
    assert!(
        !site.path().join("public").exists(),
        "something was published"
    );
    run
}

#[test]
fn full_width_and_hyphenated_numbers_are_read_as_meant() {
    let site = TestSite::minimal();
    site.write(
        "data/municipalities.csv",
        "code,name,kana\n４４２０１１,大分市,おおいたし\n442038,中津市,なかつし\n442101,杵築市,きつきし\n",
    );
    site.write(
        "data/offices.csv",
        &OFFICES
            .replacen("4470100001", "４４７０１００００１", 1)
            .replacen(",442011,居宅介護支援", ",４４２０１１,居宅介護支援", 1),
    );
    site.write(
        "data/adoption/2025-11-30.csv",
        &SNAPSHOT
            .replace("4410100003", "４４－１０１０－０００３")
            .replace("4470100004", "44-7010-0004"),
    );
    let run = site.run(&["build", "--lang", "ja"]);
    assert!(run.success, "{}", run.stderr);
    assert!(!run.stderr.contains("警告"), "{}", run.stderr);
    let json: serde_json::Value =
        serde_json::from_str(&site.output("data/municipalities.json")).unwrap();
    assert_eq!(json[0]["offices"], 5);
    assert_eq!(json[0]["adopted"], 3);
    let adopted = site.output("data/adopted-offices.csv");
    assert!(
        adopted.contains("\n4470100001,さくら居宅介護支援事業所,442011,"),
        "{adopted}"
    );
    assert!(
        adopted.contains("\n4410100003,あおばデイサービス,442038,"),
        "{adopted}"
    );
    assert!(
        adopted.contains("\n4470100004,杵築ケアプランセンター,442101,"),
        "{adopted}"
    );
}

#[test]
fn hokkaido_snapshot_that_lost_its_zeros_fails_the_build() {
    let site = TestSite::hokkaido();
    site.write(
        "data/adoption/2025-11-30.csv",
        "office_number,linking\n170100001,true\n170100002,true\n",
    );
    let run = fails_ja(
        &site,
        "エラー: data/adoption/2025-11-30.csv:2: 事業所番号（`office_number`）「170100001」は9桁です。表計算ソフトで先頭の0が消えています。「0170100001」と書いてください（列の書式を「文字列」にして保存します）\n",
    );
    run.assert_stderr_has("エラー: data/adoption/2025-11-30.csv:3: 事業所番号（`office_number`）「170100002」は9桁です。");
    let run = site.run(&["build", "--lang", "en"]);
    assert!(!run.success);
    run.assert_stderr_has("error: data/adoption/2025-11-30.csv:2: office_number \"170100001\" must be 10 digits (the third may be an uppercase letter for 総合事業 offices); a spreadsheet may have dropped a leading zero: \"0170100001\"\n");
}

#[test]
fn nine_digit_number_in_plans_is_an_error() {
    let site = TestSite::minimal();
    site.write(
        "data/plans.csv",
        "office_number,date\n441010000,2026-03-31\n",
    );
    fails_ja(
        &site,
        "エラー: data/plans.csv:2: 事業所番号（`office_number`）「441010000」は9桁です。表計算ソフトで先頭の0が消えています。「0441010000」と書いてください",
    );
}

#[test]
fn rows_naming_a_rejected_office_fold_into_its_error() {
    let site = TestSite::minimal();
    site.write(
        "data/offices.csv",
        &format!("{OFFICES}447010006,ゼロ落ち居宅介護支援,442011,居宅介護支援,,\n"),
    );
    site.write(
        "data/adoption/2025-11-30.csv",
        &format!("{SNAPSHOT}0447010006,true,\n"),
    );
    site.write("data/plans.csv", "office_number,date\n0447010006,\n");
    let run = fails_ja(
        &site,
        "エラー: data/offices.csv:7: 事業所番号（`office_number`）「447010006」は9桁です。表計算ソフトで先頭の0が消えています。「0447010006」と書いてください（列の書式を「文字列」にして保存します）（導入状況・導入予定のファイルでこの事業所を挙げている2行も数えません）\n",
    );
    run.assert_stderr_has("エラー 1 件、警告 0 件");
    let run = site.run(&["build", "--lang", "en"]);
    run.assert_stderr_has("a spreadsheet may have dropped a leading zero: \"0447010006\" (2 rows of the adoption or plan files name this office and are left out too)\n");
}

#[test]
fn office_with_an_unknown_area_folds_its_snapshot_row() {
    let site = TestSite::minimal();
    site.write(
        "data/areas.csv",
        "id,name,municipality_code\nchuo,中央圏域,442011\ntobu,東部圏域,442011\n",
    );
    site.write(
        "data/offices.csv",
        &OFFICES.replacen(",中央圏域", ",西部圏域", 1),
    );
    let run = fails_ja(
        &site,
        "エラー: data/offices.csv:2: 圏域（`area`）「西部圏域」は data/areas.csv にありません。大分市（442011）の圏域として書き足すか、名前を直してください（導入状況・導入予定のファイルでこの事業所を挙げている1行も数えません）\n",
    );
    assert!(!run.stderr.contains("警告:"), "{}", run.stderr);
}

#[test]
fn five_digit_code_that_lost_its_zero() {
    let site = TestSite::hokkaido();
    site.write(
        "data/municipalities.csv",
        "code,name,kana\n12025,函館市,はこだてし\n012033,小樽市,おたるし\n",
    );
    fails_ja(
        &site,
        "エラー: data/municipalities.csv:2: コード「12025」は5桁です。表計算ソフトで先頭の0が消えています。「012025」（函館市）のことではありませんか（列の書式を「文字列」にして保存します）（data/offices.csv でこの市区町村にある1事業所と、それを挙げている導入状況・導入予定のファイルの1行も数えません）\n",
    );
}

#[test]
fn sapporo_code_without_its_zero_is_not_taken_for_saitama() {
    let site = TestSite::hokkaido();
    site.write(
        "data/offices.csv",
        "office_number,name,municipality_code,service_types\n\
         0170100001,はこだて居宅介護支援,012025,居宅介護支援\n\
         0170100002,おたる居宅介護支援,012033,居宅介護支援\n\
         0110100003,さっぽろ居宅介護支援,11011,居宅介護支援\n",
    );
    fails_ja(
        &site,
        "エラー: data/offices.csv:4: 市区町村コード「11011」は data/municipalities.csv にありません。コード「11011」は5桁です。表計算ソフトで先頭の0が消えています。「011011」（札幌市中央区）のことではありませんか（列の書式を「文字列」にして保存します）\n",
    );
    let run = site.run(&["check", "--lang", "en"]);
    run.assert_stderr_has("error: data/offices.csv:4: municipality_code \"11011\" is not in data/municipalities.csv: code \"11011\" has 5 digits: a spreadsheet dropped its leading zero (\"011011\"); did you mean 札幌市中央区?\n");
}

#[test]
fn five_digit_code_that_lost_its_check_digit() {
    let site = TestSite::minimal();
    site.write(
        "data/areas.csv",
        "id,name,municipality_code\nnakatsu,中津圏域,44203\n",
    );
    fails_ja(
        &site,
        "エラー: data/areas.csv:2: 市区町村コード「44203」は data/municipalities.csv にありません。コード「44203」は5桁です。全国地方公共団体コードは最後の検査数字を含めて6桁です。「442038」（中津市）のことではありませんか\n",
    );
}

#[test]
fn survey_count_above_its_respondents() {
    let site = TestSite::minimal();
    site.write(
        "data/surveys/kenshu.toml",
        "title = \"研修アンケート\"\nrespondents = 100\n",
    );
    site.write(
        "data/surveys/kenshu.csv",
        "question,choice,count\n満足度,満足,60\n満足度,不満,140\n",
    );
    fails_ja(
        &site,
        "エラー: data/surveys/kenshu.csv:3: 設問「満足度」の選択肢「不満」の回答数140が、回答者数（data/surveys/kenshu.toml の `respondents`）の100より多くなっています。数え直すか、回答者数を直してください\n",
    );
    let run = site.run(&["build", "--lang", "en"]);
    run.assert_stderr_has("error: data/surveys/kenshu.csv:3: count 140 of \"不満\" for \"満足度\" is more than the 100 respondents of data/surveys/kenshu.toml: correct the count or respondents\n");
}

#[test]
fn survey_date_written_in_the_era_gets_the_western_form() {
    let site = TestSite::minimal();
    site.write(
        "data/surveys/kenshu.toml",
        "title = \"研修アンケート\"\nrespondents = 100\ndate = \"令和7年8月1日\"\n",
    );
    site.write(
        "data/surveys/kenshu.csv",
        "question,choice,count\n満足度,満足,60\n",
    );
    fails_ja(
        &site,
        "エラー: data/surveys/kenshu.toml: 日付は `2025-08-01` の形で書きます（令和の年号は使えません）\n",
    );
}

#[test]
fn survey_count_above_its_respondents_in_a_group() {
    let site = TestSite::minimal();
    site.write(
        "data/surveys/kenshu.toml",
        "title = \"研修アンケート\"\nrespondents = 50\n",
    );
    site.write(
        "data/surveys/kenshu.csv",
        "question,choice,count,group\n満足度,満足,30,北部\n満足度,満足,51,南部\n",
    );
    fails_ja(
        &site,
        "エラー: data/surveys/kenshu.csv:3: 設問「満足度」のグループ「南部」で選択肢「満足」の回答数51が、回答者数（data/surveys/kenshu.toml の `respondents`）の50より多くなっています。",
    );
}

#[test]
fn template_that_does_not_load_names_itself() {
    let site = TestSite::minimal();
    site.write("themes/default/templates/page.html", "{% if %}");
    fails_ja(
        &site,
        "エラー: themes/default/templates/page.html: テンプレート page.html を読み込めません。テンプレートの書き方を確かめてください（Failed to parse 'page.html'",
    );
}

#[test]
fn template_that_does_not_render_names_the_page() {
    let site = TestSite::minimal();
    site.write(
        "themes/default/templates/page.html",
        "{% extends \"base.html\" %}{% block main %}{{ nothing.here }}{% endblock %}",
    );
    fails_ja(
        &site,
        "エラー: themes/default/templates/page.html: テンプレート page.html でページ guides/start/index.html を作れません。テンプレートの書き方を確かめてください（Failed to render 'page.html': Variable `nothing.here` not found",
    );
}

#[test]
fn markdown_and_link_messages_in_japanese() {
    let site = TestSite::minimal();
    site.write(
        "content/guides/start.md",
        "+++\ntitle = \"導入\"\n+++\n[手順](@/guides/none.md)\n\n{{ chart(x=\"1\") }}\n",
    );
    let run = fails_ja(
        &site,
        "エラー: content/guides/start.md:4: リンク「@/guides/none.md」：content/guides/none.md というページはありません\n",
    );
    run.assert_stderr_has("エラー: content/guides/start.md:6: {{ chart(...) }} は使えません。使えるのは figure(...) と video(...) です\n");
}

#[test]
fn snapshot_rows_of_an_office_outside_a_city_portal_fold_into_its_warning() {
    let site = TestSite::city();
    let offices = std::fs::read_to_string(site.path().join("data/offices.csv")).unwrap();
    site.write(
        "data/offices.csv",
        &format!("{offices}3110100001,境港の訪問介護（架空）,,,312045,訪問介護,,,\n"),
    );
    let snapshot = "data/adoption/2025-11-30.csv";
    let rows = std::fs::read_to_string(site.path().join(snapshot)).unwrap();
    site.write(snapshot, &format!("{rows}3110100001,なし,\n"));
    let run = site.run(&["build", "--lang", "ja"]);
    assert!(run.success, "{}", run.stderr);
    run.assert_stderr_has("警告: data/offices.csv:344: 事業所 3110100001 の市区町村コード（`municipality_code`）「312045」は、この市のポータル（米子市、312029）の外です。どの集計にも入りません（導入状況・導入予定のファイルでこの事業所を挙げている1行も数えません）\n");
    assert!(!run.stderr.contains(snapshot), "{}", run.stderr);
}
