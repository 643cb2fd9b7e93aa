//! Publishing from the desk (`/_renkei/publish`): the site's own files
//! committed and pushed with the machine's `git` ([`git`]), or, without Git,
//! the built site as a zip for the web server ([`archive`]). renkei stores
//! and asks for no credential: `git` and its own credential helper do.

pub mod archive;
pub mod git;

use std::path::Path;

use crate::messages::publish::PublishMsg;

/// What a publication may contain: the site's own inputs, never `.renkei/`,
/// the output folder or a zip.
pub const SITE_FILES: [&str; 5] = ["content", "data", "static", "themes", "site.toml"];

/// The commit message 変更の内容 starts from: what the changed files are
/// (「導入状況 2026-03-01 を登録」, 「「申請の流れ」を更新」), the first three
/// named and the rest counted. `title` gives a content page's title.
pub fn summary(changed: &[git::Changed], title: impl Fn(&str) -> Option<String>) -> String {
    let mut said: Vec<String> = Vec::new();
    for change in changed.iter().filter(|c| c.status != 'D') {
        let path = change.path.as_str();
        let stem = |p: &str| {
            Path::new(p)
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default()
        };
        let message = if path.starts_with("data/adoption/") {
            PublishMsg::SummaryAdoption { date: stem(path) }
        } else if path.starts_with("data/offices.") {
            PublishMsg::SummaryOffices
        } else if path.starts_with("data/plans.") {
            PublishMsg::SummaryPlans
        } else if path.starts_with("data/areas.") {
            PublishMsg::SummaryAreas
        } else if let Some(title) = path.ends_with(".md").then(|| title(path)).flatten() {
            PublishMsg::SummaryPage { title }
        } else {
            PublishMsg::SummaryFile {
                path: path.to_string(),
            }
        };
        let text = message.to_string();
        if !said.contains(&text) {
            said.push(text);
        }
    }
    let removed = changed.iter().filter(|c| c.status == 'D').count();
    let rest = said.len().saturating_sub(3) + removed;
    said.truncate(3);
    let comma = match crate::messages::lang() {
        crate::messages::Lang::Ja => "、",
        crate::messages::Lang::En => "; ",
    };
    let mut line = said.join(comma);
    if rest > 0 {
        if !line.is_empty() {
            line.push_str(comma);
        }
        line.push_str(&PublishMsg::SummaryMore { count: rest }.to_string());
    }
    line
}
