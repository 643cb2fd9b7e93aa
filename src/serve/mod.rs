//! `renkei serve` and `renkei build --watch`: the same pipeline as `build`,
//! run again whenever an input changes.
//!
//! `serve` keeps the last good build in memory and serves it from there, so
//! a preview never writes to disk and no URL can reach a file outside the
//! output. A failed rebuild leaves that build in place and shows its errors
//! over the page in every open browser; a good one tells open pages to reload
//! (or, when only stylesheets changed, to swap them). This module is the one
//! place with shared state: the build being served and what open pages are
//! told, read by the server's tasks and replaced by the rebuild thread.

mod desk;
mod files;
mod reload;
mod server;
mod watch;

use std::borrow::Cow;
use std::io;
use std::net::{IpAddr, SocketAddr, TcpListener};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError, RwLock};
use std::thread;
use std::time::{Instant, SystemTime, UNIX_EPOCH};

use crate::date;
use crate::diag::{self, Diagnostics, printable};
use crate::messages::cli::CliMsg;
use crate::messages::desk::DeskMsg;
use crate::messages::serve::ServeMsg;
use crate::messages::{self, Lang, common};
use crate::pipeline;
use crate::render::{Files, Rendered};
use crate::write;
use files::Route;
use reload::{Message, ShownError};

const HTML: &str = "text/html; charset=utf-8";

/// A page of the preview itself, in the run's language: served for every
/// page while the site has never built (the script on it shows the errors
/// and reloads once the site builds), and for a missing page when the site
/// has no `404.html` of its own.
fn preview_page(title: ServeMsg, body: ServeMsg) -> Vec<u8> {
    let lang = match messages::lang() {
        Lang::Ja => "ja",
        Lang::En => "en",
    };
    format!(
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{title}</title>\n</head>\n<body>\n<p>{body}</p>\n</body>\n</html>\n"
    )
    .into_bytes()
}

/// What `renkei serve` was asked to do.
#[derive(Debug, Clone)]
pub struct Options {
    /// The site's root folder.
    pub root: PathBuf,
    /// 0 picks a free port.
    pub port: u16,
    /// The address to listen on; loopback keeps the preview private.
    pub bind: IpAddr,
    /// Open the site in the default browser once it is served.
    pub open: bool,
}

/// Why serving or watching could not start; its text is a [`ServeMsg`].
#[derive(Debug)]
pub enum ServeError {
    /// Another program listens on the port.
    PortInUse { bind: IpAddr, port: u16 },
    /// The address cannot be listened on (not this machine's, or a port
    /// that needs privileges).
    Listen {
        bind: IpAddr,
        port: u16,
        source: io::Error,
    },
    /// The system refused to report file changes (too many watches, say).
    Watch(notify::Error),
    /// A Ctrl-C handler could not be set, so stopping could not be clean.
    Signal(ctrlc::Error),
}

impl From<notify::Error> for ServeError {
    fn from(error: notify::Error) -> Self {
        ServeError::Watch(error)
    }
}

impl From<ctrlc::Error> for ServeError {
    fn from(error: ctrlc::Error) -> Self {
        ServeError::Signal(error)
    }
}

impl ServeError {
    /// What went wrong, in both languages.
    pub fn message(&self) -> ServeMsg {
        match self {
            ServeError::PortInUse { bind, port } => ServeMsg::PortInUse {
                bind: bind.to_string(),
                port: *port,
            },
            ServeError::Listen { bind, port, source } => ServeMsg::Listen {
                bind: bind.to_string(),
                port: *port,
                reason: common::io(source),
            },
            ServeError::Watch(e) => ServeMsg::Watch {
                detail: e.to_string(),
            },
            ServeError::Signal(e) => ServeMsg::Signal {
                detail: e.to_string(),
            },
        }
    }
}

impl std::fmt::Display for ServeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.message().fmt(f)
    }
}

impl std::error::Error for ServeError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            ServeError::Listen { source, .. } => Some(source),
            ServeError::Watch(e) => Some(e),
            ServeError::Signal(e) => Some(e),
            ServeError::PortInUse { .. } => None,
        }
    }
}

