//! The editing desk (`/_renkei/`): editors change pages from the browser,
//! each change checked against the whole site before anything is written.
//!
//! It is on only when the preview listens on loopback. Opening the address
//! with the run's key sets a cookie that every desk request needs; every
//! request that changes something also needs an `Origin` of the desk's own
//! address (the `Host` the server already checked), so another site open in
//! the same browser can neither read nor change anything.

mod data;
mod html;
pub mod page;
mod publish;
mod store;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use axum::Router;
use axum::extract::{DefaultBodyLimit, Form, Multipart, Path as UrlPath, Query, Request, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use serde::Deserialize;

use crate::diag::Diagnostic;
use crate::messages::desk::DeskMsg;
use crate::pipeline;
use crate::render::format::escape;
use page::Fields;
use store::Change;

/// The cookie that opening the desk's address sets.
const COOKIE: &str = "renkei-desk";

/// The desk of one run of `renkei serve`.
#[derive(Clone)]
pub struct Desk {
    inner: Arc<Inner>,
}

struct Inner {
    root: PathBuf,
    /// The secret of this run, in the printed address and the cookie.
    key: String,
    /// The preview's address, which checked builds are made for.
    url: String,
    /// One change at a time.
    writing: Mutex<()>,
    /// Uploads checked and not yet registered or discarded, by id.
    pending: Mutex<HashMap<String, Pending>>,
}

/// An uploaded data file held between 確認する and 登録.
struct Pending {
    path: String,
    changes: Vec<Change>,
}

impl Inner {
    /// Held while a change is checked and written.
    fn one_at_a_time(&self) -> std::sync::MutexGuard<'_, ()> {
        self.writing
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

impl Desk {
    /// A desk for the site at `root`, served at `url`, with a fresh key.
    pub fn new(root: &Path, url: &str) -> Desk {
        let mut secret = [0u8; 16];
        // Without the system's randomness the desk cannot be kept private;
        // the key is then one no one can guess either way: none matches.
        let key = match getrandom::fill(&mut secret) {
            Ok(()) => secret.iter().map(|b| format!("{b:02x}")).collect(),
            Err(_) => String::new(),
        };
        Desk {
            inner: Arc::new(Inner {
                root: root.to_path_buf(),
                key,
                url: url.to_string(),
                writing: Mutex::new(()),
                pending: Mutex::new(HashMap::new()),
            }),
        }
    }

    /// The address that opens the desk, key included.
    pub fn address(&self) -> String {
        format!("{}_renkei/?key={}", self.inner.url, self.inner.key)
    }

    /// The desk's routes, every one behind the key and the `Origin` check.
    pub fn router(&self) -> Router {
        Router::new()
            .route("/_renkei/", get(home))
            .route("/_renkei/desk.css", get(css))
            .route("/_renkei/desk.js", get(js))
            .route("/_renkei/edit/{*path}", get(edit).post(save))
            .route("/_renkei/preview/{*path}", post(preview))
            .route("/_renkei/image/{*path}", post(image))
            .route("/_renkei/new", get(new_form).post(create))
            .route("/_renkei/history", get(history))
            .route("/_renkei/undo", post(undo))
            .route("/_renkei/check", get(check))
            .route("/_renkei/publish", get(publish_page).post(publish_now))
            .route("/_renkei/publish/zip", post(publish_zip))
            .route("/_renkei/data/", get(data_form))
            .route("/_renkei/data/check", post(data_check))
            .route("/_renkei/data/register", post(data_register))
            .route("/_renkei/data/discard", post(data_discard))
            .layer(DefaultBodyLimit::max(store::MAX_UPLOAD))
            .layer(middleware::from_fn_with_state(self.clone(), gate))
            .with_state(self.clone())
    }
}

/// The link to a page's editor that the preview adds to pages made from
/// Markdown.
pub fn edit_link(source: &str) -> String {
    floating_link(
        &format!("/_renkei/edit/{}", escape(source)),
        DeskMsg::EditThisPage,
    )
}

/// The link to the data desk that the preview adds to pages made from data.
pub fn data_link() -> String {
    floating_link("/_renkei/data/", DeskMsg::DataDesk)
}

fn floating_link(href: &str, text: DeskMsg) -> String {
    format!(
        "<a id=\"renkei-edit\" href=\"{href}\" style=\"position:fixed;right:16px;bottom:16px;z-index:2147483646;background:#1a5fb4;color:#fff;padding:8px 16px;border-radius:4px;font:16px/1.5 system-ui,sans-serif;text-decoration:underline\">{text}</a>\n"
    )
}

#[derive(Deserialize)]
struct Opening {
    key: Option<String>,
}

/// The key, the cookie and the `Origin`: a request failing one is refused
/// with 403 before any handler runs.
async fn gate(
    State(desk): State<Desk>,
    Query(opening): Query<Opening>,
    request: Request,
    next: Next,
) -> Response {
    let key = &desk.inner.key;
    if let Some(given) = opening.key {
        if !key.is_empty() && same_secret(&given, key) {
            let cookie = format!("{COOKIE}={key}; HttpOnly; SameSite=Strict; Path=/_renkei");
            let mut response = Redirect::to("/_renkei/").into_response();
            if let Ok(cookie) = HeaderValue::from_str(&cookie) {
                response.headers_mut().insert(header::SET_COOKIE, cookie);
            }
            return response;
        }
        return refused(StatusCode::FORBIDDEN, &DeskMsg::NeedKey);
    }
    if key.is_empty() || !has_cookie(request.headers(), key) {
        return refused(StatusCode::FORBIDDEN, &DeskMsg::NeedKey);
    }
    let reading = matches!(*request.method(), Method::GET | Method::HEAD);
    if !reading && !from_the_desk(request.headers()) {
        return refused(StatusCode::FORBIDDEN, &DeskMsg::ForeignOrigin);
    }
    // A body declared too large is refused before a byte of it is read; one
    // that grows beyond it unannounced is cut by the body limit.
    let declared = request
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok()?.parse::<u64>().ok());
    if declared.is_some_and(|n| n > store::MAX_UPLOAD as u64) {
        return refused(StatusCode::PAYLOAD_TOO_LARGE, &DeskMsg::TooLarge);
    }
    next.run(request).await
}

/// A desk page that says why a request was not carried out.
fn refused(status: StatusCode, why: &DeskMsg) -> Response {
    page(
        status,
        &DeskMsg::Desk.to_string(),
        &html::notice(&why.to_string(), true),
    )
}

/// Compares without stopping at the first difference.
fn same_secret(given: &str, key: &str) -> bool {
    given.len() == key.len()
        && given
            .bytes()
            .zip(key.bytes())
            .fold(0u8, |diff, (a, b)| diff | (a ^ b))
            == 0
}

fn has_cookie(headers: &HeaderMap, key: &str) -> bool {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .any(|(name, value)| name == COOKIE && same_secret(value, key))
}

/// Whether the request comes from a page of the desk: its `Origin` is the
/// address the request was sent to.
fn from_the_desk(headers: &HeaderMap) -> bool {
    let value = |name| {
        headers
            .get(name)
            .and_then(|v: &HeaderValue| v.to_str().ok())
    };
    match (value(header::ORIGIN), value(header::HOST)) {
        (Some(origin), Some(host)) => origin == format!("http://{host}"),
        _ => false,
    }
}

fn page(status: StatusCode, title: &str, body: &str) -> Response {
    (
        status,
        [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
        html::layout(title, body),
    )
        .into_response()
}

/// Runs blocking work (a build, a write) off the server's tasks.
async fn blocking<T: Send + 'static>(work: impl FnOnce() -> T + Send + 'static) -> Option<T> {
    tokio::task::spawn_blocking(work).await.ok()
}

fn failed() -> Response {
    StatusCode::INTERNAL_SERVER_ERROR.into_response()
}

async fn css() -> Response {
    (
        [(header::CONTENT_TYPE, "text/css; charset=utf-8")],
        include_str!("desk.css"),
    )
        .into_response()
}

async fn js() -> Response {
    (
        [(header::CONTENT_TYPE, "text/javascript; charset=utf-8")],
        include_str!("desk.js"),
    )
        .into_response()
}

/// The desk's home: every Markdown page, drafts included.
async fn home(State(desk): State<Desk>) -> Response {
    let root = desk.inner.root.clone();
    let Some(pages) = blocking(move || markdown_files(&root)).await else {
        return failed();
    };
    page(
        StatusCode::OK,
        &DeskMsg::Desk.to_string(),
        &html::home(&pages),
    )
}

fn markdown_files(root: &Path) -> Vec<String> {
    walkdir::WalkDir::new(root.join("content"))
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file() && e.path().extension().is_some_and(|x| x == "md"))
        .filter_map(|e| e.path().strip_prefix(root).ok().map(page::desk_path))
        .collect()
}

