//! Stage 5: putting the rendered site on disk without ever leaving half of it,
//! and without ever touching a folder renkei does not own.
//!
//! A destination is checked before anything is built ([`Destination::new`]):
//! it must not be the site, hold the site, lie in a folder the site is read
//! from, or look like a site of its own, whatever name it is reached by
//! (folders are compared by identity, not spelling); an existing folder is
//! replaced only when it is empty or carries [`MARKER`], the file every
//! output of renkei holds (`--force` takes over any other folder once; it
//! then carries the marker).
//!
//! One build writes an output at a time (an advisory lock on
//! `.public.renkei-lock` beside it). Files go into a fresh directory beside
//! the destination, which replaces it in one step when every file is
//! written: `renameat2(RENAME_EXCHANGE)` on Linux, so there is no moment
//! without an output; elsewhere the old folder is renamed aside and the new
//! one renamed into the absent place. A destination that cannot be renamed
//! (a mount point such as a Docker volume) is updated in place: the whole
//! output is first staged inside it with the list of its files, and only then
//! is every file renamed over its old one; a build killed during the renames
//! is completed by the next build before it does anything else. Either way a
//! failed build changes nothing. Staging folders left by a killed build
//! (`.public.renkei-new-PID`, `.public.renkei-old-PID`, `public/.renkei-new-PID`)
//! are removed by the next build of the same output.

use std::collections::BTreeSet;
use std::fs;
use std::io;
use std::path::{Component, Path, PathBuf};

use crate::diag::Diagnostic;
use crate::messages::common;
use crate::messages::write::WriteMsg;
use crate::render::{Files, OfficePages, Rendered, Streamed};

/// The file in every output that marks the folder as renkei's to replace.
pub const MARKER: &str = ".renkei-output";

/// Both languages at once: the output is the same whatever `--lang` says.
const MARKER_TEXT: &str = "このフォルダーは `renkei build` が書き出し、ビルドのたびに丸ごと置き換えます。\n置き換えさせたくないときは、このファイルを消してください。\nThis folder is written by `renkei build` and replaced whole by every build.\nDelete this file to keep renkei from replacing the folder.\n";

/// The folders of a site that renkei reads: an output inside one is refused.
const INPUT_FOLDERS: [&str; 4] = ["content", "data", "themes", "static"];

/// Why the output could not be committed, or may not be written at all.
/// Its text is a [`WriteMsg`], in the run's language.
#[derive(Debug)]
pub enum WriteError {
    Io { path: PathBuf, source: io::Error },
    NotADirectory(PathBuf),
    SiteRoot(PathBuf),
    HoldsSite(PathBuf),
    InsideInputs { out: PathBuf, folder: &'static str },
    NotOurs(PathBuf),
    LooksLikeSite { out: PathBuf, what: String },
}

impl WriteError {
    /// What went wrong, in both languages.
    pub fn message(&self) -> WriteMsg {
        let shown = |path: &Path| path.display().to_string();
        match self {
            WriteError::Io { path, source } => WriteMsg::Io {
                path: shown(path),
                reason: common::io(source),
            },
            WriteError::NotADirectory(path) => WriteMsg::NotADirectory { path: shown(path) },
            WriteError::SiteRoot(path) => WriteMsg::SiteRoot { path: shown(path) },
            WriteError::HoldsSite(path) => WriteMsg::HoldsSite { path: shown(path) },
            WriteError::InsideInputs { out, folder } => WriteMsg::InsideInputs {
                path: shown(out),
                folder: folder.to_string(),
            },
            WriteError::NotOurs(path) => WriteMsg::NotOurs {
                path: shown(path),
                marker: MARKER.to_string(),
            },
            WriteError::LooksLikeSite { out, what } => WriteMsg::LooksLikeSite {
                path: shown(out),
                what: what.clone(),
            },
        }
    }
}

impl std::fmt::Display for WriteError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.message().fmt(f)
    }
}

impl std::error::Error for WriteError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            WriteError::Io { source, .. } => Some(source),
            _ => None,
        }
    }
}

