//! Markdown files under `content/`: front matter split off and checked.
//!
//! Only reading happens here; which section a page belongs to and where it is
//! published is decided by the model. Front-matter errors are placed on the
//! line of the file, not of the TOML fragment.

use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::files::{self, Found, Links};
use super::limits::{self, MAX_MARKDOWN};
use super::toml_error::{self, Key, Kind};
use crate::date::Date;
use crate::diag::{Diagnostic, Diagnostics};
use crate::messages::load::ContentMsg;

/// The folder of Markdown sources, relative to the root.
pub const DIR: &str = "content";

/// A Markdown file with its checked front matter.
#[derive(Debug, Clone)]
pub struct SourcePage {
    /// Relative to the site root (`content/guides/download.md`).
    pub path: PathBuf,
    pub front: FrontMatter,
    pub body: String,
    /// The line of the file on which `body` starts (1-based).
    pub body_line: usize,
}

/// A file under `content/` that is not Markdown (an image beside a guide):
/// published at the same place. Read here, so render reads no file.
#[derive(Debug, Clone)]
pub struct Asset {
    /// Relative to the site root (`content/guides/screen.png`).
    pub path: PathBuf,
    pub bytes: Vec<u8>,
}

impl Asset {
    /// Its path on the site, which is its path under `content/` (`guides/screen.png`).
    pub fn site_path(&self) -> String {
        self.path
            .strip_prefix(DIR)
            .unwrap_or(&self.path)
            .to_string_lossy()
            .replace('\\', "/")
    }
}

