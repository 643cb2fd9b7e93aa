//! The most renkei reads of one input, in one place.
//!
//! A portal's inputs are small (the largest real `offices.csv` is a few MB),
//! so anything far beyond these is a mistake or an attack: a file saved
//! without line breaks, a cell holding a pasted document, a Markdown file of
//! 20,000 headings. Each is refused with its place before it can take the
//! memory or time of a build. ARCHITECTURE.md's "Limits and hostile input" lists them.

/// The longest line of any text input (CSV, Markdown, TOML), in bytes.
pub const MAX_LINE: usize = 1024 * 1024;

/// The longest cell of a CSV file, in bytes.
pub const MAX_CELL: usize = 64 * 1024;

/// The most cells of one sheet of a spreadsheet (the largest real office
/// list is a few hundred thousand rows of about ten columns).
pub const MAX_SHEET_CELLS: usize = 10_000_000;

/// The largest Markdown file under `content/`, in bytes.
pub const MAX_MARKDOWN: u64 = 10 * 1024 * 1024;

/// The longest text setting (site.toml, front matter, a survey's
/// description), in bytes: each is copied into many pages, so one pasted
/// document would multiply into gigabytes of output.
pub const MAX_SETTING: usize = 4 * 1024;

/// At most this many control-character warnings for one file; the last one
/// counts the rest.
pub const MAX_CONTROL_WARNINGS: usize = 20;

use std::path::Path;

use toml::Spanned;
use toml::de::DeValue;

use crate::diag::{Diagnostic, Diagnostics};
use crate::messages::load::TomlMsg;

/// A size in words: `1.5 MB`, `64 KB`.
pub fn size(bytes: u64) -> String {
    const KB: u64 = 1024;
    if bytes >= KB * KB {
        format!("{:.1} MB", bytes as f64 / (KB * KB) as f64)
    } else {
        format!("{} KB", bytes.div_ceil(KB))
    }
}

/// Every text value of a TOML document longer than [`MAX_SETTING`], as an
/// error placed on its line (`line_of` turns a byte offset of `toml_text`
/// into the file's line). Called once the document has parsed.
pub fn long_settings(
    toml_text: &str,
    rel: &Path,
    line_of: impl Fn(usize) -> usize,
    diags: &mut Diagnostics,
) {
    let Ok(table) = toml::de::DeTable::parse(toml_text) else {
        return;
    };
    let mut found = Vec::new();
    for (key, value) in table.get_ref() {
        long_strings(key.get_ref(), value, &mut found);
    }
    for (key, start, len) in found {
        let message = TomlMsg::TextTooLong {
            key,
            size: size(len as u64),
            limit: size(MAX_SETTING as u64),
        };
        diags.push(Diagnostic::error(rel, message).at_line(line_of(start)));
    }
}

fn long_strings(key: &str, value: &Spanned<DeValue<'_>>, found: &mut Vec<(String, usize, usize)>) {
    match value.get_ref() {
        DeValue::String(text) if text.len() > MAX_SETTING => {
            found.push((key.to_string(), value.span().start, text.len()));
        }
        DeValue::Array(items) => {
            for item in items.iter() {
                long_strings(key, item, found);
            }
        }
        DeValue::Table(table) => {
            for (inner, item) in table {
                long_strings(&format!("{key}.{}", inner.get_ref()), item, found);
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_read_as_people_write_them() {
        assert_eq!(size(MAX_CELL as u64), "64 KB");
        assert_eq!(size(MAX_CELL as u64 + 1), "65 KB");
        assert_eq!(size(MAX_MARKDOWN), "10.0 MB");
        assert_eq!(size(MAX_LINE as u64 * 3 / 2), "1.5 MB");
    }

    #[test]
    fn a_long_text_setting_is_named_with_its_line() {
        let long = "あ".repeat(MAX_SETTING);
        let text = format!("title = \"t\"\n[[groups]]\nname = \"{long}\"\n");
        let mut diags = Diagnostics::default();
        let line_of = |at: usize| text[..at].matches('\n').count() + 1;
        long_settings(&text, Path::new("site.toml"), line_of, &mut diags);
        let found: Vec<String> = diags.iter().map(|d| d.to_string()).collect();
        assert_eq!(
            found,
            [
                "error: site.toml:3: groups.name is 12 KB of text, more than the 4 KB one setting may hold: put long texts on a page under content/"
            ]
        );
    }
}
