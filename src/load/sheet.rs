//! Reading a spreadsheet (`.xlsx`, `.xlsm`, `.xls`, `.ods`) into the records
//! a CSV file gives, so that [`super::table::read_records`] reads both alike.
//!
//! Editors keep their lists in Excel; every re-save as CSV is a chance to
//! lose a leading zero or write a date Excel's way. So a book is read as the
//! spreadsheet shows it: a number cell is its digits (`4400010016`, never
//! `4400010016.0` or `4.4E+09`), a date cell the day (`2026-04-15`), a formula
//! cell its saved value. A row's line is its row number in the sheet, as
//! Excel shows it at the left.

use std::io::Read;
use std::path::Path;

use calamine::{Data, Ods, OdsError, Reader, Sheets, Xls, XlsError, Xlsx, open_workbook};

use super::table::{Column, Record};
use crate::diag::{Diagnostic, Diagnostics};
use crate::messages::load::SheetMsg;

/// The extensions of the spreadsheets renkei reads (lower case).
pub const EXTENSIONS: [&str; 4] = ["xlsx", "xlsm", "xls", "ods"];

/// A sheet's rows, header first; `sheet` is its name when the book has
/// several, so findings can name it.
pub struct Table {
    pub records: Vec<Record>,
    pub sheet: Option<String>,
}

/// Reads the book at `path` (named `rel` in findings): the first sheet whose
/// first non-empty row holds the required columns, or else the first sheet
/// that is not empty, whose header the table reader then reports.
pub fn read(path: &Path, rel: &Path, columns: &[Column], diags: &mut Diagnostics) -> Option<Table> {
    let mut book = match open(path) {
        Ok(book) => book,
        Err(message) => {
            diags.push(Diagnostic::error(rel, message));
            return None;
        }
    };
    let names = book.sheet_names();
    let several = names.len() > 1;
    let mut fallback = None;
    for name in names {
        let range = match book.worksheet_range(&name) {
            Ok(range) => range,
            Err(e) => {
                let message = SheetMsg::Unreadable {
                    detail: e.to_string(),
                };
                diags.push(Diagnostic::error(rel, message));
                return None;
            }
        };
        let records = records(&range);
        let Some(header) = records.first() else {
            continue;
        };
        let sheet = several.then(|| name.clone());
        if holds_required(header, columns) {
            return Some(Table { records, sheet });
        }
        fallback.get_or_insert(Table { records, sheet });
    }
    Some(fallback.unwrap_or(Table {
        records: Vec::new(),
        sheet: None,
    }))
}

/// Opens a book by its extension; a password-protected one is named so.
fn open(path: &Path) -> Result<Sheets<std::io::BufReader<std::fs::File>>, SheetMsg> {
    let extension = path
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    let unreadable = |detail: String| SheetMsg::Unreadable { detail };
    match extension.as_str() {
        "xls" => match open_workbook::<Xls<_>, _>(path) {
            Ok(book) => Ok(Sheets::Xls(book)),
            Err(XlsError::Password) => Err(SheetMsg::Encrypted),
            Err(e) => Err(unreadable(e.to_string())),
        },
        "ods" => match open_workbook::<Ods<_>, _>(path) {
            Ok(book) => Ok(Sheets::Ods(book)),
            Err(OdsError::Password) => Err(SheetMsg::Encrypted),
            Err(e) => Err(unreadable(e.to_string())),
        },
        _ => match open_workbook::<Xlsx<_>, _>(path) {
            Ok(book) => Ok(Sheets::Xlsx(book)),
            Err(_) if encrypted(path) => Err(SheetMsg::Encrypted),
            Err(e) => Err(unreadable(e.to_string())),
        },
    }
}

