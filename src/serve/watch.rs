//! Watching a site's inputs: the file events of a burst of saves become one
//! change, so an editor's save (often a temp file, a rename and a chmod) or a
//! large CSV being copied in costs one rebuild, not ten.
//!
//! A change counts only once its files have settled: quiet for [`DEBOUNCE`]
//! (for a data file written where it stands, [`DATA_QUIET`]) and, on a
//! second look one such period later, of the same size and modification
//! time. A job writing a snapshot in chunks is not always seen chunk by
//! chunk (file events are lost on network and container mounts, and a write
//! through another link makes none), and a half-written snapshot must never
//! be published. Writing to a temporary name and renaming it into place
//! stays the safe and fast way (the editors' guide says so).
//!
//! Only what `build` reads is watched (`site.toml`, `content/`, `data/`,
//! `themes/`, `static/`): the output folder and the rest of the root (a
//! `target/` or `.git/` beside the site) never trigger a rebuild. Editors'
//! swap, backup and lock files are ignored with the same rule the loader
//! uses to skip them.

use std::collections::BTreeMap;
use std::path::{Component, Path, PathBuf};
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::time::{Duration, SystemTime};

use notify::event::{ModifyKind, RenameMode};
use notify::{Event, EventKind, RecommendedWatcher, RecursiveMode, Watcher as _};

use crate::load::config;
use crate::load::content::is_editor_file;
use crate::messages::serve::ServeMsg;

/// The folders of the root that `build` reads, watched with all they contain.
pub const FOLDERS: [&str; 4] = ["content", "data", "themes", "static"];

/// How long the inputs must be quiet before a burst of events counts as one
/// change. Long enough for an editor's save or a file copy to finish, short
/// enough not to be felt.
pub const DEBOUNCE: Duration = Duration::from_millis(100);

/// How long a data file written where it stands must be quiet: a job or a
/// copy over the network writes a list in chunks with pauses between them,
/// and a list published half-way shows offices as gone. A file renamed into
/// place arrives whole and waits only [`DEBOUNCE`].
pub const DATA_QUIET: Duration = Duration::from_millis(1500);

/// A watch on one site's inputs.
pub struct Watcher {
    root: PathBuf,
    watcher: RecommendedWatcher,
    events: Receiver<notify::Result<Event>>,
}

impl Watcher {
    /// Starts watching the site at `root`. Folders that do not exist yet are
    /// picked up when they are created.
    pub fn new(root: &Path) -> notify::Result<Watcher> {
        let root = root.canonicalize().map_err(notify::Error::io)?;
        let (sender, events) = channel();
        let mut watcher = notify::recommended_watcher(sender)?;
        // The root itself only for `site.toml` and for folders created later.
        watcher.watch(&root, RecursiveMode::NonRecursive)?;
        for folder in FOLDERS {
            let dir = root.join(folder);
            if dir.is_dir() {
                watcher.watch(&dir, RecursiveMode::Recursive)?;
            }
        }
        Ok(Watcher {
            root,
            watcher,
            events,
        })
    }

    /// Blocks until an input changes and then settles: no event for
    /// [`DEBOUNCE`], then the same size and modification time of every
    /// changed file on two looks [`DEBOUNCE`] apart. Returns the changed
    /// paths relative to the root, sorted. The list is empty when the system
    /// lost track of events (the whole site may have changed). `None` when
    /// watching has stopped for good.
    pub fn next_change(&mut self) -> Option<Vec<PathBuf>> {
        let mut changed = BTreeMap::new();
        while !self.take(self.events.recv().ok()?, &mut changed) {}
        // What the last look saw, once the events have gone quiet.
        let mut seen = None;
        loop {
            let quiet = if self.written_in_place(&changed) {
                DATA_QUIET
            } else {
                DEBOUNCE
            };
            match self.events.recv_timeout(quiet) {
                Ok(event) => {
                    if self.take(event, &mut changed) {
                        seen = None;
                    }
                }
                Err(RecvTimeoutError::Timeout) => {
                    let now = self.look(&changed);
                    if seen.as_ref() == Some(&now) {
                        return Some(changed.into_keys().collect());
                    }
                    seen = Some(now);
                }
                Err(RecvTimeoutError::Disconnected) => return None,
            }
        }
    }

