//! Reading a CSV file into typed rows that remember their line and columns.
//!
//! Every data file has English column names and Japanese aliases, so headers
//! are checked once against a column list before any row is deserialized:
//! a missing column is one message at line 1, not one per row.
//!
//! Places are computed from byte offsets in the decoded text rather than from
//! the csv crate's line counter, which counts a CRLF file's records one line
//! early: that way no copy of a large file is needed to fix its line endings,
//! and every cell also knows its column (in characters, 1-based) so that a
//! finding reads `data/offices.csv:14:12: ...`.
//!
//! Excel's 「テキスト（タブ区切り）」 save is read like a CSV: the header line
//! tells the separator. Spreadsheets give their rows as [`Record`]s too
//! ([`super::sheet`]), so both go through one [`read_records`] and give the
//! same rows and the same findings.

use std::path::Path;
use std::sync::Arc;

use serde::de::DeserializeOwned;

use super::limits::{self, MAX_CELL};
use crate::diag::{Diagnostic, Diagnostics};
use crate::messages::load::TableMsg;

/// A column a file may have: its English name, its Japanese alias and whether
/// the file is unusable without it.
pub struct Column {
    pub name: &'static str,
    pub alias: &'static str,
    pub required: bool,
}

/// A deserialized row with the line it starts on (1-based; the header is line 1)
/// and the column of each of its known cells.
#[derive(Debug, Clone)]
pub struct Located<T> {
    pub line: usize,
    pub value: T,
    pub cells: Cells,
}

/// The 1-based character columns of a row's known cells. The column names
/// are shared by every row of a file and the columns kept as `u32`, so a
/// file of millions of rows pays a few bytes a row for them, not a list.
#[derive(Debug, Clone, Default)]
pub struct Cells {
    names: Arc<[&'static str]>,
    columns: Box<[u32]>,
}

impl<T> Located<T> {
    /// The column of a cell by its English column name, when the file has it.
    pub fn column(&self, name: &str) -> Option<usize> {
        let index = self.cells.names.iter().position(|n| *n == name)?;
        self.cells.columns.get(index).map(|&c| c as usize)
    }

    /// Places a finding on this row and, when known, on the named cell.
    pub fn place(&self, diagnostic: Diagnostic, column: &str) -> Diagnostic {
        let diagnostic = diagnostic.at_line(self.line);
        match self.column(column) {
            Some(c) => diagnostic.at_cell(c),
            None => diagnostic,
        }
    }
}

/// One raw record with its place, as read by [`Records`].
#[derive(Debug, Clone)]
pub struct Record {
    /// The line the record starts on (1-based).
    pub line: usize,
    /// The cells, trimmed.
    pub fields: csv::StringRecord,
    /// The 1-based character column of each cell (of its first non-blank character).
    pub columns: Vec<usize>,
    /// The line the record ends on: beyond `line` only when a quoted cell spans lines.
    pub end_line: usize,
    /// A quote was opened and never closed: the record ran to the end of the file.
    pub open_quote: bool,
}

impl Record {
    /// The column of cell `index`, 1-based, or the start of the line.
    pub fn column(&self, index: usize) -> usize {
        self.columns.get(index).copied().unwrap_or(1)
    }
}

/// The records of a decoded CSV text, header first, each with its place.
///
/// Rows of any length are returned (the caller compares them with the
/// header), so a short row is reported instead of being dropped.
pub struct Records<'a> {
    text: &'a str,
    reader: csv::Reader<&'a [u8]>,
    /// The separator, `,` or (in a tab-separated save) a tab.
    delimiter: u8,
    /// Line-counting cursor: `line` is the line on which byte `offset` lies.
    /// (Not `Position::line`, one line early after CRLF: BurntSushi/rust-csv#395.)
    offset: usize,
    line: usize,
    record: csv::StringRecord,
}