/// Why a build was not committed: the disk refused a file, or an office
/// page did not render while it was being written.
#[derive(Debug)]
pub enum CommitError {
    Write(WriteError),
    Render(Diagnostic),
}

impl From<WriteError> for CommitError {
    fn from(e: WriteError) -> CommitError {
        CommitError::Write(e)
    }
}

/// What goes on disk: files held in memory, and for `build` the office
/// pages, rendered in parallel as they are written.
#[derive(Clone, Copy)]
pub struct Contents<'r> {
    files: &'r Files,
    offices: Option<OfficePages<'r>>,
}

impl<'r> From<&'r Rendered> for Contents<'r> {
    fn from(rendered: &'r Rendered) -> Contents<'r> {
        Contents {
            files: &rendered.files,
            offices: Some(rendered.offices()),
        }
    }
}

/// Files alone, for tests of the write stage.
#[cfg(test)]
impl<'r> From<&'r Files> for Contents<'r> {
    fn from(files: &'r Files) -> Contents<'r> {
        Contents {
            files,
            offices: None,
        }
    }
}

impl Contents<'_> {
    /// Every output path, the marker's included.
    fn paths(&self) -> BTreeSet<PathBuf> {
        let offices = self.offices.into_iter().flat_map(|o| o.paths());
        self.files
            .keys()
            .map(String::as_str)
            .chain(offices)
            .chain([MARKER])
            .map(PathBuf::from)
            .collect()
    }
}

fn io_error(path: &Path) -> impl FnOnce(io::Error) -> WriteError + '_ {
    move |source| WriteError::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// An output folder that has been checked to be writable by renkei.
#[derive(Debug, Clone)]
pub struct Destination {
    /// As the user named it, for messages.
    shown: PathBuf,
    /// Absolute, with symbolic links resolved.
    path: PathBuf,
    /// The site's folder, resolved the same way.
    root: PathBuf,
    /// Take over a folder without the marker.
    force: bool,
}

impl Destination {
    /// Checks `out` as the output of the site at `root`: refused when it is
    /// the site, holds it, lies in one of its input folders, or looks like a
    /// site of its own (whatever `force` says), and when it is a folder of
    /// someone else's files (unless `force`).
    pub fn new(root: &Path, out: &Path, force: bool) -> Result<Destination, WriteError> {
        let destination = Destination {
            shown: out.to_path_buf(),
            path: resolve(out),
            root: resolve(root),
            force,
        };
        destination.check_owner()?;
        destination.recover()?;
        Ok(destination)
    }

    /// The folder, as the user named it.
    pub fn shown(&self) -> &Path {
        &self.shown
    }

    fn parent(&self) -> &Path {
        self.path.parent().unwrap_or(Path::new("/"))
    }

    fn name(&self) -> String {
        self.path
            .file_name()
            .map_or_else(|| "public".into(), |n| n.to_string_lossy().into_owned())
    }

    /// Holds this output for one build. The lock file stands beside the
    /// output (`.public.renkei-lock`) while a build writes; the system
    /// releases the lock when a build dies.
    fn lock(&self) -> Result<OutputLock, WriteError> {
        let parent = self.parent();
        fs::create_dir_all(parent).map_err(io_error(parent))?;
        OutputLock::acquire(
            parent.join(format!(".{}.renkei-lock", self.name())),
            &self.shown,
        )
    }

    /// Puts right what a killed build left: an in-place update it had begun
    /// is completed, and its staging folders are removed, before this build
    /// reads or writes anything, so the output is whole even when this
    /// build then fails.
    fn recover(&self) -> Result<(), WriteError> {
        if !self.parent().is_dir() {
            return Ok(());
        }
        let _lock = self.lock()?;
        self.remove_leftovers()
    }

    /// Removes or completes what killed builds left; the lock is held.
    fn remove_leftovers(&self) -> Result<(), WriteError> {
        remove_leftovers(self.parent(), &format!(".{}.renkei-", self.name()));
        if self.path.is_dir() {
            finish_in_place(&self.path)?;
        }
        Ok(())
    }