/// The front matter keys of DESIGN.md, checked.
#[derive(Debug, Clone, Default)]
pub struct FrontMatter {
    pub title: String,
    pub description: Option<String>,
    pub weight: Option<i64>,
    pub date: Option<Date>,
    pub draft: bool,
    pub software: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFrontMatter {
    title: Option<toml::Spanned<String>>,
    description: Option<toml::Spanned<String>>,
    weight: Option<i64>,
    date: Option<toml::Spanned<toml::Value>>,
    draft: Option<bool>,
    software: Option<Vec<String>>,
}

/// The keys of front matter, for the words of a mistake in one.
pub(crate) const KEYS: &[Key] = &[
    Key {
        name: "title",
        kind: Kind::Text,
        example: "\"導入の流れ\"",
    },
    Key {
        name: "description",
        kind: Kind::Text,
        example: "\"...\"",
    },
    Key {
        name: "weight",
        kind: Kind::Integer,
        example: "1",
    },
    Key {
        name: "date",
        kind: Kind::Date,
        example: "2025-12-08",
    },
    Key {
        name: "draft",
        kind: Kind::Bool,
        example: "true",
    },
    Key {
        name: "software",
        kind: Kind::List,
        example: "[\"ほのぼの\"]",
    },
];

/// Reads every Markdown file and asset under `content/`, in file-name order.
pub fn load(root: &Path, diags: &mut Diagnostics) -> (Vec<SourcePage>, Vec<Asset>) {
    let mut pages = Vec::new();
    let mut assets = Vec::new();
    for found in files::list(root, Path::new(DIR), None, Links::InsideSite, diags) {
        if found.rel.extension().is_some_and(|e| e == "md") {
            if let Some(page) = read_page(root, &found, diags) {
                pages.push(page);
            }
        } else {
            match std::fs::read(root.join(&found.source)) {
                Ok(bytes) => assets.push(Asset {
                    path: found.rel,
                    bytes,
                }),
                Err(e) => diags.push(Diagnostic::error(&found.rel, super::text::unreadable(&e))),
            }
        }
    }
    (pages, assets)
}

/// One Markdown file read and split, unless it is over [`MAX_MARKDOWN`].
fn read_page(root: &Path, found: &Found, diags: &mut Diagnostics) -> Option<SourcePage> {
    let size = std::fs::metadata(root.join(&found.source)).map_or(0, |m| m.len());
    if size > MAX_MARKDOWN {
        diags.push(Diagnostic::error(
            &found.rel,
            ContentMsg::TooLarge {
                size: limits::size(size),
                limit: limits::size(MAX_MARKDOWN),
            },
        ));
        return None;
    }
    let text = super::text::read_file(&root.join(&found.source), &found.rel, diags)?;
    parse(&found.rel, &text, diags)
}

/// Files editors' tools leave beside the real ones (swap, backup, lock files).
pub fn is_editor_file(name: &str) -> bool {
    name.starts_with('.')
        || name.starts_with("~$")
        || name.ends_with('~')
        || name.ends_with(".swp")
        || name.ends_with(".swx")
        || name.ends_with(".tmp")
        || (name.starts_with('#') && name.ends_with('#'))
}

/// Splits and checks the front matter of one file.
pub fn parse(rel: &Path, text: &str, diags: &mut Diagnostics) -> Option<SourcePage> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut lines = text.split_inclusive('\n');
    let first = lines.next().unwrap_or("");
    if first.trim_end() != "+++" {
        diags.push(Diagnostic::error(rel, ContentMsg::NoFrontMatter).at_line(1));
        return None;
    }
    let front_start = first.len();
    let mut offset = front_start;
    let mut closing = None;
    for (index, line) in lines.enumerate() {
        if line.trim_end() == "+++" {
            closing = Some((offset, offset + line.len(), index + 2));
            break;
        }
        offset += line.len();
    }
    let Some((front_end, body_start, closing_line)) = closing else {
        diags.push(Diagnostic::error(rel, ContentMsg::Unclosed).at_line(1));
        return None;
    };
    let toml_text = &text[front_start..front_end];
    let line_of = |at: usize| toml_text[..at.min(toml_text.len())].matches('\n').count() + 2;
    let raw: RawFrontMatter = match toml::from_str(toml_text) {
        Ok(raw) => raw,
        Err(e) => {
            let line = e.span().map_or(1, |span| line_of(span.start));
            let detail = toml_error::describe(toml_text, &e, KEYS).into();
            diags.push(Diagnostic::error(rel, ContentMsg::FrontMatter { detail }).at_line(line));
            return None;
        }
    };
    let errors_before = diags.error_count();
    super::limits::long_settings(toml_text, rel, line_of, diags);
    if diags.error_count() > errors_before {
        return None;
    }
    let mut cleaned = |value: toml::Spanned<String>, key: &str| {
        let line = line_of(value.span().start);
        let value = value.into_inner().trim().to_string();
        super::text::clean_value(value, rel, Some(line), key, diags)
    };
    let title = raw.title.map(|t| cleaned(t, "title"));
    let description = raw.description.map(|d| cleaned(d, "description"));
    let software = raw.software.map(|names| {
        let front = |name: String| super::text::clean_value(name, rel, Some(1), "software", diags);
        names.into_iter().map(front).collect()
    });
    let title = match title {
        Some(title) if !title.is_empty() => title,
        _ => {
            diags.push(Diagnostic::error(rel, ContentMsg::NoTitle).at_line(1));
            return None;
        }
    };
    let date = match raw.date {
        None => None,
        Some(value) => {
            let line = line_of(value.span().start);
            let date = match value.get_ref() {
                toml::Value::String(s) => Date::parse(s.trim()),
                toml::Value::Datetime(dt) if dt.time.is_none() => {
                    dt.date.and_then(|d| Date::new(d.year, d.month, d.day))
                }
                _ => None,
            };
            if date.is_none() {
                let written = value.get_ref().to_string();
                let detail = toml_error::date_problem("date", &written).into();
                diags
                    .push(Diagnostic::error(rel, ContentMsg::FrontMatter { detail }).at_line(line));
                return None;
            }
            date
        }
    };
    Some(SourcePage {
        path: rel.to_path_buf(),
        front: FrontMatter {
            title,
            description: description.filter(|d| !d.is_empty()),
            weight: raw.weight,
            date,
            draft: raw.draft.unwrap_or(false),
            software: software.unwrap_or_default(),
        },
        body: text[body_start..].to_string(),
        body_line: closing_line + 1,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_one(text: &str) -> (Option<SourcePage>, Vec<String>) {
        let mut diags = Diagnostics::default();
        let page = parse(Path::new("content/a.md"), text, &mut diags);
        (page, diags.into_iter().map(|d| d.to_string()).collect())
    }

    #[test]
    fn splits_front_matter_and_counts_body_line() {
        let (page, errors) =
            parse_one("+++\r\ntitle = \"導入\"\r\ndate = 2025-11-30\r\n+++\r\n本文\r\n");
        assert!(errors.is_empty(), "{errors:?}");
        let page = page.unwrap();
        assert_eq!(page.front.title, "導入");
        assert_eq!(page.front.date.unwrap().to_string(), "2025-11-30");
        assert_eq!(page.body_line, 5);
        assert_eq!(page.body, "本文\r\n");
    }

    #[test]
    fn toml_error_is_placed_on_the_file_line() {
        let (_, errors) = parse_one("+++\ntitle = \"a\"\nweight = \n+++\n");
        assert!(
            errors[0].starts_with("error: content/a.md:3: front matter:"),
            "{errors:?}"
        );
    }

    #[test]
    fn unknown_key_is_an_error() {
        let (_, errors) = parse_one("+++\ntitle = \"a\"\nauthor = \"b\"\n+++\n");
        assert!(
            errors[0].contains("content/a.md:3: front matter: unknown field `author`"),
            "{errors:?}"
        );
    }

    #[test]
    fn unclosed_front_matter_is_an_error() {
        let (_, errors) = parse_one("+++\ntitle = \"a\"\n");
        assert!(errors[0].contains("never closed"));
    }

    #[test]
    fn string_date_is_accepted_and_bad_date_refused() {
        let (page, _) = parse_one("+++\ntitle = \"a\"\ndate = \"2025-04-01\"\n+++\n");
        assert_eq!(page.unwrap().front.date.unwrap().to_string(), "2025-04-01");
        let (_, errors) = parse_one("+++\ntitle = \"a\"\ndate = \"R7.4.1\"\n+++\n");
        assert!(
            errors[0].contains("content/a.md:3: front matter: date"),
            "{errors:?}"
        );
    }
}
