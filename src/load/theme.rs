//! The theme: Tera templates and static files, built in and overridable.
//!
//! The default theme is compiled into the binary so a new site needs no theme
//! folder. A site's `themes/NAME/templates/X.html` replaces that one template,
//! its `themes/NAME/static/` and the site's `static/` are copied over the
//! built-in files, in that order.

use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};

use include_dir::{Dir, include_dir};

use super::files::{self, Found, Links};
use crate::diag::{Diagnostic, Diagnostics};

static BUILTIN: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/themes/default");

/// A template with the place it came from, for error messages.
#[derive(Debug, Clone)]
pub struct Template {
    pub source: PathBuf,
    pub text: String,
}

/// Templates by name (`page.html`) and static files by output path.
#[derive(Debug, Clone, Default)]
pub struct Theme {
    pub templates: BTreeMap<String, Template>,
    pub statics: BTreeMap<String, Vec<u8>>,
}

impl Theme {
    /// The ids the templates write as they stand (`id="news-heading"`,
    /// `heading_id="new-offices-heading"` for a macro), so a
    /// heading's made-up id never takes one; ids a template builds from
    /// values are found after render, by the check stage.
    pub fn ids(&self) -> HashSet<String> {
        let mut ids = HashSet::new();
        for template in self.templates.values() {
            let text = template.text.as_str();
            // Attributes and macro arguments alike (`heading_id="…"`): an
            // id reserved too many only renames a made-up one.
            for (at, _) in text.match_indices("id=\"") {
                let value = &text[at + 4..];
                let Some(end) = value.find('"') else { continue };
                let id = &value[..end];
                if !id.is_empty() && !id.contains(['{', '}', '%']) {
                    ids.insert(id.to_string());
                }
            }
        }
        ids
    }
}

/// The built-in theme with the site's overrides applied.
pub fn load(root: &Path, name: &str, diags: &mut Diagnostics) -> Theme {
    let mut theme = Theme::default();
    collect_builtin(&BUILTIN, &mut theme);
    let theme_dir = Path::new("themes").join(name);
    let templates = theme_dir.join("templates");
    for (found, out) in walk(root, &templates, diags) {
        if let Some(text) = super::text::read_file(&root.join(&found.source), &found.rel, diags) {
            let source = found.rel;
            theme.templates.insert(out, Template { source, text });
        }
    }
    for dir in [theme_dir.join("static"), PathBuf::from("static")] {
        for (found, out) in walk(root, &dir, diags) {
            match std::fs::read(root.join(&found.source)) {
                Ok(bytes) => {
                    theme.statics.insert(out, bytes);
                }
                Err(e) => diags.push(Diagnostic::error(&found.rel, super::text::unreadable(&e))),
            }
        }
    }
    theme
}

fn collect_builtin(dir: &Dir<'static>, theme: &mut Theme) {
    for file in dir.files() {
        let path = file.path().to_string_lossy().replace('\\', "/");
        if let Some(name) = path.strip_prefix("templates/") {
            let text = file
                .contents_utf8()
                .expect("built-in templates are UTF-8")
                .to_string();
            let source = PathBuf::from(format!("(built-in theme)/{path}"));
            theme
                .templates
                .insert(name.to_string(), Template { source, text });
        } else if let Some(out) = path.strip_prefix("static/") {
            theme
                .statics
                .insert(out.to_string(), file.contents().to_vec());
        }
    }
    for sub in dir.dirs() {
        collect_builtin(sub, theme);
    }
}

/// The files below `dir` with their path relative to `dir` (`/`-separated).
fn walk(root: &Path, dir: &Path, diags: &mut Diagnostics) -> Vec<(Found, String)> {
    files::list(root, dir, None, Links::InsideSite, diags)
        .into_iter()
        .map(|found| {
            let inner = found.rel.strip_prefix(dir).expect("listed below dir");
            let out = inner.to_string_lossy().replace('\\', "/");
            (found, out)
        })
        .collect()
}
