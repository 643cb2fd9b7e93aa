//! Reading one file of the official open data of care offices
//! (介護サービス情報公表システム オープンデータ, one `jigyosho_<code>.csv` a
//! service type) into the rows renkei uses.
//!
//! The files are national, so most rows belong to other prefectures: those are
//! counted and let go while the file is read, and only the chosen prefecture's
//! rows are kept. The header is compared cell by cell with the published
//! layout, because a file saved from another system (or a different data set)
//! with columns moved would otherwise fill the wrong fields without a word.

use std::path::Path;

use crate::diag::{Diagnostic, Diagnostics};
use crate::gov_codes::{self, Kind};
use crate::load::table::{self, Records};
use crate::messages::import::ImportMsg;

/// The name of the official data, as editors find it on the web.
pub const SOURCE: &str = "介護サービス情報公表システム オープンデータ";

/// The 24 columns of the official files, in their order.
pub const HEADER: [&str; 24] = [
    "都道府県コード又は市町村コード",
    "No",
    "都道府県名",
    "市区町村名",
    "事業所名",
    "事業所名カナ",
    "サービスの種類",
    "住所",
    "方書（ビル名等）",
    "緯度",
    "経度",
    "電話番号",
    "FAX番号",
    "法人番号",
    "法人の名称",
    "事業所番号",
    "利用可能曜日",
    "利用可能曜日特記事項",
    "定員",
    "URL",
    "高齢者の方と障害者の方が同時一体的に利用できるサービス",
    "介護保険の通常の指定基準を満たしている",
    "障害福祉の通常の指定基準を満たしている",
    "備考",
];

pub const CODE: usize = 0;
const PREFECTURE_NAME: usize = 2;
pub const CITY: usize = 3;
pub const NAME: usize = 4;
const KANA: usize = 5;
pub const SERVICE: usize = 6;
const ADDRESS: usize = 7;
const BUILDING: usize = 8;
const PHONE: usize = 11;
pub const CORPORATION: usize = 14;
pub const NUMBER: usize = 15;

/// A row of the chosen prefecture, with the cells renkei uses, as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OfficialRow {
    /// The line the row starts on (1-based).
    pub line: usize,
    pub code: String,
    pub city: String,
    pub name: String,
    pub name_kana: String,
    pub service: String,
    pub address: String,
    pub building: String,
    pub phone: String,
    pub corporation: String,
    pub office_number: String,
    /// The 1-based character columns of the code and office number cells.
    pub code_column: usize,
    pub number_column: usize,
}

/// What reading one file found.
#[derive(Debug, Clone, Default)]
pub struct ParsedFile {
    /// Data rows in the file (blank lines not counted).
    pub read: usize,
    /// Rows of other prefectures, let go.
    pub other_prefecture: usize,
    /// Rows of the chosen prefecture.
    pub rows: Vec<OfficialRow>,
}

/// Reads one decoded official file, keeping the rows of `prefecture` (two
/// digits). `None` when the header is not the official one or a row of the
/// prefecture cannot be read: importing from it would lose offices.
pub fn parse(
    rel: &Path,
    text: &str,
    prefecture: &str,
    diags: &mut Diagnostics,
) -> Option<ParsedFile> {
    let errors_before = diags.error_count();
    let mut records = Records::new(text);
    let header = match records.next() {
        None => {
            diags.push(
                Diagnostic::error(
                    rel,
                    ImportMsg::EmptyFile {
                        columns: HEADER[..3].join(", "),
                    },
                )
                .at_line(1),
            );
            return None;
        }
        Some(Err((line, message))) => {
            diags.push(Diagnostic::error(rel, message).at_line(line));
            return None;
        }
        Some(Ok(header)) => header,
    };
    if !check_header(rel, &header, diags) {
        return None;
    }
    let mut parsed = ParsedFile::default();
    for record in records {
        let record = match record {
            Ok(record) => record,
            Err((line, message)) => {
                diags.push(Diagnostic::error(rel, message).at_line(line));
                break;
            }
        };
        let fields = &record.fields;
        if fields.iter().all(str::is_empty) {
            continue;
        }
        parsed.read += 1;
        let cell = |index: usize| fields.get(index).unwrap_or("").to_string();
        if row_prefecture(&cell(CODE), &cell(PREFECTURE_NAME)).as_deref() != Some(prefecture) {
            parsed.other_prefecture += 1;
            continue;
        }
        if fields.len() != HEADER.len() {
            if let Some(problem) = table::shape_problem(&record, HEADER.len()) {
                diags.push(problem.at(rel));
            }
            continue;
        }
        if let Some(problem) = table::oversized_cell(&record) {
            diags.push(problem.at(rel));
            continue;
        }
        parsed.rows.push(OfficialRow {
            line: record.line,
            code: cell(CODE),
            city: cell(CITY),
            name: cell(NAME),
            name_kana: cell(KANA),
            service: cell(SERVICE),
            address: cell(ADDRESS),
            building: cell(BUILDING),
            phone: cell(PHONE),
            corporation: cell(CORPORATION),
            office_number: cell(NUMBER),
            code_column: record.column(CODE),
            number_column: record.column(NUMBER),
        });
    }
    (diags.error_count() == errors_before).then_some(parsed)
}

