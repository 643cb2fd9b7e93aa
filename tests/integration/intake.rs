//! Data intake as prefectures get it: `renkei new`, `renkei import offices`
//! from the official open data, every check a person's mistake needs, and
//! hostile files that must never crash the tool or lose data.

use std::ffi::OsStr;
use std::path::{Path, PathBuf};

use crate::harness::{OFFICES, Run, SNAPSHOT, TestSite, renkei, repo};

fn fixtures() -> PathBuf {
    repo().join("tests/fixtures/import")
}

fn fixture(name: &str) -> String {
    fixtures().join(name).to_string_lossy().into_owned()
}

/// A new site for `prefecture` in a fresh temporary folder.
pub fn new_site(prefecture: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let root = dir.path().join("portal");
    let run = renkei(&[
        OsStr::new("new"),
        root.as_os_str(),
        OsStr::new("--prefecture"),
        OsStr::new(prefecture),
    ]);
    assert!(run.success, "renkei new failed:\n{}", run.stderr);
    (dir, root)
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// `renkei import offices` into the site at `root`, with extra arguments.
fn import(root: &Path, args: &[&str]) -> Run {
    let mut all: Vec<&OsStr> = vec![
        OsStr::new("import"),
        OsStr::new("offices"),
        OsStr::new("--root"),
        root.as_os_str(),
    ];
    all.extend(args.iter().map(OsStr::new));
    renkei(&all)
}

/// The 24 official columns, and a row of them with the cells renkei uses.
const OFFICIAL_HEADER: &str = "都道府県コード又は市町村コード,No,都道府県名,市区町村名,事業所名,事業所名カナ,サービスの種類,住所,方書（ビル名等）,緯度,経度,電話番号,FAX番号,法人番号,法人の名称,事業所番号,利用可能曜日,利用可能曜日特記事項,定員,URL,高齢者の方と障害者の方が同時一体的に利用できるサービス,介護保険の通常の指定基準を満たしている,障害福祉の通常の指定基準を満たしている,備考";

fn official_row(code: &str, prefecture: &str, city: &str, name: &str, number: &str) -> String {
    format!("{code},{number},{prefecture},{city},{name},,訪問介護,住所,,,,,,,,{number},,,,,,,,")
}

// --- renkei import offices -------------------------------------------------

#[test]
fn import_merges_service_files_into_one_office_per_number() {
    let (_dir, root) = new_site("27");
    let run = import(
        &root,
        &[
            &fixture("jigyosho_430.csv"),
            &fixture("jigyosho_110.csv"),
            &fixture("jigyosho_150.csv"),
        ],
    );
    assert!(run.success, "{}", run.stderr);
    assert_eq!(
        read(&root.join("data/offices.csv")),
        "\u{feff}office_number,name,name_kana,corporation,municipality_code,service_types,address,phone,area\n\
2770100011,きたまち訪問介護ステーション（架空）,キタマチホウモンカイゴステーション,社会福祉法人きたまち会（架空）,271276,訪問介護,大阪府大阪市北区架空町1-1 きたまちビル2階,06-0000-0001,\n\
2770100051,ちゅうおうデイサービス（架空）,チュウオウデイサービス,株式会社ちゅうおう（架空）,271284,通所介護,大阪府大阪市中央区架空1-5,06-0000-0005,\n\
2770300031,とよなか総合ケアセンター（架空）,トヨナカソウゴウケアセンター,医療法人とよなか会（架空）,272035,訪問介護;通所介護;居宅介護支援,大阪府豊中市見本町3-3,06-0000-0003,\n\
2770400041,さかい居宅介護支援事業所（架空）,サカイキョタクカイゴシエンジギョウショ,合同会社さかい（架空）,271411,居宅介護支援,大阪府堺市堺区見本通4-4,072-000-0004,\n"
    );
    run.assert_stderr_has("read 7 rows from 3 file(s):");
    run.assert_stderr_has("jigyosho_110.csv: 3 rows");
    run.assert_stderr_has("kept 4 offices of prefecture 27 (大阪府)");
    run.assert_stderr_has("merged 2 rows: the same office number in another service file");
    run.assert_stderr_has("skipped 1 rows of other prefectures");
    run.assert_stderr_has("wrote 4 offices to");

    // The third command: the portal builds, the wards summed into their city.
    let build = renkei(&[OsStr::new("build"), OsStr::new("--root"), root.as_os_str()]);
    assert!(build.success, "{}", build.stderr);
    let csv = read(&root.join("public/data/municipalities.csv"));
    let row = |code: &str| {
        csv.lines()
            .find(|l| l.starts_with(&format!("{code},")))
            .unwrap_or_else(|| panic!("no row {code}:\n{csv}"))
            .to_string()
    };
    assert!(row("270008").starts_with("270008,大阪府,,4,0,0.0,2,0,0.0,0"));
    assert!(row("271004").starts_with("271004,大阪市,,2,0,0.0,0,0,,0"));
    assert!(row("271276").starts_with("271276,大阪市北区,,1,0,0.0,0,0,,0"));
    assert!(row("271403").starts_with("271403,堺市,,1,0,0.0,1,0,0.0,0"));
    assert!(row("272035").starts_with("272035,豊中市,,1,0,0.0,1,0,0.0,0"));
}

#[test]
fn import_names_a_header_that_differs_and_writes_nothing() {
    let (dir, root) = new_site("27");
    let before = read(&root.join("data/offices.csv"));
    let bad = dir.path().join("jigyosho_110.csv");
    std::fs::write(
        &bad,
        read(&fixtures().join("jigyosho_110.csv")).replacen("事業所名カナ", "フリガナ", 1),
    )
    .unwrap();
    let run = import(
        &root,
        &[&fixture("jigyosho_430.csv"), bad.to_str().unwrap()],
    );
    assert_eq!(run.code, Some(1));
    run.assert_stderr_has(
        "jigyosho_110.csv:1: column 6 is \"フリガナ\" but the official open data has \"事業所名カナ\" there",
    );
    run.assert_stderr_has("import failed:");
    assert_eq!(read(&root.join("data/offices.csv")), before);
}

#[test]
fn import_keeps_the_areas_staff_wrote_and_lists_offices_that_went() {
    let (_dir, root) = new_site("27");
    std::fs::write(
        root.join("data/offices.csv"),
        "office_number,name,municipality_code,service_types,area\n\
2770300031,とよなか総合ケアセンター,272035,訪問介護,北部圏域\n\
2770999999,閉じた事業所,272035,訪問介護,南部圏域\n",
    )
    .unwrap();
    let run = import(&root, &[&fixture("jigyosho_110.csv")]);
    assert!(run.success, "{}", run.stderr);
    run.assert_stderr_has("compared with the previous list of 2 offices: 1 new, 1 no longer in the open data (closed or moved), area (圏域) carried over for 1");
    run.assert_stderr_has("no longer listed: 2770999999 閉じた事業所");
    let offices = read(&root.join("data/offices.csv"));
    assert!(
        offices.contains(",272035,訪問介護,大阪府豊中市見本町3-3,06-0000-0003,北部圏域\n"),
        "{offices}"
    );
}

#[test]
fn import_without_an_office_of_the_prefecture_writes_nothing() {
    let (_dir, root) = new_site("27");
    let before = read(&root.join("data/offices.csv"));
    let run = import(&root, &["--prefecture", "44", &fixture("jigyosho_110.csv")]);
    assert_eq!(run.code, Some(1));
    run.assert_stderr_has("error: no office of 大分県 in these files");
    assert_eq!(read(&root.join("data/offices.csv")), before);
}

#[test]
fn import_takes_a_folder_or_a_pattern_the_shell_left_alone() {
    let (_dir, root) = new_site("大阪府");
    let run = import(&root, &[fixtures().to_str().unwrap()]);
    assert!(run.success, "{}", run.stderr);
    run.assert_stderr_has("read 7 rows from 3 file(s)");
    let pattern = fixtures().join("jigyosho_1*.csv");
    let run = import(&root, &[pattern.to_str().unwrap()]);
    assert!(run.success, "{}", run.stderr);
    run.assert_stderr_has("read 5 rows from 2 file(s)");
    let missing = fixtures().join("jigyosho_9*.csv");
    let run = import(&root, &[missing.to_str().unwrap()]);
    assert_eq!(run.code, Some(2));
    run.assert_stderr_has("no file matches jigyosho_9*.csv");
}

#[test]
fn import_repairs_what_a_spreadsheet_cut_short_and_reports_each_row_it_skips() {
    let (dir, root) = new_site("01");
    // Opened and saved again in Excel: Shift_JIS, CRLF, leading zeros gone.
    let text = format!(
        "{OFFICIAL_HEADER}\r\n{}\r\n{}\r\n{}\r\n{}\r\n",
        official_row("12025", "北海道", "函館市", "はこだて訪問介護", "170100001"),
        official_row("11002", "北海道", "札幌市", "さっぽろ訪問介護", "170100002"),
        official_row("12025", "北海道", "函館市", "番号の壊れた事業所", "1.7E+09"),
        official_row("12025", "北海道", "函館市", "", "0170100004"),
    );
    let (bytes, _, unmappable) = encoding_rs::SHIFT_JIS.encode(&text);
    assert!(!unmappable);
    let file = dir.path().join("jigyosho_110.csv");
    std::fs::write(&file, &bytes).unwrap();
    let run = import(&root, &[file.to_str().unwrap()]);
    assert!(run.success, "{}", run.stderr);
    run.assert_stderr_has("jigyosho_110.csv:4: office_number \"1.7E+09\" must be 10 digits");
    run.assert_stderr_has("a spreadsheet turned it into a number");
    run.assert_stderr_has("jigyosho_110.csv:5: office 0170100004 has no 事業所名: row left out");
    run.assert_stderr_has("skipped 1 rows: office number (事業所番号) unusable");
    run.assert_stderr_has("skipped 1 rows: no office name (事業所名)");
    run.assert_stderr_has("repaired 4 office numbers or codes");
    let offices = read(&root.join("data/offices.csv"));
    assert!(
        offices.contains("\n0170100001,はこだて訪問介護,,,012025,"),
        "{offices}"
    );
    assert!(
        offices.contains("\n0170100002,さっぽろ訪問介護,,,011002,"),
        "{offices}"
    );
}

#[test]
fn import_warns_about_names_that_start_like_a_formula() {
    let (dir, root) = new_site("01");
    let text = format!(
        "{OFFICIAL_HEADER}\n{}\n{}\n",
        official_row(
            "012025",
            "北海道",
            "函館市",
            "\"=HYPERLINK(\"\"http://evil.example/\"\",\"\"x\"\")\"",
            "0170100001"
        ),
        official_row(
            "012025",
            "北海道",
            "函館市",
            "はこだて訪問介護",
            "0170100002"
        ),
    );
    let file = dir.path().join("jigyosho_110.csv");
    std::fs::write(&file, text).unwrap();
    let run = import(&root, &[file.to_str().unwrap()]);
    assert!(run.success, "{}", run.stderr);
    run.assert_stderr_has(&format!(
        "warning: {}:2: office 0170100001: 事業所名 \"=HYPERLINK(\"http://evil.example/\",\"x\")\" starts like a spreadsheet formula; the site's open data writes it with a leading ' so that spreadsheets show it as text: check the name",
        file.display()
    ));
    assert!(
        !run.stderr.contains("0170100002: 事業所名"),
        "{}",
        run.stderr
    );
}

#[test]
fn import_refuses_a_quote_that_swallows_offices() {
    let (dir, root) = new_site("27");
    let file = dir.path().join("jigyosho_110.csv");
    std::fs::write(
        &file,
        format!(
            "{OFFICIAL_HEADER}\n{}\n{}\n",
            official_row("272035", "大阪府", "豊中市", "\"とよなか", "2770300031"),
            official_row("272035", "大阪府", "豊中市", "みのお", "2770300032"),
        ),
    )
    .unwrap();
    let run = import(&root, &[file.to_str().unwrap()]);
    assert_eq!(run.code, Some(1));
    run.assert_stderr_has("jigyosho_110.csv:2: a quote (\") opened in this cell is never closed: lines 2 to 3 were read as one cell");
}

#[test]
fn import_of_a_renkei_offices_file_says_it_needs_none() {
    let (dir, root) = new_site("44");
    let file = dir.path().join("offices.csv");
    std::fs::write(&file, OFFICES).unwrap();
    let run = import(&root, &[file.to_str().unwrap()]);
    assert_eq!(run.code, Some(1));
    run.assert_stderr_has(
        "this is a renkei offices file (office_number, ...), not the official open data",
    );
}

#[test]
fn import_needs_a_prefecture_it_can_tell() {
    let dir = tempfile::tempdir().unwrap();
    let run = import(dir.path(), &[&fixture("jigyosho_110.csv")]);
    assert_eq!(run.code, Some(2));
    run.assert_stderr_has("no --prefecture given, and");
    let run = import(
        dir.path(),
        &["--prefecture", "大坂", &fixture("jigyosho_110.csv")],
    );
    assert_eq!(run.code, Some(2));
    run.assert_stderr_has("unknown prefecture \"大坂\"");
    // With --prefecture, no site is needed: --out says where to write.
    let out = dir.path().join("offices.csv");
    let run = import(
        dir.path(),
        &[
            "--prefecture",
            "27",
            "--out",
            out.to_str().unwrap(),
            &fixture("jigyosho_110.csv"),
        ],
    );
    assert!(run.success, "{}", run.stderr);
    assert_eq!(read(&out).lines().count(), 3);
}

// --- renkei new --------------------------------------------------------------

/// Builds a new site for `prefecture` and checks it against the national list.
fn new_site_builds(prefecture: &str, rows: usize) -> PathBuf {
    let (dir, root) = new_site(prefecture);
    let municipalities = read(&root.join("data/municipalities.csv"));
    assert_eq!(municipalities.lines().count() - 1, rows, "{municipalities}");
    let check = renkei(&[OsStr::new("check"), OsStr::new("--root"), root.as_os_str()]);
    assert_eq!(check.code, Some(0), "{}", check.stderr);
    check.assert_stderr_has("warning: data/offices.csv:1: no offices yet");
    let build = renkei(&[OsStr::new("build"), OsStr::new("--root"), root.as_os_str()]);
    assert!(build.success, "{}", build.stderr);
    for page in [
        "index.html",
        "guides/index.html",
        "guides/prepare/index.html",
        "guides/install/index.html",
        "faq/index.html",
        "contact/index.html",
        "about/index.html",
        "municipalities/index.html",
    ] {
        assert!(root.join("public").join(page).is_file(), "{page}");
    }
    assert!(root.join("data/adoption/README.md").is_file());
    assert!(read(&root.join("data/adoption/README.md")).contains("2025-11-30.csv"));
    let kept = dir.keep();
    kept.join("portal")
}

#[test]
fn new_writes_a_site_that_builds_for_oita() {
    let root = new_site_builds("44", 18);
    let toml = read(&root.join("site.toml"));
    assert!(toml.contains("title = \"大分県 ケアプランデータ連携システム 導入支援ポータル\""));
    assert!(toml.contains("prefecture_code = \"44\""));
    assert!(read(&root.join("public/index.html")).contains("大分県"));
    std::fs::remove_dir_all(root.parent().unwrap()).unwrap();
}

#[test]
fn new_writes_a_site_that_builds_for_osaka_with_its_designated_cities_and_wards() {
    let root = new_site_builds("27", 74);
    let municipalities = read(&root.join("data/municipalities.csv"));
    assert!(municipalities.contains(
        "\n271004,大阪市,おおさかし,\n271021,大阪市都島区,おおさかしみやこじまく,271004\n"
    ));
    assert!(
        municipalities
            .contains("\n271403,堺市,さかいし,\n271411,堺市堺区,さかいしさかいく,271403\n")
    );
    for page in ["271004", "271276", "271403", "272035"] {
        assert!(
            root.join("public/municipalities")
                .join(page)
                .join("index.html")
                .is_file(),
            "{page}"
        );
    }
    std::fs::remove_dir_all(root.parent().unwrap()).unwrap();
}

#[test]
fn new_writes_a_site_that_builds_for_tokyo_with_its_special_wards() {
    let root = new_site_builds("東京都", 62);
    assert!(read(&root.join("data/municipalities.csv")).contains("\n131016,千代田区,ちよだく,\n"));
    std::fs::remove_dir_all(root.parent().unwrap()).unwrap();
}

#[test]
fn new_writes_the_desk_launchers_and_keeps_the_desk_out_of_git() {
    let (_dir, root) = new_site("44");
    let cmd = std::fs::read(root.join("編集を始める.cmd")).unwrap();
    let cmd = String::from_utf8(cmd).unwrap();
    assert!(cmd.contains("serve --open\r\n"), "{cmd:?}");
    assert!(
        !cmd.replace("\r\n", "").contains('\n'),
        "CRLF throughout: {cmd:?}"
    );
    let command = root.join("編集を始める.command");
    assert!(read(&command).starts_with("#!/bin/sh\n"));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&command).unwrap().permissions().mode();
        assert_eq!(mode & 0o111, 0o111, "runnable: {mode:o}");
    }
    let ignored = read(&root.join(".gitignore"));
    for line in ["/public/", "/.renkei/", "/公開用-*.zip"] {
        assert!(ignored.lines().any(|l| l == line), "{line} in {ignored}");
    }
}

