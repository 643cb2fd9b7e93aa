//! Where a link, image or video written in Markdown leads, decided once in
//! the model, and the check after render that it leads somewhere.
//!
//! DESIGN.md's rules: `@/path.md#anchor` is a page (settled in
//! `model::content` once every page's ids are final); a relative address that
//! names a file under content/ seen from the Markdown file's folder is that
//! file, published at the same path; any other relative address is read from
//! the page's own URL, as a browser reads it; a root-relative one gets
//! `base_url`'s path. Most pages (municipalities, offices, open data, the
//! theme's css) exist only after render, so every internal address is
//! recorded here as a [`Target`] and checked by the check stage
//! (`crate::check`) against the rendered output.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use crate::messages::Text;
use crate::messages::model::MarkdownMsg;

/// What an address is used for, as messages name it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Use {
    Link,
    Image,
    Video,
}

impl Use {
    /// The word messages name it with.
    pub fn word(self) -> Text {
        match self {
            Use::Link => MarkdownMsg::WordLink,
            Use::Image => MarkdownMsg::WordImage,
            Use::Video => MarkdownMsg::WordVideo,
        }
        .into()
    }
}

/// An internal address to look for in the output once it is rendered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    pub source: PathBuf,
    pub line: usize,
    pub what: Use,
    /// The address as written.
    pub written: String,
    /// The path on the site, decoded, without query or fragment (`guides/install/`).
    pub path: String,
    /// The URL path a browser asks for (`/careplan/guides/install/`), for messages.
    pub url: String,
    pub anchor: Option<String>,
    /// For a relative address, the content file it was first looked for as.
    pub file: Option<String>,
}

/// What a page's addresses are resolved from.
pub struct From<'a> {
    /// The Markdown file, relative to the site root, for messages.
    pub source: &'a Path,
    /// The page's path on the site (`guides/usb/`; empty for home).
    pub url: &'a str,
    /// The Markdown file's folder under content/ (`guides`).
    pub folder: &'a str,
    pub base_path: &'a str,
    /// Files under content/ that are not Markdown, by their path there.
    pub assets: &'a HashSet<String>,
}

/// Where an address leads.
#[derive(Debug, PartialEq, Eq)]
pub enum Resolved {
    /// Left as written (external, `mailto:`, `@/` for the model to settle).
    AsWritten,
    /// An address that may run code or smuggle content: dropped, text kept.
    Unsafe(Text),
    /// Rewritten; `check` is what to look for after render (`None` for a
    /// content file, which is published by construction).
    Internal { url: String, check: Option<Target> },
    /// Leads above the site's root.
    Outside,
    /// A place on the editor's computer or office network (`C:\…`,
    /// `\\server\…`, `file:`), which no visitor can open.
    Local,
}

/// Resolves one address of a page, written on `line`.
pub fn resolve(written: &str, what: Use, line: usize, from: &From<'_>) -> Resolved {
    let address = written.trim();
    if is_local(address) {
        return Resolved::Local;
    }
    if address.starts_with("@/") || address.starts_with("//") {
        return Resolved::AsWritten;
    }
    if let Some(scheme) = scheme(address) {
        return match scheme.to_ascii_lowercase().as_str() {
            scheme @ ("javascript" | "vbscript") => Resolved::Unsafe(
                MarkdownMsg::UnsafeScript {
                    scheme: scheme.to_string(),
                }
                .into(),
            ),
            "data" if what != Use::Image => Resolved::Unsafe(MarkdownMsg::UnsafeData.into()),
            _ => Resolved::AsWritten,
        };
    }
    let (path, suffix) = address.split_at(address.find(['?', '#']).unwrap_or(address.len()));
    let anchor = suffix
        .split_once('#')
        .map(|(_, a)| decode(a))
        .filter(|a| !a.is_empty());
    let target = |site_path: String, file: Option<String>| Target {
        source: from.source.to_path_buf(),
        line,
        what,
        written: written.to_string(),
        url: format!("{}{site_path}", from.base_path),
        path: site_path,
        anchor: anchor.clone(),
        file,
    };
    if path.is_empty() {
        return Resolved::Internal {
            url: address.to_string(),
            check: Some(target(from.url.to_string(), None)),
        };
    }
    if let Some(rooted) = path.strip_prefix('/') {
        let site_path = decode(rooted);
        return Resolved::Internal {
            url: format!("{}{rooted}{suffix}", from.base_path),
            check: Some(target(site_path, None)),
        };
    }
    let decoded = decode(path);
    if join(from.folder, &decoded).is_some_and(|file| from.assets.contains(&file)) {
        let encoded = join(from.folder, path).expect("joins as the decoded path does");
        return Resolved::Internal {
            url: format!("{}{encoded}{suffix}", from.base_path),
            check: None,
        };
    }
    let page_folder = from.url.rsplit_once('/').map_or("", |(folder, _)| folder);
    match (join(page_folder, path), join(page_folder, &decoded)) {
        (Some(encoded), Some(site_path)) => Resolved::Internal {
            url: format!("{}{encoded}{suffix}", from.base_path),
            check: Some(target(site_path, join(from.folder, &decoded))),
        },
        _ => Resolved::Outside,
    }
}

