//! Diagnostics: every problem a user can cause, with the place it came from.
//!
//! The loader and model stages never stop at the first problem: they collect
//! diagnostics so an editor sees every mistake in one run. Positions are stored
//! 1-based, exactly as they are shown (`data/offices.csv:14: ...`).

use std::collections::HashMap;
use std::fmt;
use std::path::{Path, PathBuf};

use crate::messages::{CommonMsg, Text};

/// How bad a finding is: errors fail the build, warnings are reported only.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Error,
    Warning,
}

/// One finding, with the file (relative to the site root) and the line where
/// the user can fix it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    pub path: PathBuf,
    pub line: Option<usize>,
    pub column: Option<usize>,
    /// The column points into a CSV cell, whose column name the message gives:
    /// staff open CSVs in spreadsheets, where a character column means
    /// nothing, so the text form leaves it out and JSON (for CI annotations)
    /// keeps it.
    pub cell: bool,
    /// What is wrong and how to write it right, in both languages.
    pub message: Text,
}

impl Diagnostic {
    /// An error at a whole file.
    pub fn error(path: impl AsRef<Path>, message: impl Into<Text>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            path: path.as_ref().to_path_buf(),
            line: None,
            column: None,
            cell: false,
            message: message.into(),
        }
    }

    /// A warning at a whole file.
    pub fn warning(path: impl AsRef<Path>, message: impl Into<Text>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(path, message)
        }
    }

    /// Places the finding on a line (1-based).
    pub fn at_line(mut self, line: usize) -> Self {
        self.line = Some(line);
        self
    }

    /// Places the finding on a column (1-based) of its line.
    pub fn at_column(mut self, column: usize) -> Self {
        self.column = Some(column);
        self
    }

    /// Places the finding on the cell of a CSV row starting at this column.
    pub fn at_cell(mut self, column: usize) -> Self {
        self.column = Some(column);
        self.cell = true;
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// The place alone, `path:line:column`, as editors read it (the column
    /// of a CSV cell is left out: the message names its column).
    pub fn place(&self) -> String {
        let mut place = self.path.to_string_lossy().replace('\\', "/");
        if let Some(line) = self.line {
            place.push_str(&format!(":{line}"));
            if let Some(column) = self.column.filter(|_| !self.cell) {
                place.push_str(&format!(":{column}"));
            }
        }
        place
    }
}

impl Diagnostic {
    /// The finding as a GitHub Actions workflow command
    /// (`::error file=PATH,line=N::message`), so it shows on the line of the
    /// file in a pull request. `prefix` is the site's folder inside the
    /// repository (empty when the site is the repository's root). The column
    /// is left out: the contract's form names the file and line only.
    pub fn github_annotation(&self, prefix: &Path) -> String {
        let command = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let path = prefix.join(&self.path).to_string_lossy().replace('\\', "/");
        let mut properties = format!("file={}", escape_property(&path));
        if let Some(line) = self.line {
            properties.push_str(&format!(",line={line}"));
        }
        format!(
            "::{command} {properties}::{}",
            escape_data(self.message.as_str())
        )
    }
}

/// Workflow-command data: `%`, CR and LF are percent-encoded (GitHub's
/// `escapeData` in @actions/core), so a message stays one annotation.
fn escape_data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// A workflow-command property: as data, plus `:` and `,`, which separate
/// properties (GitHub's `escapeProperty`).
fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let label = match self.severity {
            Severity::Error => CommonMsg::ErrorLabel,
            Severity::Warning => CommonMsg::WarningLabel,
        };
        write!(
            f,
            "{label}: {}: {}",
            printable(&self.place()),
            printable(self.message.as_str())
        )
    }
}

/// A line of a command that failed: `error: …`, labelled in the run's language.
pub fn error_line(message: impl fmt::Display) -> String {
    format!("{}: {message}", CommonMsg::ErrorLabel)
}

/// A line of a command that only warns: `warning: …`.
pub fn warning_line(message: impl fmt::Display) -> String {
    format!("{}: {message}", CommonMsg::WarningLabel)
}

/// Text safe to print on a terminal: every control character (a file name
/// or a quoted cell may hold ESC, which a terminal would obey) written as
/// its escape, `\u{1b}`, so a finding is one line that cannot rewrite the
/// screen.
pub fn printable(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.chars().any(char::is_control) {
        return text.into();
    }
    text.chars()
        .map(|c| {
            if c.is_control() {
                c.escape_unicode().to_string()
            } else {
                c.to_string()
            }
        })
        .collect::<String>()
        .into()
}