impl<'a> Records<'a> {
    /// Starts reading `text` (a leading BOM, if still there, is skipped).
    pub fn new(text: &'a str) -> Records<'a> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let delimiter = delimiter(text);
        let reader = csv::ReaderBuilder::new()
            .delimiter(delimiter)
            .has_headers(false)
            .flexible(true)
            .trim(csv::Trim::All)
            .from_reader(text.as_bytes());
        Records {
            text,
            reader,
            delimiter,
            offset: 0,
            line: 1,
            record: csv::StringRecord::new(),
        }
    }

    /// The line on which byte `offset` lies; offsets must not go backwards.
    fn line_at(&mut self, offset: usize) -> usize {
        let offset = offset.min(self.text.len());
        if offset > self.offset {
            self.line += count_breaks(&self.text.as_bytes()[self.offset..offset]);
            self.offset = offset;
        }
        self.line
    }
}

impl Iterator for Records<'_> {
    type Item = Result<Record, (usize, TableMsg)>;

    fn next(&mut self) -> Option<Self::Item> {
        let start = self.reader.position().byte() as usize;
        match self.reader.read_record(&mut self.record) {
            Ok(false) => None,
            Ok(true) => {
                // csv skips blank lines: the record starts at its first
                // byte that is not a line break.
                let start = start
                    + self.text.as_bytes()[start.min(self.text.len())..]
                        .iter()
                        .take_while(|b| matches!(b, b'\r' | b'\n'))
                        .count();
                let line = self.line_at(start);
                let columns = cell_columns(self.text, start, self.record.len(), self.delimiter);
                let end = self.reader.position().byte() as usize;
                let body =
                    self.text.as_bytes()[start.min(end)..end.min(self.text.len())].trim_ascii_end();
                let end_line = line + count_breaks(body);
                let open_quote = body.iter().filter(|&&b| b == b'"').count() % 2 == 1;
                Some(Ok(Record {
                    line,
                    fields: self.record.clone(),
                    columns,
                    end_line,
                    open_quote,
                }))
            }
            Err(e) => {
                let line = e
                    .position()
                    .map_or(self.line, |p| self.line_at(p.byte() as usize));
                // The reader cannot go on after an error it did not expect.
                self.offset = self.text.len();
                self.reader = csv::Reader::from_reader(&[][..]);
                Some(Err((
                    line,
                    TableMsg::RowUnreadable {
                        detail: e.to_string(),
                    },
                )))
            }
        }
    }
}

/// The separator of a text: a tab when its first line holds more tabs than
/// commas (Excel's 「テキスト（タブ区切り）」 and 「Unicode テキスト」 saves),
/// otherwise a comma.
fn delimiter(text: &str) -> u8 {
    let first = text
        .lines()
        .find(|line| !line.trim().is_empty())
        .unwrap_or("");
    let count = |c: char| first.chars().filter(|&x| x == c).count();
    if count('\t') > count(',') {
        b'\t'
    } else {
        b','
    }
}

/// Line breaks in a byte slice: `\r\n`, `\n` and a lone `\r` count one each,
/// as the csv reader and text editors see them.
fn count_breaks(bytes: &[u8]) -> usize {
    let mut count = 0;
    let mut iter = bytes.iter().peekable();
    while let Some(&b) = iter.next() {
        match b {
            b'\n' => count += 1,
            b'\r' if iter.peek() != Some(&&b'\n') => count += 1,
            _ => {}
        }
    }
    count
}