    /// Whether the folder (still) is renkei's to replace. Folders are
    /// compared by what they are (device and inode, on Windows the file
    /// id), not by how they are spelled: a bind mount, a symlinked parent, a
    /// junction or another letter case of the site is still the site.
    fn check_owner(&self) -> Result<(), WriteError> {
        let shown = || self.shown.clone();
        let out = identities(&self.path);
        if let Some(site) = identity(&self.root) {
            if out
                .first()
                .is_some_and(|(at, id)| *at == self.path && *id == site)
            {
                return Err(WriteError::SiteRoot(shown()));
            }
            let holds = identities(&self.root);
            if let Some((_, here)) = out.first().filter(|(at, _)| *at == self.path)
                && holds.iter().any(|(_, id)| id == here)
            {
                return Err(WriteError::HoldsSite(shown()));
            }
            // Where the way down passes through the site, the folder it
            // takes there; and any input folder reached another way.
            let through_site = out
                .iter()
                .filter(|(_, id)| *id == site)
                .filter_map(|(at, _)| self.path.strip_prefix(at).ok()?.components().next());
            let taken = through_site
                .filter_map(|first| INPUT_FOLDERS.into_iter().find(|f| first.as_os_str() == *f));
            let reached = INPUT_FOLDERS.into_iter().filter(|folder| {
                identity(&self.root.join(folder))
                    .is_some_and(|input| out.iter().any(|(_, id)| *id == input))
            });
            if let Some(folder) = taken.chain(reached).next() {
                return Err(WriteError::InsideInputs {
                    out: shown(),
                    folder,
                });
            }
        }
        let Ok(meta) = fs::metadata(&self.path) else {
            return Ok(());
        };
        if !meta.is_dir() {
            return Err(WriteError::NotADirectory(shown()));
        }
        if let Some(what) = site_sign(&self.path) {
            return Err(WriteError::LooksLikeSite { out: shown(), what });
        }
        if self.path.join(MARKER).is_file() {
            return Ok(());
        }
        let mut entries = fs::read_dir(&self.path).map_err(io_error(&self.shown))?;
        if entries.next().is_none() {
            return Ok(());
        }
        if !self.force {
            return Err(WriteError::NotOurs(shown()));
        }
        self.check_takeover()
    }

    /// `--force` replaces a folder of someone else's files whole, so nothing
    /// in it may be a site, a repository, or a second way into this site.
    fn check_takeover(&self) -> Result<(), WriteError> {
        let site = identity(&self.root);
        for entry in walkdir::WalkDir::new(&self.path).min_depth(1) {
            let entry = entry.map_err(|e| io_error(&self.shown)(e.into()))?;
            let held = |what: &str| WriteError::LooksLikeSite {
                out: entry.path().to_path_buf(),
                what: what.to_string(),
            };
            let name = entry.file_name();
            if name == ".git" || name == "site.toml" {
                return Err(held(&name.to_string_lossy()));
            }
            if entry.file_type().is_dir() && site.is_some() && identity(entry.path()) == site {
                return Err(WriteError::HoldsSite(self.shown.clone()));
            }
        }
        Ok(())
    }
}

/// What a folder is, whatever its name.
fn identity(path: &Path) -> Option<same_file::Handle> {
    same_file::Handle::from_path(path).ok()
}

/// `path` and each of its folders up to the root of the file system that
/// exists, with what it is: the output's way down, compared with the
/// site's folders.
fn identities(path: &Path) -> Vec<(PathBuf, same_file::Handle)> {
    path.ancestors()
        .filter_map(|at| identity(at).map(|id| (at.to_path_buf(), id)))
        .collect()
}

