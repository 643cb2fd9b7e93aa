//! Reading a CSV file into typed rows that remember their line.
//!
//! Every data file has English column names and Japanese aliases, so headers
//! are checked once against a column list before any row is deserialized:
//! a missing column is one message at line 1, not one per row.

use std::path::Path;

use serde::de::DeserializeOwned;

use crate::diag::{Diagnostic, Diagnostics};

/// A column a file may have: its English name, its Japanese alias and whether
/// the file is unusable without it.
pub struct Column {
    pub name: &'static str,
    pub alias: &'static str,
    pub required: bool,
}

/// A deserialized row with the line it starts on (1-based; the header is line 1).
#[derive(Debug, Clone)]
pub struct Located<T> {
    pub line: usize,
    pub value: T,
}

/// Reads `text` (already decoded) as CSV with the given columns.
///
/// Headers are trimmed and matched by name or alias; each row is deserialized
/// into `T` (whose serde names and aliases follow `columns`). Rows that cannot
/// be read are reported with their line and left out; the rest are returned.
pub fn read<T: DeserializeOwned>(
    rel: &Path,
    text: &str,
    columns: &[Column],
    diags: &mut Diagnostics,
) -> Vec<Located<T>> {
    // csv counts lines at `\n` after the record it ends, which places every
    // record of a CRLF file one line early: read CRLF as LF.
    let text = if text.contains('\r') {
        std::borrow::Cow::Owned(text.replace("\r\n", "\n"))
    } else {
        std::borrow::Cow::Borrowed(text)
    };
    let mut reader = csv::ReaderBuilder::new()
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    let headers = match reader.headers() {
        Ok(headers) => headers.clone(),
        Err(e) => {
            diags.push(csv_error(rel, &e));
            return Vec::new();
        }
    };
    if headers.iter().all(str::is_empty) {
        diags.push(
            Diagnostic::error(
                rel,
                format!(
                    "the file is empty: expected a header row with {}",
                    expected(columns)
                ),
            )
            .at_line(1),
        );
        return Vec::new();
    }
    if !check_headers(rel, &headers, columns, diags) {
        return Vec::new();
    }
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = match record {
            Ok(record) => record,
            Err(e) => {
                diags.push(csv_error(rel, &e));
                if matches!(e.kind(), csv::ErrorKind::UnequalLengths { .. }) {
                    continue;
                }
                break;
            }
        };
        let line = record.position().map_or(0, |p| p.line() as usize);
        if record.iter().all(str::is_empty) {
            continue;
        }
        match record.deserialize::<T>(Some(&headers)) {
            Ok(value) => rows.push(Located { line, value }),
            Err(e) => diags.push(Diagnostic::error(rel, describe(&e, &headers)).at_line(line)),
        }
    }
    rows
}

/// Reports missing, doubled and unknown columns; false when rows cannot be read.
fn check_headers(
    rel: &Path,
    headers: &csv::StringRecord,
    columns: &[Column],
    diags: &mut Diagnostics,
) -> bool {
    let mut usable = true;
    for column in columns {
        let found: Vec<&str> = headers
            .iter()
            .filter(|h| *h == column.name || *h == column.alias)
            .collect();
        if found.is_empty() && column.required {
            usable = false;
            diags.push(
                Diagnostic::error(
                    rel,
                    format!(
                        "missing column \"{}\" (or \"{}\"); the header has: {}",
                        column.name,
                        column.alias,
                        headers.iter().collect::<Vec<_>>().join(", ")
                    ),
                )
                .at_line(1),
            );
        }
        if found.len() > 1 {
            usable = false;
            diags.push(
                Diagnostic::error(
                    rel,
                    format!(
                        "column \"{}\" appears {} times (\"{}\" and \"{}\" mean the same column); keep one",
                        column.name,
                        found.len(),
                        column.name,
                        column.alias
                    ),
                )
                .at_line(1),
            );
        }
    }
    for header in headers.iter() {
        if !columns
            .iter()
            .any(|c| header == c.name || header == c.alias)
        {
            diags.push(
                Diagnostic::warning(
                    rel,
                    format!(
                        "column \"{header}\" is not used by renkei (expected {})",
                        expected(columns)
                    ),
                )
                .at_line(1),
            );
        }
    }
    usable
}

fn expected(columns: &[Column]) -> String {
    columns
        .iter()
        .map(|c| format!("\"{}\"", c.name))
        .collect::<Vec<_>>()
        .join(", ")
}

/// A csv error as a diagnostic at its line.
fn csv_error(rel: &Path, error: &csv::Error) -> Diagnostic {
    let line = error.position().map_or(1, |p| p.line() as usize);
    let message = match error.kind() {
        csv::ErrorKind::UnequalLengths {
            expected_len, len, ..
        } => format!("this row has {len} fields but the header has {expected_len}"),
        _ => format!("cannot read this row: {error}"),
    };
    Diagnostic::error(rel, message).at_line(line.max(1))
}

/// A deserialize error in words, naming the column.
fn describe(error: &csv::Error, headers: &csv::StringRecord) -> String {
    if let csv::ErrorKind::Deserialize { err, .. } = error.kind() {
        let field = err
            .field()
            .and_then(|i| headers.get(i as usize))
            .map(|name| format!("column \"{name}\": "))
            .unwrap_or_default();
        return format!("{field}{}", err.kind());
    }
    error.to_string()
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
    fn missing_required_column_is_one_error_at_line_1() {
        let (rows, diags) = read_rows("name\na\nb\n");
        assert!(rows.is_empty());
        assert_eq!(diags.len(), 1);
        assert_eq!(diags[0].line, Some(1));
        assert!(diags[0].message.contains("missing column \"code\""));
    }

    #[test]
    fn short_row_is_reported_and_others_kept() {
        let (rows, diags) = read_rows("code,name\n1,a\n2\n3,c\n");
        assert_eq!(rows.len(), 2);
        assert_eq!(diags[0].line, Some(3));
        assert!(diags[0].message.contains("1 fields but the header has 2"));
    }

    #[test]
    fn unknown_column_is_a_warning() {
        let (_, diags) = read_rows("code,fax\n1,2\n");
        assert!(!diags[0].is_error());
        assert!(diags[0].message.contains("\"fax\""));
    }
}