/// Builds the site, serves it, and rebuilds and reloads open pages on every
/// change until the user presses Ctrl-C.
pub fn serve(options: &Options) -> Result<(), ServeError> {
    let listener = listen(options.bind, options.port)?;
    let address = listener.local_addr().map_err(|source| ServeError::Listen {
        bind: options.bind,
        port: options.port,
        source,
    })?;
    let url = url(address);
    if !address.ip().is_loopback() {
        warn(ServeMsg::NotLoopback {
            address: address.ip().to_string(),
            port: address.port(),
        });
    }
    // Nothing is written, so stopping at any moment is clean.
    ctrlc::set_handler(|| {
        eprintln!("{}", ServeMsg::Stopped);
        std::process::exit(0);
    })?;
    let mut watcher = watch::Watcher::new(&options.root)?;
    let shared = Arc::new(Shared::new());
    rebuild(&options.root, &url, &shared, &[]);
    println!("{}", ServeMsg::Serving { url: url.clone() });
    eprintln!(
        "{}",
        ServeMsg::Watching {
            root: options.root.display().to_string()
        }
    );
    let desk = address
        .ip()
        .is_loopback()
        .then(|| desk::Desk::new(&options.root, &url));
    match &desk {
        Some(desk) => println!("{}\n{}", DeskMsg::Address, desk.address()),
        None => warn(DeskMsg::Off),
    }
    if options.open {
        open_browser(
            &desk
                .as_ref()
                .map_or_else(|| url.clone(), desk::Desk::address),
        );
    }
    let root = options.root.clone();
    let rebuilder = Arc::clone(&shared);
    thread::spawn(move || {
        while let Some(changed) = watcher.next_change() {
            eprintln!("{}", describe(&changed));
            rebuild(&root, &url, &rebuilder, &changed);
        }
        warn(ServeMsg::StoppedWatchingRestart);
    });
    let app = server::App {
        shared,
        port: address.port(),
        loopback_only: address.ip().is_loopback(),
        desk: desk.is_some(),
    };
    server::run(listener, server::router(app, desk.map(|d| d.router()))).map_err(|source| {
        ServeError::Listen {
            bind: options.bind,
            port: options.port,
            source,
        }
    })
}

/// Builds into `dest` now and after every change, each time atomically as
/// `build` does, until the user presses Ctrl-C (or the process is told to
/// stop); a stop waits for a build being written to finish.
pub fn watch_build(
    root: &Path,
    dest: &write::Destination,
    base_url: Option<&str>,
) -> Result<(), ServeError> {
    let mut watcher = watch::Watcher::new(root)?;
    let committing = Arc::new(Mutex::new(()));
    let held = Arc::clone(&committing);
    ctrlc::set_handler(move || {
        let _finished = lock(&held);
        eprintln!("{}", ServeMsg::Stopped);
        std::process::exit(0);
    })?;
    let mut last = None;
    build_into(root, dest, base_url, &committing, &mut last, &[]);
    eprintln!(
        "{}",
        ServeMsg::Watching {
            root: root.display().to_string()
        }
    );
    while let Some(changed) = watcher.next_change() {
        eprintln!("{}", describe(&changed));
        build_into(root, dest, base_url, &committing, &mut last, &changed);
    }
    warn(ServeMsg::StoppedWatching);
    Ok(())
}

/// One build of `build --watch`: written only when it succeeded and differs
/// from the last one written, so a web server serving `dest` sees a new
/// folder only when there is something new.
fn build_into(
    root: &Path,
    dest: &write::Destination,
    base_url: Option<&str>,
    committing: &Mutex<()>,
    last: &mut Option<Files>,
    changed: &[PathBuf],
) {
    let started = Instant::now();
    let (output, diags) = pipeline::run(root, base_url, date::today_in_japan());
    diags.report();
    let Some(output) = output else {
        eprintln!("{}", CliMsg::BuildFailed);
        return;
    };
    if last.as_ref() == Some(&output.files) && !touches_office_pages(changed) {
        eprintln!(
            "{}",
            ServeMsg::UnchangedBuild {
                ms: started.elapsed().as_millis(),
                dest: dest.shown().display().to_string()
            }
        );
        return;
    }
    let written = {
        let _writing = lock(committing);
        write::commit(&output, dest)
    };
    match written {
        Ok(()) => {
            eprintln!(
                "{}",
                CliMsg::Built {
                    files: output.len(),
                    dest: dest.shown().display().to_string(),
                    ms: started.elapsed().as_millis()
                }
            );
            *last = Some(output.files);
        }
        Err(write::CommitError::Write(e)) => eprintln!("{}", diag::error_line(e.message())),
        Err(write::CommitError::Render(d)) => Diagnostics::from(d).report(),
    }
}

