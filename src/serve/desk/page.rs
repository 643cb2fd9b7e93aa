//! A Markdown page as the editor shows it: its front matter as fields, its
//! body as text, and back.

use std::path::Path;

use crate::date::Date;
use crate::messages::desk::DeskMsg;
use crate::model::content::{Content, Page};

/// The fields of a page's front matter and its body, as the form holds them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Fields {
    pub title: String,
    pub description: String,
    pub date: String,
    pub weight: String,
    pub draft: bool,
    /// One product name a line.
    pub software: String,
    pub body: String,
}

/// Which optional fields a page of this kind uses, from where it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Uses {
    pub date: bool,
    pub weight: bool,
    pub software: bool,
    /// A FAQ category: each `##` heading is a question, edited one by one.
    pub questions: bool,
}

/// The fields the page at `rel` (`content/news/x.md`) uses; any field
/// its file already has is shown too.
pub fn uses(rel: &str, fields: &Fields) -> Uses {
    let parts: Vec<&str> = rel.split('/').collect();
    let news = parts.get(1) == Some(&"news") && parts.last() != Some(&"_index.md");
    let product =
        parts.get(1) == Some(&"manuals") && parts.len() == 4 && parts.last() == Some(&"_index.md");
    let faq =
        parts.get(1) == Some(&"faq") && parts.len() == 3 && parts.last() != Some(&"_index.md");
    Uses {
        questions: faq,
        date: news || !fields.date.is_empty(),
        weight: !news || !fields.weight.is_empty(),
        software: product || !fields.software.is_empty(),
    }
}

/// Reads a page file into fields; `None` when its front matter is not
/// TOML between `+++` lines (the editor then shows the file to fix by hand).
pub fn parse(text: &str) -> Option<Fields> {
    let text = text
        .strip_prefix('\u{feff}')
        .unwrap_or(text)
        .replace("\r\n", "\n");
    let rest = text.strip_prefix("+++\n")?;
    let end = rest.find("\n+++")?;
    let front: toml::Table = rest[..end].parse().ok()?;
    let after = &rest[end + 4..];
    let body = after.strip_prefix('\n').unwrap_or(after);
    let string = |key: &str| match front.get(key) {
        Some(toml::Value::String(s)) => s.clone(),
        Some(toml::Value::Datetime(d)) => d.to_string(),
        Some(toml::Value::Integer(n)) => n.to_string(),
        _ => String::new(),
    };
    let software = match front.get("software") {
        Some(toml::Value::Array(items)) => items
            .iter()
            .filter_map(toml::Value::as_str)
            .collect::<Vec<_>>()
            .join("\n"),
        _ => String::new(),
    };
    Some(Fields {
        title: string("title"),
        description: string("description"),
        date: string("date"),
        weight: string("weight"),
        draft: front.get("draft").and_then(toml::Value::as_bool) == Some(true),
        software,
        body: body.to_string(),
    })
}

/// The page file the fields make; what is wrong with a field otherwise.
pub fn compose(fields: &Fields) -> Result<String, DeskMsg> {
    let quoted = |s: &str| toml::Value::String(s.trim().to_string()).to_string();
    let mut out = format!("+++\ntitle = {}\n", quoted(&fields.title));
    if !fields.description.trim().is_empty() {
        out.push_str(&format!("description = {}\n", quoted(&fields.description)));
    }
    let date = fields.date.trim();
    if !date.is_empty() {
        let day = Date::parse(date).ok_or_else(|| DeskMsg::BadDate {
            value: date.to_string(),
        })?;
        out.push_str(&format!("date = {day}\n"));
    }
    let weight = fields.weight.trim();
    if !weight.is_empty() {
        let n: i64 = weight.parse().map_err(|_| DeskMsg::BadWeight {
            value: weight.to_string(),
        })?;
        out.push_str(&format!("weight = {n}\n"));
    }
    if fields.draft {
        out.push_str("draft = true\n");
    }
    let software: Vec<String> = fields
        .software
        .lines()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(quoted)
        .collect();
    if !software.is_empty() {
        out.push_str(&format!("software = [{}]\n", software.join(", ")));
    }
    out.push_str("+++\n");
    let body = fields.body.replace("\r\n", "\n");
    if !body.is_empty() {
        out.push('\n');
        out.push_str(body.trim_start_matches('\n'));
        if !out.ends_with('\n') {
            out.push('\n');
        }
    }
    Ok(out)
}

