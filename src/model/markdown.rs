//! What the model needs to know of a Markdown body before it is rendered:
//! its headings (for anchors) and its `@/` links (to check them).
//!
//! The same parser options and the same id rule are used by the renderer, so
//! an anchor that checks here is the id the page will carry.

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

/// The Markdown dialect of every page: CommonMark with tables, footnotes,
/// strikethrough and `{#id}` heading attributes.
pub fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_HEADING_ATTRIBUTES
}

/// A heading with the id it will carry on the page.
#[derive(Debug, Clone)]
pub struct Heading {
    pub level: u8,
    pub id: String,
    pub text: String,
    /// Byte range of the whole heading in the body.
    pub start: usize,
    pub end: usize,
}

/// A link written as a source path (`@/faq/general.md#fee`).
#[derive(Debug, Clone)]
pub struct SourceLink {
    pub target: String,
    pub offset: usize,
}

/// Headings and source links of a body, in order.
#[derive(Debug, Clone, Default)]
pub struct Scan {
    pub headings: Vec<Heading>,
    pub links: Vec<SourceLink>,
}

/// Reads a body once for its headings and `@/` links.
pub fn scan(body: &str) -> Scan {
    let mut scan = Scan::default();
    let mut open: Option<(u8, Option<String>, usize)> = None;
    let mut text = String::new();
    let mut taken = std::collections::HashSet::new();
    for (event, range) in Parser::new_ext(body, options()).into_offset_iter() {
        match event {
            Event::Start(Tag::Heading { level, id, .. }) => {
                open = Some((
                    level_number(level),
                    id.map(|id| id.to_string()),
                    range.start,
                ));
                text.clear();
            }
            Event::End(TagEnd::Heading(_)) => {
                if let Some((level, explicit, start)) = open.take() {
                    let base = explicit.unwrap_or_else(|| slugify(&text));
                    let id = unique_id(&base, &mut taken);
                    scan.headings.push(Heading {
                        level,
                        id,
                        text: text.trim().to_string(),
                        start,
                        end: range.end,
                    });
                }
            }
            Event::Text(t) | Event::Code(t) if open.is_some() => text.push_str(&t),
            Event::Start(Tag::Link { dest_url, .. }) if dest_url.starts_with("@/") => {
                scan.links.push(SourceLink {
                    target: dest_url.to_string(),
                    offset: range.start,
                });
            }
            _ => {}
        }
    }
    scan
}

/// The id of a heading without `{#id}`: its text with spaces as `-`, ASCII
/// lowercased, punctuation dropped; Japanese characters are kept as they are
/// (valid in HTML ids and in URL fragments).
pub fn slugify(text: &str) -> String {
    let mut slug = String::new();
    for c in text.trim().chars() {
        if c.is_alphanumeric() {
            slug.extend(c.to_lowercase());
        } else if (c.is_whitespace() || c == '-' || c == '_') && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    let slug = slug.trim_matches('-').to_string();
    if slug.is_empty() {
        "section".to_string()
    } else {
        slug
    }
}

/// `base`, or `base-1`, `base-2`… when a heading of the page already has it.
pub fn unique_id(base: &str, taken: &mut std::collections::HashSet<String>) -> String {
    let mut id = base.to_string();
    let mut n = 0;
    while !taken.insert(id.clone()) {
        n += 1;
        id = format!("{base}-{n}");
    }
    id
}

fn level_number(level: HeadingLevel) -> u8 {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

/// The 1-based line of a byte offset of a body that starts on `first_line`.
pub fn line_at(body: &str, offset: usize, first_line: usize) -> usize {
    first_line + body[..offset.min(body.len())].matches('\n').count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_keep_japanese_and_are_unique() {
        let scan = scan(
            "## ライセンス料は？\n\n## Free Pass 2025\n\n## ライセンス料は？\n\n## 設定 {#setup}\n",
        );
        let ids: Vec<&str> = scan.headings.iter().map(|h| h.id.as_str()).collect();
        assert_eq!(
            ids,
            [
                "ライセンス料は",
                "free-pass-2025",
                "ライセンス料は-1",
                "setup"
            ]
        );
    }

    #[test]
    fn finds_source_links_only() {
        let scan = scan("[a](@/faq/general.md#fee) and [b](https://example.jp/)");
        assert_eq!(scan.links.len(), 1);
        assert_eq!(scan.links[0].target, "@/faq/general.md#fee");
    }
}
