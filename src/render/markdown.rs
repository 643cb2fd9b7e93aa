//! Markdown bodies to HTML: heading ids as the model computed them, `@/`
//! links turned into URLs, tables wrapped so they scroll on a phone and named
//! after the heading above them (Markdown has no caption syntax).

use std::collections::{HashMap, HashSet};

use pulldown_cmark::{CowStr, Event, Parser, Tag, TagEnd, html};

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
    let headings = scan(body).headings;
    let mut ids = headings.iter().map(|h| h.id.clone());
    let mut seen_headings: usize = 0;
    let no_drafts = HashSet::new();
    let events = Parser::new_ext(body, options()).flat_map(|event| match event {
        Event::Start(Tag::Heading {
            level,
            classes,
            attrs,
            ..
        }) => {
            seen_headings += 1;
            let id = ids.next().map(CowStr::from);
            vec![Event::Start(Tag::Heading {
                level,
                id,
                classes,
                attrs,
            })]
        }
        Event::Start(Tag::Table(alignments)) => {
            let name = seen_headings
                .checked_sub(1)
                .and_then(|i| headings.get(i))
                .map_or("表", |h| h.text.as_str())
                .to_string();
            vec![
                Event::Html(CowStr::from(format!(
                    "<div class=\"table-scroll\" tabindex=\"0\" role=\"region\" aria-label=\"{}\">",
                    attribute(&name)
                ))),
                Event::Start(Tag::Table(alignments)),
                Event::Html(CowStr::from("<caption class=\"visually-hidden\">")),
                Event::Text(CowStr::from(name)),
                Event::Html(CowStr::from("</caption>")),
            ]
        }
        Event::End(TagEnd::Table) => vec![
            Event::End(TagEnd::Table),
            Event::Html(CowStr::from("</div>")),
        ],
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
            vec![Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            })]
        }
        other => vec![other],
    });
    let mut out = String::with_capacity(body.len() * 3 / 2);
    html::push_html(&mut out, events);
    out
}

/// Text made safe inside a double-quoted attribute.
fn attribute(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
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
            html.contains(
                "<div class=\"table-scroll\" tabindex=\"0\" role=\"region\" aria-label=\"費用 は？\"><table><caption class=\"visually-hidden\">費用 は？</caption>"
            ),
            "{html}"
        );
        assert!(html.contains("</table>\n</div>"), "{html}");
    }

    #[test]
    fn a_table_before_any_heading_is_named_table_and_names_are_escaped() {
        let targets = HashMap::new();
        let links = Links {
            targets: &targets,
            base_path: "/",
        };
        let html = to_html("|a|\n|-|\n|1|\n\n## \"A&B\"\n\n|b|\n|-|\n|2|\n", &links);
        assert!(
            html.contains(
                "aria-label=\"表\"><table><caption class=\"visually-hidden\">表</caption>"
            ),
            "{html}"
        );
        assert!(
            html.contains("aria-label=\"&quot;A&amp;B&quot;\""),
            "{html}"
        );
    }
}
