//! The preview's HTTP server: hyper's HTTP/1.1 on tokio with axum's routing
//! and WebSocket.
//!
//! Every connection holds one of [`MAX_CONNECTIONS`] places until it closes
//! (a live-reload socket included, which is read so that a page that went
//! away is noticed and its socket freed at once); a connection beyond them
//! is closed unanswered, so the preview never runs out of open files. A
//! request head must arrive within [`HEAD_DEADLINE`], so slow clients cost
//! a task and a buffer each, not a thread, and not for long.

use std::net::TcpListener;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::body::Body;
use axum::extract::ws::{Message as WsMessage, WebSocket, WebSocketUpgrade};
use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use hyper_util::rt::{TokioIo, TokioTimer};
use tokio::sync::{OwnedSemaphorePermit, Semaphore, watch};
use tower::Service;

use super::reload::{self, Message};
use super::{Live, Reply, Shared, respond, warn};
use crate::messages::common;
use crate::messages::serve::ServeMsg;

/// Connections open at once, at most: well under the common limit of 1,024
/// open files, which the site's own files need a share of.
pub const MAX_CONNECTIONS: usize = 768;

/// How long a request head may take once the connection waits for one.
pub const HEAD_DEADLINE: Duration = Duration::from_secs(10);

/// The most a request head may take, in bytes.
const MAX_HEAD: usize = 16 * 1024;

/// How long sending one message to an open page may take before the page
/// is given up.
const WRITE_TIMEOUT: Duration = Duration::from_secs(5);

/// What every handler reads: the served build and the port (for the `Host`
/// check), plus the desk's own state when the desk is on.
#[derive(Clone)]
pub struct App {
    pub shared: Arc<Shared>,
    pub port: u16,
    /// Bound to loopback: only requests naming this server on loopback are
    /// answered.
    pub loopback_only: bool,
    /// The desk is on: pages made from Markdown link to their editor.
    pub desk: bool,
}

/// A connection's place among [`MAX_CONNECTIONS`], carried by its requests
/// so a live socket keeps it for as long as it is open.
#[derive(Clone)]
struct Place {
    _held: Arc<OwnedSemaphorePermit>,
}

/// The preview's routes; `desk` adds the desk's when it is on.
pub fn router(app: App, desk: Option<Router>) -> Router {
    let preview = Router::new()
        .route(reload::ENDPOINT, get(live))
        .fallback(preview)
        .with_state(app.clone());
    let routes = match desk {
        Some(desk) => preview.merge(desk),
        None => preview,
    };
    routes.layer(middleware::from_fn_with_state(app, guard))
}

/// Serves `router` on `listener` until the process ends.
pub fn run(listener: TcpListener, router: Router) -> std::io::Result<()> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()?;
    runtime.block_on(async move {
        listener.set_nonblocking(true)?;
        let listener = tokio::net::TcpListener::from_std(listener)?;
        let places = Arc::new(Semaphore::new(MAX_CONNECTIONS));
        loop {
            let stream = match listener.accept().await {
                Ok((stream, _)) => stream,
                Err(e) => {
                    warn(ServeMsg::CannotAccept {
                        reason: common::io(&e),
                    });
                    tokio::time::sleep(Duration::from_millis(100)).await;
                    continue;
                }
            };
            // Beyond the cap the connection is closed unanswered.
            let Ok(permit) = Arc::clone(&places).try_acquire_owned() else {
                continue;
            };
            let _ = stream.set_nodelay(true);
            let place = Place {
                _held: Arc::new(permit),
            };
            let router = router.clone();
            let service = hyper::service::service_fn(move |mut request: Request<_>| {
                request.extensions_mut().insert(place.clone());
                router.clone().call(request)
            });
            tokio::spawn(async move {
                let _ = hyper::server::conn::http1::Builder::new()
                    .timer(TokioTimer::new())
                    .header_read_timeout(HEAD_DEADLINE)
                    .max_buf_size(MAX_HEAD.max(8192))
                    .serve_connection(TokioIo::new(stream), service)
                    .with_upgrades()
                    .await;
            });
        }
    })
}

/// Refuses a `Host` that is not exactly this server on loopback (DNS
/// rebinding), and marks every answer as not to be cached or sniffed.
async fn guard(State(app): State<App>, request: Request, next: Next) -> Response {
    if app.loopback_only && !names_this_server(request.headers(), app.port) {
        return text(StatusCode::FORBIDDEN, &ServeMsg::OnlyLoopback.to_string());
    }
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    response
}