/// Prints findings as shown (by [`Diagnostics::shown`]) to stderr, and
/// their count; gives the count of errors.
pub fn print(shown: &[Diagnostic]) -> usize {
    for d in shown {
        eprintln!("{d}");
    }
    let errors = shown.iter().filter(|d| d.is_error()).count();
    if !shown.is_empty() {
        let warnings = shown.len() - errors;
        eprintln!("{}", CommonMsg::Counts { errors, warnings });
    }
    errors
}

/// How many rows of one file with one kind of problem are shown as one finding.
const GROUPED_FROM: usize = 4;

/// How many of those rows' lines the one finding names.
const LINES_NAMED: usize = 3;

/// The lines of a sorted group, each once.
fn lines(group: &[&Diagnostic]) -> Vec<usize> {
    let mut lines: Vec<usize> = group.iter().filter_map(|d| d.line).collect();
    lines.dedup();
    lines
}

/// The one finding standing for `group` (sorted, at least one): its file,
/// no line, the count, the first lines and the first row's message.
fn one_for_many(group: &[&Diagnostic]) -> Diagnostic {
    let first = group[0];
    let lines = lines(group);
    let problem = first.message.kind().and_then(|kind| kind.many).map_or_else(
        || CommonMsg::SameProblem.into(),
        |(ja, en)| Text::new(ja.to_string(), en.to_string()),
    );
    let named: Vec<String> = lines
        .iter()
        .take(LINES_NAMED)
        .map(usize::to_string)
        .collect();
    let message = CommonMsg::Many {
        rows: lines.len(),
        problem,
        lines: named.join(", "),
        first: lines[0],
        example: first.message.clone(),
    };
    Diagnostic {
        line: None,
        column: None,
        cell: false,
        message: message.into(),
        ..first.clone()
    }
}

/// The findings of one run, in the order they were found.
#[derive(Debug, Default, Clone)]
pub struct Diagnostics(Vec<Diagnostic>);

impl Diagnostics {
    pub fn push(&mut self, diagnostic: Diagnostic) {
        self.0.push(diagnostic);
    }

    pub fn extend(&mut self, other: impl IntoIterator<Item = Diagnostic>) {
        self.0.extend(other);
    }

    pub fn has_errors(&self) -> bool {
        self.0.iter().any(Diagnostic::is_error)
    }

    pub fn error_count(&self) -> usize {
        self.0.iter().filter(|d| d.is_error()).count()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn iter(&self) -> impl Iterator<Item = &Diagnostic> {
        self.0.iter()
    }

    /// Prints every finding to stderr as [`Diagnostics::shown`] gives them,
    /// and a count, as the terminal of `build`, `check` and `serve` shows them.
    pub fn report(&self) {
        print(&self.shown());
    }

    /// Sorted by place, with the rows of one table that have the same kind of
    /// problem in a cell shown as one finding when there are many of them (the count,
    /// the first lines and the first row's message), so a column a
    /// spreadsheet damaged is one finding, not hundreds. Text and GitHub
    /// output show this; JSON lists every row.
    pub fn shown(&self) -> Vec<Diagnostic> {
        let sorted = self.clone().into_sorted();
        // Only cells of a table's rows: a page's or a TOML file's findings
        // each have their own fix.
        fn key(d: &Diagnostic) -> Option<(Severity, &Path, &'static str)> {
            let kind = d.message.kind().filter(|_| d.cell)?;
            d.line?;
            Some((d.severity, d.path.as_path(), kind.name))
        }
        let mut members: HashMap<_, Vec<&Diagnostic>> = HashMap::new();
        for d in &sorted {
            if let Some(key) = key(d) {
                members.entry(key).or_default().push(d);
            }
        }
        members.retain(|_, group| lines(group).len() >= GROUPED_FROM);
        let mut shown = Vec::new();
        for d in &sorted {
            match key(d).and_then(|key| members.get(&key)) {
                Some(group) if std::ptr::eq(group[0], d) => shown.push(one_for_many(group)),
                Some(_) => {}
                None => shown.push(d.clone()),
            }
        }
        shown
    }

    /// Sorted by file, then line, so a long report reads top to bottom per file.
    pub fn into_sorted(mut self) -> Vec<Diagnostic> {
        self.0
            .sort_by(|a, b| (&a.path, a.line, a.column).cmp(&(&b.path, b.line, b.column)));
        self.0
    }
}

impl From<Diagnostic> for Diagnostics {
    fn from(d: Diagnostic) -> Diagnostics {
        Diagnostics(vec![d])
    }
}

impl IntoIterator for Diagnostics {
    type Item = Diagnostic;
    type IntoIter = std::vec::IntoIter<Diagnostic>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shows_path_line_and_message() {
        let d = Diagnostic::error(
            "data/offices.csv",
            Text::same("office_number \"44701000\" must be 10 digits"),
        )
        .at_line(14);
        assert_eq!(
            d.to_string(),
            "error: data/offices.csv:14: office_number \"44701000\" must be 10 digits"
        );
    }

