//! Listing the files of an input folder, the one way every loader does it.
//!
//! Files come in name order (so output never depends on the file system),
//! editors' swap and backup files are left out, and symbolic links are
//! followed: a snapshot dropped in as a link is data like any other. Links
//! under `content/`, `themes/` and `static/` that lead out of the site are
//! reported and left out, so a link cannot publish a file from elsewhere on
//! the computer. Names are read in Unicode NFC: macOS writes `が` as `か` and
//! a combining mark (NFD), which would otherwise be a second page beside the
//! same name typed on Windows; two files whose names differ only so are an
//! error.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use unicode_normalization::UnicodeNormalization;
use walkdir::WalkDir;

use crate::diag::{Diagnostic, Diagnostics};
use crate::messages::common;
use crate::messages::load::ReadMsg;

/// A file found below an input folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// Relative to the site root, in NFC: the name the site uses.
    pub rel: PathBuf,
    /// Relative to the site root, as on disk: the name to read it by.
    pub source: PathBuf,
}

/// Where a symbolic link below the folder may lead.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Links {
    /// Anywhere (data files).
    Anywhere,
    /// Only to files inside the site's folder (what gets published).
    InsideSite,
}

/// The files below `dir` (relative to `root`), at most `max_depth` folders
/// deep when given (1: the folder's own files).
pub fn list(
    root: &Path,
    dir: &Path,
    max_depth: Option<usize>,
    links: Links,
    diags: &mut Diagnostics,
) -> Vec<Found> {
    let full = root.join(dir);
    if !full.is_dir() {
        return Vec::new();
    }
    let site = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
    let mut walk = WalkDir::new(&full)
        .min_depth(1)
        .follow_links(true)
        .sort_by_file_name();
    if let Some(depth) = max_depth {
        walk = walk.max_depth(depth);
    }
    let mut by_name: BTreeMap<PathBuf, PathBuf> = BTreeMap::new();
    let mut found = Vec::new();
    let mut entries = walk.into_iter();
    while let Some(entry) = entries.next() {
        let entry = match entry {
            Ok(entry) => entry,
            Err(e) => {
                let message = match (e.loop_ancestor(), e.io_error()) {
                    (Some(ancestor), _) => ReadMsg::FolderLoop {
                        path: ancestor.display().to_string(),
                    },
                    (None, Some(io)) => ReadMsg::FolderUnreadable {
                        reason: common::io(io),
                    },
                    (None, None) => ReadMsg::FolderUnreadable {
                        reason: common::CommonMsg::IoOther {
                            detail: e.to_string(),
                        }
                        .into(),
                    },
                };
                diags.push(Diagnostic::error(dir, message));
                continue;
            }
        };
        let source = entry
            .path()
            .strip_prefix(root)
            .expect("walked below the root")
            .to_path_buf();
        if entry.path_is_symlink() && links == Links::InsideSite {
            let target = entry.path().canonicalize();
            if let Some(target) = target.ok().filter(|t| !t.starts_with(&site)) {
                diags.push(Diagnostic::warning(
                    &source,
                    ReadMsg::LinkOutside {
                        target: target.display().to_string(),
                    },
                ));
                if entry.file_type().is_dir() {
                    entries.skip_current_dir();
                }
                continue;
            }
        }
        if !entry.file_type().is_file()
            || super::content::is_editor_file(&entry.file_name().to_string_lossy())
        {
            continue;
        }
        let rel = nfc(&source);
        if let Some(first) = by_name.get(&rel) {
            diags.push(Diagnostic::error(
                &rel,
                ReadMsg::TwoSpellings {
                    first: first.display().to_string(),
                    second: source.display().to_string(),
                },
            ));
            continue;
        }
        by_name.insert(rel.clone(), source.clone());
        found.push(Found { rel, source });
    }
    found
}

/// The path with its names in Unicode NFC.
fn nfc(path: &Path) -> PathBuf {
    match path.to_str() {
        Some(text) if !unicode_normalization::is_nfc(text) => text.nfc().collect::<String>().into(),
        _ => path.to_path_buf(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    /// The files under `content/` of the site at `root`.
    fn content_files(root: &Path, diags: &mut Diagnostics) -> Vec<Found> {
        list(root, Path::new("content"), None, Links::InsideSite, diags)
    }

    #[test]
    fn names_are_read_in_nfc_and_a_second_spelling_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        let guides = dir.path().join("content/guides");
        fs::create_dir_all(&guides).unwrap();
        let decomposed = "か\u{3099}いと.md";
        fs::write(guides.join(decomposed), "").unwrap();
        let mut diags = Diagnostics::default();
        let mut content = || content_files(dir.path(), &mut diags);
        assert_eq!(
            content(),
            [Found {
                rel: PathBuf::from("content/guides/がいと.md"),
                source: PathBuf::from(format!("content/guides/{decomposed}")),
            }]
        );
        fs::write(guides.join("がいと.md"), "").unwrap();
        assert_eq!(content().len(), 1);
        let errors: Vec<String> = diags.into_iter().map(|d| d.to_string()).collect();
        assert_eq!(errors.len(), 1);
        assert!(
            errors[0].starts_with("error: content/guides/がいと.md: two files have this name, written with different Unicode characters"),
            "{errors:?}"
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_link_back_to_its_own_folder_is_named() {
        let dir = tempfile::tempdir().unwrap();
        let guides = dir.path().join("content/guides");
        fs::create_dir_all(&guides).unwrap();
        std::os::unix::fs::symlink(dir.path().join("content"), guides.join("back")).unwrap();
        let mut diags = Diagnostics::default();
        content_files(dir.path(), &mut diags);
        let found: Vec<Diagnostic> = diags.into_iter().collect();
        assert_eq!(found.len(), 1, "{found:?}");
        let content = dir.path().join("content").canonicalize().unwrap();
        assert_eq!(
            found[0].message.en(),
            format!(
                "a link in this folder leads back to {}, which contains it: remove the link",
                content.display()
            )
        );
        assert!(
            found[0]
                .message
                .ja()
                .starts_with("フォルダの中に、それを含むフォルダ")
        );
    }
}