/// The 1-based character column of each of the first `count` cells of the
/// record starting at byte `start`, found by scanning its raw text the way
/// the csv reader does (a quote opens a quoted cell only as its first byte).
fn cell_columns(text: &str, start: usize, count: usize, delimiter: u8) -> Vec<usize> {
    let bytes = text.as_bytes();
    let mut columns = Vec::with_capacity(count);
    let mut line_start = start;
    let mut at = start;
    while columns.len() < count && at <= bytes.len() {
        let mut quoted = bytes.get(at) == Some(&b'"');
        let mut first = at;
        while !quoted
            && first < bytes.len()
            && bytes[first] != delimiter
            && matches!(bytes[first], b' ' | b'\t')
        {
            first += 1;
        }
        columns.push(
            text.get(line_start..first)
                .map_or(1, |s| s.chars().count() + 1),
        );
        if quoted {
            at += 1;
        }
        // Walk to the end of the cell.
        while at < bytes.len() {
            match (quoted, bytes[at]) {
                (true, b'"') if bytes.get(at + 1) == Some(&b'"') => at += 1,
                (true, b'"') => quoted = false,
                (true, b'\n') => line_start = at + 1,
                (false, b) if b == delimiter => break,
                (false, b'\n' | b'\r') => return columns,
                _ => {}
            }
            at += 1;
        }
        at += 1;
    }
    columns
}

/// Reads `text` (already decoded) as CSV with the given columns.
pub fn read<T: DeserializeOwned>(
    rel: &Path,
    text: &str,
    columns: &[Column],
    diags: &mut Diagnostics,
) -> Vec<Located<T>> {
    read_records(rel, Records::new(text), columns, diags)
}