    #[test]
    fn shows_column_when_known() {
        let d = Diagnostic::warning("site.toml", Text::same("x"))
            .at_line(3)
            .at_column(7);
        assert_eq!(d.to_string(), "warning: site.toml:3:7: x");
    }

    #[test]
    fn control_characters_never_reach_the_terminal() {
        let d = Diagnostic::error(
            "content/\u{1b}]0;x\u{7}.md",
            Text::same("office \"\u{1b}[2J\n1\""),
        )
        .at_line(2);
        assert_eq!(
            d.to_string(),
            "error: content/\\u{1b}]0;x\\u{7}.md:2: office \"\\u{1b}[2J\\u{a}1\""
        );
    }

    #[test]
    fn github_annotation_names_file_and_line() {
        let d = Diagnostic::error(
            "data/offices.csv",
            Text::same("office_number \"44701000\" must be 10 digits"),
        )
        .at_line(14)
        .at_cell(1);
        assert_eq!(
            d.github_annotation(Path::new("")),
            "::error file=data/offices.csv,line=14::office_number \"44701000\" must be 10 digits"
        );
        let w = Diagnostic::warning("site.toml", Text::same("x"));
        assert_eq!(
            w.github_annotation(Path::new("portal")),
            "::warning file=portal/site.toml::x"
        );
    }

    #[test]
    fn github_annotation_escapes_data_and_properties() {
        let d = Diagnostic::error("content/a,b:c%.md", Text::same("100% done\r\nnext: a, b"))
            .at_line(2);
        assert_eq!(
            d.github_annotation(Path::new("")),
            "::error file=content/a%2Cb%3Ac%25.md,line=2::100%25 done%0D%0Anext: a, b"
        );
    }

    #[test]
    fn many_rows_with_one_problem_are_one_finding() {
        use crate::messages::model::OfficeMsg;
        let mut diags = Diagnostics::default();
        for line in (2..=301).rev() {
            let message = OfficeMsg::NumberLostZero {
                number: format!("4701{line:05}"),
                fixed: format!("04701{line:05}"),
            };
            let d = Diagnostic::error("data/offices.csv", message).at_line(line);
            diags.push(d.at_cell(1));
        }
        let unknown = OfficeMsg::NotListed {
            number: "4470100001".into(),
        };
        let few = Diagnostic::warning("data/offices.csv", unknown)
            .at_line(7)
            .at_cell(1);
        diags.push(few.clone());
        diags.push(Diagnostic::error("site.toml", Text::same("x")).at_line(1));
        let shown = diags.shown();
        assert_eq!(shown.len(), 3, "{shown:?}");
        assert_eq!(
            shown[0].to_string(),
            "error: data/offices.csv: 300 rows: office numbers lost their leading zero \
             (lines 2, 3, 4 and more); line 2: office_number \"470100002\" must be 10 digits \
             (the third may be an uppercase letter for 総合事業 offices); a spreadsheet may \
             have dropped a leading zero: \"0470100002\""
        );
        assert_eq!(shown[1], few);
        assert_eq!(diags.into_sorted().len(), 302);
    }

    #[test]
    fn leaves_the_column_of_a_csv_cell_to_json() {
        let d = Diagnostic::error(
            "data/offices.csv",
            Text::same("office_number \"1\" must be 10 digits"),
        )
        .at_line(14)
        .at_cell(12);
        assert_eq!(d.column, Some(12));
        assert_eq!(
            d.to_string(),
            "error: data/offices.csv:14: office_number \"1\" must be 10 digits"
        );
    }
}