/// Every page made from a Markdown file, with its source.
pub fn pages(content: &Content) -> Vec<&Page> {
    let mut pages: Vec<&Page> = Vec::new();
    pages.extend(content.home.iter());
    pages.extend(content.guides.index.iter());
    pages.extend(content.guides.pages.iter());
    pages.extend(content.manuals.iter());
    for product in &content.products {
        pages.push(&product.index);
        pages.extend(product.pages.iter());
    }
    pages.extend(content.faq.iter());
    pages.extend(content.faq_categories.iter().map(|c| &c.page));
    pages.extend(content.news.index.iter());
    pages.extend(content.news.pages.iter());
    pages.extend(content.surveys.iter());
    pages.extend(content.others.iter());
    pages
}

/// The Markdown file an output page (`guides/start/index.html`) is made
/// from, as a desk path (`content/guides/start.md`).
pub fn source_of(content: &Content, output: &str) -> Option<String> {
    let folder = output.strip_suffix("index.html")?;
    pages(content)
        .into_iter()
        .find(|page| page.url == folder)
        .map(|page| desk_path(&page.source))
}

/// The output page made from a desk path, when the page is published.
pub fn output_of(content: &Content, rel: &str) -> Option<String> {
    pages(content)
        .into_iter()
        .find(|page| desk_path(&page.source) == rel)
        .map(|page| format!("{}index.html", page.url))
}

/// A path relative to the site root, `/`-separated.
pub fn desk_path(path: &Path) -> String {
    path.iter()
        .map(|p| p.to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_reads_into_fields_and_back() {
        let text =
            "+++\ntitle = \"導入の流れ\"\ndescription = \"手順\"\nweight = 10\n+++\n\n本文。\n";
        let fields = parse(text).unwrap();
        assert_eq!(fields.title, "導入の流れ");
        assert_eq!(fields.weight, "10");
        assert_eq!(fields.body, "\n本文。\n");
        assert_eq!(compose(&fields).unwrap(), text);
        let news = parse(
            "+++\ntitle = \"お知らせ\"\ndate = 2025-04-21\nsoftware = [\"A\", \"B\"]\n+++\nx\n",
        )
        .unwrap();
        assert_eq!(news.date, "2025-04-21");
        assert_eq!(news.software, "A\nB");
        assert_eq!(
            compose(&news).unwrap(),
            "+++\ntitle = \"お知らせ\"\ndate = 2025-04-21\nsoftware = [\"A\", \"B\"]\n+++\n\nx\n"
        );
        assert!(parse("title = \"x\"\n").is_none());
    }

    #[test]
    fn fields_are_checked_and_quoted() {
        let fields = Fields {
            title: "a \"quoted\" title".into(),
            date: "2025-13-01".into(),
            ..Fields::default()
        };
        assert!(matches!(compose(&fields), Err(DeskMsg::BadDate { .. })));
        let fields = Fields {
            date: String::new(),
            weight: "x".into(),
            ..fields
        };
        assert!(matches!(compose(&fields), Err(DeskMsg::BadWeight { .. })));
        let fields = Fields {
            weight: String::new(),
            ..fields
        };
        assert_eq!(
            compose(&fields).unwrap(),
            "+++\ntitle = 'a \"quoted\" title'\n+++\n"
        );
    }

    #[test]
    fn the_kind_decides_the_fields() {
        let none = Fields::default();
        assert!(uses("content/news/x.md", &none).date);
        assert!(!uses("content/news/x.md", &none).weight);
        assert!(uses("content/manuals/a/_index.md", &none).software);
        assert!(!uses("content/manuals/a/setup.md", &none).software);
        assert!(uses("content/guides/a.md", &none).weight);
    }
}