/// Whether the request has exactly one `Host`, naming this server on loopback.
pub fn names_this_server(headers: &HeaderMap, port: u16) -> bool {
    let mut hosts = headers.get_all(header::HOST).iter();
    match (hosts.next(), hosts.next()) {
        (Some(host), None) => host
            .to_str()
            .is_ok_and(|host| super::files::is_loopback_host(host, port)),
        _ => false,
    }
}

/// A short plain-text answer.
pub fn text(status: StatusCode, text: &str) -> Response {
    (
        status,
        [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
        format!("{text}\n"),
    )
        .into_response()
}

/// Answers a GET or HEAD from the build being served; rendering an office
/// page on request is work, so it runs off the connection tasks.
async fn preview(State(app): State<App>, method: Method, request: Request) -> Response {
    if method != Method::GET && method != Method::HEAD {
        let mut refused = text(
            StatusCode::METHOD_NOT_ALLOWED,
            &ServeMsg::OnlyGet.to_string(),
        );
        refused
            .headers_mut()
            .insert(header::ALLOW, HeaderValue::from_static("GET, HEAD"));
        return refused;
    }
    let path = request.uri().path().to_string();
    let shared = Arc::clone(&app.shared);
    match tokio::task::spawn_blocking(move || respond(&path, &shared, app.desk)).await {
        Ok(reply) => reply.into_response(),
        Err(_) => StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    }
}

impl IntoResponse for Reply {
    fn into_response(self) -> Response {
        let mut response = Response::new(Body::from(self.body));
        *response.status_mut() = StatusCode::from_u16(self.status).unwrap_or(StatusCode::OK);
        let headers = response.headers_mut();
        headers.insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static(self.content_type),
        );
        if let Some(location) = self.location.and_then(|l| HeaderValue::from_str(&l).ok()) {
            headers.insert(header::LOCATION, location);
        }
        response
    }
}

/// Turns the request into a page's WebSocket: it is told the build now
/// served, then every later one, until it goes away.
async fn live(
    State(app): State<App>,
    headers: HeaderMap,
    place: Option<axum::Extension<Place>>,
    upgrade: Result<WebSocketUpgrade, axum::extract::ws::rejection::WebSocketUpgradeRejection>,
) -> Response {
    let Ok(upgrade) = upgrade else {
        return text(
            StatusCode::BAD_REQUEST,
            &ServeMsg::ExpectedWebSocket.to_string(),
        );
    };
    // Another site open in the same browser must not listen in.
    let host = headers.get(header::HOST).and_then(|h| h.to_str().ok());
    let same_origin = headers.get(header::ORIGIN).is_none_or(|origin| {
        let origin = origin.to_str().ok();
        let origin_host = origin.and_then(|o| {
            o.strip_prefix("http://")
                .or_else(|| o.strip_prefix("https://"))
        });
        origin_host.is_some() && origin_host == host
    });
    if !same_origin {
        return text(StatusCode::FORBIDDEN, &ServeMsg::NotThisPreview.to_string());
    }
    let pages = app.shared.live.subscribe();
    upgrade.on_upgrade(move |socket| follow(socket, pages, place))
}

/// Sends the page the build now served and each later one; ends (freeing
/// the socket) as soon as the page closes it or stops reading.
async fn follow(
    mut socket: WebSocket,
    mut pages: watch::Receiver<Live>,
    _place: Option<axum::Extension<Place>>,
) {
    let hello = {
        let live = pages.borrow_and_update();
        Message {
            build: &live.build,
            prev: &live.build,
            css: &[],
            errors: &live.errors,
        }
        .json()
    };
    if !send(&mut socket, hello).await {
        return;
    }
    loop {
        tokio::select! {
            changed = pages.changed() => {
                if changed.is_err() {
                    return;
                }
                let message = pages.borrow_and_update().json();
                if !send(&mut socket, message).await {
                    return;
                }
            }
            incoming = socket.recv() => match incoming {
                Some(Ok(WsMessage::Close(_)) | Err(_)) | None => return,
                Some(Ok(_)) => {}
            }
        }
    }
}

async fn send(socket: &mut WebSocket, text: String) -> bool {
    matches!(
        tokio::time::timeout(WRITE_TIMEOUT, socket.send(WsMessage::Text(text.into()))).await,
        Ok(Ok(()))
    )
}