/// State shared by the rebuild thread and the server's tasks.
struct Shared {
    current: RwLock<Current>,
    /// What open pages are told; replaced while `current` is held for
    /// writing, so a page always gets every build after the one it was told.
    live: tokio::sync::watch::Sender<Live>,
}

/// The last message to open pages, kept for pages that open later.
#[derive(Debug, Clone)]
struct Live {
    build: String,
    prev: String,
    css: Vec<String>,
    errors: Arc<Vec<ShownError>>,
}

impl Live {
    fn json(&self) -> String {
        Message {
            build: &self.build,
            prev: &self.prev,
            css: &self.css,
            errors: &self.errors,
        }
        .json()
    }
}

/// The build being served.
struct Current {
    /// Tells builds of this run from those of an earlier run of the server.
    instance: String,
    /// Counts builds whose output differed from the one before.
    generation: u64,
    /// The last good output; `None` until the site has built once.
    output: Option<Arc<dyn Served>>,
    /// Errors of the last attempt; empty when it succeeded.
    errors: Arc<Vec<ShownError>>,
}

impl Current {
    /// The build's id, carried by served pages and every reload message.
    fn build(&self) -> String {
        format!("{}.{}", self.instance, self.generation)
    }
}

impl Shared {
    fn new() -> Shared {
        // Only needs to differ between runs; time and process id do that.
        let nanos = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos());
        let instance = format!("{:x}{:x}", nanos, std::process::id());
        let (live, _) = tokio::sync::watch::channel(Live {
            build: format!("{instance}.0"),
            prev: format!("{instance}.0"),
            css: Vec::new(),
            errors: Arc::new(Vec::new()),
        });
        Shared {
            current: RwLock::new(Current {
                instance,
                generation: 0,
                output: None,
                errors: Arc::new(Vec::new()),
            }),
            live,
        }
    }

    fn read(&self) -> std::sync::RwLockReadGuard<'_, Current> {
        self.current.read().unwrap_or_else(PoisonError::into_inner)
    }

    /// Makes a build's result the served one and tells every open page.
    /// `None` when the build failed (the last good one stays).
    /// `offices_touched`: the change may have altered office pages, which
    /// are rendered on request and so cannot be compared.
    fn publish(
        &self,
        output: Option<Arc<dyn Served>>,
        offices_touched: bool,
        diags: &Diagnostics,
    ) -> Option<Change> {
        let mut current = self.current.write().unwrap_or_else(PoisonError::into_inner);
        let prev = current.build();
        let change = output.map(|output| {
            // The first build has every page to count.
            let first = current.output.is_none();
            let offices = (offices_touched || first).then(|| output.lazy_count());
            let old = current.output.as_deref().map(Served::files);
            let change = change(old, output.files(), offices);
            if change != Change::Nothing {
                current.generation += 1;
                current.output = Some(output);
            }
            change
        });
        current.errors = Arc::new(match change {
            Some(_) => Vec::new(),
            None => reload::shown_errors(diags),
        });
        let css = match &change {
            Some(Change::Styles(paths)) => paths.clone(),
            _ => Vec::new(),
        };
        self.live.send_replace(Live {
            build: current.build(),
            prev,
            css,
            errors: Arc::clone(&current.errors),
        });
        change
    }
}

fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

/// What a rebuild changed in the output: it decides what open pages do.
#[derive(Debug, PartialEq, Eq)]
enum Change {
    Nothing,
    /// Only these stylesheets changed: pages swap them without reloading.
    Styles(Vec<String>),
    /// This many files changed, appeared or went: pages reload.
    Files(usize),
}

/// Compares the files held in memory; `offices` is the number of pages
/// rendered on request that may have changed too (`None`: none did).
fn change(old: Option<&Files>, new: &Files, offices: Option<usize>) -> Change {
    let Some(old) = old else {
        return Change::Files(new.len() + offices.unwrap_or(0));
    };
    let changed: Vec<&String> = old
        .keys()
        .chain(new.keys().filter(|p| !old.contains_key(*p)))
        .filter(|p| old.get(*p) != new.get(*p))
        .collect();
    let styles_only = changed
        .iter()
        .all(|p| p.ends_with(".css") && old.contains_key(*p) && new.contains_key(*p));
    match offices {
        Some(offices) if offices > 0 => Change::Files(changed.len() + offices),
        _ if changed.is_empty() => Change::Nothing,
        _ if styles_only => Change::Styles(changed.into_iter().cloned().collect()),
        _ => Change::Files(changed.len()),
    }
}

