//! The HTTP side of the preview: reading requests, mapping a URL to a file
//! of the build output, and writing responses.
//!
//! The preview serves files from the build held in memory, never from disk,
//! so no URL can reach a file outside the output: there are no symlinks to
//! follow and no folders to list. Paths with `.` or `..` segments (plain or
//! percent-encoded) are refused outright rather than normalised. std's
//! `TcpListener` is enough for one editor's browser; GET and HEAD are all a
//! static site needs.

use std::io::{self, BufRead, Write};

use crate::messages::serve::ServeMsg;

/// The most a request line or header block may take, in bytes.
pub const MAX_HEAD: usize = 16 * 1024;

/// One request, as far as the preview needs it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Request {
    /// `GET`, `HEAD`, …, as sent.
    pub method: String,
    /// The request target as sent, e.g. `/guides/?x=1`.
    pub target: String,
    /// Whether the client speaks HTTP/1.1 (keep-alive by default).
    pub http11: bool,
    /// Header names lower-cased, in the order sent.
    pub headers: Vec<(String, String)>,
}

impl Request {
    /// The first value of a header, by lower-case name.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    /// Whether a header holds `token` in its comma-separated list (any case).
    pub fn header_has(&self, name: &str, token: &str) -> bool {
        self.header(name)
            .is_some_and(|v| v.split(',').any(|t| t.trim().eq_ignore_ascii_case(token)))
    }

    /// Whether the connection may carry another request after this one.
    pub fn keep_alive(&self) -> bool {
        let has_body = self.header("transfer-encoding").is_some()
            || self
                .header("content-length")
                .is_some_and(|n| n.trim() != "0");
        self.http11 && !has_body && !self.header_has("connection", "close")
    }

    /// The target without its query or fragment.
    pub fn path(&self) -> &str {
        self.target.split(['?', '#']).next().unwrap_or(&self.target)
    }
}

/// Why a request could not be read.
#[derive(Debug)]
pub enum RequestError {
    /// The connection failed or idled out: nothing to answer.
    Io,
    /// Not an HTTP/1.x request head.
    Malformed,
    /// A head over the size any browser sends.
    TooLarge,
}

impl From<io::Error> for RequestError {
    fn from(_: io::Error) -> Self {
        RequestError::Io
    }
}

impl RequestError {
    /// The answer to a request that could not be read; none when the
    /// connection itself failed.
    pub fn message(&self) -> Option<ServeMsg> {
        match self {
            RequestError::Io => None,
            RequestError::Malformed => Some(ServeMsg::MalformedRequest),
            RequestError::TooLarge => Some(ServeMsg::RequestTooLarge),
        }
    }
}

/// Reads one request head; `None` when the client closed the connection
/// between requests.
pub fn read_request(reader: &mut impl BufRead) -> Result<Option<Request>, RequestError> {
    let mut budget = MAX_HEAD;
    let Some(line) = read_line(reader, &mut budget)? else {
        return Ok(None);
    };
    let mut parts = line.split(' ');
    let (Some(method), Some(target), Some(version), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(RequestError::Malformed);
    };
    let http11 = match version {
        "HTTP/1.1" => true,
        "HTTP/1.0" => false,
        _ => return Err(RequestError::Malformed),
    };
    let mut request = Request {
        method: method.to_string(),
        target: target.to_string(),
        http11,
        headers: Vec::new(),
    };
    loop {
        let line = read_line(reader, &mut budget)?.ok_or(RequestError::Malformed)?;
        if line.is_empty() {
            return Ok(Some(request));
        }
        let (name, value) = line.split_once(':').ok_or(RequestError::Malformed)?;
        request
            .headers
            .push((name.trim().to_ascii_lowercase(), value.trim().to_string()));
    }
}