/// A Markdown page the desk may edit: its file, or why not.
fn markdown_page(root: &Path, rel: &str) -> Result<PathBuf, DeskMsg> {
    let path = store::writable(root, rel)?;
    if !rel.starts_with("content/") || !rel.ends_with(".md") {
        return Err(DeskMsg::BadPath {
            path: rel.to_string(),
        });
    }
    Ok(path)
}

/// A short fingerprint of a file's bytes (FNV-1a), to tell whether it
/// changed on disk since the editor opened it.
fn fingerprint(bytes: &[u8]) -> String {
    let hash = bytes.iter().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
        (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3)
    });
    format!("{hash:016x}")
}

#[derive(Deserialize)]
struct Shown {
    saved: Option<String>,
}

async fn edit(
    State(desk): State<Desk>,
    UrlPath(rel): UrlPath<String>,
    Query(shown): Query<Shown>,
) -> Response {
    let path = match markdown_page(&desk.inner.root, &rel) {
        Ok(path) => path,
        Err(why) => {
            return refused(StatusCode::BAD_REQUEST, &why);
        }
    };
    let Ok(bytes) = std::fs::read(&path) else {
        let why = DeskMsg::NoSuchFile { path: rel.clone() };
        return refused(StatusCode::NOT_FOUND, &why);
    };
    let text = String::from_utf8_lossy(&bytes);
    let fields = page::parse(&text).unwrap_or_else(|| Fields {
        body: text.to_string(),
        ..Fields::default()
    });
    let top = if shown.saved.is_some() {
        html::notice(&DeskMsg::Saved.to_string(), false)
    } else {
        String::new()
    };
    editor_page(StatusCode::OK, &rel, &fields, &fingerprint(&bytes), &top)
}

