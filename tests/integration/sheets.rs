//! Spreadsheets instead of CSV, and the forms Excel writes: a site whose
//! inputs are Excel books or an OpenDocument book builds exactly as the same
//! site in CSV, and what cannot be read says how to save it.

use std::io::Write;
use std::path::Path;

use rust_xlsxwriter::{ExcelDateTime, Format, Formula, Workbook};

use crate::harness::{self, TestSite};

const AREAS: &str = "id,name,municipality_code,center\nchuo,中央圏域,442011,中央地域包括支援センター\ntobu,東部圏域,442011,\n";
const PLANS: &str =
    "office_number,date,note\n44A0100005,2026/4/15,説明会で表明\n4410100002,令和8年5月1日,\n";
const SURVEY: &str = "question,choice,count\n使っていますか,はい,60\n使っていますか,いいえ,40\n";
const SURVEY_TOML: &str = "title = \"利用調査\"\nrespondents = 100\n";

/// The columns written as number cells when their value is all digits, as
/// Excel stores a code typed into a General cell.
const NUMBER_COLUMNS: [&str; 4] = ["code", "municipality_code", "office_number", "count"];

/// The minimal site with every optional input too, in CSV.
fn csv_site() -> TestSite {
    let site = TestSite::minimal();
    site.write("data/areas.csv", AREAS);
    site.write("data/plans.csv", PLANS);
    site.write("data/surveys/use.csv", SURVEY);
    site.write("data/surveys/use.toml", SURVEY_TOML);
    site
}

/// The tables of the CSV site, by the path of their CSV file.
fn tables() -> Vec<(&'static str, &'static str)> {
    vec![
        ("data/municipalities.csv", harness::MUNICIPALITIES),
        ("data/offices.csv", harness::OFFICES),
        ("data/adoption/2025-11-30.csv", harness::SNAPSHOT),
        ("data/areas.csv", AREAS),
        ("data/plans.csv", PLANS),
        ("data/surveys/use.csv", SURVEY),
    ]
}

/// An Excel book of a CSV text, on a sheet named `sheet`: digits in code
/// columns as numbers, plan dates as date cells, a count as a formula with
/// its saved value, everything else as text.
fn xlsx(csv: &str, sheets: &[&str]) -> Vec<u8> {
    let mut book = Workbook::new();
    let date = Format::new().set_num_format("yyyy/m/d");
    for (index, name) in sheets.iter().enumerate() {
        let sheet = book.add_worksheet();
        sheet.set_name(*name).unwrap();
        if index + 1 < sheets.len() {
            sheet
                .write_string(0, 0, "この一覧は毎月更新します")
                .unwrap();
            continue;
        }
        let mut lines = csv.lines();
        let header: Vec<&str> = lines.next().unwrap().split(',').collect();
        for (c, name) in header.iter().enumerate() {
            sheet.write_string(0, c as u16, *name).unwrap();
        }
        for (r, line) in lines.enumerate() {
            let (row, mut first_count) = (r as u32 + 1, r == 0);
            for (c, value) in line.split(',').enumerate() {
                let column = c as u16;
                let all_digits = !value.is_empty() && value.bytes().all(|b| b.is_ascii_digit());
                if value.is_empty() {
                    continue;
                } else if header[c] == "count" && std::mem::take(&mut first_count) {
                    let formula =
                        Formula::new(format!("=50+{}", value.parse::<u32>().unwrap() - 50))
                            .set_result(value);
                    sheet.write_formula(row, column, formula).unwrap();
                } else if NUMBER_COLUMNS.contains(&header[c]) && all_digits {
                    sheet
                        .write_number(row, column, value.parse::<f64>().unwrap())
                        .unwrap();
                } else if header[c] == "date" {
                    let day = match value {
                        "2026/4/15" => ExcelDateTime::from_ymd(2026, 4, 15),
                        _ => ExcelDateTime::from_ymd(2026, 5, 1),
                    };
                    sheet
                        .write_datetime_with_format(row, column, day.unwrap(), &date)
                        .unwrap();
                } else {
                    sheet.write_string(row, column, value).unwrap();
                }
            }
        }
    }
    book.save_to_buffer().unwrap()
}