/// Reads one CRLF- or LF-ended line within the head's byte budget.
fn read_line(
    reader: &mut impl BufRead,
    budget: &mut usize,
) -> Result<Option<String>, RequestError> {
    let mut line = Vec::new();
    loop {
        let available = reader.fill_buf()?;
        if available.is_empty() {
            return if line.is_empty() {
                Ok(None)
            } else {
                Err(RequestError::Malformed)
            };
        }
        let (taken, done) = match available.iter().position(|&b| b == b'\n') {
            Some(i) => (i + 1, true),
            None => (available.len(), false),
        };
        if taken > *budget {
            return Err(RequestError::TooLarge);
        }
        *budget -= taken;
        line.extend_from_slice(&available[..taken]);
        reader.consume(taken);
        if done {
            line.pop();
            if line.last() == Some(&b'\r') {
                line.pop();
            }
            return String::from_utf8(line)
                .map(Some)
                .map_err(|_| RequestError::Malformed);
        }
    }
}

/// Where a URL path leads in the build output.
#[derive(Debug, PartialEq, Eq)]
pub enum Route {
    /// An output file, by its output path.
    File(String),
    /// A folder named without its trailing slash: the URL to redirect to.
    Redirect(String),
    /// No such file: the site's `404.html` is served.
    NotFound,
    /// A path that is not a plain path inside the site.
    BadRequest,
}

/// Maps a request path (`/guides/start/`) to an output file. `index.html`
/// stands for a folder; nothing else about folders is ever shown.
pub fn route(path: &str, exists: impl Fn(&str) -> bool) -> Route {
    let Some(decoded) = decode(path) else {
        return Route::BadRequest;
    };
    if decoded.is_empty() || decoded.ends_with('/') {
        let index = format!("{decoded}index.html");
        return if exists(&index) {
            Route::File(index)
        } else {
            Route::NotFound
        };
    }
    if exists(&decoded) {
        Route::File(decoded)
    } else if exists(&format!("{decoded}/index.html")) {
        Route::Redirect(format!("{path}/"))
    } else {
        Route::NotFound
    }
}

/// The output path a request path names: percent-decoded, without the
/// leading `/`; `None` when it is not UTF-8, holds a backslash or a NUL, or
/// has a `.` or `..` segment.
fn decode(path: &str) -> Option<String> {
    let rest = path.strip_prefix('/')?;
    let bytes = rest.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    let decoded = String::from_utf8(out).ok()?;
    let plain = !decoded.contains(['\\', '\0'])
        && !decoded.starts_with('/')
        && decoded.split('/').all(|s| s != "." && s != "..");
    plain.then_some(decoded)
}

/// The `Content-Type` of an output file, from its extension. Text types say
/// they are UTF-8, as everything renkei writes is.
pub fn content_type(path: &str) -> &'static str {
    let name = path.rsplit('/').next().unwrap_or(path);
    let extension = name
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    match extension.as_str() {
        "html" | "htm" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "json" => "application/json; charset=utf-8",
        "webmanifest" => "application/manifest+json; charset=utf-8",
        "xml" => "application/xml; charset=utf-8",
        "svg" => "image/svg+xml; charset=utf-8",
        "csv" => "text/csv; charset=utf-8",
        "txt" | "md" => "text/plain; charset=utf-8",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "avif" => "image/avif",
        "ico" => "image/x-icon",
        "pdf" => "application/pdf",
        "woff" => "font/woff",
        "woff2" => "font/woff2",
        "ttf" => "font/ttf",
        "otf" => "font/otf",
        "mp3" => "audio/mpeg",
        "mp4" => "video/mp4",
        "webm" => "video/webm",
        "zip" => "application/zip",
        "xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "docx" => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "xls" => "application/vnd.ms-excel",
        "doc" => "application/msword",
        _ => "application/octet-stream",
    }
}

/// A response about to be written.
#[derive(Debug)]
pub struct Response {
    pub status: u16,
    pub content_type: &'static str,
    /// Headers beyond the ones every response has.
    pub headers: Vec<(&'static str, String)>,
    pub body: Vec<u8>,
}

impl Response {
    /// A response with a body of the given type.
    pub fn new(status: u16, content_type: &'static str, body: Vec<u8>) -> Response {
        Response {
            status,
            content_type,
            headers: Vec::new(),
            body,
        }
    }