/// Whether a change to these input files (relative to the site, as the
/// watcher gives them) can alter an office page without altering any page
/// held in memory: office pages are made from the data, the theme and
/// `site.toml`, and whatever they take from `content/` (the site's name,
/// menu, manuals) shows on other pages too. No paths (events were lost)
/// means anything may have changed.
fn touches_office_pages(changed: &[PathBuf]) -> bool {
    changed.is_empty()
        || changed
            .iter()
            .any(|rel| !rel.starts_with("content") && !rel.starts_with("static"))
}

/// What the server answers from: the rendered site (in tests, plain files).
trait Served: Send + Sync {
    /// The files held in memory.
    fn files(&self) -> &Files;
    /// Whether there is a file at `path`, held or rendered on request.
    fn has(&self, path: &str) -> bool;
    /// A page rendered on request (an office page), when there is one at `path`.
    fn lazy(&self, path: &str) -> Option<Vec<u8>>;
    /// How many pages are rendered on request.
    fn lazy_count(&self) -> usize;
    /// The Markdown file (from the site root) an output page is made from.
    fn source(&self, path: &str) -> Option<String>;
}

impl Served for Rendered {
    fn files(&self) -> &Files {
        &self.files
    }
    fn has(&self, path: &str) -> bool {
        self.contains(path)
    }
    fn lazy(&self, path: &str) -> Option<Vec<u8>> {
        self.office_page(path)?
            .map_err(|d| Diagnostics::from(d).report())
            .ok()
    }
    fn lazy_count(&self) -> usize {
        self.offices().len()
    }
    fn source(&self, path: &str) -> Option<String> {
        desk::page::source_of(&self.site().content, path)
    }
}

#[cfg(test)]
impl Served for Files {
    fn files(&self) -> &Files {
        self
    }
    fn has(&self, path: &str) -> bool {
        self.contains_key(path)
    }
    fn lazy(&self, _path: &str) -> Option<Vec<u8>> {
        None
    }
    fn lazy_count(&self) -> usize {
        0
    }
    fn source(&self, _path: &str) -> Option<String> {
        None
    }
}

/// Runs the pipeline for the server's URL and publishes the result.
fn rebuild(root: &Path, url: &str, shared: &Shared, changed: &[PathBuf]) {
    let started = Instant::now();
    let (output, diags) = pipeline::run(root, Some(url), date::today_in_japan());
    diags.report();
    let ms = started.elapsed().as_millis();
    let first = shared.read().output.is_none();
    let output = output.map(|o| Arc::new(o) as Arc<dyn Served>);
    match shared.publish(output, touches_office_pages(changed), &diags) {
        None if first => eprintln!("{}", ServeMsg::FirstFailed { ms }),
        None => eprintln!("{}", ServeMsg::LaterFailed { ms }),
        Some(Change::Files(files)) if first => eprintln!("{}", ServeMsg::FirstBuilt { files, ms }),
        Some(Change::Nothing) => eprintln!("{}", ServeMsg::NoFileChanged { ms }),
        Some(Change::Styles(paths)) => eprintln!(
            "{}",
            ServeMsg::StylesSwapped {
                ms,
                paths: paths.join(", ")
            }
        ),
        Some(Change::Files(files)) => eprintln!("{}", ServeMsg::FilesChanged { ms, files }),
    }
}

/// One line naming what changed (the first few paths).
fn describe(changed: &[PathBuf]) -> String {
    const SHOWN: usize = 3;
    if changed.is_empty() {
        return ServeMsg::ChangedLost.to_string();
    }
    let names: Vec<String> = changed
        .iter()
        .take(SHOWN)
        .map(|p| printable(&p.to_string_lossy()).replace('\\', "/"))
        .collect();
    let more = changed.len().saturating_sub(SHOWN);
    let names = names.join(", ");
    if more > 0 {
        ServeMsg::ChangedMore { names, more }.to_string()
    } else {
        ServeMsg::Changed { names }.to_string()
    }
}

fn listen(bind: IpAddr, port: u16) -> Result<TcpListener, ServeError> {
    TcpListener::bind((bind, port)).map_err(|source| {
        if source.kind() == io::ErrorKind::AddrInUse {
            ServeError::PortInUse { bind, port }
        } else {
            ServeError::Listen { bind, port, source }
        }
    })
}

