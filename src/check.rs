//! The check stage, between render and write: the rendered site read as a
//! browser will read it. Every internal link and image of the Markdown is
//! looked for in the output, and every page is scanned for an id written
//! twice, whoever wrote it (template, chart, map, Markdown), so a custom
//! theme is covered as well as the built-in one.

use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use crate::diag::{Diagnostic, Diagnostics};
use crate::messages::check::CheckMsg;
use crate::messages::model::MarkdownMsg;
use crate::model::markdown::ids::IdPlace;
use crate::model::markdown::links::{Target, Use};
use crate::render::Rendered;
use crate::render::format::escape;

/// Every finding about the rendered site; the build stops on any.
pub fn run(rendered: &Rendered) -> Diagnostics {
    let content = &rendered.site().content;
    let mut diags = verify_links(&content.targets, |path| rendered.file(path));
    let mut explicit: HashMap<(&str, String), &IdPlace> = HashMap::new();
    for (url, id, place) in &content.explicit_ids {
        explicit.insert((url.as_str(), escape(id)), place);
    }
    // Office pages share one template and hold no Markdown: the first
    // stands for them all.
    let office = rendered.offices().paths().next();
    let pages = rendered
        .files
        .iter()
        .map(|(path, bytes)| (path.as_str(), Cow::Borrowed(bytes.as_slice())))
        .chain(office.and_then(|p| Some((p, rendered.file(p)?))));
    for (path, bytes) in pages {
        let Some(url) = path.strip_suffix("index.html") else {
            continue;
        };
        for id in ids_twice(&bytes) {
            let message = match explicit.get(&(url, id.clone())) {
                Some(place) => Diagnostic::error(
                    &place.source,
                    CheckMsg::IdTaken {
                        id,
                        url: url.to_string(),
                    },
                )
                .at_line(place.line),
                None => {
                    Diagnostic::error(Path::new("(output)").join(path), CheckMsg::IdTwice { id })
                }
            };
            diags.push(message);
        }
    }
    diags
}

/// The ids written more than once in a page (as written, escaped), in the
/// order they first appear twice.
fn ids_twice(html: &[u8]) -> Vec<String> {
    let mut seen: BTreeMap<&[u8], usize> = BTreeMap::new();
    let mut twice = Vec::new();
    let mut rest = html;
    while let Some(at) = find(rest, b"id=\"") {
        let starts_attribute = at > 0 && rest[at - 1].is_ascii_whitespace();
        let value = &rest[at + 4..];
        let Some(end) = value.iter().position(|&b| b == b'"') else {
            break;
        };
        if starts_attribute {
            let count = seen.entry(&value[..end]).or_insert(0);
            *count += 1;
            if *count == 2 {
                twice.push(String::from_utf8_lossy(&value[..end]).into_owned());
            }
        }
        rest = &value[end..];
    }
    twice
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// Checks every recorded address against the rendered files: a page
/// (`path`, `path/index.html`, or `path` + `index.html` for a trailing `/`),
/// a file, and the element an anchor names.
fn verify_links<'f>(
    targets: &[Target],
    file: impl Fn(&str) -> Option<Cow<'f, [u8]>>,
) -> Diagnostics {
    let mut diags = Diagnostics::default();
    for target in targets {
        let candidates = if target.path.is_empty() || target.path.ends_with('/') {
            vec![format!("{}index.html", target.path)]
        } else {
            vec![target.path.clone(), format!("{}/index.html", target.path)]
        };
        let found = candidates
            .into_iter()
            .find_map(|path| file(&path).map(|bytes| (path, bytes)));
        let problem = match found {
            None => Some(missing(target)),
            Some((path, bytes)) => target
                .anchor
                .as_ref()
                .filter(|anchor| path.ends_with(".html") && !has_id(&bytes, anchor))
                .map(|anchor| MarkdownMsg::NoId {
                    url: target.url.clone(),
                    anchor: anchor.clone(),
                }),
        };
        if let Some(problem) = problem {
            let message = MarkdownMsg::Broken {
                what: target.what.word(),
                written: target.written.clone(),
                problem: problem.into(),
            };
            diags.push(Diagnostic::error(&target.source, message).at_line(target.line));
        }
    }
    diags
}

fn missing(target: &Target) -> MarkdownMsg {
    let url = target.url.clone();
    match &target.file {
        Some(file) if file.ends_with(".md") => MarkdownMsg::NothingAtPage {
            url,
            file: file.clone(),
        },
        Some(file) if target.what != Use::Link => MarkdownMsg::NothingAtFile {
            url,
            file: file.clone(),
        },
        _ => MarkdownMsg::NothingAt { url },
    }
}

fn has_id(html: &[u8], id: &str) -> bool {
    let needle = format!("id=\"{}\"", escape(id));
    let needle = needle.as_bytes();
    html.windows(needle.len()).any(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_written_twice_are_found_once_each() {
        let html = br#"<main id="main"><h2 id="fee">a</h2><p data-id="fee"></p><h2 id="fee">b</h2><svg id="map-desc"/><i id="fee"></i><b id="map-desc"/></main>"#;
        assert_eq!(ids_twice(html), ["fee", "map-desc"]);
        assert!(ids_twice(br#"<a id="x"></a>"#).is_empty());
    }

    #[test]
    fn verify_finds_pages_files_and_anchors() {
        let files: BTreeMap<String, Vec<u8>> = [
            (
                "guides/install/index.html".to_string(),
                b"<h2 id=\"step\">".to_vec(),
            ),
            ("css/site.css".to_string(), Vec::new()),
        ]
        .into();
        let target = |path: &str, anchor: Option<&str>| Target {
            source: "content/guides/usb.md".into(),
            line: 7,
            what: Use::Link,
            written: "w".into(),
            path: path.into(),
            url: format!("/careplan/{path}"),
            anchor: anchor.map(str::to_string),
            file: None,
        };
        let found = [
            target("guides/install/", Some("step")),
            target("guides/install", None),
            target("css/site.css", None),
        ];
        let file = |p: &str| files.get(p).map(|b| Cow::Borrowed(b.as_slice()));
        assert!(verify_links(&found, file).is_empty());
        let broken = [
            target("guides/install/", Some("x")),
            target("offices/", None),
        ];
        let messages: Vec<String> = verify_links(&broken, file)
            .into_iter()
            .map(|d| d.to_string())
            .collect();
        assert_eq!(
            messages,
            [
                "error: content/guides/usb.md:7: link \"w\": /careplan/guides/install/ has no id \"x\"",
                "error: content/guides/usb.md:7: link \"w\": nothing is published at /careplan/offices/",
            ]
        );
    }
}