#[test]
fn new_never_writes_over_a_folder_that_holds_anything() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("notes.txt"), "大事なメモ").unwrap();
    let run = renkei(&[
        OsStr::new("new"),
        dir.path().as_os_str(),
        OsStr::new("--prefecture"),
        OsStr::new("44"),
    ]);
    assert_eq!(run.code, Some(2));
    run.assert_stderr_has("already exists and is not empty");
    assert_eq!(read(&dir.path().join("notes.txt")), "大事なメモ");
    assert!(!dir.path().join("site.toml").exists());
    let run = renkei(&["new", "x", "--prefecture", "48"]);
    assert_eq!(run.code, Some(2));
    run.assert_stderr_has("unknown prefecture \"48\": give its code (01 to 47, e.g. 44)");
}

#[test]
fn new_on_a_full_disk_leaves_nothing_and_the_rerun_succeeds() {
    let dir = tempfile::tempdir().unwrap();
    let disk = dir.path().join("disk");
    std::fs::create_dir(&disk).unwrap();
    // A 16 KB file system (mount needs root: CI runs as root).
    let mounted = std::process::Command::new("mount")
        .args(["-t", "tmpfs", "-o", "size=16k", "tmpfs"])
        .arg(&disk)
        .stderr(std::process::Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if !mounted {
        eprintln!("not run: mounting a small tmpfs needs root (CI runs as root)");
        return;
    }
    let site = disk.join("oita");
    let new = || {
        renkei(&[
            OsStr::new("new"),
            site.as_os_str(),
            OsStr::new("--prefecture"),
            OsStr::new("44"),
        ])
    };
    let run = new();
    let left: Vec<_> = std::fs::read_dir(&disk).unwrap().collect();
    let _ = std::process::Command::new("umount").arg(&disk).status();
    assert_eq!(run.code, Some(2), "{}", run.stderr);
    run.assert_stderr_has("cannot write the file");
    assert_eq!(left.len(), 0, "{left:?}");
    let run = new();
    assert!(run.success, "{}", run.stderr);
    assert!(site.join("site.toml").is_file());
}

// --- renkei check: every mistake, with what was found and what to write -----

#[test]
fn municipality_name_in_the_code_column_gets_its_code() {
    let site = TestSite::minimal();
    site.write(
        "data/municipalities.csv",
        "code,name\n442011,大分市\n中津市,中津市\n442101,杵築市\n",
    );
    site.build_fails().assert_stderr_has("error: data/municipalities.csv:3: code \"中津市\" must be a 6-digit national local government code such as \"442011\" (for 中津市 write 442038)");
}

#[test]
fn five_digit_code_gets_its_check_digit() {
    let site = TestSite::minimal();
    site.write(
        "data/municipalities.csv",
        "code,name\n442011,大分市\n44203,中津市\n442101,杵築市\n",
    );
    site.build_fails().assert_stderr_has("error: data/municipalities.csv:3: code \"44203\" has 5 digits: the national code has 6, with a check digit (\"442038\")");
}

#[test]
fn group_naming_a_municipality_instead_of_its_code() {
    let site = TestSite::minimal();
    site.write(
        "site.toml",
        &crate::harness::SITE_TOML.replace("\"442101\"", "\"杵築市\""),
    );
    site.build_fails().assert_stderr_has("error: site.toml:7: group \"北部\": municipality \"杵築市\" is not in data/municipalities.csv: code \"杵築市\" must be a 6-digit national local government code such as \"442011\" (for 杵築市 write 442101)");
}

#[test]
fn office_number_that_lost_its_leading_zero_in_a_snapshot() {
    let site = TestSite::minimal();
    site.write(
        "data/adoption/2025-11-30.csv",
        &format!("{SNAPSHOT}447010000,true,\n"),
    );
    site.build_fails().assert_stderr_has("error: data/adoption/2025-11-30.csv:5: office_number \"447010000\" must be 10 digits (the third may be an uppercase letter for 総合事業 offices); a spreadsheet may have dropped a leading zero: \"0447010000\"");
}

#[test]
fn snapshot_saved_as_2025_slash_11_slash_30_lands_in_folders() {
    let site = TestSite::minimal();
    site.write("data/adoption/2025/11/30.csv", SNAPSHOT);
    site.build_fails().assert_stderr_has("error: data/adoption/2025/11/30.csv: a file in a folder below data/adoption is not read: snapshots are data/adoption/YYYY-MM-DD.csv (for this one: 2025-11-30.csv)");
}

#[test]
fn snapshot_dates_written_other_ways() {
    for (name, hint) in [
        ("R7.11.30.csv", "(for this one: 2025-11-30.csv)"),
        ("20251130.csv", "(for this one: 2025-11-30.csv)"),
        ("令和7年11月30日.csv", "(for this one: 2025-11-30.csv)"),
        (
            "2025-11-30 (2).csv",
            "(it starts with the date 2025-11-30: name it 2025-11-30.csv, one file per date)",
        ),
        ("R7.11.30.xlsx", "(for this one: 2025-11-30.xlsx)"),
        (
            "2025-11-31.csv",
            "(there is no such day: month 11 has 30 days)",
        ),
    ] {
        let site = TestSite::minimal();
        site.write(&format!("data/adoption/{name}"), SNAPSHOT);
        site.build_fails().assert_stderr_has(&format!(
            "error: data/adoption/{name}: snapshot file name \"{name}\" must be the date as YYYY-MM-DD.{} {hint}",
            name.rsplit_once('.').map_or("", |(_, e)| e)
        ));
    }
}

#[test]
fn older_snapshot_with_more_license_holders_than_the_newer_one() {
    let site = TestSite::minimal();
    site.write(
        "data/adoption/2025-12-31.csv",
        "office_number\n4470100001\n",
    );
    let run = site.build_ok();
    run.assert_stderr_has("warning: data/adoption/2025-11-30.csv: this snapshot of 2025-11-30 counts 3 license holders, more than the 1 of the newer data/adoption/2025-12-31.csv: check that both file names carry the date their list was made");
}

#[test]
fn snapshot_listing_more_offices_than_exist() {
    let site = TestSite::minimal();
    let mut snapshot = String::from(SNAPSHOT);
    for n in 0..4 {
        snapshot.push_str(&format!("440990000{n},true,\n"));
    }
    site.write("data/adoption/2025-11-30.csv", &snapshot);
    let run = site.build_ok();
    run.assert_stderr_has("warning: data/adoption/2025-11-30.csv: lists 7 offices, more than the 5 offices that exist in data/offices.csv: is it the list of another area or of the whole country");
    assert!(!site.run(&["check", "--strict"]).success);
}

#[test]
fn official_open_data_put_where_renkei_files_belong() {
    let site = TestSite::minimal();
    let official = read(&fixtures().join("jigyosho_110.csv"));
    site.write("data/offices.csv", &official);
    site.write("data/adoption/2025-11-30.csv", &official);
    let run = site.build_fails();
    run.assert_stderr_has("error: data/offices.csv:1: this is the official open data of care offices (kaigokensaku.mhlw.go.jp) as downloaded: turn it into data/offices.csv with `renkei import offices jigyosho_*.csv`");
    run.assert_stderr_has("error: data/adoption/2025-11-30.csv:1: this is the list of every office from the official open data of care offices (kaigokensaku.mhlw.go.jp), not a list of license holders");
}

#[test]
fn missing_offices_file_says_how_to_make_it() {
    let site = TestSite::minimal();
    site.remove("data/offices.csv");
    site.build_fails().assert_stderr_has("error: data/offices.csv: required file is missing: expected data/offices.csv with the columns office_number,name,municipality_code,service_types; `renkei import offices jigyosho_*.csv` writes it");
}

#[test]
fn json_findings_carry_the_column_of_each_cell() {
    let site = TestSite::minimal();
    site.write(
        "data/offices.csv",
        &format!("{OFFICES}447010001,ゼロ落ち,442011,訪問介護,,\n"),
    );
    site.write(
        "content/guides/start.md",
        "+++\ntitle = \"導入\"\nweight = \n+++\n",
    );
    let text = site.check();
    text.assert_stderr_has(
        "error: data/offices.csv:7: office_number \"447010001\" must be 10 digits",
    );
    let run = site.run(&["check", "--format", "json"]);
    assert_eq!(run.code, Some(1));
    let findings: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let findings = findings.as_array().unwrap();
    let office = findings
        .iter()
        .find(|f| f["path"] == "data/offices.csv")
        .unwrap();
    assert_eq!(office["severity"], "error");
    assert_eq!(office["line"], 7);
    assert_eq!(office["column"], 1);
    assert!(
        office["message"]
            .as_str()
            .unwrap()
            .contains("\"0447010001\"")
    );
    let page = findings
        .iter()
        .find(|f| f["path"] == "content/guides/start.md")
        .unwrap();
    assert_eq!(page["line"], 3);
    // A cell further right: the municipality code, in characters.
    site.write(
        "data/offices.csv",
        &format!("{OFFICES}4410100009,名前で書いた,大分市,訪問介護,,\n"),
    );
    let run = site.run(&["check", "--format", "json"]);
    let findings: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let office = findings
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["path"] == "data/offices.csv")
        .unwrap()
        .clone();
    assert_eq!(office["column"], 19);
    assert!(office["message"].as_str().unwrap().contains("write 442011"));
}