fn editor_page(
    status: StatusCode,
    rel: &str,
    fields: &Fields,
    opened: &str,
    top: &str,
) -> Response {
    let title = if fields.title.is_empty() {
        rel.to_string()
    } else {
        fields.title.clone()
    };
    let uses = page::uses(rel, fields);
    page(
        status,
        &title,
        &html::editor(rel, fields, uses, opened, top),
    )
}

/// The editor's form as sent.
#[derive(Deserialize, Default)]
#[serde(default)]
struct EditForm {
    title: String,
    description: String,
    date: String,
    weight: String,
    draft: Option<String>,
    software: String,
    body: String,
    opened: String,
}

impl EditForm {
    fn fields(self) -> (Fields, String) {
        let fields = Fields {
            title: self.title,
            description: self.description,
            date: self.date,
            weight: self.weight,
            draft: self.draft.is_some(),
            software: self.software,
            body: self.body.replace("\r\n", "\n"),
        };
        (fields, self.opened)
    }
}

/// What a save came to.
enum Saved {
    Written,
    Refused(String),
}

/// 保存: checks the whole site with the page as edited, and writes it only
/// when it builds and the file is as the editor found it.
async fn save(
    State(desk): State<Desk>,
    UrlPath(rel): UrlPath<String>,
    Form(form): Form<EditForm>,
) -> Response {
    let path = match markdown_page(&desk.inner.root, &rel) {
        Ok(path) => path,
        Err(why) => {
            return refused(StatusCode::BAD_REQUEST, &why);
        }
    };
    let (fields, opened) = form.fields();
    let text = match page::compose(&fields) {
        Ok(text) => text,
        Err(why) => {
            let top = html::notice(&why.to_string(), true);
            return editor_page(
                StatusCode::UNPROCESSABLE_ENTITY,
                &rel,
                &fields,
                &opened,
                &top,
            );
        }
    };
    let worker = desk.clone();
    let target = rel.clone();
    let expected = opened.clone();
    let outcome = blocking(move || {
        let inner = &worker.inner;
        let _one = inner.one_at_a_time();
        let now = std::fs::read(&path).unwrap_or_default();
        if fingerprint(&now) != expected {
            return Saved::Refused(html::notice(&DeskMsg::ChangedOnDisk.to_string(), true));
        }
        let change = Change {
            path: target,
            bytes: Some(text.into_bytes()),
        };
        if let Some(refused) = refused_by_check(inner, std::slice::from_ref(&change)) {
            return Saved::Refused(refused);
        }
        match store::apply(&inner.root, &[change]) {
            Ok(()) => Saved::Written,
            Err(why) => Saved::Refused(html::notice(&why.to_string(), true)),
        }
    })
    .await;
    match outcome {
        Some(Saved::Written) => {
            Redirect::to(&format!("/_renkei/edit/{rel}?saved=1")).into_response()
        }
        Some(Saved::Refused(top)) => editor_page(
            StatusCode::UNPROCESSABLE_ENTITY,
            &rel,
            &fields,
            &opened,
            &top,
        ),
        None => failed(),
    }
}

