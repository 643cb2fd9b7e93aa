//! Stage 5: putting the rendered site on disk without ever leaving half of it.
//!
//! Files go into a fresh directory beside the destination, which is swapped
//! in only when every file is written. A failed build leaves the previous
//! output exactly as it was.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use crate::render::Output;

/// Why the output could not be committed.
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    #[error("cannot write {path}: {source}")]
    Io { path: PathBuf, source: io::Error },
    #[error("{0} exists and is not a directory")]
    NotADirectory(PathBuf),
}

fn io_error(path: &Path) -> impl FnOnce(io::Error) -> WriteError + '_ {
    move |source| WriteError::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// Writes `output` to `dest`, replacing what was there in one step.
pub fn commit(output: &Output, dest: &Path) -> Result<(), WriteError> {
    if dest.exists() && !dest.is_dir() {
        return Err(WriteError::NotADirectory(dest.to_path_buf()));
    }
    let parent = dest
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    fs::create_dir_all(parent).map_err(io_error(parent))?;
    let name = dest
        .file_name()
        .map_or_else(|| "public".into(), |n| n.to_string_lossy().into_owned());
    let fresh = parent.join(format!(".{name}.renkei-new-{}", std::process::id()));
    let old = parent.join(format!(".{name}.renkei-old-{}", std::process::id()));
    if let Err(e) = write_all(output, &fresh) {
        let _ = fs::remove_dir_all(&fresh);
        return Err(e);
    }
    if dest.exists() {
        fs::rename(dest, &old).map_err(io_error(dest))?;
        if let Err(source) = fs::rename(&fresh, dest) {
            let _ = fs::rename(&old, dest);
            let _ = fs::remove_dir_all(&fresh);
            return Err(WriteError::Io {
                path: dest.to_path_buf(),
                source,
            });
        }
        fs::remove_dir_all(&old).map_err(io_error(&old))?;
    } else {
        fs::rename(&fresh, dest).map_err(io_error(dest))?;
    }
    Ok(())
}

fn write_all(output: &Output, dir: &Path) -> Result<(), WriteError> {
    if dir.exists() {
        fs::remove_dir_all(dir).map_err(io_error(dir))?;
    }
    fs::create_dir_all(dir).map_err(io_error(dir))?;
    for (path, bytes) in &output.files {
        let target = dir.join(path);
        if let Some(parent) = target.parent() {
            fs::create_dir_all(parent).map_err(io_error(parent))?;
        }
        fs::write(&target, bytes).map_err(io_error(&target))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_the_previous_output_whole() {
        let dir = tempfile::tempdir().unwrap();
        let dest = dir.path().join("public");
        commit(
            &Output::from_texts(&[("index.html", "1"), ("old/index.html", "x")]),
            &dest,
        )
        .unwrap();
        commit(&Output::from_texts(&[("index.html", "2")]), &dest).unwrap();
        assert_eq!(fs::read_to_string(dest.join("index.html")).unwrap(), "2");
        assert!(!dest.join("old").exists());
        let leftovers: Vec<_> = fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(leftovers.len(), 1);
    }

    #[test]
    fn a_failed_write_leaves_the_previous_output() {
        let dir = tempfile::tempdir().unwrap();
        let dest = dir.path().join("public");
        commit(&Output::from_texts(&[("index.html", "1")]), &dest).unwrap();
        // A file and a directory at the same path cannot both be written.
        let bad = Output::from_texts(&[("a", "file"), ("a/b.html", "nested")]);
        assert!(commit(&bad, &dest).is_err());
        assert_eq!(fs::read_to_string(dest.join("index.html")).unwrap(), "1");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }
}
