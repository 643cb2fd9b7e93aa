//! Stage 1 of the pipeline: read every input of a site and check each on its own.
//!
//! Loading never stops at the first problem: each file is read as far as it
//! can be and every finding is collected with its place, so `renkei check`
//! lists all mistakes in one run. Checks that need several files together
//! (an office's municipality, a snapshot's offices) belong to the model.

pub mod config;
pub mod content;
pub mod data;
pub mod dates;
pub mod files;
pub mod limits;
pub mod sheet;
pub mod table;
pub mod text;
pub mod theme;
pub mod toml_error;

use std::path::{Path, PathBuf};

use crate::date::Date;
use crate::diag::Diagnostics;

/// Everything a site is built from, as read.
#[derive(Debug, Clone)]
pub struct Inputs {
    pub root: PathBuf,
    pub config: config::Config,
    pub data: data::DataFiles,
    pub pages: Vec<content::SourcePage>,
    pub assets: Vec<content::Asset>,
    pub theme: theme::Theme,
}

/// Reads the site at `root` as of `today` (the build's day, passed in so the
/// pipeline never reads the clock). `None` when `site.toml` itself is
/// unusable; every other problem is in `diags` and the readable rest is
/// returned.
pub fn load(
    root: &Path,
    base_url: Option<&str>,
    today: Date,
    diags: &mut Diagnostics,
) -> Option<Inputs> {
    let config = config::load(root, base_url, diags);
    let data = data::load(root, today, diags);
    let (pages, assets) = content::load(root, diags);
    let theme_name = config.as_ref().map_or("default", |c| c.theme.as_str());
    let theme = theme::load(root, theme_name, diags);
    Some(Inputs {
        root: root.to_path_buf(),
        config: config?,
        data,
        pages,
        assets,
        theme,
    })
}