/// The errors that would stop the site from building with `changes` in
/// place, as a notice; `None` when it builds.
fn refused_by_check(inner: &Inner, changes: &[Change]) -> Option<String> {
    let (built, diags) = store::check_with(&inner.root, &inner.url, changes);
    if built.is_some() {
        return None;
    }
    let errors: Vec<Diagnostic> = diags
        .into_sorted()
        .into_iter()
        .filter(Diagnostic::is_error)
        .collect();
    Some(html::findings(&DeskMsg::NotSaved.to_string(), &errors))
}

/// The page as it would look with the form's text: the same pipeline as
/// the build, live figures and `@/` links included.
async fn preview(
    State(desk): State<Desk>,
    UrlPath(rel): UrlPath<String>,
    Form(form): Form<EditForm>,
) -> Response {
    if let Err(why) = markdown_page(&desk.inner.root, &rel) {
        return html_fragment(
            StatusCode::BAD_REQUEST,
            html::notice(&why.to_string(), true),
        );
    }
    let (fields, _) = form.fields();
    let text = match page::compose(&fields) {
        Ok(text) => text,
        Err(why) => return html_fragment(StatusCode::OK, html::notice(&why.to_string(), true)),
    };
    let shown = blocking(move || {
        let change = Change {
            path: rel.clone(),
            bytes: Some(text.into_bytes()),
        };
        let (built, diags) = store::check_with(&desk.inner.root, &desk.inner.url, &[change]);
        let Some(built) = built else {
            let errors: Vec<Diagnostic> = diags
                .into_sorted()
                .into_iter()
                .filter(Diagnostic::is_error)
                .collect();
            return html::findings(&DeskMsg::NotSaved.to_string(), &errors);
        };
        page::output_of(&built.site().content, &rel)
            .and_then(|output| built.files.get(&output).cloned())
            .map_or_else(
                || html::notice(&DeskMsg::DraftNotShown.to_string(), false),
                |bytes| String::from_utf8_lossy(&bytes).into_owned(),
            )
    })
    .await;
    match shown {
        Some(shown) => html_fragment(StatusCode::OK, shown),
        None => failed(),
    }
}