    /// Whether a data file that is still there was written where it stands
    /// (not renamed into place whole): it may be a list still being copied.
    fn written_in_place(&self, changed: &BTreeMap<PathBuf, bool>) -> bool {
        changed.iter().any(|(rel, &renamed_in)| {
            !renamed_in && rel.starts_with("data") && self.root.join(rel).is_file()
        })
    }

    /// The size and modification time of each changed file (`None` for one
    /// that is gone or unreadable).
    fn look(&self, changed: &BTreeMap<PathBuf, bool>) -> Vec<Option<(u64, Option<SystemTime>)>> {
        changed
            .keys()
            .map(|rel| {
                let meta = std::fs::metadata(self.root.join(rel)).ok()?;
                Some((meta.len(), meta.modified().ok()))
            })
            .collect()
    }

    /// Adds the event's input paths to `changed`, each with whether its last
    /// event renamed it into place; true when it touched an input.
    fn take(
        &mut self,
        event: notify::Result<Event>,
        changed: &mut BTreeMap<PathBuf, bool>,
    ) -> bool {
        let event = match event {
            Ok(event) => event,
            Err(e) => {
                eprintln!(
                    "{}",
                    crate::diag::warning_line(ServeMsg::WatchTrouble {
                        detail: e.to_string()
                    })
                );
                return true;
            }
        };
        if matches!(event.kind, EventKind::Access(_)) {
            return false;
        }
        // A rename into place brings a whole file; a change of attributes
        // says nothing of its contents; anything else may be a write.
        let renamed_in = match event.kind {
            EventKind::Modify(ModifyKind::Name(RenameMode::To | RenameMode::Both)) => Some(true),
            EventKind::Modify(ModifyKind::Metadata(_)) => None,
            _ => Some(false),
        };
        let mut touched = false;
        for path in &event.paths {
            let Ok(rel) = path.strip_prefix(&self.root) else {
                continue;
            };
            if !is_input(rel) {
                continue;
            }
            if FOLDERS.iter().any(|f| rel == Path::new(f)) && path.is_dir() {
                // A folder created after the start (a first `static/`).
                // Watching it twice is harmless, so the error is ignored.
                let _ = self.watcher.watch(path, RecursiveMode::Recursive);
            }
            let whole = changed.entry(rel.to_path_buf()).or_insert(true);
            *whole = renamed_in.unwrap_or(*whole);
            touched = true;
        }
        touched
    }
}