#[test]
fn check_exit_codes() {
    let site = TestSite::minimal();
    assert_eq!(site.check().code, Some(0));
    site.write("data/offices.csv", &format!("{OFFICES}1,a,442011,b\n"));
    assert_eq!(site.check().code, Some(1));
    assert_eq!(site.run(&["check", "--format", "json"]).code, Some(1));
    let empty = tempfile::tempdir().unwrap();
    let run = renkei(&[
        OsStr::new("check"),
        OsStr::new("--root"),
        empty.path().as_os_str(),
    ]);
    assert_eq!(run.code, Some(2));
    assert_eq!(site.run(&["check", "--format", "yaml"]).code, Some(2));
}

#[test]
fn check_lists_every_kind_of_mistake_in_one_run() {
    let site = TestSite::minimal();
    site.write(
        "data/municipalities.csv",
        "code,name\n442011,大分\n442039,中津市\n442101,杵築市\n",
    );
    site.write(
        "data/offices.csv",
        &format!(
            "{OFFICES}447010001,ゼロ落ち,442011,訪問介護,,\n4410100009,名前,大分市,訪問介護,,\n"
        ),
    );
    site.write("data/adoption/R7.12.31.csv", SNAPSHOT);
    site.write("content/guides/start.md", "+++\ntitle = \"導入\"\n");
    let run = site.check();
    assert_eq!(run.code, Some(1));
    for expected in [
        "warning: data/municipalities.csv:2: name \"大分\" differs from the national code list, which calls 442011 \"大分市\"",
        "error: data/municipalities.csv:3: code \"442039\" has a wrong check digit",
        "error: data/offices.csv:7: office_number \"447010001\"",
        "error: data/offices.csv:8: municipality_code \"大分市\" is not in data/municipalities.csv",
        "error: data/adoption/R7.12.31.csv: snapshot file name",
        "error: content/guides/start.md:1: front matter opened with `+++` on line 1 is never closed",
    ] {
        run.assert_stderr_has(expected);
    }
}