/// What marks `dir` as a site or a repository rather than an output: a
/// `site.toml`, a `.git`, or a `content/` folder that is not a page of a
/// built site (a page's folder holds its `index.html`).
fn site_sign(dir: &Path) -> Option<String> {
    if dir.join("site.toml").exists() {
        return Some("site.toml".into());
    }
    if fs::symlink_metadata(dir.join(".git")).is_ok() {
        return Some(".git".into());
    }
    let content = dir.join("content");
    (content.is_dir() && !content.join("index.html").is_file()).then(|| "content/".into())
}

/// `path` made absolute, `.` and `..` applied and symbolic links resolved as
/// far as the path exists, so two spellings of one folder compare equal.
fn resolve(path: &Path) -> PathBuf {
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let mut resolved = PathBuf::new();
    for component in absolute.components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir => {
                resolved.pop();
            }
            other => {
                resolved.push(other);
                if let Ok(real) = resolved.canonicalize() {
                    resolved = real;
                }
            }
        }
    }
    resolved
}

/// Writes `contents` (and the marker) to `dest`, replacing what was there in
/// one step where the system allows it. One build writes an output at a
/// time: a second one waits for the first to finish.
pub fn commit<'r>(
    contents: impl Into<Contents<'r>>,
    dest: &Destination,
) -> Result<(), CommitError> {
    let output = contents.into();
    let _lock = dest.lock()?;
    dest.check_owner()?;
    dest.remove_leftovers()?;
    let path = &dest.path;
    let parent = dest.parent();
    if path.is_dir() && is_mount_point(path, parent) {
        return update_in_place(output, path);
    }
    let name = dest.name();
    let pid = std::process::id();
    let fresh = parent.join(format!(".{name}.renkei-new-{pid}"));
    if let Err(e) = write_all(output, &fresh) {
        let _ = fs::remove_dir_all(&fresh);
        return Err(e);
    }
    let swapped = if path.exists() {
        swap(
            &fresh,
            path,
            &parent.join(format!(".{name}.renkei-old-{pid}")),
        )
    } else {
        fs::rename(&fresh, path)
    };
    match swapped {
        Ok(()) => Ok(()),
        Err(e) if refused_rename(&e) && path.is_dir() => {
            let _ = fs::remove_dir_all(&fresh);
            update_in_place(output, path)
        }
        Err(source) => {
            let _ = fs::remove_dir_all(&fresh);
            Err(WriteError::Io {
                path: dest.shown.clone(),
                source,
            }
            .into())
        }
    }
}

/// A rename the system refuses for this folder as such (a mount point, a
/// folder on another device), not for a passing reason.
fn refused_rename(e: &io::Error) -> bool {
    matches!(
        e.kind(),
        io::ErrorKind::ResourceBusy | io::ErrorKind::CrossesDevices
    )
}

#[cfg(unix)]
fn is_mount_point(dir: &Path, parent: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (fs::metadata(dir), fs::metadata(parent)) {
        (Ok(dir), Ok(parent)) => dir.dev() != parent.dev(),
        _ => false,
    }
}

/// Elsewhere a mount point shows itself when the rename is refused.
#[cfg(not(unix))]
fn is_mount_point(_dir: &Path, _parent: &Path) -> bool {
    false
}

/// Puts the complete `fresh` folder at `dest`, the old one going away after.
#[cfg(target_os = "linux")]
fn swap(fresh: &Path, dest: &Path, old: &Path) -> io::Result<()> {
    match exchange(fresh, dest) {
        // `fresh` now names the previous output.
        Ok(()) => fs::remove_dir_all(fresh),
        // A file system without the exchange (or an old kernel).
        Err(e)
            if matches!(
                e.kind(),
                io::ErrorKind::InvalidInput | io::ErrorKind::Unsupported
            ) =>
        {
            swap_aside(fresh, dest, old)
        }
        Err(e) => Err(e),
    }
}

#[cfg(not(target_os = "linux"))]
fn swap(fresh: &Path, dest: &Path, old: &Path) -> io::Result<()> {
    swap_aside(fresh, dest, old)
}