/// Reads records, header first, with the given columns: the one path of
/// CSV files and spreadsheets.
///
/// Headers are trimmed and matched by name or alias; each row is deserialized
/// into `T` (whose serde names and aliases follow `columns`). Rows that cannot
/// be read are reported with their line and left out; the rest are returned.
pub fn read_records<T: DeserializeOwned>(
    rel: &Path,
    records: impl IntoIterator<Item = Result<Record, (usize, TableMsg)>>,
    columns: &[Column],
    diags: &mut Diagnostics,
) -> Vec<Located<T>> {
    let mut records = records.into_iter();
    let header = match records.next() {
        None => {
            diags.push(
                Diagnostic::error(
                    rel,
                    TableMsg::Empty {
                        expected: expected(columns),
                    },
                )
                .at_line(1),
            );
            return Vec::new();
        }
        Some(Err((line, message))) => {
            diags.push(Diagnostic::error(rel, message).at_line(line));
            return Vec::new();
        }
        Some(Ok(header)) => header,
    };
    if let Some(problem) = oversized_cell(&header) {
        diags.push(problem.at(rel));
        return Vec::new();
    }
    let header = without_bom(rel, header, diags);
    if header.fields.iter().all(str::is_empty) {
        diags.push(
            Diagnostic::error(
                rel,
                TableMsg::EmptyHeader {
                    expected: expected(columns),
                },
            )
            .at_line(header.line),
        );
        return Vec::new();
    }
    if !check_headers(rel, &header, columns, diags) {
        return Vec::new();
    }
    // The known columns: (index in the header, English name), shared by rows.
    let known: Vec<(usize, &'static str)> = header
        .fields
        .iter()
        .enumerate()
        .filter_map(|(i, h)| {
            columns
                .iter()
                .find(|c| h == c.name || h == c.alias)
                .map(|c| (i, c.name))
        })
        .collect();
    let names: Arc<[&'static str]> = known.iter().map(|&(_, name)| name).collect();
    let mut rows = Vec::new();
    for record in records {
        let record = match record {
            Ok(record) => record,
            Err((line, message)) => {
                diags.push(Diagnostic::error(rel, message).at_line(line));
                break;
            }
        };
        if record.fields.iter().all(str::is_empty) {
            continue;
        }
        if let Some(problem) =
            shape_problem(&record, header.fields.len()).or_else(|| oversized_cell(&record))
        {
            diags.push(problem.at(rel));
            continue;
        }
        match record.fields.deserialize::<T>(Some(&header.fields)) {
            Ok(value) => rows.push(Located {
                line: record.line,
                value,
                cells: Cells {
                    names: Arc::clone(&names),
                    columns: known
                        .iter()
                        .map(|&(i, _)| u32::try_from(record.column(i)).unwrap_or(u32::MAX))
                        .collect(),
                },
            }),
            Err(e) => {
                let (field, message) = describe(&e, &header.fields, &record.fields);
                let mut d = Diagnostic::error(rel, message).at_line(record.line);
                if let Some(field) = field {
                    d = d.at_cell(record.column(field));
                }
                diags.push(d);
            }
        }
    }
    rows
}

/// A problem with the shape of a record, before its values are looked at.
pub struct ShapeProblem {
    pub line: usize,
    pub column: Option<usize>,
    pub message: TableMsg,
}

impl ShapeProblem {
    /// The problem as an error in file `rel`.
    pub fn at(self, rel: &Path) -> Diagnostic {
        let d = Diagnostic::error(rel, self.message).at_line(self.line);
        match self.column {
            Some(c) => d.at_cell(c),
            None => d,
        }
    }
}

/// A record whose cell count differs from the header's, or in which a quote
/// swallowed line breaks (a cell of these files never spans lines).
pub fn shape_problem(record: &Record, header_len: usize) -> Option<ShapeProblem> {
    let spanning = record.fields.iter().position(|f| f.contains(['\n', '\r']));
    if let Some(index) = spanning {
        let message = if record.open_quote {
            TableMsg::QuoteNeverClosed {
                line: record.line,
                end_line: record.end_line,
            }
        } else {
            TableMsg::QuoteClosedLate {
                end_line: record.end_line,
            }
        };
        return Some(ShapeProblem {
            line: record.line,
            column: Some(record.column(index)),
            message,
        });
    }
    if record.fields.len() != header_len {
        return Some(ShapeProblem {
            line: record.line,
            column: None,
            message: if record.fields.len() > header_len {
                TableMsg::TooManyFields {
                    fields: record.fields.len(),
                    header: header_len,
                }
            } else {
                TableMsg::TooFewFields {
                    fields: record.fields.len(),
                    header: header_len,
                }
            },
        });
    }
    None
}

/// A cell longer than [`MAX_CELL`]: no value of these files is that long.
pub fn oversized_cell(record: &Record) -> Option<ShapeProblem> {
    let index = record.fields.iter().position(|f| f.len() > MAX_CELL)?;
    Some(ShapeProblem {
        line: record.line,
        column: Some(record.column(index)),
        message: TableMsg::CellTooLarge {
            size: limits::size(record.fields[index].len() as u64),
            limit: limits::size(MAX_CELL as u64),
        },
    })
}

/// The header with byte order marks (U+FEFF) taken out of its cells, each
/// reported: a BOM left inside a name (two files pasted together, a header
/// typed after one) would otherwise hide that column.
fn without_bom(rel: &Path, mut header: Record, diags: &mut Diagnostics) -> Record {
    if !header.fields.iter().any(|f| f.contains('\u{feff}')) {
        return header;
    }
    let mut fields = csv::StringRecord::new();
    for (index, field) in header.fields.iter().enumerate() {
        if field.contains('\u{feff}') {
            let name = field.replace('\u{feff}', "");
            diags.push(
                Diagnostic::warning(rel, TableMsg::BomRemoved { name: name.clone() })
                    .at_line(header.line)
                    .at_cell(header.column(index)),
            );
            fields.push_field(name.trim());
        } else {
            fields.push_field(field);
        }
    }
    header.fields = fields;
    header
}

/// Reports missing, doubled and unknown columns; false when rows cannot be read.
fn check_headers(rel: &Path, header: &Record, columns: &[Column], diags: &mut Diagnostics) -> bool {
    let mut usable = true;
    let at = |index: usize, d: Diagnostic| d.at_line(header.line).at_cell(header.column(index));
    for column in columns {
        let found: Vec<usize> = header
            .fields
            .iter()
            .enumerate()
            .filter(|(_, h)| *h == column.name || *h == column.alias)
            .map(|(i, _)| i)
            .collect();
        if found.is_empty() && column.required {
            usable = false;
            diags.push(
                Diagnostic::error(
                    rel,
                    TableMsg::MissingColumn {
                        name: column.name.to_string(),
                        alias: column.alias.to_string(),
                        header: header.fields.iter().collect::<Vec<_>>().join(", "),
                    },
                )
                .at_line(header.line),
            );
        }
        if found.len() > 1 {
            usable = false;
            diags.push(at(
                found[1],
                Diagnostic::error(
                    rel,
                    TableMsg::DoubledColumn {
                        name: column.name.to_string(),
                        alias: column.alias.to_string(),
                        times: found.len(),
                    },
                ),
            ));
        }
    }
    let present = |c: &Column| header.fields.iter().any(|h| h == c.name || h == c.alias);
    for (index, name) in header.fields.iter().enumerate() {
        if columns.iter().any(|c| name == c.name || name == c.alias) {
            continue;
        }
        let meant = columns
            .iter()
            .find(|c| !present(c) && (resembles(name, c.name) || resembles(name, c.alias)));
        let message = match meant {
            Some(column) => TableMsg::ColumnLike {
                name: name.to_string(),
                meant: named(column),
            },
            None => TableMsg::UnusedColumn {
                name: name.to_string(),
                expected: expected(columns),
            },
        };
        diags.push(at(index, Diagnostic::warning(rel, message)));
    }
    usable
}

/// Whether a header that is no column's name looks like a mistyped `known`
/// (`介護ソフト名` for `介護ソフト`, `sofware` for `software`): one contains the
/// other, or they are a letter or two apart, ignoring case, width and spaces.
fn resembles(header: &str, known: &str) -> bool {
    use unicode_normalization::UnicodeNormalization;
    let plain = |s: &str| -> Vec<char> {
        s.nfkc()
            .flat_map(char::to_lowercase)
            .filter(|c| !c.is_whitespace() && !matches!(c, '_' | '-' | '・'))
            .collect()
    };
    let (header, known) = (plain(header), plain(known));
    if header.is_empty() || known.len() < 2 {
        return false;
    }
    // Two Japanese characters say enough (`住所`); two letters do not (`No`).
    let contains = |long: &[char], short: &[char]| {
        let least = if short.iter().all(char::is_ascii) {
            4
        } else {
            2
        };
        short.len() >= least && long.windows(short.len()).any(|w| w == short)
    };
    contains(&header, &known)
        || contains(&known, &header)
        || (known.len() >= 5 && edit_distance(&header, &known) <= 2)
}

/// Levenshtein distance between two strings of characters.
fn edit_distance(a: &[char], b: &[char]) -> usize {
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = (above + 1)
                .min(row[j] + 1)
                .min(diagonal + usize::from(ca != cb));
            diagonal = above;
        }
    }
    row[b.len()]
}