    /// A short plain-text response for an error.
    pub fn text(status: u16, text: &str) -> Response {
        Response::new(
            status,
            "text/plain; charset=utf-8",
            format!("{text}\n").into_bytes(),
        )
    }

    /// Adds a header.
    pub fn with(mut self, name: &'static str, value: impl Into<String>) -> Response {
        self.headers.push((name, value.into()));
        self
    }

    /// Writes the response in one piece (so no small write waits on the
    /// network's delayed acknowledgement); without the body for HEAD.
    pub fn write_to(
        &self,
        out: &mut impl Write,
        head_only: bool,
        keep_alive: bool,
    ) -> io::Result<()> {
        let mut head = format!(
            "HTTP/1.1 {} {}\r\nContent-Type: {}\r\nContent-Length: {}\r\nCache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\nConnection: {}\r\n",
            self.status,
            reason(self.status),
            self.content_type,
            self.body.len(),
            if keep_alive { "keep-alive" } else { "close" },
        );
        for (name, value) in &self.headers {
            head.push_str(&format!("{name}: {value}\r\n"));
        }
        head.push_str("\r\n");
        let mut bytes = head.into_bytes();
        if !head_only {
            bytes.extend_from_slice(&self.body);
        }
        out.write_all(&bytes)?;
        out.flush()
    }
}

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        301 => "Moved Permanently",
        400 => "Bad Request",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        503 => "Service Unavailable",
        _ => "",
    }
}