/// Exchanges two paths in one step (`renameat2` with `RENAME_EXCHANGE`).
#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> io::Result<()> {
    use std::ffi::CString;
    use std::os::unix::ffi::OsStrExt;
    let a = CString::new(a.as_os_str().as_bytes())?;
    let b = CString::new(b.as_os_str().as_bytes())?;
    // SAFETY: both are valid NUL-terminated paths that outlive the call.
    let done = unsafe {
        libc::renameat2(
            libc::AT_FDCWD,
            a.as_ptr(),
            libc::AT_FDCWD,
            b.as_ptr(),
            libc::RENAME_EXCHANGE,
        )
    };
    if done == 0 {
        Ok(())
    } else {
        Err(io::Error::last_os_error())
    }
}

/// The old output renamed aside, the new one renamed into the absent place.
fn swap_aside(fresh: &Path, dest: &Path, old: &Path) -> io::Result<()> {
    fs::rename(dest, old)?;
    if let Err(e) = fs::rename(fresh, dest) {
        let _ = fs::rename(old, dest);
        return Err(e);
    }
    fs::remove_dir_all(old)
}

/// Updates `dest` file by file: the whole output is staged inside it first
/// (a failure there changes nothing), the list of its files written beside
/// it, and the folder renamed to say it is ready; only then is each file
/// renamed over its old one. A build killed during the renames leaves a
/// ready folder, which the next build completes ([`finish_in_place`]).
fn update_in_place(output: Contents, dest: &Path) -> Result<(), CommitError> {
    let pid = std::process::id();
    let staging = dest.join(format!("{STAGING}{pid}"));
    let wanted = output.paths();
    let staged = write_all(output, &staging).and_then(|()| {
        let list: String = wanted
            .iter()
            .map(|p| format!("{}\n", p.display()))
            .collect();
        Ok(write_file(&staging.join(JOURNAL), list.as_bytes())?)
    });
    if let Err(e) = staged {
        let _ = fs::remove_dir_all(&staging);
        return Err(e);
    }
    let ready = dest.join(format!("{READY}{pid}"));
    fs::rename(&staging, &ready).map_err(io_error(&ready))?;
    Ok(complete(dest, &ready)?)
}

/// Staging folders inside an output updated in place: being written, and
/// written whole with the list of files to put in place.
const STAGING: &str = ".renkei-new-";
const READY: &str = ".renkei-ready-";
/// The list of the output's files in a ready folder.
const JOURNAL: &str = ".renkei-files";

/// Completes what a killed in-place update left in `dest`: a ready folder
/// is put in place, a partly written staging folder removed.
fn finish_in_place(dest: &Path) -> Result<(), WriteError> {
    let Ok(entries) = fs::read_dir(dest) else {
        return Ok(());
    };
    let mut names: Vec<String> = entries
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    for name in names {
        let at = dest.join(&name);
        if name.starts_with(READY) {
            complete(dest, &at)?;
        } else if name.starts_with(STAGING) {
            fs::remove_dir_all(&at).map_err(io_error(&at))?;
        }
    }
    Ok(())
}

/// Moves every listed file of the ready folder `ready` over its place in
/// `dest`, removes what the list lacks, then the folder. Safe to repeat
/// after it was cut short: files already moved are no longer in `ready`.
fn complete(dest: &Path, ready: &Path) -> Result<(), WriteError> {
    let journal = ready.join(JOURNAL);
    let list = match fs::read_to_string(&journal) {
        Ok(list) => list,
        // Only the removal of the emptied folder was cut short.
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            return fs::remove_dir_all(ready).map_err(io_error(ready));
        }
        Err(e) => return Err(io_error(&journal)(e)),
    };
    let wanted: BTreeSet<PathBuf> = list.lines().map(PathBuf::from).collect();
    for rel in &wanted {
        let staged = ready.join(rel);
        if fs::symlink_metadata(&staged).is_err() {
            continue;
        }
        let target = dest.join(rel);
        make_room(dest, rel)?;
        if let Some(parent) = target.parent() {
            fs::create_dir_all(parent).map_err(io_error(parent))?;
        }
        fs::rename(&staged, &target).map_err(io_error(&target))?;
    }
    remove_unwanted(dest, &wanted)?;
    fs::remove_dir_all(ready).map_err(io_error(ready))
}