/// A column as editors may write it: `"software" / "介護ソフト"`.
fn named(column: &Column) -> String {
    if column.name == column.alias {
        format!("\"{}\"", column.name)
    } else {
        format!("\"{}\" / \"{}\"", column.name, column.alias)
    }
}

/// Every column, English name and Japanese alias.
fn expected(columns: &[Column]) -> String {
    columns.iter().map(named).collect::<Vec<_>>().join(", ")
}

/// A deserialize error in words naming the column, and the cell it is in.
fn describe(
    error: &csv::Error,
    headers: &csv::StringRecord,
    fields: &csv::StringRecord,
) -> (Option<usize>, TableMsg) {
    let csv::ErrorKind::Deserialize { err, .. } = error.kind() else {
        return (
            None,
            TableMsg::RowUnreadable {
                detail: error.to_string(),
            },
        );
    };
    let field = err.field().map(|i| i as usize);
    let column = field
        .and_then(|i| headers.get(i))
        .unwrap_or_default()
        .to_string();
    let value = field
        .and_then(|i| fields.get(i))
        .unwrap_or_default()
        .to_string();
    let message = match err.kind() {
        csv::DeserializeErrorKind::ParseInt(_) | csv::DeserializeErrorKind::ParseFloat(_) => {
            TableMsg::CellNotNumber { column, value }
        }
        csv::DeserializeErrorKind::ParseBool(_) => TableMsg::CellNotBool { column, value },
        csv::DeserializeErrorKind::InvalidUtf8(_) => TableMsg::CellNotText { column },
        csv::DeserializeErrorKind::UnexpectedEndOfRow => TableMsg::RowEndsEarly { column },
        other => TableMsg::CellOther {
            column,
            detail: other.to_string(),
        },
    };
    (field, message)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Deserialize)]
    struct Row {
        #[serde(alias = "コード")]
        code: String,
        #[serde(default, alias = "名前")]
        name: String,
    }

    const COLUMNS: &[Column] = &[
        Column {
            name: "code",
            alias: "コード",
            required: true,
        },
        Column {
            name: "name",
            alias: "名前",
            required: false,
        },
    ];

    fn read_rows(text: &str) -> (Vec<Located<Row>>, Vec<Diagnostic>) {
        let mut diags = Diagnostics::default();
        let rows = read::<Row>(Path::new("x.csv"), text, COLUMNS, &mut diags);
        (rows, diags.into_sorted())
    }

    #[test]
    fn reads_japanese_headers_crlf_and_trims() {
        let (rows, diags) = read_rows("コード , 名前\r\n 1 ,a\r\n2,b\r\n");
        assert!(diags.is_empty());
        assert_eq!(rows[0].value.code, "1");
        assert_eq!(rows[1].line, 3);
        assert_eq!(rows[1].value.name, "b");
    }

    #[test]
    fn reads_tab_separated_text_with_its_columns() {
        let (rows, diags) = read_rows("名前\tコード\r\n大分, 市\t 12\r\n\t3\r\n");
        assert!(diags.is_empty(), "{diags:?}");
        assert_eq!(rows[0].value.name, "大分, 市");
        assert_eq!(rows[0].value.code, "12");
        assert_eq!(rows[0].column("code"), Some(8));
        assert_eq!(rows[1].value.code, "3");
        assert_eq!(rows[1].column("code"), Some(2));
    }

    #[test]
    fn mistyped_headers_resemble_the_column_meant() {
        assert!(resembles("介護ソフト名", "介護ソフト"));
        assert!(resembles("ソフト", "介護ソフト"));
        assert!(resembles("sofware", "software"));
        assert!(resembles("Software Name", "software"));
        assert!(!resembles("No", "note"));
        assert!(!resembles("fax", "phone"));
        assert!(!resembles("郵便番号", "事業所番号"));
    }

    #[test]
    fn knows_the_column_of_each_cell_in_characters() {
        let (rows, _) = read_rows("名前,コード\r\n\"大分, 市\",  12\r\n");
        assert_eq!(rows[0].line, 2);
        assert_eq!(rows[0].column("name"), Some(1));
        assert_eq!(rows[0].column("code"), Some(11));
    }

    #[test]
    fn lines_count_after_blank_lines_and_lone_cr() {
        let (rows, _) = read_rows("code\r\n\r\n1\r2\n\n\n3\n");
        let lines: Vec<usize> = rows.iter().map(|r| r.line).collect();
        assert_eq!(lines, [3, 4, 7]);
    }

    #[test]
    fn missing_required_column_is_one_error_at_line_1() {
        let (rows, diags) = read_rows("name\na\nb\n");
        assert!(rows.is_empty());
        assert_eq!(diags.len(), 1);
        assert_eq!(diags[0].line, Some(1));
        assert!(diags[0].message.en().contains("missing column \"code\""));
    }

    #[test]
    fn short_row_is_reported_and_others_kept() {
        let (rows, diags) = read_rows("code,name\n1,a\n2\n3,c\n");
        assert_eq!(rows.len(), 2);
        assert_eq!(diags[0].line, Some(3));
        assert!(
            diags[0]
                .message
                .en()
                .contains("1 fields but the header has 2")
        );
    }

    #[test]
    fn unclosed_quote_names_the_lines_it_swallowed() {
        let (rows, diags) = read_rows("code,name\n1,\"a\n2,b\n3,c\n");
        assert!(rows.is_empty());
        assert_eq!(diags[0].line, Some(2));
        assert_eq!(diags[0].column, Some(3));
        assert!(
            diags[0].message.en().contains("never closed: lines 2 to 4"),
            "{}",
            diags[0].message
        );
        let (rows, diags) = read_rows("code,name\n1,\"a\n2,b\"\n3,c\n");
        assert_eq!(rows.len(), 1);
        assert!(diags[0].message.en().contains("not closed until line 3"));
    }

    #[test]
    fn unknown_column_is_a_warning_with_its_column() {
        let (_, diags) = read_rows("code,fax\n1,2\n");
        assert!(!diags[0].is_error());
        assert!(diags[0].message.en().contains("\"fax\""));
        assert_eq!(diags[0].column, Some(6));
    }

    #[test]
    fn a_bom_inside_a_header_cell_is_removed_with_a_warning() {
        let (rows, diags) = read_rows("code,\u{feff}name\n1,a\n");
        assert_eq!(rows[0].value.name, "a");
        let messages: Vec<String> = diags.iter().map(|d| d.to_string()).collect();
        assert_eq!(
            messages,
            [
                "warning: x.csv:1: removed an invisible byte order mark (BOM, U+FEFF) from the column name \"name\": save the file again to drop it"
            ]
        );
        assert_eq!(diags[0].column, Some(6));
    }

    #[test]
    fn a_cell_over_the_limit_is_an_error_and_its_row_left_out() {
        let long = "x".repeat(MAX_CELL + 1);
        let (rows, diags) = read_rows(&format!("code,name\n1,{long}\n2,b\n"));
        assert_eq!(rows.len(), 1);
        assert_eq!(
            diags[0].to_string(),
            "error: x.csv:2: this cell is 65 KB, more than the 64 KB a cell may hold: is a quote (\") left open, or a document pasted into the cell?"
        );
        assert_eq!(diags[0].column, Some(3));
    }

    #[test]
    fn a_cell_of_the_wrong_kind_names_its_column_and_value() {
        #[derive(Deserialize, Debug)]
        #[allow(dead_code)]
        struct Counted {
            code: String,
            #[serde(alias = "回答数")]
            count: Option<u32>,
            open: Option<bool>,
        }
        const COUNTED: &[Column] = &[
            Column {
                name: "code",
                alias: "コード",
                required: true,
            },
            Column {
                name: "count",
                alias: "回答数",
                required: false,
            },
            Column {
                name: "open",
                alias: "open",
                required: false,
            },
        ];
        let mut diags = Diagnostics::default();
        let text = "code,回答数,open\n1,12件,\n2,3,はい\n3,4,true\n";
        let rows = read::<Counted>(Path::new("x.csv"), text, COUNTED, &mut diags);
        assert_eq!(rows.len(), 1);
        let found: Vec<(String, String, Option<usize>)> = diags
            .into_sorted()
            .into_iter()
            .map(|d| (d.to_string(), d.message.ja().to_string(), d.column))
            .collect();
        assert_eq!(
            found,
            [
                (
                    "error: x.csv:2: column \"回答数\": \"12件\" must be a number".to_string(),
                    "列「回答数」の「12件」は数字だけで書きます".to_string(),
                    Some(3)
                ),
                (
                    "error: x.csv:3: column \"open\": \"はい\" must be true or false".to_string(),
                    "列「open」の「はい」は true か false で書きます".to_string(),
                    Some(5)
                ),
            ]
        );
    }

    #[test]
    fn empty_and_header_only_files() {
        let (_, diags) = read_rows("");
        assert!(diags[0].message.en().starts_with("the file is empty"));
        let (rows, diags) = read_rows("code,name\n");
        assert!(rows.is_empty() && diags.is_empty());
    }
}
