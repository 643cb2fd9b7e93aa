//! The most renkei reads of one input, in one place.
//!
//! A portal's inputs are small (the largest real `offices.csv` is a few MB),
//! so anything far beyond these is a mistake or an attack: a file saved
//! without line breaks, a cell holding a pasted document, a Markdown file of
//! 20,000 headings. Each is refused with its place before it can take the
//! memory or time of a build. README's "Limits" section lists them.

/// The longest line of any text input (CSV, Markdown, TOML), in bytes.
pub const MAX_LINE: usize = 1024 * 1024;

/// The longest cell of a CSV file, in bytes.
pub const MAX_CELL: usize = 64 * 1024;

/// The most cells of one sheet of a spreadsheet (the largest real office
/// list is a few hundred thousand rows of about ten columns).
pub const MAX_SHEET_CELLS: usize = 10_000_000;

/// The largest Markdown file under `content/`, in bytes.
pub const MAX_MARKDOWN: u64 = 10 * 1024 * 1024;

/// At most this many control-character warnings for one file; the last one
/// counts the rest.
pub const MAX_CONTROL_WARNINGS: usize = 20;

/// A size in words: `1.5 MB`, `64 KB`.
pub fn size(bytes: u64) -> String {
    const KB: u64 = 1024;
    if bytes >= KB * KB {
        format!("{:.1} MB", bytes as f64 / (KB * KB) as f64)
    } else {
        format!("{} KB", bytes.div_ceil(KB))
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
}