fn html_fragment(status: StatusCode, body: String) -> Response {
    (
        status,
        [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
        body,
    )
        .into_response()
}

/// Extensions of the images the editor takes.
const IMAGES: &[&str] = &["png", "jpg", "jpeg", "gif", "webp", "svg"];

/// An image chosen or dropped in the editor: written beside the page under
/// a name of its own; answers the Markdown that shows it.
async fn image(
    State(desk): State<Desk>,
    UrlPath(rel): UrlPath<String>,
    mut multipart: Multipart,
) -> Response {
    if markdown_page(&desk.inner.root, &rel).is_err() {
        return StatusCode::BAD_REQUEST.into_response();
    }
    let Ok(Some(field)) = multipart.next_field().await else {
        return StatusCode::BAD_REQUEST.into_response();
    };
    let name = field.file_name().unwrap_or_default().to_string();
    let extension = name.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase());
    if !extension.as_deref().is_some_and(|e| IMAGES.contains(&e)) {
        return StatusCode::UNSUPPORTED_MEDIA_TYPE.into_response();
    }
    let Ok(bytes) = field.bytes().await else {
        return StatusCode::PAYLOAD_TOO_LARGE.into_response();
    };
    let folder = rel
        .rsplit_once('/')
        .map_or("content", |(folder, _)| folder)
        .to_string();
    let root = desk.inner.root.clone();
    let written = blocking(move || {
        let _one = desk.inner.one_at_a_time();
        let (stem, ext) = name.rsplit_once('.').unwrap_or((&name, ""));
        let stem: String = stem
            .chars()
            .map(|c| {
                if c.is_alphanumeric() || c == '-' || c == '_' {
                    c
                } else {
                    '-'
                }
            })
            .collect();
        let stem = if stem.trim_matches('-').is_empty() {
            "image".to_string()
        } else {
            stem
        };
        let ext = ext.to_ascii_lowercase();
        let free = (1..)
            .map(|n| {
                if n == 1 {
                    format!("{stem}.{ext}")
                } else {
                    format!("{stem}-{n}.{ext}")
                }
            })
            .find(|file| !root.join(&folder).join(file).exists())?;
        let change = Change {
            path: format!("{folder}/{free}"),
            bytes: Some(bytes.to_vec()),
        };
        store::apply(&root, &[change]).ok()?;
        Some(free)
    })
    .await
    .flatten();
    match written {
        Some(file) => (
            [(header::CONTENT_TYPE, "application/json")],
            serde_json::json!({ "markdown": format!("![]({file})") }).to_string(),
        )
            .into_response(),
        None => StatusCode::BAD_REQUEST.into_response(),
    }
}

/// 新しいページ's form as sent.
#[derive(Deserialize, Default)]
#[serde(default)]
struct NewForm {
    kind: String,
    title: String,
    software: String,
    date: String,
}

async fn new_form() -> Response {
    page(
        StatusCode::OK,
        &DeskMsg::NewPage.to_string(),
        &html::new_page("guide", "", "", "", ""),
    )
}

/// 作成: the new page's file in its kind's folder, checked like a save;
/// then its editor.
async fn create(State(desk): State<Desk>, Form(form): Form<NewForm>) -> Response {
    let again = |why: String| {
        let top = html::notice(&why, true);
        page(
            StatusCode::UNPROCESSABLE_ENTITY,
            &DeskMsg::NewPage.to_string(),
            &html::new_page(&form.kind, &form.title, &form.software, &form.date, &top),
        )
    };
    let title = form.title.trim();
    if title.is_empty() {
        return again(DeskMsg::NeedTitle.to_string());
    }
    let software = form.software.trim();
    if form.kind == "manual" && software.is_empty() {
        return again(DeskMsg::NeedSoftware.to_string());
    }
    if form.kind == "news" && form.date.trim().is_empty() {
        return again(DeskMsg::NeedDate.to_string());
    }
    let fields = Fields {
        title: title.to_string(),
        date: if form.kind == "news" {
            form.date.clone()
        } else {
            String::new()
        },
        software: if form.kind == "manual" {
            software.to_string()
        } else {
            String::new()
        },
        ..Fields::default()
    };
    let text = match page::compose(&fields) {
        Ok(text) => text,
        Err(why) => return again(why.to_string()),
    };
    let root = desk.inner.root.clone();
    let kind = form.kind.clone();
    let slug_from = if kind == "manual" {
        software.to_string()
    } else {
        title.to_string()
    };
    let date = fields.date.clone();
    let worker = desk.clone();
    let outcome = blocking(move || {
        let inner = &worker.inner;
        let _one = inner.one_at_a_time();
        let rel = new_path(&root, &kind, &slug_from, &date);
        let change = Change {
            path: rel.clone(),
            bytes: Some(text.into_bytes()),
        };
        if let Err(why) = store::writable(&root, &rel) {
            return Err(html::notice(&why.to_string(), true));
        }
        if let Some(refused) = refused_by_check(inner, std::slice::from_ref(&change)) {
            return Err(refused);
        }
        store::apply(&root, &[change]).map_err(|why| html::notice(&why.to_string(), true))?;
        Ok(rel)
    })
    .await;
    match outcome {
        Some(Ok(rel)) => Redirect::to(&format!("/_renkei/edit/{rel}")).into_response(),
        Some(Err(top)) => page(
            StatusCode::UNPROCESSABLE_ENTITY,
            &DeskMsg::NewPage.to_string(),
            &html::new_page(&form.kind, &form.title, &form.software, &form.date, &top),
        ),
        None => failed(),
    }
}