#[test]
fn unclosed_quote_in_offices_csv_names_the_lines_it_swallowed() {
    let site = TestSite::minimal();
    site.write(
        "data/offices.csv",
        &OFFICES.replacen(",ひまわり訪問介護,", ",\"ひまわり訪問介護,", 1),
    );
    site.build_fails().assert_stderr_has("error: data/offices.csv:3: a quote (\") opened in this cell is never closed: lines 3 to 6 were read as one cell");
}

// --- hostile and broken files: never a crash, never lost data ---------------

/// Checks the site and asserts that renkei answered (exit 0 or 1), not crashed.
fn answers(site: &TestSite) -> Run {
    let run = site.check();
    assert!(
        matches!(run.code, Some(0 | 1)),
        "exit {:?}:\n{}",
        run.code,
        run.stderr
    );
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
    run
}

#[test]
fn empty_files() {
    let site = TestSite::minimal();
    site.write("data/offices.csv", "");
    site.write("data/adoption/2025-11-30.csv", "");
    site.write("content/faq/general.md", "");
    let run = answers(&site);
    run.assert_stderr_has("error: data/offices.csv:1: the file is empty: expected a header row with \"office_number\"");
    run.assert_stderr_has("error: data/adoption/2025-11-30.csv:1: the file is empty");
    run.assert_stderr_has("error: content/faq/general.md:1: expected front matter");
}