/// The URL pages are built for and the user opens. A server on every
/// address (`0.0.0.0`) is reached on this computer through loopback.
fn url(address: SocketAddr) -> String {
    let ip = match address.ip() {
        IpAddr::V4(ip) if ip.is_unspecified() => IpAddr::from([127, 0, 0, 1]),
        IpAddr::V6(ip) if ip.is_unspecified() => IpAddr::V6(std::net::Ipv6Addr::LOCALHOST),
        ip => ip,
    };
    format!("http://{}/", SocketAddr::new(ip, address.port()))
}

/// An answer of the preview, before it becomes an HTTP response.
#[derive(Debug)]
struct Reply {
    status: u16,
    content_type: &'static str,
    body: Vec<u8>,
    /// Where a redirect leads.
    location: Option<String>,
}

impl Reply {
    fn new(status: u16, content_type: &'static str, body: Vec<u8>) -> Reply {
        Reply {
            status,
            content_type,
            body,
            location: None,
        }
    }

    fn text(status: u16, message: ServeMsg) -> Reply {
        Reply::new(
            status,
            "text/plain; charset=utf-8",
            format!("{message}\n").into_bytes(),
        )
    }
}

/// Answers a GET or HEAD of `path` from the build being served; with the
/// desk on, a page made from Markdown links to its editor, and one made from
/// data to the data desk.
fn respond(path: &str, shared: &Shared, desk: bool) -> Reply {
    let (build, output) = {
        let current = shared.read();
        (current.build(), current.output.clone())
    };
    let Some(output) = output else {
        let page = preview_page(ServeMsg::FailedTitle, ServeMsg::FailedBody);
        return Reply::new(503, HTML, reload::inject(&page, &build, ""));
    };
    match files::route(path, |path| output.has(path)) {
        Route::File(path) => {
            let kind = files::content_type(&path);
            let body = match output.files().get(&path) {
                Some(body) => Cow::Borrowed(body),
                None => match output.lazy(&path) {
                    Some(body) => Cow::Owned(body),
                    None => return not_found(output.files(), &build),
                },
            };
            let body = if kind == HTML {
                let link = if desk {
                    output
                        .source(&path)
                        .map_or_else(desk::data_link, |source| desk::edit_link(&source))
                } else {
                    String::new()
                };
                reload::inject(&body, &build, &link)
            } else {
                body.into_owned()
            };
            Reply::new(200, kind, body)
        }
        Route::Redirect(location) => Reply {
            location: Some(location),
            ..Reply::text(301, ServeMsg::Moved)
        },
        Route::NotFound => not_found(output.files(), &build),
        Route::BadRequest => Reply::text(400, ServeMsg::NotInSite),
    }
}

/// The site's 404 page (or renkei's own when the site has none).
fn not_found(files: &Files, build: &str) -> Reply {
    let page = files.get("404.html").map_or_else(
        || preview_page(ServeMsg::NotFoundTitle, ServeMsg::NotFound),
        Vec::clone,
    );
    Reply::new(404, HTML, reload::inject(&page, build, ""))
}

/// A warning line of the terminal, in the run's language.
fn warn(message: impl std::fmt::Display) {
    eprintln!("{}", diag::warning_line(message));
}

