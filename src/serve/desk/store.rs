//! Where the desk may write, how it writes, and what it keeps.
//!
//! Every write is confined to `content/`, `data/` and `static/`, by a name
//! checked before anything is touched (no `..`, no control characters, no
//! reserved Windows names) and a path that passes through no symbolic link.
//! It is atomic (a temporary file renamed over the old one), and the
//! previous version (or the fact that there was none) goes to
//! `.renkei/history/` first, so every change can be undone. A change is
//! checked before it is written by building the whole site from a mirror of
//! its inputs with the change in place.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

use crate::date::{self, Date};
use crate::diag::Diagnostics;
use crate::messages::desk::DeskMsg;
use crate::pipeline;
use crate::render::Rendered;

/// The folders the desk may write in.
pub const WRITABLE: &[&str] = &["content", "data", "static"];

/// The folder under the site root that the desk keeps its history in;
/// `build` never reads it.
pub const HISTORY: &str = ".renkei/history";

/// The largest upload the desk takes.
pub const MAX_UPLOAD: usize = 50 * 1024 * 1024;

/// What the inputs of a build are, at the site root.
const INPUTS: &[&str] = &["site.toml", "content", "data", "themes", "static"];

/// Names Windows keeps for devices, with or without an extension.
const RESERVED: &[&str] = &[
    "con", "prn", "aux", "nul", "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8",
    "com9", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9",
];

/// The file a desk path (`content/guides/start.md`) names under `root`, when
/// the desk may write it.
pub fn writable(root: &Path, rel: &str) -> Result<PathBuf, DeskMsg> {
    let bad = || DeskMsg::BadPath {
        path: crate::diag::printable(rel).into_owned(),
    };
    let parts: Vec<&str> = rel.split('/').collect();
    if parts.len() < 2 || !WRITABLE.contains(&parts[0]) || !parts.iter().all(|p| plain_name(p)) {
        return Err(bad());
    }
    let mut path = root.to_path_buf();
    for part in &parts {
        path.push(part);
        match fs::symlink_metadata(&path) {
            Ok(meta) if meta.file_type().is_symlink() => {
                return Err(DeskMsg::ThroughLink {
                    path: rel.to_string(),
                });
            }
            Ok(_) => {}
            Err(_) => break,
        }
    }
    Ok(root.join(rel))
}

/// A name Windows, macOS and Linux all take for a plain file or folder.
fn plain_name(name: &str) -> bool {
    let stem = name.split('.').next().unwrap_or(name).to_ascii_lowercase();
    !name.is_empty()
        && name != "."
        && name != ".."
        && !name.contains("..")
        && !name
            .chars()
            .any(|c| c.is_control() || "\\/:*?\"<>|".contains(c))
        && !name.ends_with([' ', '.'])
        && !RESERVED.contains(&stem.trim_end())
}

/// One change the desk makes: a file's new bytes, or its removal.
#[derive(Debug, Clone)]
pub struct Change {
    /// Relative to the site root, `/`-separated.
    pub path: String,
    /// `None` removes the file.
    pub bytes: Option<Vec<u8>>,
}

/// The site built with `changes` in place, without writing them: a mirror of
/// the inputs (hard links where the file system allows) under `.renkei/`,
/// built for `url` and removed again.
pub fn check_with(root: &Path, url: &str, changes: &[Change]) -> (Option<Rendered>, Diagnostics) {
    let mirror = root.join(".renkei").join(format!("check-{}", nonce()));
    let built = mirror_inputs(root, &mirror)
        .and_then(|()| {
            for change in changes {
                let path = mirror.join(&change.path);
                // A hard link shares the original's bytes: unlink first.
                let _ = fs::remove_file(&path);
                if let Some(bytes) = &change.bytes {
                    if let Some(parent) = path.parent() {
                        fs::create_dir_all(parent)?;
                    }
                    fs::write(&path, bytes)?;
                }
            }
            Ok(())
        })
        .map(|()| pipeline::run(&mirror, Some(url), date::today_in_japan()));
    let _ = fs::remove_dir_all(&mirror);
    built.unwrap_or_else(|e| {
        let mut diags = Diagnostics::default();
        diags.push(crate::diag::Diagnostic::error(
            HISTORY,
            DeskMsg::CannotWrite {
                path: ".renkei".into(),
                reason: e.to_string(),
            },
        ));
        (None, diags)
    })
}

fn mirror_inputs(root: &Path, mirror: &Path) -> io::Result<()> {
    fs::create_dir_all(mirror)?;
    for input in INPUTS {
        let from = root.join(input);
        if !from.exists() {
            continue;
        }
        for entry in walkdir::WalkDir::new(&from) {
            let entry = entry.map_err(io::Error::other)?;
            let rel = entry.path().strip_prefix(root).map_err(io::Error::other)?;
            let to = mirror.join(rel);
            if entry.file_type().is_dir() {
                fs::create_dir_all(&to)?;
            } else if fs::hard_link(entry.path(), &to).is_err() {
                fs::copy(entry.path(), &to)?;
            }
        }
    }
    Ok(())
}