/// An OpenDocument spreadsheet of a CSV text: digits in code columns as
/// float cells, plan dates as date cells.
fn ods(csv: &str) -> Vec<u8> {
    let mut rows = String::new();
    for (index, line) in csv.lines().enumerate() {
        rows.push_str("<table:table-row>");
        for (c, value) in line.split(',').enumerate() {
            let column = csv.lines().next().unwrap().split(',').nth(c).unwrap();
            let cell = if value.is_empty() {
                "<table:table-cell/>".to_string()
            } else if index > 0
                && NUMBER_COLUMNS.contains(&column)
                && value.bytes().all(|b| b.is_ascii_digit())
            {
                format!(
                    "<table:table-cell office:value-type=\"float\" office:value=\"{value}\"><text:p>{value}</text:p></table:table-cell>"
                )
            } else if index > 0 && column == "date" {
                let day = if value == "2026/4/15" {
                    "2026-04-15"
                } else {
                    "2026-05-01"
                };
                format!(
                    "<table:table-cell office:value-type=\"date\" office:date-value=\"{day}\"><text:p>{value}</text:p></table:table-cell>"
                )
            } else {
                format!(
                    "<table:table-cell office:value-type=\"string\"><text:p>{value}</text:p></table:table-cell>"
                )
            };
            rows.push_str(&cell);
        }
        rows.push_str("</table:table-row>");
    }
    let content = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\
<office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" \
xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" \
xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" office:version=\"1.2\">\
<office:body><office:spreadsheet><table:table table:name=\"Sheet1\">{rows}</table:table>\
</office:spreadsheet></office:body></office:document-content>"
    );
    let manifest = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\