/// Opens the URL in the user's default browser; a failure is only a warning.
fn open_browser(url: &str) {
    let mut command = if cfg!(target_os = "macos") {
        std::process::Command::new("open")
    } else if cfg!(windows) {
        let mut command = std::process::Command::new("cmd");
        command.args(["/C", "start", ""]);
        command
    } else {
        std::process::Command::new("xdg-open")
    };
    command
        .arg(url)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null());
    match command.spawn() {
        // Waited for on its own thread so it does not linger as a zombie.
        Ok(mut child) => {
            thread::spawn(move || child.wait());
        }
        Err(e) => warn(ServeMsg::CannotOpenBrowser {
            reason: common::io(&e),
            url: url.to_string(),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::messages::Text;
    use crate::render::files_of;

    fn served(texts: &[(&str, &str)]) -> Option<Arc<dyn Served>> {
        Some(Arc::new(files_of(texts)))
    }

    #[test]
    fn only_changed_stylesheets_are_swapped() {
        let old = files_of(&[("index.html", "a"), ("css/site.css", "x")]);
        assert_eq!(change(Some(&old), &old, None), Change::Nothing);
        let styled = files_of(&[("index.html", "a"), ("css/site.css", "y")]);
        assert_eq!(
            change(Some(&old), &styled, None),
            Change::Styles(vec!["css/site.css".into()])
        );
        let edited = files_of(&[("index.html", "b"), ("css/site.css", "y")]);
        assert_eq!(change(Some(&old), &edited, None), Change::Files(2));
        let added = files_of(&[
            ("index.html", "a"),
            ("css/site.css", "x"),
            ("css/print.css", ""),
        ]);
        assert_eq!(change(Some(&old), &added, None), Change::Files(1));
        let removed = files_of(&[("index.html", "a")]);
        assert_eq!(change(Some(&old), &removed, None), Change::Files(1));
        assert_eq!(change(None, &old, None), Change::Files(2));
    }

    #[test]
    fn office_pages_rendered_on_request_count_as_changed_when_their_inputs_did() {
        let old = files_of(&[("index.html", "a")]);
        assert_eq!(change(Some(&old), &old, Some(3)), Change::Files(3));
        assert_eq!(change(Some(&old), &old, Some(0)), Change::Nothing);
        let styled = files_of(&[("index.html", "a"), ("css/site.css", "y")]);
        assert_eq!(change(Some(&old), &styled, Some(3)), Change::Files(4));
        let touches = |paths: &[&str]| {
            let paths: Vec<PathBuf> = paths.iter().map(PathBuf::from).collect();
            touches_office_pages(&paths)
        };
        assert!(touches(&["data/offices.csv"]));
        assert!(touches(&["themes/default/templates/office.html"]));
        assert!(touches(&["site.toml"]));
        assert!(!touches(&["content/guides/start.md", "static/logo.png"]));
        assert!(touches(&[]), "lost events may hide any change");
    }

    #[test]
    fn a_failed_build_keeps_the_last_good_one() {
        let shared = Shared::new();
        assert_eq!(
            shared.publish(
                served(&[("index.html", "a")]),
                false,
                &Diagnostics::default()
            ),
            Some(Change::Files(1))
        );
        let first = shared.read().build();
        let mut diags = Diagnostics::default();
        diags.push(
            crate::diag::Diagnostic::error("content/_index.md", Text::same("bad")).at_line(2),
        );
        assert_eq!(shared.publish(None, false, &diags), None);
        {
            let current = shared.read();
            assert_eq!(current.build(), first);
            assert_eq!(
                current.output.as_deref().map(Served::files),
                Some(&files_of(&[("index.html", "a")]))
            );
            assert_eq!(current.errors[0].place, "content/_index.md:2");
        }
        assert_eq!(
            shared.publish(
                served(&[("index.html", "a")]),
                false,
                &Diagnostics::default()
            ),
            Some(Change::Nothing)
        );
        assert_eq!(shared.read().build(), first);
        assert!(shared.read().errors.is_empty());
    }

    #[test]
    fn missing_pages_get_the_sites_404_with_the_script() {
        let shared = Shared::new();
        shared.publish(
            served(&[
                ("index.html", "<body></body>"),
                ("404.html", "<body>無い</body>"),
            ]),
            false,
            &Diagnostics::default(),
        );
        let get = |path: &str| respond(path, &shared, true);
        let missing = get("/nowhere/");
        assert_eq!(missing.status, 404);
        let body = String::from_utf8(missing.body).unwrap();
        assert!(body.starts_with("<body>無い<script id=\"renkei-live\""));
        assert_eq!(get("/").status, 200);
        assert_eq!(get("/../site.toml").status, 400);
    }

    #[test]
    fn urls_name_a_reachable_address() {
        assert_eq!(
            url("0.0.0.0:1111".parse().unwrap()),
            "http://127.0.0.1:1111/"
        );
        assert_eq!(url("[::]:1111".parse().unwrap()), "http://[::1]:1111/");
        assert_eq!(
            url("192.168.1.5:8080".parse().unwrap()),
            "http://192.168.1.5:8080/"
        );
    }

    #[test]
    fn describes_what_changed() {
        let paths: Vec<PathBuf> = ["a.md", "b.md", "c.md", "d.md"]
            .iter()
            .map(PathBuf::from)
            .collect();
        assert_eq!(describe(&paths[..1]), "changed: a.md");
        assert_eq!(describe(&paths), "changed: a.md, b.md, c.md and 1 more");
    }
}
