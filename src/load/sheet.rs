//! Reading a spreadsheet (`.xlsx`, `.xlsm`, `.xls`, `.ods`) into the records
//! a CSV file gives, so that [`super::table::read_records`] reads both alike.
//!
//! Editors keep their lists in Excel; every re-save as CSV is a chance to
//! lose a leading zero or write a date Excel's way. So a book is read as the
//! spreadsheet shows it: a number cell is its digits (`4400010016`, never
//! `4400010016.0` or `4.4E+09`), a date cell the day (`2026-04-15`), a formula
//! cell its saved value. A row's line is its row number in the sheet, as
//! Excel shows it at the left.

use std::collections::BTreeMap;
use std::io::Read;
use std::path::Path;

use calamine::{Data, Ods, OdsError, Reader, Sheets, Xls, XlsError, Xlsx, open_workbook};

use super::limits::MAX_SHEET_CELLS;
use super::table::{Column, Record};
use crate::diag::{Diagnostic, Diagnostics};
use crate::messages::Text;
use crate::messages::load::SheetMsg;

/// The extensions of the spreadsheets renkei reads (lower case).
pub const EXTENSIONS: [&str; 4] = ["xlsx", "xlsm", "xls", "ods"];

/// An open book of any of the forms.
type Book = Sheets<std::io::BufReader<std::fs::File>>;

/// A sheet's rows, header first; `sheet` is its name when the book has
/// several, so findings can name it.
pub struct Table {
    pub records: Vec<Record>,
    pub sheet: Option<String>,
}

/// Reads the book at `path` (named `rel` in findings): the first sheet whose
/// first non-empty row holds the required columns, or else the first sheet
/// that is not empty, whose header the table reader then reports. A header
/// found below a title row is an error naming its row, not read: the
/// contract's header is the first row.
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
    // The first sheet whose header stands below other rows: its first
    // row, the header's row and the sheet's name when there are several.
    let mut title: Option<(usize, usize, Option<String>)> = None;
    for name in names {
        let records = match cells(&mut book, &name).and_then(records) {
            Ok(records) => records,
            Err(message) => {
                diags.push(Diagnostic::error(rel, message));
                return None;
            }
        };
        let Some(header) = records.first() else {
            continue;
        };
        let sheet = several.then(|| name.clone());
        if holds_required(header, columns) {
            return Some(Table { records, sheet });
        }
        // A title row above the header, as printed lists have.
        let below = records
            .iter()
            .take(HEADER_SEARCH)
            .find(|r| holds_required(r, columns))
            .map(|r| (header.line, r.line, sheet.clone()));
        if let (None, Some(below)) = (&title, below) {
            title = Some(below);
        }
        fallback.get_or_insert(Table { records, sheet });
    }
    if let Some((line, header_line, sheet)) = title {
        let mut message = Text::from(SheetMsg::RowsAboveHeader { header_line });
        if let Some(sheet) = sheet {
            message = SheetMsg::InSheet {
                sheet,
                detail: message,
            }
            .into();
        }
        diags.push(Diagnostic::error(rel, message).at_line(line));
        return None;
    }
    Some(fallback.unwrap_or(Table {
        records: Vec::new(),
        sheet: None,
    }))
}

/// How many rows from the top are searched for a header below a title.
const HEADER_SEARCH: usize = 20;

/// A cell that shows something: its row and column (0-based) and its text.
type Shown = (u32, u32, String);

/// The cells of a sheet that show something. An `.xlsx` sheet is read
/// cell by cell, so memory follows what the sheet holds, not how far its
/// farthest cell lies (a value typed in XFD1048576 would otherwise make
/// a grid of seventeen billion cells).
fn cells(book: &mut Book, name: &str) -> Result<Vec<Shown>, SheetMsg> {
    let unreadable = |e: &dyn std::fmt::Display| SheetMsg::Unreadable {
        detail: e.to_string(),
    };
    let mut shown = Vec::new();
    let mut keep = |(row, column): (u32, u32), cell: &Data| {
        let text = text(cell);
        if !text.is_empty() {
            shown.push((row, column, text));
        }
        if shown.len() > MAX_SHEET_CELLS {
            Err(too_large())
        } else {
            Ok(())
        }
    };
    match book {
        Sheets::Xlsx(xlsx) => {
            let mut reader = xlsx
                .worksheet_cells_reader(name)
                .map_err(|e| unreadable(&e))?;
            while let Some(cell) = reader.next_cell().map_err(|e| unreadable(&e))? {
                keep(cell.get_position(), &Data::from(cell.get_value().clone()))?;
            }
        }
        book => {
            let range = book.worksheet_range(name).map_err(|e| unreadable(&e))?;
            let (top, left) = range.start().unwrap_or_default();
            for (row, column, cell) in range.used_cells() {
                keep((top + row as u32, left + column as u32), cell)?;
            }
        }
    }
    Ok(shown)
}

fn too_large() -> SheetMsg {
    SheetMsg::TooLarge {
        limit: MAX_SHEET_CELLS,
    }
}

/// Opens a book by its extension; a password-protected one is named so.
fn open(path: &Path) -> Result<Book, SheetMsg> {
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
/// table reader reports as a row longer than its header). Rows that show
/// nothing are left out, as the CSV reader leaves out blank lines.
fn records(cells: Vec<Shown>) -> Result<Vec<Record>, SheetMsg> {
    let Some(left) = cells.iter().map(|&(_, column, _)| column).min() else {
        return Ok(Vec::new());
    };
    let mut rows: BTreeMap<u32, Vec<(usize, String)>> = BTreeMap::new();
    for (row, column, text) in cells {
        rows.entry(row)
            .or_default()
            .push(((column - left) as usize, text));
    }
    let (mut records, mut width, mut slots) = (Vec::new(), 0, 0);
    for (row, cells) in rows {
        let used = cells.iter().map(|&(i, _)| i + 1).max().unwrap_or(0);
        if records.is_empty() {
            width = used;
        }
        let mut fields = vec![String::new(); used.max(width)];
        slots += fields.len();
        if slots > MAX_SHEET_CELLS {
            return Err(too_large());
        }
        for (index, text) in cells {
            fields[index] = text;
        }
        let line = row as usize + 1;
        records.push(Record {
            line,
            columns: (0..fields.len()).map(|i| left as usize + i + 1).collect(),
            fields: csv::StringRecord::from(fields),
            end_line: line,
            open_quote: false,
        });
    }
    Ok(records)
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
    fn rows_keep_their_sheet_row_and_the_header_width() {
        let cell = |row, column, text: &str| (row, column, text.to_string());
        let records = records(vec![
            cell(2, 1, "code"),
            cell(2, 2, "name"),
            cell(3, 1, "1"),
            cell(6, 4, "x"),
            cell(1_048_575, 16_383, "far"),
        ])
        .unwrap();
        let lines: Vec<usize> = records.iter().map(|r| r.line).collect();
        assert_eq!(lines, [3, 4, 7, 1_048_576]);
        assert_eq!(records[0].columns, [2, 3]);
        assert_eq!(records[1].fields.iter().collect::<Vec<_>>(), ["1", ""]);
        assert_eq!(records[2].fields.len(), 4);
        assert_eq!(records[3].fields.len(), 16_383);
    }

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
