//! Mapping a URL to a file of the build output, and which `Host` the
//! preview answers.
//!
//! The preview serves files from the build held in memory, never from disk,
//! so no URL can reach a file outside the output: there are no symlinks to
//! follow and no folders to list. Paths with `.` or `..` segments (plain or
//! percent-encoded) are refused outright rather than normalised.

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

/// Whether a `Host` header is exactly this server on loopback: `localhost`
/// or a loopback address, and the port (which only port 80 may leave out).
/// A server on loopback answers only those, so a web page cannot point a
/// domain of its own at 127.0.0.1 and read the preview (DNS rebinding), and
/// `localhost:PORT@evil.example` is not taken for `localhost`.
pub fn is_loopback_host(host: &str, port: u16) -> bool {
    let (name, rest) = match host.strip_prefix('[') {
        Some(bracketed) => match bracketed.split_once(']') {
            Some((name, rest)) => (name, rest),
            None => return false,
        },
        None => match host.find(':') {
            Some(at) => host.split_at(at),
            None => (host, ""),
        },
    };
    let port_ok = match rest.strip_prefix(':') {
        Some(digits) => {
            !digits.is_empty()
                && digits.bytes().all(|b| b.is_ascii_digit())
                && digits.parse::<u16>() == Ok(port)
        }
        None => rest.is_empty() && port == 80,
    };
    let loopback = name.eq_ignore_ascii_case("localhost")
        || name
            .parse::<std::net::IpAddr>()
            .is_ok_and(|ip| ip.is_loopback());
    port_ok && loopback
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    fn files(paths: &[&str]) -> BTreeMap<String, Vec<u8>> {
        paths.iter().map(|p| (p.to_string(), Vec::new())).collect()
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
    fn only_this_server_on_loopback_passes() {
        for host in [
            "127.0.0.1:1111",
            "localhost:1111",
            "LOCALHOST:1111",
            "[::1]:1111",
            "127.0.0.2:1111",
        ] {
            assert!(is_loopback_host(host, 1111), "{host}");
        }
        assert!(is_loopback_host("localhost", 80));
        for host in [
            "example.jp",
            "evil.example:1111",
            "192.168.1.2:1111",
            "[2001:db8::1]:1111",
            "",
            "localhost",
            "localhost:1112",
            "localhost:1111@evil.example",
            "localhost:1111:1111",
            "[::1]1111",
            "[::1:1111",
            "localhost:+1111",
        ] {
            assert!(!is_loopback_host(host, 1111), "{host}");
        }
    }
}
