//! Markdown bodies to HTML: heading ids as the model computed them, `@/`
//! links turned into URLs, tables wrapped so they scroll on a phone.

use std::collections::{HashMap, HashSet};

use pulldown_cmark::{CowStr, Event, Parser, Tag, html};

use crate::model::content::{LinkTarget, resolve};
use crate::model::markdown::{options, scan};

/// What turning `@/` links into URLs needs.
pub struct Links<'a> {
    pub targets: &'a HashMap<String, LinkTarget>,
    pub base_path: &'a str,
}

/// Renders a body; links were checked by the model, so an unresolved one here
/// is left as written.
pub fn to_html(body: &str, links: &Links<'_>) -> String {
    let ids: Vec<String> = scan(body).headings.into_iter().map(|h| h.id).collect();
    let mut ids = ids.into_iter();
    let no_drafts = HashSet::new();
    let events = Parser::new_ext(body, options()).map(|event| match event {
        Event::Start(Tag::Heading {
            level,
            classes,
            attrs,
            ..
        }) => {
            let id = ids.next().map(CowStr::from);
            Event::Start(Tag::Heading {
                level,
                id,
                classes,
                attrs,
            })
        }
        Event::Start(Tag::Link {
            link_type,
            dest_url,
            title,
            id,
        }) if dest_url.starts_with("@/") => {
            let dest_url = match resolve(&dest_url, links.targets, &no_drafts) {
                Ok(url) => CowStr::from(format!("{}{url}", links.base_path)),
                Err(_) => dest_url,
            };
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            })
        }
        other => other,
    });
    let mut out = String::with_capacity(body.len() * 3 / 2);
    html::push_html(&mut out, events);
    if out.contains("<table>") {
        out = out
            .replace(
                "<table>",
                "<div class=\"table-scroll\" tabindex=\"0\"><table>",
            )
            .replace("</table>", "</table></div>");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::content::LinkTarget;

    #[test]
    fn resolves_links_and_sets_ids() {
        let mut targets = HashMap::new();
        targets.insert(
            "faq/general.md".to_string(),
            LinkTarget {
                url: "faq/".to_string(),
                anchors: ["fee".to_string()].into(),
            },
        );
        let links = Links {
            targets: &targets,
            base_path: "/careplan/",
        };
        let html = to_html(
            "## 費用 は？\n\n[料金](@/faq/general.md#fee)\n\n|a|\n|-|\n|1|\n",
            &links,
        );
        assert!(html.contains("<h2 id=\"費用-は\">"), "{html}");
        assert!(html.contains("href=\"/careplan/faq/#fee\""), "{html}");
        assert!(
            html.contains("<div class=\"table-scroll\" tabindex=\"0\"><table>"),
            "{html}"
        );
    }
}