/// Whether a path relative to the root is something `build` reads: `site.toml`
/// or anything under the watched folders, except editors' own files.
pub fn is_input(rel: &Path) -> bool {
    let mut components = rel.components();
    let Some(Component::Normal(first)) = components.next() else {
        return false;
    };
    let inside = if components.clone().next().is_none() {
        first == config::FILE || FOLDERS.iter().any(|f| first == *f)
    } else {
        FOLDERS.iter().any(|f| first == *f)
    };
    inside
        && !rel
            .file_name()
            .is_some_and(|name| is_editor_file(&name.to_string_lossy()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;
    use std::sync::mpsc;
    use std::thread;

    #[test]
    fn inputs_are_the_config_and_the_watched_folders() {
        for rel in [
            "site.toml",
            "content/guides/start.md",
            "data/adoption/2025-12-31.csv",
            "themes/default/templates/page.html",
            "static/css/site.css",
            "static",
        ] {
            assert!(is_input(Path::new(rel)), "{rel} is an input");
        }
        for rel in [
            "public/index.html",
            "target/debug/renkei",
            ".git/index",
            "README.md",
            ".public.renkei-new-12",
            "content/guides/.start.md.swp",
            "content/guides/start.md~",
            "content/guides/#start.md#",
            "data/~$offices.csv",
            "",
        ] {
            assert!(!is_input(Path::new(rel)), "{rel} is not an input");
        }
    }

    /// Waits for the next change on another thread, giving up after a while
    /// so a broken watcher fails the test instead of hanging it.
    fn next_change(mut watcher: Watcher) -> Option<Vec<PathBuf>> {
        let (sender, receiver) = mpsc::channel();
        thread::spawn(move || sender.send(watcher.next_change()));
        receiver
            .recv_timeout(Duration::from_secs(20))
            .ok()
            .flatten()
    }

    #[test]
    fn a_burst_of_saves_is_one_change_without_editor_files() {
        let dir = tempfile::tempdir().unwrap();
        fs::create_dir_all(dir.path().join("content/guides")).unwrap();
        fs::create_dir_all(dir.path().join("public")).unwrap();
        let watcher = Watcher::new(dir.path()).unwrap();
        let guides = dir.path().join("content/guides");
        fs::write(dir.path().join("public/index.html"), "output").unwrap();
        fs::write(guides.join(".start.md.swp"), "swap").unwrap();
        fs::write(guides.join("start.md"), "one").unwrap();
        fs::write(guides.join("start.md"), "two").unwrap();
        fs::write(dir.path().join("site.toml"), "title").unwrap();
        assert_eq!(
            next_change(watcher).unwrap(),
            [
                PathBuf::from("content/guides/start.md"),
                PathBuf::from("site.toml")
            ]
        );
    }

    #[test]
    fn a_folder_created_later_is_watched() {
        let dir = tempfile::tempdir().unwrap();
        let mut watcher = Watcher::new(dir.path()).unwrap();
        fs::create_dir_all(dir.path().join("static/css")).unwrap();
        assert!(watcher.next_change().is_some());
        fs::write(dir.path().join("static/css/site.css"), "body{}").unwrap();
        assert_eq!(
            next_change(watcher).unwrap(),
            [PathBuf::from("static/css/site.css")]
        );
    }

    #[test]
    fn a_list_written_in_chunks_is_taken_whole() {
        let dir = tempfile::tempdir().unwrap();
        fs::create_dir_all(dir.path().join("data/adoption")).unwrap();
        let watcher = Watcher::new(dir.path()).unwrap();
        let list = dir.path().join("data/adoption/2026-03-01.csv");
        let writer = {
            let list = list.clone();
            thread::spawn(move || {
                use std::io::Write;
                let mut file = fs::File::create(&list).unwrap();
                for chunk in 0..5 {
                    writeln!(file, "chunk {chunk}").unwrap();
                    file.flush().unwrap();
                    thread::sleep(Duration::from_millis(500));
                }
            })
        };
        let change = next_change(watcher).unwrap();
        assert_eq!(change, [PathBuf::from("data/adoption/2026-03-01.csv")]);
        // The change is told only once the writer has finished.
        assert!(writer.is_finished());
        assert_eq!(fs::read_to_string(&list).unwrap().lines().count(), 5);
    }

    #[test]
    fn a_list_renamed_into_place_is_taken_as_it_is() {
        let dir = tempfile::tempdir().unwrap();
        fs::create_dir_all(dir.path().join("data/adoption")).unwrap();
        let spare = dir.path().join("list.tmp");
        fs::write(&spare, "office_number\n").unwrap();
        let mut watcher = Watcher::new(dir.path()).unwrap();
        fs::rename(&spare, dir.path().join("data/adoption/2026-03-01.csv")).unwrap();
        let mut changed = BTreeMap::new();
        while changed.is_empty() {
            let event = watcher.events.recv().unwrap();
            watcher.take(event, &mut changed);
        }
        assert!(!watcher.written_in_place(&changed));
    }
}