/// Where a new page of `kind` goes: a file name made of the ASCII letters
/// and digits of `from` (or the date, or `page`), numbered when taken.
fn new_path(root: &Path, kind: &str, from: &str, date: &str) -> String {
    let mut slug = String::new();
    for c in from.chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c.to_ascii_lowercase());
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    let slug = slug.trim_end_matches('-').to_string();
    let base = match (kind, slug.is_empty()) {
        ("news", true) => format!("{date}-news"),
        ("news", false) => format!("{date}-{slug}"),
        ("manual", true) => "software".to_string(),
        (_, true) => "page".to_string(),
        _ => slug,
    };
    let path = |name: &str| match kind {
        "guide" => format!("content/guides/{name}.md"),
        "manual" => format!("content/manuals/{name}/_index.md"),
        "faq" => format!("content/faq/{name}.md"),
        "news" => format!("content/news/{name}.md"),
        _ => format!("content/{name}.md"),
    };
    let taken = |rel: &str| {
        let file = root.join(rel);
        file.exists() || (kind == "manual" && file.parent().is_some_and(Path::exists))
    };
    (1..)
        .map(|n| {
            if n == 1 {
                path(&base)
            } else {
                path(&format!("{base}-{n}"))
            }
        })
        .find(|rel| !taken(rel))
        .unwrap_or_else(|| path(&base))
}

#[derive(Deserialize)]
struct Undone {
    undone: Option<String>,
}

async fn history(State(desk): State<Desk>, Query(undone): Query<Undone>) -> Response {
    let root = desk.inner.root.clone();
    let Some(entries) = blocking(move || store::history(&root)).await else {
        return failed();
    };
    let top = undone.undone.map_or_else(String::new, |path| {
        html::notice(&DeskMsg::Undone { path }.to_string(), false)
    });
    page(
        StatusCode::OK,
        &DeskMsg::History.to_string(),
        &html::history(&entries, &top),
    )
}

#[derive(Deserialize)]
struct UndoForm {
    id: String,
}

/// 元に戻す: puts the kept version back (itself kept, so it can be undone).
async fn undo(State(desk): State<Desk>, Form(form): Form<UndoForm>) -> Response {
    let worker = desk.clone();
    let outcome = blocking(move || {
        let inner = &worker.inner;
        let _one = inner.one_at_a_time();
        let change = store::restoring(&inner.root, &form.id).ok_or(DeskMsg::NoSuchFile {
            path: form.id.clone(),
        })?;
        store::apply(&inner.root, std::slice::from_ref(&change))?;
        Ok::<String, DeskMsg>(change.path)
    })
    .await;
    match outcome {
        Some(Ok(path)) => {
            let query = query_value(&path);
            Redirect::to(&format!("/_renkei/history?undone={query}")).into_response()
        }
        Some(Err(why)) => page(
            StatusCode::BAD_REQUEST,
            &DeskMsg::History.to_string(),
            &html::notice(&why.to_string(), true),
        ),
        None => failed(),
    }
}