/// Whether an `.xlsx` file is what Excel writes for a book with a password:
/// an OLE compound file (the older `.xls` container) holding the stream
/// `EncryptionInfo` instead of a zip of XML.
fn encrypted(path: &Path) -> bool {
    const OLE: &[u8] = &[0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
    let mut bytes = Vec::new();
    let read = std::fs::File::open(path).and_then(|f| f.take(1 << 20).read_to_end(&mut bytes));
    let name: Vec<u8> = "EncryptionInfo"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    read.is_ok() && bytes.starts_with(OLE) && bytes.windows(name.len()).any(|window| window == name)
}

/// Whether a header row names every required column.
fn holds_required(header: &Record, columns: &[Column]) -> bool {
    columns.iter().filter(|c| c.required).all(|c| {
        header
            .fields
            .iter()
            .any(|h| h.trim_start_matches('\u{feff}') == c.name || h == c.alias)
    })
}

/// The rows of a sheet from its first non-empty one, each as wide as that
/// header (wider only where a cell beyond it holds something, which the
/// table reader reports as a row longer than its header).
fn records(range: &calamine::Range<Data>) -> Vec<Record> {
    let Some((first_row, first_column)) = range.start() else {
        return Vec::new();
    };
    let mut records = Vec::new();
    let mut width = 0;
    for (index, row) in range.rows().enumerate() {
        let mut cells: Vec<String> = row.iter().map(text).collect();
        let used = cells
            .iter()
            .rposition(|c| !c.is_empty())
            .map_or(0, |i| i + 1);
        if records.is_empty() {
            if used == 0 {
                continue;
            }
            width = used;
        }
        cells.truncate(used.max(width));
        let line = first_row as usize + index + 1;
        records.push(Record {
            line,
            columns: (0..cells.len())
                .map(|i| first_column as usize + i + 1)
                .collect(),
            fields: csv::StringRecord::from(cells),
            end_line: line,
            open_quote: false,
        });
    }
    records
}

/// A cell as the spreadsheet shows it, trimmed and on one line: a line
/// break typed in a cell (Alt+Enter) is a space, and control characters,
/// which nothing shown can hold, are dropped.
fn text(cell: &Data) -> String {
    let text = match cell {
        Data::Empty => return String::new(),
        Data::String(s) | Data::DurationIso(s) => s.clone(),
        Data::Int(i) => i.to_string(),
        Data::Float(f) => number(*f),
        Data::Bool(b) => b.to_string(),
        Data::DateTime(dt) if dt.is_datetime() => {
            let (year, month, day, hour, minute, second, _) = dt.to_ymd_hms_milli();
            let date = format!("{year:04}-{month:02}-{day:02}");
            if (hour, minute, second) == (0, 0, 0) {
                date
            } else {
                format!("{date} {hour:02}:{minute:02}")
            }
        }
        Data::DateTime(dt) => number(dt.as_f64()),
        Data::DateTimeIso(s) => s.strip_suffix("T00:00:00").unwrap_or(s).replace('T', " "),
        Data::Error(e) => e.to_string(),
    };
    text.split(['\r', '\n'])
        .filter(|line| !line.trim().is_empty())
        .map(str::trim)
        .collect::<Vec<_>>()
        .join(" ")
        .chars()
        .filter(|&c| !super::text::is_unwanted(c))
        .collect()
}

/// A number as its digits: whole numbers without `.0` or an exponent.
fn number(value: f64) -> String {
    if value.fract() == 0.0 && value.abs() < 1e15 {
        format!("{}", value as i64)
    } else {
        format!("{value}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use calamine::{ExcelDateTime, ExcelDateTimeType};

    #[test]
    fn cells_read_as_the_spreadsheet_shows_them() {
        assert_eq!(text(&Data::Float(4400010016.0)), "4400010016");
        assert_eq!(text(&Data::Float(4.4e9)), "4400000000");
        assert_eq!(text(&Data::Float(0.5)), "0.5");
        assert_eq!(text(&Data::Int(440001001)), "440001001");
        assert_eq!(text(&Data::Bool(true)), "true");
        let day = ExcelDateTime::new(46127.0, ExcelDateTimeType::DateTime, false);
        assert_eq!(text(&Data::DateTime(day)), "2026-04-15");
        let noon = ExcelDateTime::new(46127.5, ExcelDateTimeType::DateTime, false);
        assert_eq!(text(&Data::DateTime(noon)), "2026-04-15 12:00");
        assert_eq!(
            text(&Data::DateTimeIso("2026-04-15T00:00:00".into())),
            "2026-04-15"
        );
        assert_eq!(
            text(&Data::String(" 大分市\n中央町 ".into())),
            "大分市 中央町"
        );
        assert_eq!(text(&Data::Error(calamine::CellErrorType::NA)), "#N/A");
    }
}