/// A name no other write of this run or another takes.
pub fn nonce() -> String {
    let mut bytes = [0u8; 8];
    let _ = getrandom::fill(&mut bytes);
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// What history keeps of one write: the file and whether it existed.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Entry {
    /// Its folder name under [`HISTORY`]: sorts by time.
    #[serde(skip)]
    pub id: String,
    pub path: String,
    /// Whether there was a file before (its bytes are kept beside).
    pub existed: bool,
    /// Seconds since 1970 (UTC).
    pub time: u64,
}

impl Entry {
    /// When, in Japan's time: `2025-12-01 09:30`.
    pub fn when(&self) -> String {
        let local = i64::try_from(self.time).unwrap_or(0) + 9 * 3600;
        let day = Date::from_days_since_epoch(local.div_euclid(86_400));
        let minutes = local.rem_euclid(86_400) / 60;
        format!("{day} {:02}:{:02}", minutes / 60, minutes % 60)
    }
}

/// Writes the changes atomically, each after keeping what it replaces.
pub fn apply(root: &Path, changes: &[Change]) -> Result<(), DeskMsg> {
    for change in changes {
        let path = writable(root, &change.path)?;
        let failed = |e: io::Error| DeskMsg::CannotWrite {
            path: change.path.clone(),
            reason: e.to_string(),
        };
        keep(root, &change.path, &path).map_err(failed)?;
        match &change.bytes {
            Some(bytes) => write_atomically(&path, bytes).map_err(failed)?,
            None => match fs::remove_file(&path) {
                Err(e) if e.kind() != io::ErrorKind::NotFound => return Err(failed(e)),
                _ => {}
            },
        }
    }
    Ok(())
}

/// Keeps the current version of `path` (or that it did not exist).
fn keep(root: &Path, rel: &str, path: &Path) -> io::Result<()> {
    let time = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap_or_default();
    let id = format!("{:020}-{}", time.as_nanos(), nonce());
    let folder = root.join(HISTORY).join(&id);
    fs::create_dir_all(&folder)?;
    let existed = match fs::read(path) {
        Ok(bytes) => {
            fs::write(folder.join("file"), bytes)?;
            true
        }
        Err(e) if e.kind() == io::ErrorKind::NotFound => false,
        Err(e) => return Err(e),
    };
    let entry = Entry {
        id,
        path: rel.to_string(),
        existed,
        time: time.as_secs(),
    };
    let json = serde_json::to_vec(&entry).map_err(io::Error::other)?;
    write_atomically(&folder.join("entry.json"), &json)
}

/// Writes through a temporary file beside the target, renamed over it.
fn write_atomically(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let parent = path.parent().unwrap_or(Path::new("."));
    fs::create_dir_all(parent)?;
    let temp = parent.join(format!(".renkei-{}.tmp", nonce()));
    fs::write(&temp, bytes)?;
    fs::rename(&temp, path).inspect_err(|_| {
        let _ = fs::remove_file(&temp);
    })
}

/// Every kept version, newest first.
pub fn history(root: &Path) -> Vec<Entry> {
    let Ok(folders) = fs::read_dir(root.join(HISTORY)) else {
        return Vec::new();
    };
    let mut entries: Vec<Entry> = folders
        .filter_map(Result::ok)
        .filter_map(|folder| {
            let id = folder.file_name().to_string_lossy().into_owned();
            let json = fs::read(folder.path().join("entry.json")).ok()?;
            let entry: Entry = serde_json::from_slice(&json).ok()?;
            Some(Entry { id, ..entry })
        })
        .collect();
    entries.sort_by(|a, b| b.id.cmp(&a.id));
    entries
}

/// The change that puts back the version kept as `id`.
pub fn restoring(root: &Path, id: &str) -> Option<Change> {
    let entry = history(root).into_iter().find(|e| e.id == id)?;
    let bytes = if entry.existed {
        Some(fs::read(root.join(HISTORY).join(id).join("file")).ok()?)
    } else {
        None
    };
    Some(Change {
        path: entry.path,
        bytes,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_plain_names_inside_the_writable_folders() {
        let root = Path::new("/nonexistent-site");
        for ok in [
            "content/guides/start.md",
            "data/adoption/2025-12-01.csv",
            "static/img/logo.png",
            "content/ガイド.md",
        ] {
            assert!(writable(root, ok).is_ok(), "{ok}");
        }
        for bad in [
            "site.toml",
            "themes/default/templates/page.html",
            ".renkei/history/x",
            "content",
            "content/../site.toml",
            "content/guides/../../site.toml",
            "/etc/passwd",
            "content//x.md",
            "content/a\u{7}.md",
            "content/a\nb.md",
            "content/CON",
            "content/nul.txt",
            "content/Com1.md",
            "content/a:b.md",
            "content/a\\..\\b.md",
            "content/x.md.",
        ] {
            assert!(writable(root, bad).is_err(), "{bad:?}");
        }
    }
}