/// Removes what stands where the file `rel` goes: a folder at its place, or
/// a file where one of its folders goes.
fn make_room(dest: &Path, rel: &Path) -> Result<(), WriteError> {
    let mut at = dest.to_path_buf();
    let mut components = rel.components().peekable();
    while let Some(component) = components.next() {
        at.push(component);
        let Ok(meta) = fs::symlink_metadata(&at) else {
            return Ok(());
        };
        let last = components.peek().is_none();
        if last && meta.is_dir() {
            fs::remove_dir_all(&at).map_err(io_error(&at))?;
        } else if !last && !meta.is_dir() {
            fs::remove_file(&at).map_err(io_error(&at))?;
        }
    }
    Ok(())
}

/// Removes every file of `dest` not in `wanted` (staging and ready folders
/// left alone), then the folders left empty. Each top-level entry is walked
/// on its own: walkdir's `filter_entry` does not skip a folder when the walk
/// yields contents first.
fn remove_unwanted(dest: &Path, wanted: &BTreeSet<PathBuf>) -> Result<(), WriteError> {
    let mut tops: Vec<PathBuf> = fs::read_dir(dest)
        .map_err(io_error(dest))?
        .flatten()
        .filter(|e| !is_staging(&e.file_name().to_string_lossy()))
        .map(|e| e.path())
        .collect();
    tops.sort();
    for top in tops {
        let walk = walkdir::WalkDir::new(&top)
            .contents_first(true)
            .sort_by_file_name();
        for entry in walk {
            let entry = entry.map_err(|e| io_error(dest)(e.into()))?;
            let rel = entry.path().strip_prefix(dest).expect("walked below dest");
            if entry.file_type().is_dir() {
                // Not empty when it still holds wanted files.
                let _ = fs::remove_dir(entry.path());
            } else if !wanted.contains(rel) {
                fs::remove_file(entry.path()).map_err(io_error(entry.path()))?;
            }
        }
    }
    Ok(())
}

fn is_staging(name: &str) -> bool {
    name.starts_with(STAGING) || name.starts_with(READY)
}

/// Removes the entries of `dir` named `PREFIX{new,old}-PID`: what a killed
/// build left behind (called with the output's lock held, so no build is
/// writing them).
fn remove_leftovers(dir: &Path, prefix: &str) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let leftover = name
            .strip_prefix(prefix)
            .and_then(|rest| rest.strip_prefix("new-").or(rest.strip_prefix("old-")))
            .is_some_and(|pid| pid.parse::<u32>().is_ok());
        if leftover {
            let _ = fs::remove_dir_all(entry.path());
        }
    }
}

/// The lock of one output: an advisory lock on a file beside it, taken for
/// the write and released by the system if the process dies.
struct OutputLock {
    path: PathBuf,
    _file: fs::File,
}

impl OutputLock {
    fn acquire(path: PathBuf, shown: &Path) -> Result<OutputLock, WriteError> {
        let mut told = false;
        loop {
            let file = fs::OpenOptions::new()
                .create(true)
                .truncate(false)
                .write(true)
                .open(&path)
                .map_err(io_error(&path))?;
            match file.try_lock() {
                Ok(()) => {}
                Err(fs::TryLockError::WouldBlock) => {
                    if !told {
                        eprintln!(
                            "{}",
                            WriteMsg::Waiting {
                                path: shown.display().to_string()
                            }
                        );
                        told = true;
                    }
                    file.lock().map_err(io_error(&path))?;
                }
                Err(fs::TryLockError::Error(e)) => return Err(io_error(&path)(e)),
            }
            // The build that held it may have removed the file meanwhile:
            // a lock on a removed file holds nothing.
            let held = same_file::Handle::from_file(file.try_clone().map_err(io_error(&path))?);
            if held.ok() == identity(&path) {
                return Ok(OutputLock { path, _file: file });
            }
        }
    }
}