/// A path as a query value: everything but unreserved characters escaped.
fn query_value(path: &str) -> String {
    path.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'/' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// 公開前の確認: every finding of `check --strict`, each linked to the
/// editor of its file, or to the data desk for a data file.
async fn check(State(desk): State<Desk>) -> Response {
    let worker = desk.clone();
    let found = blocking(move || {
        let inner = &worker.inner;
        let (_, diags) =
            pipeline::run(&inner.root, Some(&inner.url), crate::date::today_in_japan());
        diags
            .shown()
            .into_iter()
            .map(|d| {
                let rel = page::desk_path(&d.path);
                let fix = if rel.starts_with("content/") && rel.ends_with(".md") {
                    Some(format!("/_renkei/edit/{rel}"))
                } else {
                    rel.starts_with("data/")
                        .then(|| "/_renkei/data/".to_string())
                };
                (d, fix)
            })
            .collect::<Vec<_>>()
    })
    .await;
    match found {
        Some(found) => page(
            StatusCode::OK,
            &DeskMsg::Check.to_string(),
            &html::check(&found),
        ),
        None => failed(),
    }
}

/// 公開: what would be published, and the form that publishes it.
async fn publish_page(State(desk): State<Desk>) -> Response {
    publish_outcome(desk, |_, _| String::new()).await
}

#[derive(Deserialize)]
struct PublishForm {
    message: String,
}

/// 公開する: one commit of the site's own files, pushed.
async fn publish_now(State(desk): State<Desk>, Form(form): Form<PublishForm>) -> Response {
    publish_outcome(desk, move |state, _| match state.publish(&form.message) {
        Ok(steps) => {
            let said: Vec<String> = steps.iter().map(ToString::to_string).collect();
            html::notice(&said.join(" "), false)
        }
        Err(why) => html::notice(&why, true),
    })
    .await
}

/// 公開用ファイルを作る: the built site as a zip in the site's folder.
async fn publish_zip(State(desk): State<Desk>) -> Response {
    publish_outcome(desk, |state, root| match state.zip(root) {
        Ok(said) => html::notice(&said, false),
        Err(why) => html::notice(&why, true),
    })
    .await
}

/// The 公開 page after `act` (nothing, a publication or a zip), its state
/// read again afterwards so the page shows what is now true.
async fn publish_outcome(
    desk: Desk,
    act: impl FnOnce(&publish::State, &Path) -> String + Send + 'static,
) -> Response {
    let shown = blocking(move || {
        let inner = &desk.inner;
        let _writing = inner.one_at_a_time();
        let before = publish::state(&inner.root, &inner.url);
        let top = act(&before, &inner.root);
        if top.is_empty() {
            return before.page("");
        }
        publish::state(&inner.root, &inner.url).page(&top)
    })
    .await;
    match shown {
        Some(body) => page(StatusCode::OK, &DeskMsg::Publish.to_string(), &body),
        None => failed(),
    }
}

#[derive(Deserialize)]
struct DataShown {
    registered: Option<String>,
    discarded: Option<String>,
}

async fn data_form(Query(shown): Query<DataShown>) -> Response {
    let top = match (shown.registered, shown.discarded) {
        (Some(path), _) => html::notice(&DeskMsg::Registered { path }.to_string(), false),
        (None, Some(_)) => html::notice(&DeskMsg::Discarded.to_string(), false),
        (None, None) => String::new(),
    };
    page(
        StatusCode::OK,
        &DeskMsg::DataDesk.to_string(),
        &html::data_form(&top),
    )
}

/// 確認する: the upload checked against the site as if it were in place,
/// and what it would change; held until 登録 or 取り消し.
async fn data_check(State(desk): State<Desk>, mut multipart: Multipart) -> Response {
    let (mut kind, mut date, mut file) = (String::new(), String::new(), None);
    loop {
        match multipart.next_field().await {
            Ok(Some(field)) => {
                let name = field.name().unwrap_or_default().to_string();
                let file_name = field.file_name().map(str::to_string);
                let Ok(bytes) = field.bytes().await else {
                    return refused(StatusCode::PAYLOAD_TOO_LARGE, &DeskMsg::TooLarge);
                };
                match name.as_str() {
                    "kind" => kind = String::from_utf8_lossy(&bytes).into_owned(),
                    "date" => date = String::from_utf8_lossy(&bytes).into_owned(),
                    "file" => file = Some((file_name.unwrap_or_default(), bytes.to_vec())),
                    _ => {}
                }
            }
            Ok(None) => break,
            Err(_) => return refused(StatusCode::BAD_REQUEST, &DeskMsg::DataNotTable),
        }
    }
    let Some((file_name, bytes)) = file else {
        return refused(StatusCode::BAD_REQUEST, &DeskMsg::DataNotTable);
    };
    let changes = match data::changes(&desk.inner.root, &kind, &date, &file_name, bytes) {
        Ok(changes) => changes,
        Err(why) => {
            let top = html::notice(&why.to_string(), true);
            return page(
                StatusCode::UNPROCESSABLE_ENTITY,
                &DeskMsg::DataDesk.to_string(),
                &html::data_form(&top),
            );
        }
    };
    let worker = desk.clone();
    let shown = blocking(move || {
        let inner = &worker.inner;
        let path = changes.last().map(|c| c.path.clone()).unwrap_or_default();
        let (now, _) = pipeline::run(&inner.root, Some(&inner.url), crate::date::today_in_japan());
        let (after, diags) = store::check_with(&inner.root, &inner.url, &changes);
        let (blocking, others): (Vec<Diagnostic>, Vec<Diagnostic>) = diags
            .into_sorted()
            .into_iter()
            .filter(|d| d.is_error() || page::desk_path(&d.path) == path)
            .partition(|d| data::blocks(d, &path));
        let effect = match (&now, &after) {
            (Some(now), Some(after)) => Some(data::effect(now, after)),
            _ => None,
        };
        let id = store::nonce();
        let body = html::data_result(&path, &id, &blocking, &others, effect.as_ref());
        inner
            .pending
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .insert(
                id,
                Pending {
                    path: path.clone(),
                    changes,
                },
            );
        (path, blocking.is_empty(), body)
    })
    .await;
    match shown {
        Some((path, ok, body)) => {
            let status = if ok {
                StatusCode::OK
            } else {
                StatusCode::UNPROCESSABLE_ENTITY
            };
            page(status, &DeskMsg::DataResult { path }.to_string(), &body)
        }
        None => failed(),
    }
}

#[derive(Deserialize)]
struct PendingForm {
    id: String,
}

/// 登録: the checked file written under its contract name, checked again
/// (the site may have changed since), never with a finding that blocks it.
async fn data_register(State(desk): State<Desk>, Form(form): Form<PendingForm>) -> Response {
    let worker = desk.clone();
    let outcome = blocking(move || {
        let inner = &worker.inner;
        let _one = inner.one_at_a_time();
        let pending = inner
            .pending
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .remove(&form.id)
            .ok_or_else(|| html::notice(&DeskMsg::PendingGone.to_string(), true))?;
        let (_, diags) = store::check_with(&inner.root, &inner.url, &pending.changes);
        let blocking: Vec<Diagnostic> = diags
            .into_sorted()
            .into_iter()
            .filter(|d| data::blocks(d, &pending.path))
            .collect();
        if !blocking.is_empty() {
            return Err(html::findings(
                &DeskMsg::CannotRegister.to_string(),
                &blocking,
            ));
        }
        store::apply(&inner.root, &pending.changes)
            .map_err(|why| html::notice(&why.to_string(), true))?;
        Ok(pending.path)
    })
    .await;
    match outcome {
        Some(Ok(path)) => {
            Redirect::to(&format!("/_renkei/data/?registered={}", query_value(&path)))
                .into_response()
        }
        Some(Err(top)) => page(
            StatusCode::UNPROCESSABLE_ENTITY,
            &DeskMsg::DataDesk.to_string(),
            &html::data_form(&top),
        ),
        None => failed(),
    }
}

/// 取り消し: the checked file dropped; nothing was written.
async fn data_discard(State(desk): State<Desk>, Form(form): Form<PendingForm>) -> Response {
    desk.inner
        .pending
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
        .remove(&form.id);
    Redirect::to("/_renkei/data/?discarded=1").into_response()
}