/// Whether a `Host` header names this machine's loopback interface. A server
/// on loopback answers only those, so a web page cannot point a domain of
/// its own at 127.0.0.1 and read the preview (DNS rebinding).
pub fn is_loopback_host(host: &str) -> bool {
    let name = match host.strip_prefix('[') {
        Some(rest) => rest.split(']').next().unwrap_or(rest),
        None => host.rsplit_once(':').map_or(host, |(name, _)| name),
    };
    name.eq_ignore_ascii_case("localhost")
        || name
            .parse::<std::net::IpAddr>()
            .is_ok_and(|ip| ip.is_loopback())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    fn files(paths: &[&str]) -> BTreeMap<String, Vec<u8>> {
        paths.iter().map(|p| (p.to_string(), Vec::new())).collect()
    }

    fn read(text: &str) -> Result<Option<Request>, RequestError> {
        read_request(&mut text.as_bytes())
    }

    #[test]
    fn reads_a_request_head() {
        let request = read("GET /guides/?q=1 HTTP/1.1\r\nHost: 127.0.0.1:1111\r\nConnection: keep-alive, Upgrade\r\n\r\n")
            .unwrap()
            .unwrap();
        assert_eq!(request.method, "GET");
        assert_eq!(request.path(), "/guides/");
        assert_eq!(request.header("host"), Some("127.0.0.1:1111"));
        assert!(request.header_has("connection", "upgrade"));
        assert!(request.keep_alive());
    }

    #[test]
    fn closes_after_http10_close_or_a_body() {
        let keeps = |text: &str| read(text).unwrap().unwrap().keep_alive();
        assert!(!keeps("GET / HTTP/1.0\r\n\r\n"));
        assert!(!keeps("GET / HTTP/1.1\r\nConnection: close\r\n\r\n"));
        assert!(!keeps("GET / HTTP/1.1\r\nContent-Length: 5\r\n\r\n"));
    }

    #[test]
    fn refuses_malformed_and_huge_heads() {
        assert!(read("").unwrap().is_none());
        assert!(matches!(
            read("GET /\r\n\r\n"),
            Err(RequestError::Malformed)
        ));
        assert!(matches!(
            read("GET / HTTP/2\r\n\r\n"),
            Err(RequestError::Malformed)
        ));
        assert!(matches!(
            read("GET / HTTP/1.1\r\nHost"),
            Err(RequestError::Malformed)
        ));
        let huge = format!("GET / HTTP/1.1\r\nX: {}\r\n\r\n", "a".repeat(MAX_HEAD));
        assert!(matches!(read(&huge), Err(RequestError::TooLarge)));
    }

    #[test]
    fn routes_folders_to_their_index() {
        let files = files(&[
            "index.html",
            "guides/index.html",
            "css/site.css",
            "ガイド/index.html",
        ]);
        assert_eq!(
            route("/", |p| files.contains_key(p)),
            Route::File("index.html".into())
        );
        assert_eq!(
            route("/guides/", |p| files.contains_key(p)),
            Route::File("guides/index.html".into())
        );
        assert_eq!(
            route("/css/site.css", |p| files.contains_key(p)),
            Route::File("css/site.css".into())
        );
        assert_eq!(
            route("/guides", |p| files.contains_key(p)),
            Route::Redirect("/guides/".into())
        );
        assert_eq!(
            route("/%E3%82%AC%E3%82%A4%E3%83%89/", |p| files.contains_key(p)),
            Route::File("ガイド/index.html".into())
        );
        assert_eq!(route("/css/", |p| files.contains_key(p)), Route::NotFound);
        assert_eq!(
            route("/missing.html", |p| files.contains_key(p)),
            Route::NotFound
        );
    }

    #[test]
    fn refuses_traversal_plain_or_encoded() {
        let files = files(&["index.html"]);
        for path in [
            "/../site.toml",
            "/guides/../../site.toml",
            "/%2e%2e/site.toml",
            "/%2E%2E%2Fsite.toml",
            "/guides/..%2f..%2fsite.toml",
            "/./index.html",
            "/..\\site.toml",
            "/%5c..%5csite.toml",
            "//etc/passwd",
            "/%00",
            "/%ff",
            "/%zz",
            "/%2",
            "*",
            "http://example.jp/",
        ] {
            assert_eq!(
                route(path, |p| files.contains_key(p)),
                Route::BadRequest,
                "{path}"
            );
        }
        assert_eq!(
            route("/%252e%252e/site.toml", |p| files.contains_key(p)),
            Route::NotFound
        );
    }

    #[test]
    fn text_types_say_utf8() {
        assert_eq!(content_type("index.html"), "text/html; charset=utf-8");
        assert_eq!(content_type("css/site.css"), "text/css; charset=utf-8");
        assert_eq!(content_type("img/map.SVG"), "image/svg+xml; charset=utf-8");
        assert_eq!(
            content_type("data/municipalities.json"),
            "application/json; charset=utf-8"
        );
        assert_eq!(
            content_type("news/atom.xml"),
            "application/xml; charset=utf-8"
        );
        assert_eq!(content_type("data/trend.csv"), "text/csv; charset=utf-8");
        assert_eq!(content_type("files/manual.pdf"), "application/pdf");
        assert_eq!(content_type("v1.2/LICENSE"), "application/octet-stream");
    }

    #[test]
    fn writes_one_response_head_and_body() {
        let mut out = Vec::new();
        Response::text(404, "not found")
            .with("Location", "/x/")
            .write_to(&mut out, false, true)
            .unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(text.starts_with("HTTP/1.1 404 Not Found\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: 10\r\n"));
        assert!(text.contains("\r\nConnection: keep-alive\r\nLocation: /x/\r\n\r\nnot found\n"));
        let mut head = Vec::new();
        Response::text(200, "ok")
            .write_to(&mut head, true, false)
            .unwrap();
        assert!(
            String::from_utf8(head)
                .unwrap()
                .ends_with("Connection: close\r\n\r\n")
        );
    }

    #[test]
    fn only_loopback_hosts_pass() {
        for host in [
            "127.0.0.1:1111",
            "localhost:1111",
            "LOCALHOST",
            "[::1]:1111",
            "127.0.0.2",
        ] {
            assert!(is_loopback_host(host), "{host}");
        }
        for host in [
            "example.jp",
            "evil.example:1111",
            "192.168.1.2:1111",
            "[2001:db8::1]:80",
            "",
        ] {
            assert!(!is_loopback_host(host), "{host}");
        }
    }
}