#[test]
fn files_with_only_a_header() {
    let site = TestSite::minimal();
    site.write("data/municipalities.csv", "code,name\r\n");
    site.write("data/adoption/2025-11-30.csv", "office_number\n");
    let run = answers(&site);
    run.assert_stderr_has(
        "error: data/municipalities.csv:1: the file has a header but no municipalities",
    );
    run.assert_stderr_has("warning: data/adoption/2025-11-30.csv:1: the file has a header but no rows: nothing in it is counted");
}

#[test]
fn binary_files_and_nul_bytes() {
    let site = TestSite::minimal();
    let png: Vec<u8> = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"
        .iter()
        .copied()
        .chain((0..=255u8).cycle().take(4096))
        .collect();
    site.write_bytes("data/adoption/2025-11-30.csv", &png);
    site.write_bytes(
        "content/guides/start.md",
        b"+++\ntitle = \"a\"\n+++\nok\n\0\n",
    );
    let run = answers(&site);
    run.assert_stderr_has(
        "error: data/adoption/2025-11-30.csv:3: the file contains NUL bytes: it is not a text file",
    );
    run.assert_stderr_has("error: content/guides/start.md:5: the file contains NUL bytes");
}

#[test]
fn a_cell_just_under_the_limit_keeps_the_lines_after_it_right() {
    let site = TestSite::minimal();
    // 60 KB: the most a cell may hold is 64 KB (hostile.rs has the larger ones).
    let long = "長".repeat(20_000);
    site.write(
        "data/adoption/2025-11-30.csv",
        &format!("office_number,software\n4470100001,{long}\n447010000,x\n"),
    );
    let run = answers(&site);
    run.assert_stderr_has("error: data/adoption/2025-11-30.csv:3: office_number \"447010000\"");
}

