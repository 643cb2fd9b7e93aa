//! 公開 (`/_renkei/publish`): what changed since the last publication, the
//! figures' change, the findings of `check`, and the two ways out: 公開する
//! through Git (`crate::publish::git`) or 公開用ファイルを作る
//! (`crate::publish::archive`). Nothing is published while `check` finds
//! an error.

use std::path::Path;

use crate::date;
use crate::diag::Diagnostics;
use crate::messages::desk::DeskMsg;
use crate::messages::publish::PublishMsg;
use crate::pipeline;
use crate::publish::git::{Changed, Repo};
use crate::publish::{archive, summary};
use crate::render::Rendered;
use crate::render::format::escape;

use super::data::{self, Effect};
use super::{html, page};

/// What the page shows: the repository (or why there is none), the
/// changed files, the figures' change and the findings.
pub struct State {
    repo: Result<Repo, PublishMsg>,
    changed: Vec<Changed>,
    first: bool,
    effect: Option<Effect>,
    diags: Diagnostics,
    rendered: Option<Rendered>,
}

/// Reads the state of the site at `root`, built for `url`.
pub fn state(root: &Path, url: &str) -> State {
    let (rendered, diags) = pipeline::run(root, Some(url), date::today_in_japan());
    let repo = Repo::open(root);
    let (changed, first, effect) = match &repo {
        Ok(repo) => {
            let changed = repo.changes().unwrap_or_default();
            let copy = repo.published_copy();
            let first = copy.is_none();
            let before =
                copy.and_then(|c| pipeline::run(&c.site, Some(url), date::today_in_japan()).0);
            let effect = match (&before, &rendered) {
                (Some(before), Some(after)) => Some(data::effect(before, after)),
                _ => None,
            };
            (changed, first, effect)
        }
        Err(_) => (Vec::new(), false, None),
    };
    State {
        repo,
        changed,
        first,
        effect,
        diags,
        rendered,
    }
}

impl State {
    fn errors(&self) -> usize {
        self.diags.error_count()
    }

    /// 公開する: commits and pushes with `message`, unless `check` finds an
    /// error. The outcome is said in the page's notice.
    pub fn publish(&self, message: &str) -> Result<Vec<PublishMsg>, String> {
        if self.errors() > 0 {
            return Err(DeskMsg::PublishBlocked {
                count: self.errors(),
            }
            .to_string());
        }
        let repo = self.repo.as_ref().map_err(ToString::to_string)?;
        repo.publish(message)
            .map(|done| done.steps)
            .map_err(|e| e.to_string())
    }

    /// 公開用ファイルを作る, unless `check` finds an error.
    pub fn zip(&self, root: &Path) -> Result<String, String> {
        let Some(rendered) = self.rendered.as_ref().filter(|_| self.errors() == 0) else {
            return Err(DeskMsg::PublishBlocked {
                count: self.errors().max(1),
            }
            .to_string());
        };
        let (day, seconds) = now_in_japan();
        let name = archive::file_name(day, seconds);
        archive::make(root, &name, rendered).map_err(|e| e.to_string())?;
        Ok(PublishMsg::ZipWritten { file: name }.to_string())
    }

    /// The page, with `top` (the outcome of the last action) first.
    pub fn page(&self, top: &str) -> String {
        let mut out = top.to_string();
        let errors = self.errors();
        if errors > 0 {
            out.push_str(&html::notice(
                &DeskMsg::PublishBlocked { count: errors }.to_string(),
                true,
            ));
        }
        match &self.repo {
            Ok(_) => {
                out.push_str(&format!("<h2>{}</h2>\n", DeskMsg::ChangedFiles));
                if self.first {
                    out.push_str(&format!("<p>{}</p>\n", DeskMsg::FirstPublication));
                }
                out.push_str(&changed_list(&self.changed));
                if let Some(effect) = &self.effect {
                    out.push_str(&html::effect(effect));
                }
                if errors == 0 {
                    let titles = |path: &str| self.title_of(path);
                    let message = summary(&self.changed, titles);
                    out.push_str(&format!(
                        "<form method=\"post\" action=\"/_renkei/publish\" id=\"publish\">\n<p class=\"field\"><label for=\"message\">{label}</label><textarea id=\"message\" name=\"message\" rows=\"3\" required>{message}</textarea></p>\n<p><button type=\"submit\">{button}</button></p>\n</form>\n",
                        label = DeskMsg::ChangeSummary,
                        message = escape(&message),
                        button = DeskMsg::PublishButton,
                    ));
                }
            }
            Err(why) => out.push_str(&html::notice(&why.to_string(), false)),
        }
        out.push_str(&format!("<p>{}</p>\n", DeskMsg::ZipHint));
        if errors == 0 {
            out.push_str(&format!(
                "<form method=\"post\" action=\"/_renkei/publish/zip\" id=\"zip\"><button type=\"submit\" class=\"secondary\">{}</button></form>\n",
                DeskMsg::ZipButton
            ));
        }
        out
    }

    /// A content page's title, for the commit message.
    fn title_of(&self, path: &str) -> Option<String> {
        let site = self.rendered.as_ref()?.site();
        site.content
            .pages()
            .find(|page| page::desk_path(&page.source) == path)
            .map(|page| page.front.title.clone())
    }
}

fn changed_list(changed: &[Changed]) -> String {
    if changed.is_empty() {
        return format!("<p>{}</p>\n", DeskMsg::NoChangedFiles);
    }
    let items: String = changed
        .iter()
        .map(|c| {
            let what = match c.status {
                'A' => DeskMsg::Added,
                'D' => DeskMsg::Removed,
                _ => DeskMsg::Modified,
            };
            format!("<li>{what}: <code>{}</code></li>", escape(&c.path))
        })
        .collect();
    format!("<ul class=\"changed\">{items}</ul>\n")
}

/// Today in Japan and the seconds since its midnight, for the zip's name.
fn now_in_japan() -> (date::Date, u32) {
    const JST: u64 = 9 * 3600;
    let seconds = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
        + JST;
    let day = date::Date::from_days_since_epoch((seconds / 86_400) as i64);
    (day, (seconds % 86_400) as u32)
}