/// The two-digit prefecture of a row: the first two digits of its 6-digit
/// code, or, when a spreadsheet has cut the code short, its 都道府県名.
pub fn row_prefecture(code: &str, prefecture_name: &str) -> Option<String> {
    if code.len() == 6 && code.bytes().all(|b| b.is_ascii_digit()) {
        return Some(code[..2].to_string());
    }
    gov_codes::all()
        .iter()
        .find(|e| e.kind == Kind::Prefecture && e.name == prefecture_name)
        .map(|e| e.prefecture.to_string())
}

/// Compares the header with the official layout; every difference is an
/// error naming the column.
fn check_header(rel: &Path, header: &table::Record, diags: &mut Diagnostics) -> bool {
    let found: Vec<&str> = header.fields.iter().collect();
    if found.contains(&"office_number") || found.contains(&"municipality_code") {
        diags.push(Diagnostic::error(rel, ImportMsg::RenkeiFile).at_line(header.line));
        return false;
    }
    let mut ok = true;
    for (index, expected) in HEADER.iter().enumerate() {
        match found.get(index) {
            Some(name) if name == expected => {}
            Some(name) => {
                ok = false;
                let moved = found
                    .iter()
                    .position(|f| f == expected)
                    .map(|at| {
                        ImportMsg::ColumnMoved {
                            expected: expected.to_string(),
                            at: at + 1,
                        }
                        .into()
                    })
                    .unwrap_or_default();
                diags.push(
                    Diagnostic::error(
                        rel,
                        ImportMsg::WrongColumn {
                            index: index + 1,
                            name: name.to_string(),
                            expected: expected.to_string(),
                            moved,
                        },
                    )
                    .at_line(header.line)
                    .at_cell(header.column(index)),
                );
            }
            None => {
                ok = false;
                diags.push(
                    Diagnostic::error(
                        rel,
                        ImportMsg::MissingColumn {
                            index: index + 1,
                            expected: expected.to_string(),
                            found: found.len(),
                        },
                    )
                    .at_line(header.line),
                );
            }
        }
    }
    for (index, name) in found.iter().enumerate().skip(HEADER.len()) {
        ok = false;
        diags.push(
            Diagnostic::error(
                rel,
                ImportMsg::ExtraColumn {
                    index: index + 1,
                    name: name.to_string(),
                },
            )
            .at_line(header.line)
            .at_cell(header.column(index)),
        );
    }
    ok
}

#[cfg(test)]
mod tests {
    use super::*;

    fn header() -> String {
        HEADER.join(",")
    }

    fn row(code: &str, number: &str, service: &str) -> String {
        let mut cells = vec![""; 24];
        cells[CODE] = code;
        cells[PREFECTURE_NAME] = "大分県";
        cells[CITY] = "大分市";
        cells[NAME] = "テスト事業所";
        cells[SERVICE] = service;
        cells[NUMBER] = number;
        cells.join(",")
    }

    fn parse_text(text: &str) -> (Option<ParsedFile>, Vec<String>) {
        let mut diags = Diagnostics::default();
        let parsed = parse(Path::new("jigyosho_110.csv"), text, "44", &mut diags);
        (parsed, diags.into_iter().map(|d| d.to_string()).collect())
    }

    #[test]
    fn keeps_the_prefecture_and_counts_the_rest() {
        let text = format!(
            "\u{feff}{}\r\n{}\r\n{}\r\n\r\n",
            header(),
            row("442011", "4470100001", "訪問介護"),
            row("131016", "1370100001", "訪問介護")
        );
        let (parsed, errors) = parse_text(&text);
        assert!(errors.is_empty(), "{errors:?}");
        let parsed = parsed.unwrap();
        assert_eq!((parsed.read, parsed.other_prefecture), (2, 1));
        assert_eq!(parsed.rows[0].line, 2);
        assert_eq!(parsed.rows[0].office_number, "4470100001");
    }

    #[test]
    fn a_renamed_column_is_named() {
        let text = header().replace("事業所名カナ", "フリガナ");
        let mut diags = Diagnostics::default();
        assert!(parse(Path::new("x.csv"), &text, "44", &mut diags).is_none());
        assert_eq!(diags.iter().next().unwrap().column, Some(37));
        let (parsed, errors) = parse_text(&text);
        assert!(parsed.is_none());
        assert_eq!(
            errors[0],
            "error: jigyosho_110.csv:1: column 6 is \"フリガナ\" but the official open data has \"事業所名カナ\" there; the file must keep the 24 columns as downloaded"
        );
    }

    #[test]
    fn a_short_header_names_the_missing_columns() {
        let text = HEADER[..22].join(",");
        let (_, errors) = parse_text(&text);
        assert_eq!(errors.len(), 2);
        assert!(
            errors[0].contains("column 23 \"障害福祉の通常の指定基準を満たしている\" is missing")
        );
    }

    #[test]
    fn a_short_row_of_the_prefecture_is_an_error() {
        let text = format!("{}\n442011,1,大分県,大分市\n", header());
        let (parsed, errors) = parse_text(&text);
        assert!(parsed.is_none());
        assert!(
            errors[0].contains("jigyosho_110.csv:2: this row has 4 fields but the header has 24")
        );
    }

    #[test]
    fn prefecture_of_a_cut_code_comes_from_its_name() {
        assert_eq!(row_prefecture("12025", "北海道").as_deref(), Some("01"));
        assert_eq!(row_prefecture("442011", "").as_deref(), Some("44"));
        assert_eq!(row_prefecture("", "どこか"), None);
    }
}
