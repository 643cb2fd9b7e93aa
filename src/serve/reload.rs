//! Live reload: the script that pages served by `renkei serve` carry, and the
//! WebSocket over which the server tells them what a rebuild changed.
//!
//! A WebSocket rather than server-sent events: browsers allow only six
//! HTTP/1.1 connections to one host, and an event stream holds one for as
//! long as a page is open, so the seventh preview tab would hang.

use serde::Serialize;

use crate::diag::Diagnostics;
use crate::messages::serve::ServeMsg;
use crate::messages::{self, Lang};
use crate::render::format::escape;

/// The path of the WebSocket that open pages connect to.
pub const ENDPOINT: &str = "/__renkei/live";

/// The client: reloads the page, swaps stylesheets, shows build errors.
const SCRIPT: &str = include_str!("live.js");

/// At most this many errors are sent to the page; the terminal has them all.
const MAX_ERRORS: usize = 50;

/// Inserts the live-reload script into an HTML page just before its last
/// `</body>` (or at the end when it has none), after `extra` (the preview's
/// own HTML for the page, such as the link to its editor). `build` names the
/// build the page belongs to, so the script can tell when it is out of date.
pub fn inject(html: &[u8], build: &str, extra: &str) -> Vec<u8> {
    let tag = format!(
        "{extra}<script id=\"renkei-live\" data-build=\"{build}\"{}>\n{SCRIPT}</script>\n",
        overlay_texts()
    );
    let at = html
        .windows(7)
        .rposition(|w| w.eq_ignore_ascii_case(b"</body>"))
        .unwrap_or(html.len());
    let mut page = Vec::with_capacity(html.len() + tag.len());
    page.extend_from_slice(&html[..at]);
    page.extend_from_slice(tag.as_bytes());
    page.extend_from_slice(&html[at..]);
    page
}

/// The overlay's words, in the run's language, as `data-` attributes of the
/// script tag: the script holds no text of its own.
fn overlay_texts() -> String {
    let lang = match messages::lang() {
        Lang::Ja => "ja",
        Lang::En => "en",
    };
    [
        ("title", ServeMsg::OverlayTitle),
        ("never-built", ServeMsg::OverlayNeverBuilt),
        ("last-good", ServeMsg::OverlayLastGood),
        ("more", ServeMsg::OverlayMore),
        ("close", ServeMsg::OverlayClose),
    ]
    .into_iter()
    .fold(format!(" data-lang=\"{lang}\""), |mut out, (name, text)| {
        out.push_str(&format!(" data-{name}=\"{}\"", escape(&text.to_string())));
        out
    })
}

/// One build error as the page shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ShownError {
    /// `path:line:column`, relative to the site root.
    pub place: String,
    /// What is wrong and what was expected.
    pub message: String,
}

/// The errors of a failed build, sorted by place and grouped as the
/// terminal shows them (many rows with one problem are one finding).
pub fn shown_errors(diags: &Diagnostics) -> Vec<ShownError> {
    diags
        .shown()
        .into_iter()
        .filter(|d| d.is_error())
        .map(|d| ShownError {
            place: d.place(),
            message: d.message.as_str().to_string(),
        })
        .collect()
}

/// What open pages are told: the build now served and the errors of the last
/// attempt. A page whose build differs reloads, unless only stylesheets
/// changed since its build (`prev`), which it swaps in place.
#[derive(Debug)]
pub struct Message<'a> {
    /// The build now served.
    pub build: &'a str,
    /// The build served before this message.
    pub prev: &'a str,
    /// Output paths of the stylesheets that changed, when nothing else did.
    pub css: &'a [String],
    /// Errors of the last attempt; none when it built.
    pub errors: &'a [ShownError],
}

/// [`Message`] as sent: the errors capped, with a count of those left out.
#[derive(Serialize)]
struct Wire<'a> {
    build: &'a str,
    prev: &'a str,
    css: &'a [String],
    errors: &'a [ShownError],
    more: usize,
}

impl Message<'_> {
    /// The message as the JSON text the page reads.
    pub fn json(&self) -> String {
        let wire = Wire {
            build: self.build,
            prev: self.prev,
            css: self.css,
            errors: &self.errors[..self.errors.len().min(MAX_ERRORS)],
            more: self.errors.len().saturating_sub(MAX_ERRORS),
        };
        serde_json::to_string(&wire).expect("plain data serializes")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::Diagnostic;
    use crate::messages::Text;

    #[test]
    fn the_script_goes_before_the_closing_body() {
        let page = inject(b"<html><body><p>x</p></body></html>", "a.1", "");
        let page = String::from_utf8(page).unwrap();
        assert!(page.starts_with(
            "<html><body><p>x</p><script id=\"renkei-live\" data-build=\"a.1\" data-lang=\"en\" data-title=\"Build errors\" "
        ));
        assert!(page.ends_with("</script>\n</body></html>"));
    }

    #[test]
    fn the_overlay_speaks_the_runs_language() {
        let page = messages::rendering(Lang::Ja, || inject(b"<p>x</p>", "a.1", ""));
        let page = String::from_utf8(page).unwrap();
        assert!(
            page.contains(" data-lang=\"ja\" data-title=\"ビルドエラー\" "),
            "{page}"
        );
        assert!(page.contains(" data-more=\"ほかに {more} 件（すべてターミナルに表示されています）\" data-close=\"閉じる\">"));
    }

    #[test]
    fn a_page_without_body_gets_the_script_at_the_end() {
        let page = String::from_utf8(inject(b"<p>x</p>", "a.1", "")).unwrap();
        assert!(page.starts_with("<p>x</p><script id=\"renkei-live\""));
    }

    #[test]
    fn the_overlay_gets_errors_only_sorted_and_capped() {
        let mut diags = Diagnostics::default();
        diags.push(
            Diagnostic::warning("data/adoption/2025-11-30.csv", Text::same("unknown office"))
                .at_line(3),
        );
        for line in (1..=60).rev() {
            diags.push(
                Diagnostic::error("content/guides/start.md", Text::same("bad")).at_line(line),
            );
        }
        let errors = shown_errors(&diags);
        assert_eq!(errors.len(), 60);
        assert_eq!(errors[0].place, "content/guides/start.md:1");
        let message = Message {
            build: "a.2",
            prev: "a.1",
            css: &[],
            errors: &errors,
        };
        let json: serde_json::Value = serde_json::from_str(&message.json()).unwrap();
        assert_eq!(json["errors"].as_array().unwrap().len(), MAX_ERRORS);
        assert_eq!(json["more"], 10);
        assert_eq!(json["errors"][0]["message"], "bad");
    }
}
