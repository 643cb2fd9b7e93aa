//! 公開用ファイルを作る: the built site as a zip for a web server without
//! Git, holding exactly what `renkei build` writes, plus a short text saying
//! where it goes. Written beside the site's inputs (never inside content/
//! or data/), under a temporary name renamed into place when whole.

use std::io::Write as _;
use std::path::{Path, PathBuf};

use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, ZipWriter};

use crate::date::Date;
use crate::messages::publish::PublishMsg;
use crate::render::Rendered;
use crate::write::{self, Destination};

/// The text inside every zip; its name says to read it first.
pub const README: &str = "はじめにお読みください.txt";

/// The zip's name for a moment in Japan (`公開用-20260301-093000.zip`).
pub fn file_name(date: Date, seconds_of_day: u32) -> String {
    let (h, m, s) = (
        seconds_of_day / 3600,
        seconds_of_day / 60 % 60,
        seconds_of_day % 60,
    );
    format!(
        "公開用-{:04}{:02}{:02}-{h:02}{m:02}{s:02}.zip",
        date.year, date.month, date.day
    )
}

/// Builds `rendered` into a temporary folder as `build` would and packs it
/// into `root/name`. Returns the zip's path.
pub fn make(root: &Path, name: &str, rendered: &Rendered) -> Result<PathBuf, PublishMsg> {
    let target = root.join(name);
    let failed = |reason: String| PublishMsg::ZipFailed {
        file: name.to_string(),
        reason,
    };
    let staging = Staging(root.join(format!(".renkei-zip-{}", std::process::id())));
    let out = staging.0.join("public");
    let dest = Destination::new(root, &out, false).map_err(|e| failed(e.to_string()))?;
    write::commit(rendered, &dest).map_err(|e| match e {
        write::CommitError::Write(e) => failed(e.to_string()),
        write::CommitError::Render(d) => failed(d.to_string()),
    })?;
    let config = &rendered.site().config;
    let readme = PublishMsg::ZipReadme {
        title: config.title.clone(),
        url: config.base_url.clone(),
    }
    .to_string();
    let partial = staging.0.join("site.zip");
    pack(&out, &readme, &partial).map_err(|e| failed(e.to_string()))?;
    std::fs::rename(&partial, &target).map_err(|e| failed(e.to_string()))?;
    Ok(target)
}

/// The folder the site is built and packed in, removed however it ends.
struct Staging(PathBuf);

impl Drop for Staging {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Every file below `dir` in path order, with one fixed time, so the same
/// site packs to the same bytes.
fn pack(dir: &Path, readme: &str, zip_path: &Path) -> std::io::Result<()> {
    let file = std::fs::File::create(zip_path)?;
    let mut zip = ZipWriter::new(std::io::BufWriter::new(file));
    let options = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .last_modified_time(DateTime::default());
    zip.start_file(README, options)?;
    zip.write_all(readme.as_bytes())?;
    for entry in walkdir::WalkDir::new(dir).sort_by_file_name() {
        let entry = entry?;
        if !entry.file_type().is_file() {
            continue;
        }
        let rel = entry.path().strip_prefix(dir).expect("walked below dir");
        let name = rel.to_string_lossy().replace('\\', "/");
        zip.start_file(name, options)?;
        zip.write_all(&std::fs::read(entry.path())?)?;
    }
    zip.finish()?
        .into_inner()
        .map_err(|e| e.into_error())?
        .sync_all()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_name_carries_the_moment_in_japan() {
        let date = Date::new(2026, 3, 1).unwrap();
        assert_eq!(
            file_name(date, 9 * 3600 + 30 * 60 + 5),
            "公開用-20260301-093005.zip"
        );
    }
}