#[test]
fn mixed_encodings() {
    let site = TestSite::minimal();
    let mut bytes = encoding_rs::SHIFT_JIS
        .encode("office_number,software\r\n4470100001,髙橋ソフト\r\n")
        .0
        .into_owned();
    bytes.extend_from_slice("4410100003,みらいケアノート\r\n".as_bytes());
    site.write_bytes("data/adoption/2025-11-30.csv", &bytes);
    let mut utf8_then_sjis = "+++\ntitle = \"導入\"\n+++\n本文\n".as_bytes().to_vec();
    utf8_then_sjis.extend_from_slice(&encoding_rs::SHIFT_JIS.encode("続き\n").0);
    site.write_bytes("content/guides/start.md", &utf8_then_sjis);
    let run = answers(&site);
    run.assert_stderr_has("error: data/adoption/2025-11-30.csv:2: this line is not UTF-8 (Shift_JIS?) but line 3 is UTF-8: the file mixes encodings");
    run.assert_stderr_has("error: content/guides/start.md:5: the file is UTF-8 up to this line but has bytes here that are not UTF-8");
}

#[test]
fn front_matter_that_never_closes_in_a_long_file() {
    let site = TestSite::minimal();
    site.write(
        "content/guides/start.md",
        &format!("+++\ntitle = \"a\"\n{}", "本文の行\n".repeat(10_000)),
    );
    answers(&site).assert_stderr_has("error: content/guides/start.md:1: front matter opened with `+++` on line 1 is never closed");
}