<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\" manifest:version=\"1.2\">\
<manifest:file-entry manifest:full-path=\"/\" manifest:media-type=\"application/vnd.oasis.opendocument.spreadsheet\"/>\
<manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"/>\
</manifest:manifest>";
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let stored =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for (name, text) in [
        ("mimetype", "application/vnd.oasis.opendocument.spreadsheet"),
        ("META-INF/manifest.xml", manifest),
        ("content.xml", content.as_str()),
    ] {
        zip.start_file(name, stored).unwrap();
        zip.write_all(text.as_bytes()).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

/// Asserts that two builds published the same files, naming those that differ.
fn assert_same_output(books: &TestSite, csv: &TestSite) {
    let published = |site: &TestSite| harness::tree(&site.path().join("public"));
    let (books, csv) = (published(books), published(csv));
    assert_eq!(
        books.keys().collect::<Vec<_>>(),
        csv.keys().collect::<Vec<_>>()
    );
    let differing: Vec<&String> = csv
        .iter()
        .filter(|(p, b)| books[*p] != **b)
        .map(|(p, _)| p)
        .collect();
    assert!(differing.is_empty(), "differ: {differing:?}");
}

/// The path of a table in another form: `data/offices.csv` as `.xlsx`.
fn as_form(csv_path: &str, extension: &str) -> String {
    format!("{}.{extension}", csv_path.strip_suffix(".csv").unwrap())
}

#[test]
fn a_site_of_excel_books_builds_as_the_same_site_in_csv() {
    let csv = csv_site();
    let run = csv.build_ok();
    assert!(!run.stderr.contains("warning"), "{}", run.stderr);
    let books = csv_site();
    for (path, text) in tables() {
        books.remove(path);
        books.write_bytes(&as_form(path, "xlsx"), &xlsx(text, &["Sheet1"]));
    }
    let run = books.build_ok();
    assert!(!run.stderr.contains("warning"), "{}", run.stderr);
    assert_same_output(&books, &csv);
    let adopted = books.output("data/adopted-offices.csv");
    assert!(adopted.contains("4470100001"), "{adopted}");
    assert!(
        !adopted.contains("4470100001.0") && !adopted.contains("E+"),
        "{adopted}"
    );
}

#[test]
fn a_site_of_opendocument_books_builds_as_the_same_site_in_csv() {
    let csv = csv_site();
    csv.build_ok();
    let books = csv_site();
    for (path, text) in tables() {
        books.remove(path);
        books.write_bytes(&as_form(path, "ods"), &ods(text));
    }
    let run = books.build_ok();
    assert!(!run.stderr.contains("warning"), "{}", run.stderr);
    assert_same_output(&books, &csv);
}

#[test]
fn the_sheet_with_the_headers_is_read_and_named_in_findings() {
    let site = TestSite::minimal();
    site.remove("data/adoption/2025-11-30.csv");
    let snapshot = format!("{}4499999999,true,\n", harness::SNAPSHOT);
    site.write_bytes(
        "data/adoption/2025-11-30.xlsx",
        &xlsx(&snapshot, &["説明", "名簿"]),
    );
    let run = site.build_ok();
    run.assert_stderr_has("warning: data/adoption/2025-11-30.xlsx:5: sheet \"名簿\": office_number \"4499999999\" is not in data/offices.csv");
    let run = site.run(&["check", "--lang", "ja"]);
    run.assert_stderr_has("data/adoption/2025-11-30.xlsx:5: シート「名簿」: ");
    // Many rows of one problem in a book of several sheets are one finding.
    let unknown: String = (1..=5).map(|i| format!("449999999{i},true,\n")).collect();
    site.write_bytes(
        "data/adoption/2025-11-30.xlsx",
        &xlsx(
            &format!("{}{unknown}", harness::SNAPSHOT),
            &["説明", "名簿"],
        ),
    );
    let run = site.build_ok();
    run.assert_stderr_has("warning: data/adoption/2025-11-30.xlsx: 5 rows");
    assert!(!run.stderr.contains(".xlsx:6:"), "{}", run.stderr);
}

#[test]
fn a_lost_zero_in_a_number_cell_is_the_error_a_csv_gives() {
    let site = TestSite::minimal();
    site.remove("data/offices.csv");
    let offices = harness::OFFICES.replace("4470100004,", "447010000,");
    site.write_bytes("data/offices.xlsx", &xlsx(&offices, &["Sheet1"]));
    let run = site.build_fails();
    run.assert_stderr_has("error: data/offices.xlsx:5: office_number \"447010000\" must be 10 digits (the third may be an uppercase letter for 総合事業 offices); a spreadsheet may have dropped a leading zero: \"0447010000\"");
    let csv = TestSite::minimal();
    csv.write("data/offices.csv", &offices);
    csv.build_fails().assert_stderr_has(
        "error: data/offices.csv:5: office_number \"447010000\" must be 10 digits",
    );
}

#[test]
fn two_files_for_one_input_are_an_error() {
    let site = TestSite::minimal();
    site.write_bytes("data/offices.xlsx", &xlsx(harness::OFFICES, &["Sheet1"]));
    site.write_bytes(
        "data/adoption/2025-11-30.xlsx",
        &xlsx(harness::SNAPSHOT, &["Sheet1"]),
    );
    let run = site.build_fails();
    run.assert_stderr_has("error: data/offices.xlsx: two files for one input (data/offices.csv and this one): renkei cannot tell which to read; keep one");
    run.assert_stderr_has("error: data/adoption/2025-11-30.xlsx: two files for one input (data/adoption/2025-11-30.csv and this one)");
    let run = site.run(&["check", "--lang", "ja"]);
    run.assert_stderr_has("エラー: data/offices.xlsx: 同じデータのファイルが2つあります（data/offices.csv とこのファイル）。どちらを読むか決められないので、1つだけ残してください");
}

#[test]
fn a_password_protected_book_says_how_to_save_it() {
    let site = TestSite::minimal();
    site.remove("data/offices.csv");
    // What Excel writes for a book with a password: an OLE compound file
    // with an EncryptionInfo stream, not a zip.
    let mut bytes = vec![0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
    bytes.resize(1024, 0);
    bytes.extend("EncryptionInfo".encode_utf16().flat_map(u16::to_le_bytes));
    bytes.resize(4096, 0);
    site.write_bytes("data/offices.xlsx", &bytes);
    site.build_fails().assert_stderr_has("error: data/offices.xlsx: a password-protected book cannot be read: open it in Excel and remove the password (File > Info > Protect Workbook > Encrypt with Password, left empty), then save; or Save As \"CSV UTF-8 (Comma delimited)\" under the same name with .csv");
    site.run(&["check", "--lang", "ja"]).assert_stderr_has("エラー: data/offices.xlsx: パスワードで保護されたブックは読めません。Excel で開き、「ファイル」→「情報」→「ブックの保護」→「パスワードを使用して暗号化」でパスワードを消して保存するか");
    site.write_bytes("data/offices.xlsx", b"PK\x03\x04 not a book");
    site.build_fails()
        .assert_stderr_has("error: data/offices.xlsx: cannot read the spreadsheet: ");
}

#[test]
fn a_numbers_file_says_how_to_export_it() {
    let site = TestSite::minimal();
    site.remove("data/offices.csv");
    site.write("data/offices.numbers", "x");
    let run = site.build_fails();
    run.assert_stderr_has("error: data/offices.numbers: a Numbers file cannot be read: in Numbers, use File > Export To > Excel (or CSV)");
    assert!(
        !run.stderr.contains("required file is missing"),
        "{}",
        run.stderr
    );
}

/// UTF-16 with its BOM, as Excel's 「Unicode テキスト」 saves.
fn utf16(text: &str) -> Vec<u8> {
    [0xff, 0xfe]
        .into_iter()
        .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
        .collect()
}

#[test]
fn tab_separated_and_unicode_text_saves_read_like_csv() {
    let csv = TestSite::minimal();
    csv.build_ok();
    let tabs = TestSite::minimal();
    let tabbed = |text: &str| text.replace(',', "\t").replace('\n', "\r\n");
    tabs.write("data/offices.csv", &tabbed(harness::OFFICES));
    tabs.write_bytes(
        "data/adoption/2025-11-30.csv",
        &utf16(&tabbed(&harness::SNAPSHOT.replace(
            "office_number,linking,software",
            "事業所番号,連携実績,介護ソフト",
        ))),
    );
    let run = tabs.build_ok();
    assert!(!run.stderr.contains("warning"), "{}", run.stderr);
    assert_same_output(&tabs, &csv);
}

#[test]
fn a_text_save_named_txt_says_to_name_it_csv() {
    let site = TestSite::minimal();
    site.remove("data/offices.csv");
    site.write("data/offices.txt", &harness::OFFICES.replace(',', "\t"));
    site.write("data/adoption/R7.12.31.txt", harness::SNAPSHOT);
    site.write("data/adoption/README.txt", "毎月置きます\n");
    let run = site.build_fails();
    run.assert_stderr_has("error: data/offices.txt: a text file (.txt) is not read: if it is Excel's \"Text (Tab delimited)\" or \"Unicode Text\" save, rename it offices.csv and it is read as it is (or put the Excel book itself in its place)");
    run.assert_stderr_has("error: data/adoption/R7.12.31.txt: a text file (.txt) is not read: if it is Excel's \"Text (Tab delimited)\" or \"Unicode Text\" save, rename it 2025-12-31.csv");
    assert!(!run.stderr.contains("README"), "{}", run.stderr);
    assert!(
        !run.stderr.contains("required file is missing"),
        "{}",
        run.stderr
    );
    site.run(&["check", "--lang", "ja"]).assert_stderr_has("エラー: data/offices.txt: テキストのファイル（.txt）は読み込みません。Excel の「テキスト（タブ区切り）」や「Unicode テキスト」で保存したものなら、名前を `offices.csv` に変えるとそのまま読めます");
}

#[test]
fn plan_dates_in_the_forms_people_write() {
    let site = TestSite::minimal();
    site.write(
        "data/plans.csv",
        "office_number,date\n44A0100005,R8.4.15\n4410100002,2026年5月1日\n",
    );
    site.build_ok();
    site.write(
        "data/plans.csv",
        "office_number,date\n44A0100005,2026.4.15\n4410100002,4/15/2026\n4410100003,2026-11-31\n",
    );
    let run = site.build_fails();
    run.assert_stderr_has("error: data/plans.csv:2: date \"2026.4.15\" cannot be read as a day: if it means 2026-04-15, write 2026-04-15 (2026-04-15, 2026/4/15, 2026年4月15日, R8.4.15 and 令和8年4月15日 are read)");
    run.assert_stderr_has("error: data/plans.csv:3: date \"4/15/2026\" cannot be read as a day: if it means 2026-04-15, write 2026-04-15");
    run.assert_stderr_has("error: data/plans.csv:4: date \"2026-11-31\" cannot be read as a day: there is no such day (month 11 has 30 days)");
    site.run(&["check", "--lang", "ja"]).assert_stderr_has("エラー: data/plans.csv:2: 日付（`date`）の「2026.4.15」は日付として読めません。2026-04-15 のことなら `2026-04-15` と書きます");
}

#[test]
fn a_mistyped_column_is_named_with_the_column_it_probably_meant() {
    let site = TestSite::minimal();
    site.write(
        "data/adoption/2025-11-30.csv",
        &harness::SNAPSHOT.replace(",software", ",介護ソフト名"),
    );
    let run = site.build_ok();
    run.assert_stderr_has("warning: data/adoption/2025-11-30.csv:1: column \"介護ソフト名\" is not a column renkei reads, so its values are left out: if it is meant to be \"software\" / \"介護ソフト\", rename it so");
    site.write(
        "data/adoption/2025-11-30.csv",
        &harness::SNAPSHOT.replace(",software", ",fax"),
    );
    site.build_ok().assert_stderr_has("warning: data/adoption/2025-11-30.csv:1: column \"fax\" is not used by renkei (expected \"office_number\" / \"事業所番号\", \"linking\" / \"連携実績\", \"software\" / \"介護ソフト\")");
}

#[test]
fn a_title_above_the_header_is_named_with_the_header_row() {
    let site = TestSite::minimal();
    site.remove("data/adoption/2025-11-30.csv");
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet
        .write_string(0, 0, "導入事業所一覧（令和7年11月30日現在）")
        .unwrap();
    sheet.write_string(2, 0, "事業所番号").unwrap();
    sheet.write_number(3, 0, 4470100001.0).unwrap();
    site.write_bytes(
        "data/adoption/2025-11-30.xlsx",
        &book.save_to_buffer().unwrap(),
    );
    site.build_fails().assert_stderr_has("error: data/adoption/2025-11-30.xlsx:1: there are rows (a title?) above the header row on line 3: delete them, so that the header is the first row");
    site.run(&["check", "--lang", "ja"]).assert_stderr_has("エラー: data/adoption/2025-11-30.xlsx:1: 見出しの行（3 行目）の上に、表題などの行があります。見出しが最初の行になるよう、上の行を消してください");
}

#[test]
fn a_book_whose_sheets_lack_the_headers_names_what_it_found() {
    let site = TestSite::minimal();
    site.remove("data/offices.csv");
    site.write_bytes("data/offices.xlsx", &xlsx("番号,名前\n1,a\n", &["Sheet1"]));
    site.build_fails().assert_stderr_has("error: data/offices.xlsx:1: missing column \"office_number\" (or \"事業所番号\"); the header has: 番号, 名前");
    assert!(Path::new(&site.path().join("data/offices.xlsx")).is_file());
}