impl Drop for OutputLock {
    /// The file goes while the lock is held, so no build is left waiting
    /// on it unknowingly (Windows keeps it: an open file cannot go there).
    fn drop(&mut self) {
        if cfg!(unix) {
            let _ = fs::remove_file(&self.path);
        }
    }
}

fn write_all(output: Contents, dir: &Path) -> Result<(), CommitError> {
    if dir.exists() {
        fs::remove_dir_all(dir).map_err(io_error(dir))?;
    }
    fs::create_dir_all(dir).map_err(io_error(dir))?;
    let files = output
        .files
        .iter()
        .map(|(path, bytes)| (path.as_str(), bytes.as_slice()))
        .chain([(MARKER, MARKER_TEXT.as_bytes())]);
    for (path, bytes) in files {
        write_file(&dir.join(path), bytes)?;
    }
    let Some(offices) = output.offices else {
        return Ok(());
    };
    offices
        .try_for_each(|path, bytes| write_file(&dir.join(path), &bytes))
        .map_err(|stopped| match stopped {
            Streamed::Render(d) => CommitError::Render(d),
            Streamed::Sink(e) => CommitError::Write(e),
        })
}

fn write_file(target: &Path, bytes: &[u8]) -> Result<(), WriteError> {
    if let Some(parent) = target.parent() {
        fs::create_dir_all(parent).map_err(io_error(parent))?;
    }
    fs::write(target, bytes).map_err(io_error(target))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::files_of;

    fn names(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    fn site() -> (tempfile::TempDir, PathBuf) {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("site");
        fs::create_dir_all(root.join("content")).unwrap();
        (dir, root)
    }

    #[test]
    fn replaces_the_previous_output_whole() {
        let (_dir, root) = site();
        let dest = Destination::new(&root, &root.join("public"), false).unwrap();
        commit(
            &files_of(&[("index.html", "1"), ("old/index.html", "x")]),
            &dest,
        )
        .unwrap();
        commit(&files_of(&[("index.html", "2")]), &dest).unwrap();
        let public = root.join("public");
        assert_eq!(fs::read_to_string(public.join("index.html")).unwrap(), "2");
        assert_eq!(names(&public), [MARKER, "index.html"]);
        assert_eq!(names(&root), ["content", "public"]);
    }

    #[test]
    fn a_failed_write_leaves_the_previous_output() {
        let (_dir, root) = site();
        let dest = Destination::new(&root, &root.join("public"), false).unwrap();
        commit(&files_of(&[("index.html", "1")]), &dest).unwrap();
        // A file and a directory at the same path cannot both be written.
        let bad = files_of(&[("a", "file"), ("a/b.html", "nested")]);
        assert!(commit(&bad, &dest).is_err());
        let public = root.join("public");
        assert_eq!(fs::read_to_string(public.join("index.html")).unwrap(), "1");
        assert_eq!(names(&root), ["content", "public"]);
        assert!(update_in_place((&bad).into(), &public).is_err());
        assert_eq!(names(&public), [MARKER, "index.html"]);
    }

    #[test]
    fn the_site_and_its_inputs_are_never_an_output() {
        let (dir, root) = site();
        for (out, force) in [(root.clone(), true), (root.join("x/.."), false)] {
            assert!(matches!(
                Destination::new(&root, &out, force),
                Err(WriteError::SiteRoot(_))
            ));
        }
        assert!(matches!(
            Destination::new(&root, dir.path(), true),
            Err(WriteError::HoldsSite(_))
        ));
        assert!(matches!(
            Destination::new(&root, &root.join("data/adoption"), true),
            Err(WriteError::InsideInputs { folder: "data", .. })
        ));
    }

    #[test]
    fn someone_elses_folder_needs_force_and_is_then_taken_over() {
        let (dir, root) = site();
        let reports = dir.path().join("reports");
        fs::create_dir_all(&reports).unwrap();
        fs::write(reports.join("budget.xlsx"), "mine").unwrap();
        assert!(matches!(
            Destination::new(&root, &reports, false),
            Err(WriteError::NotOurs(_))
        ));
        assert_eq!(names(&reports), ["budget.xlsx"]);
        let dest = Destination::new(&root, &reports, true).unwrap();
        commit(&files_of(&[("index.html", "1")]), &dest).unwrap();
        assert_eq!(names(&reports), [MARKER, "index.html"]);
        Destination::new(&root, &reports, false).unwrap();
    }

    #[test]
    fn in_place_update_stages_then_replaces_file_by_file() {
        let dir = tempfile::tempdir().unwrap();
        let dest = dir.path().join("volume");
        fs::create_dir_all(dest.join("a")).unwrap();
        fs::write(dest.join("a/old.html"), "old").unwrap();
        fs::write(dest.join("index.html"), "1").unwrap();
        fs::write(dest.join("b"), "a file where a folder goes").unwrap();
        let output = files_of(&[
            ("index.html", "2"),
            ("a", "a file where a folder was"),
            ("b/c.html", "c"),
        ]);
        update_in_place((&output).into(), &dest).unwrap();
        assert_eq!(names(&dest), [MARKER, "a", "b", "index.html"]);
        assert_eq!(fs::read_to_string(dest.join("index.html")).unwrap(), "2");
        assert_eq!(fs::read_to_string(dest.join("b/c.html")).unwrap(), "c");
        assert!(dest.join("a").is_file());
    }

    #[test]
    fn an_update_in_place_cut_short_is_completed() {
        let dir = tempfile::tempdir().unwrap();
        let dest = dir.path().join("volume");
        fs::create_dir_all(dest.join("old")).unwrap();
        fs::write(dest.join("old/index.html"), "old").unwrap();
        fs::write(dest.join("index.html"), "1").unwrap();
        // Killed after moving `a.html` of three: the list is beside the rest.
        let ready = dest.join(format!("{READY}4000000000"));
        fs::create_dir_all(ready.join("b")).unwrap();
        fs::write(dest.join("a.html"), "a").unwrap();
        fs::write(ready.join("index.html"), "2").unwrap();
        fs::write(ready.join("b/c.html"), "c").unwrap();
        fs::write(ready.join(JOURNAL), "a.html\nb/c.html\nindex.html\n").unwrap();
        // And a staging folder another killed build had not finished.
        fs::create_dir_all(dest.join(format!("{STAGING}4000000001/x"))).unwrap();
        finish_in_place(&dest).unwrap();
        assert_eq!(names(&dest), ["a.html", "b", "index.html"]);
        assert_eq!(fs::read_to_string(dest.join("index.html")).unwrap(), "2");
        assert_eq!(fs::read_to_string(dest.join("b/c.html")).unwrap(), "c");
        // Cut short again while the emptied folder was being removed.
        fs::create_dir_all(ready.join("b")).unwrap();
        finish_in_place(&dest).unwrap();
        assert_eq!(names(&dest), ["a.html", "b", "index.html"]);
    }

    #[test]
    fn leftovers_of_dead_builds_are_removed() {
        let (_dir, root) = site();
        // No process has an id this high (Linux caps them at 2^22).
        let dead = 4_000_000_000u32;
        for name in [
            format!(".public.renkei-new-{dead}"),
            format!(".public.renkei-old-{dead}"),
            format!("public/.renkei-new-{dead}"),
        ] {
            fs::create_dir_all(root.join(name).join("guides")).unwrap();
        }
        fs::write(root.join("public").join(MARKER), MARKER_TEXT).unwrap();
        let dest = Destination::new(&root, &root.join("public"), false).unwrap();
        commit(&files_of(&[("index.html", "1")]), &dest).unwrap();
        assert_eq!(names(&root), ["content", "public"]);
        assert_eq!(names(&root.join("public")), [MARKER, "index.html"]);
    }
}