/// A 200 MB file (of NUL-free bytes in no encoding) put where a snapshot goes:
/// refused with its line after being read once. The 200 MB case of a
/// readable file is timed by bench/stress-intake.sh instead.
#[test]
fn a_200_megabyte_file_is_refused_with_its_line() {
    let site = TestSite::minimal();
    let mut bytes = Vec::with_capacity(200 << 20);
    bytes.extend_from_slice(b"office_number\n4470100001\n");
    while bytes.len() < 200 << 20 {
        bytes.extend_from_slice(b"4410100003\n");
    }
    let line = bytes.iter().filter(|&&b| b == b'\n').count() + 1;
    bytes.extend_from_slice(b"\x85\xff\n");
    site.write_bytes("data/adoption/2025-12-31.csv", &bytes);
    drop(bytes);
    let run = answers(&site);
    run.assert_stderr_has(&format!("error: data/adoption/2025-12-31.csv:{line}: bytes here are valid neither as UTF-8 nor as Shift_JIS"));
}

#[test]
fn new_writes_a_city_portal_and_import_keeps_only_its_offices() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let root = dir.path().join("yonago");
    let run = renkei(&[
        OsStr::new("new"),
        root.as_os_str(),
        OsStr::new("--city"),
        OsStr::new("米子市"),
    ]);
    assert!(run.success, "renkei new failed:\n{}", run.stderr);
    run.assert_stderr_has("wrote a new site for 米子市 into");
    assert!(read(&root.join("site.toml")).contains("municipality_code = \"312029\""));
    assert_eq!(
        read(&root.join("data/areas.csv")),
        "id,圏域名,市区町村コード,地域包括支援センター\n"
    );
    let official = root.join("jigyosho_110.csv");
    std::fs::write(
        &official,
        format!(
            "{OFFICIAL_HEADER}\n{}\n{}\n",
            official_row("312029", "鳥取県", "米子市", "米子の訪問介護", "3110200001"),
            official_row("312045", "鳥取県", "境港市", "境港の訪問介護", "3110400001"),
        ),
    )
    .unwrap();
    let run = import(&root, &[official.to_str().unwrap()]);
    assert!(run.success, "{}", run.stderr);
    run.assert_stderr_has("kept the 1 offices of 米子市 (this site is its city portal); left out 1 of other municipalities");
    let offices = read(&root.join("data/offices.csv"));
    assert!(
        offices.contains("3110200001") && !offices.contains("3110400001"),
        "{offices}"
    );
    let build = renkei(&[OsStr::new("build"), OsStr::new("--root"), root.as_os_str()]);
    assert!(build.success, "{}", build.stderr);
    assert!(
        read(&root.join("public/index.html"))
            .contains("<p>米子市のケアプランデータ連携システムの導入率や")
    );
    let run = renkei(&[
        OsStr::new("new"),
        dir.path().join("fuchu").as_os_str(),
        OsStr::new("--city"),
        OsStr::new("府中市"),
    ]);
    assert_eq!(run.code, Some(2));
    run.assert_stderr_has(
        "error: several municipalities are called 府中市: give the code of the one meant (",
    );
}