/// Whether an address names a file on a computer rather than on the web:
/// a drive (`C:\Users\…`, `C:/…`), a network share (`\\server\…`, which
/// Markdown reads as `\server\…`) or a `file:` address, in any case.
fn is_local(address: &str) -> bool {
    let bytes = address.as_bytes();
    let drive = bytes.len() > 2
        && bytes[0].is_ascii_alphabetic()
        && bytes[1] == b':'
        && matches!(bytes[2], b'\\' | b'/');
    drive
        || address.starts_with('\\')
        || scheme(address).is_some_and(|s| s.eq_ignore_ascii_case("file"))
}

/// The file name at the end of a local path, as the page should name it.
pub fn file_name(address: &str) -> &str {
    address
        .trim()
        .trim_end_matches(['/', '\\'])
        .rsplit(['/', '\\'])
        .next()
        .unwrap_or(address)
}

/// The scheme of an absolute address (`https`, `mailto`), if it has one.
fn scheme(address: &str) -> Option<&str> {
    let end = address.find(':')?;
    let scheme = &address[..end];
    let valid = scheme.starts_with(|c: char| c.is_ascii_alphabetic())
        && scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c));
    valid.then_some(scheme)
}

/// `relative` read from `folder` (`a/b` + `../c/` = `a/c/`), as a browser
/// joins path segments; `None` when it climbs above the root.
fn join(folder: &str, relative: &str) -> Option<String> {
    let mut parts: Vec<&str> = folder.split('/').filter(|p| !p.is_empty()).collect();
    let segments: Vec<&str> = relative.split('/').collect();
    for (i, segment) in segments.iter().enumerate() {
        let last = i + 1 == segments.len();
        match *segment {
            "." | "" if last => parts.push(""),
            "." | "" => {}
            ".." => {
                parts.pop()?;
                if last {
                    parts.push("");
                }
            }
            other => parts.push(other),
        }
    }
    Some(parts.join("/"))
}

/// `%E6%89%8B` back to `手`; anything that is not valid percent-encoded
/// UTF-8 is kept as written.
pub fn decode(text: &str) -> String {
    if !text.contains('%') {
        return text.to_string();
    }
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (bytes[i], hex) {
            (b'%', Some(byte)) => {
                out.push(byte);
                i += 3;
            }
            (byte, _) => {
                out.push(byte);
                i += 1;
            }
        }
    }
    String::from_utf8(out).unwrap_or_else(|_| text.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn from_usb<'a>(assets: &'a HashSet<String>) -> From<'a> {
        From {
            source: Path::new("content/guides/usb.md"),
            url: "guides/usb/",
            folder: "guides",
            base_path: "/careplan/",
            assets,
        }
    }

    fn url_of(written: &str, what: Use) -> (String, Option<String>) {
        let assets: HashSet<String> = ["guides/screen.png".to_string()].into();
        match resolve(written, what, 7, &from_usb(&assets)) {
            Resolved::Internal { url, check } => (url, check.map(|c| c.path)),
            other => panic!("{written}: {other:?}"),
        }
    }

    #[test]
    fn a_file_beside_the_markdown_is_published_at_its_content_path() {
        assert_eq!(
            url_of("screen.png", Use::Image),
            ("/careplan/guides/screen.png".into(), None)
        );
        assert_eq!(
            url_of("./screen.png", Use::Image),
            ("/careplan/guides/screen.png".into(), None)
        );
    }

    #[test]
    fn other_relative_addresses_are_read_from_the_page_url() {
        assert_eq!(
            url_of("../install/#step", Use::Link),
            (
                "/careplan/guides/install/#step".into(),
                Some("guides/install/".into())
            )
        );
        assert_eq!(
            url_of("other.png", Use::Image),
            (
                "/careplan/guides/usb/other.png".into(),
                Some("guides/usb/other.png".into())
            )
        );
        assert_eq!(
            url_of("#%E6%89%8B%E9%A0%86", Use::Link),
            ("#%E6%89%8B%E9%A0%86".into(), Some("guides/usb/".into()))
        );
    }

    #[test]
    fn root_relative_addresses_get_the_base_path() {
        assert_eq!(
            url_of("/offices/?q=1", Use::Link),
            ("/careplan/offices/?q=1".into(), Some("offices/".into()))
        );
    }

    #[test]
    fn external_and_unsafe_addresses() {
        let assets = HashSet::new();
        let from = from_usb(&assets);
        for written in [
            "https://example.jp/",
            "mailto:a@example.jp",
            "tel:0975",
            "@/faq/a.md",
            "//cdn.example.jp/a.png",
        ] {
            assert_eq!(resolve(written, Use::Link, 7, &from), Resolved::AsWritten);
        }
        assert!(matches!(
            resolve(" JavaScript:alert(1)", Use::Link, 7, &from),
            Resolved::Unsafe(_)
        ));
        assert!(matches!(
            resolve("vbscript:x", Use::Image, 7, &from),
            Resolved::Unsafe(_)
        ));
        assert!(matches!(
            resolve("data:text/html,x", Use::Link, 7, &from),
            Resolved::Unsafe(_)
        ));
        assert_eq!(
            resolve("data:image/png;base64,AA", Use::Image, 7, &from),
            Resolved::AsWritten
        );
        assert_eq!(
            resolve("../../../x", Use::Link, 7, &from),
            Resolved::Outside
        );
    }
}
