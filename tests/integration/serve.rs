//! `renkei serve` and `renkei build --watch` as an editor and a nightly job
//! use them: the real binary on a free port, fetched over HTTP by a tiny std
//! client that sends paths exactly as written (so `/../` reaches the server).

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, ChildStdout, Command, ExitStatus, Stdio};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use crate::harness::{GUIDE, OFFICES, TestSite};

/// How long a rebuild may take on a busy machine before a test gives up.
pub const PATIENCE: Duration = Duration::from_secs(60);

/// A running `renkei` that serves or watches, killed when dropped.
pub struct Running {
    child: Child,
    stderr: Arc<Mutex<String>>,
    /// What it prints after its first line, unread.
    stdout: Option<BufReader<ChildStdout>>,
    pub port: u16,
}

impl Running {
    /// `renkei serve --port 0` on the site, once it prints its URL.
    pub fn serve(site: &TestSite, args: &[&str]) -> Running {
        Running::serve_by(crate::harness::command(), site, args)
    }

    /// `renkei serve` started by `command` (the binary, or a shell that
    /// runs it).
    fn serve_by(command: Command, site: &TestSite, args: &[&str]) -> Running {
        let mut running =
            Running::spawn_by(command, site, &[&["serve", "--port", "0"], args].concat());
        let mut stdout = BufReader::new(running.child.stdout.take().expect("piped stdout"));
        let mut line = String::new();
        stdout.read_line(&mut line).expect("read stdout");
        let port = line
            .trim()
            .rsplit_once("http://127.0.0.1:")
            .map(|(_, rest)| rest)
            .and_then(|rest| rest.strip_suffix('/'))
            .and_then(|port| port.parse().ok())
            .unwrap_or_else(|| panic!("no URL printed: {line:?}\n{}", running.wait_for_exit().1));
        running.port = port;
        running.stdout = Some(stdout);
        running
    }

    /// The next line the server printed on stdout.
    pub fn next_line(&mut self) -> String {
        let mut line = String::new();
        self.stdout
            .as_mut()
            .expect("started by serve")
            .read_line(&mut line)
            .expect("read stdout");
        line
    }

    /// `renkei` with these arguments and `--root`, its stderr collected.
    fn spawn(site: &TestSite, args: &[&str]) -> Running {
        Running::spawn_by(crate::harness::command(), site, args)
    }

    fn spawn_by(mut command: Command, site: &TestSite, args: &[&str]) -> Running {
        let mut child = command
            .args(args)
            .arg("--root")
            .arg(site.path())
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start renkei");
        let stderr = Arc::new(Mutex::new(String::new()));
        let collected = Arc::clone(&stderr);
        let pipe = child.stderr.take().expect("piped stderr");
        thread::spawn(move || {
            for line in BufReader::new(pipe).lines().map_while(Result::ok) {
                let mut text = collected.lock().unwrap();
                text.push_str(&line);
                text.push('\n');
            }
        });
        Running {
            child,
            stderr,
            stdout: None,
            port: 0,
        }
    }

    pub fn stderr(&self) -> String {
        self.stderr.lock().unwrap().clone()
    }

    /// Waits until stderr has `text`.
    pub fn wait_for_stderr(&self, text: &str) {
        wait_until(&format!("stderr to show {text:?}"), self, || {
            self.stderr().contains(text)
        });
    }

    /// GET with `Connection: close`, the target sent as written.
    pub fn get(&self, target: &str) -> Reply {
        self.send(&format!(
            "GET {target} HTTP/1.1\r\nHost: 127.0.0.1:{}\r\nConnection: close\r\n\r\n",
            self.port
        ))
    }

    pub fn send(&self, request: &str) -> Reply {
        self.send_bytes(request.as_bytes())
    }

    /// Sends a whole request as bytes (a head and a body) and reads the reply.
    pub fn send_bytes(&self, request: &[u8]) -> Reply {
        let mut stream = TcpStream::connect(("127.0.0.1", self.port)).expect("connect");
        stream.write_all(request).expect("send");
        let mut bytes = Vec::new();
        stream.read_to_end(&mut bytes).expect("read reply");
        Reply::parse(&bytes)
    }

    /// Opens the live-reload WebSocket as a page would and returns the
    /// first message: the state of the build being served.
    fn live_state(&self) -> serde_json::Value {
        self.live_socket().1
    }

    /// Opens the live-reload WebSocket: the open socket and its first message.
    fn live_socket(&self) -> (TcpStream, serde_json::Value) {
        let mut stream = TcpStream::connect(("127.0.0.1", self.port)).expect("connect");
        write!(
            stream,
            "GET /__renkei/live HTTP/1.1\r\nHost: 127.0.0.1:{0}\r\nOrigin: http://127.0.0.1:{0}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n",
            self.port
        )
        .expect("send");
        let mut reader = BufReader::new(stream.try_clone().expect("clone socket"));
        let mut head = String::new();
        while !head.ends_with("\r\n\r\n") {
            assert!(
                reader.read_line(&mut head).expect("read head") > 0,
                "{head}"
            );
        }
        assert!(head.starts_with("HTTP/1.1 101 "), "{head}");
        assert!(
            head.to_ascii_lowercase()
                .contains("sec-websocket-accept: s3pplmbitxaq9kygzzhzrbk+xoo="),
            "{head}"
        );
        let mut start = [0u8; 2];
        reader.read_exact(&mut start).expect("frame start");
        assert_eq!(start[0], 0x81, "a final text frame");
        let len = match start[1] {
            126 => {
                let mut len = [0u8; 2];
                reader.read_exact(&mut len).expect("frame length");
                usize::from(u16::from_be_bytes(len))
            }
            127 => panic!("a state message is not that long"),
            len => usize::from(len),
        };
        let mut payload = vec![0u8; len];
        reader.read_exact(&mut payload).expect("frame payload");
        (
            stream,
            serde_json::from_slice(&payload).expect("JSON message"),
        )
    }

    /// Waits for the process to end by itself; its status and stderr.
    fn wait_for_exit(&mut self) -> (ExitStatus, String) {
        let deadline = Instant::now() + PATIENCE;
        loop {
            if let Some(status) = self.child.try_wait().expect("wait") {
                // Let the reader thread take the last lines.
                thread::sleep(Duration::from_millis(100));
                return (status, self.stderr());
            }
            assert!(
                Instant::now() < deadline,
                "still running:\n{}",
                self.stderr()
            );
            thread::sleep(Duration::from_millis(50));
        }
    }

    /// Sends SIGINT, as Ctrl-C in a terminal does.
    #[cfg(unix)]
    fn interrupt(&self) {
        let sent = Command::new("kill")
            .args(["-INT", &self.child.id().to_string()])
            .status()
            .expect("run kill");
        assert!(sent.success());
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Polls `done` until it holds, failing with the server's stderr after
/// [`PATIENCE`] (a deadline for a stuck server, not a speed check).
pub fn wait_until(what: &str, running: &Running, mut done: impl FnMut() -> bool) {
    let deadline = Instant::now() + PATIENCE;
    while !done() {
        assert!(
            Instant::now() < deadline,
            "gave up waiting for {what}; stderr:\n{}",
            running.stderr()
        );
        thread::sleep(Duration::from_millis(50));
    }
}

/// An HTTP response.
pub struct Reply {
    pub status: u16,
    headers: Vec<(String, String)>,
    pub body: String,
}

impl Reply {
    fn parse(bytes: &[u8]) -> Reply {
        let text = String::from_utf8_lossy(bytes);
        let (head, body) = text.split_once("\r\n\r\n").expect("a response head");
        let mut lines = head.split("\r\n");
        let status = lines
            .next()
            .and_then(|l| l.split(' ').nth(1))
            .and_then(|s| s.parse().ok())
            .expect("a status");
        let headers = lines
            .filter_map(|l| l.split_once(':'))
            .map(|(n, v)| (n.trim().to_ascii_lowercase(), v.trim().to_string()))
            .collect();
        Reply {
            status,
            headers,
            body: body.to_string(),
        }
    }

    pub fn header(&self, name: &str) -> &str {
        self.headers
            .iter()
            .find(|(n, _)| n == name)
            .map_or("", |(_, v)| v.as_str())
    }
}

#[test]
fn serves_pages_with_the_live_script_that_build_output_lacks() {
    let site = TestSite::minimal();
    let server = Running::serve(&site, &[]);
    let home = server.get("/");
    assert_eq!(home.status, 200);
    assert_eq!(home.header("content-type"), "text/html; charset=utf-8");
    assert_eq!(home.header("cache-control"), "no-store");
    assert!(
        home.body
            .contains("<script id=\"renkei-live\" data-build=\"")
    );
    // The overlay's words follow the run's language (English here).
    assert!(
        home.body
            .contains(" data-lang=\"en\" data-title=\"Build errors\" ")
    );
    assert!(home.body.contains("/__renkei/live"));
    assert!(
        home.body
            .trim_end()
            .ends_with("</script>\n</body>\n</html>")
    );
    // Pages are built for the server's own address.
    let canonical = format!("http://127.0.0.1:{}/", server.port);
    assert!(home.body.contains(&canonical), "{}", home.body);
    let css = server.get("/css/site.css");
    assert_eq!(css.header("content-type"), "text/css; charset=utf-8");
    assert!(!css.body.contains("renkei-live"));

    site.build_ok();
    for page in ["index.html", "guides/start/index.html", "404.html"] {
        assert!(!site.output(page).contains("renkei-live"), "{page}");
    }
}

#[test]
fn serves_only_the_output_with_its_content_types() {
    let site = TestSite::minimal();
    site.write(
        "static/img/map.svg",
        "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
    );
    let server = Running::serve(&site, &[]);
    for (path, kind) in [
        ("/img/map.svg", "image/svg+xml; charset=utf-8"),
        (
            "/data/municipalities.json",
            "application/json; charset=utf-8",
        ),
        ("/data/municipalities.csv", "text/csv; charset=utf-8"),
        ("/sitemap.xml", "application/xml; charset=utf-8"),
        ("/news/atom.xml", "application/xml; charset=utf-8"),
    ] {
        let reply = server.get(path);
        assert_eq!(
            (reply.status, reply.header("content-type")),
            (200, kind),
            "{path}"
        );
    }
    for path in [
        "/../site.toml",
        "/guides/../../site.toml",
        "/%2e%2e/site.toml",
        "/%2E%2E%2Fsite.toml",
        "/guides/..%2f..%2fdata/offices.csv",
        "/..%5csite.toml",
    ] {
        assert_eq!(server.get(path).status, 400, "{path}");
    }
    // Inputs beside the output are not reachable by any name.
    for path in ["/site.toml", "/content/_index.md", "/public/index.html"] {
        assert_eq!(server.get(path).status, 404, "{path}");
    }
    let missing = server.get("/no/such/page/");
    assert_eq!(missing.status, 404);
    assert_eq!(missing.header("content-type"), "text/html; charset=utf-8");
    assert!(missing.body.contains("ページが見つかりません"));
    assert!(missing.body.contains("renkei-live"));
    // A folder is its index page, never a listing.
    let folder = server.get("/guides");
    assert_eq!(
        (folder.status, folder.header("location")),
        (301, "/guides/")
    );
    assert_eq!(server.get("/data/").status, 404);
    // A page on loopback answers only to loopback names (no DNS rebinding).
    let foreign =
        server.send("GET / HTTP/1.1\r\nHost: portal.example\r\nConnection: close\r\n\r\n");
    assert_eq!(foreign.status, 403);
    let head = server.send(&format!(
        "HEAD / HTTP/1.1\r\nHost: localhost:{}\r\nConnection: close\r\n\r\n",
        server.port
    ));
    assert_eq!(head.status, 200);
    assert!(head.body.is_empty());
    assert_ne!(head.header("content-length"), "0");
    let post = server.send(&format!(
        "POST / HTTP/1.1\r\nHost: localhost:{}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n",
        server.port
    ));
    assert_eq!(post.status, 405);
}

#[test]
fn only_one_host_naming_this_server_on_loopback_is_answered() {
    let site = TestSite::minimal();
    let server = Running::serve(&site, &[]);
    let port = server.port;
    for hosts in [
        format!("Host: localhost:{port}@evil.example\r\n"),
        format!("Host: 127.0.0.1:{port}\r\nHost: evil.example\r\n"),
        format!("Host: 127.0.0.1:{port}\r\nHost: 127.0.0.1:{port}\r\n"),
        format!("Host: localhost:{}\r\n", port.wrapping_add(1)),
        "Host: localhost\r\n".to_string(),
        String::new(),
    ] {
        let reply = server.send(&format!(
            "GET / HTTP/1.1\r\n{hosts}Connection: close\r\n\r\n"
        ));
        assert!(
            reply.status == 403 || reply.status == 400,
            "{hosts:?}: {}",
            reply.status
        );
    }
    for host in [
        format!("localhost:{port}"),
        format!("[::1]:{port}"),
        format!("LOCALHOST:{port}"),
    ] {
        let reply = server.send(&format!(
            "GET / HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"
        ));
        assert_eq!(reply.status, 200, "{host}");
    }
}

#[test]
fn pipelined_requests_are_all_answered_in_order() {
    let site = TestSite::minimal();
    let server = Running::serve(&site, &[]);
    let port = server.port;
    let requests = format!(
        "GET /css/site.css HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\r\nGET /no/such/ HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\r\nGET / HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n"
    );
    let mut stream = TcpStream::connect(("127.0.0.1", port)).expect("connect");
    stream.set_read_timeout(Some(PATIENCE)).unwrap();
    stream.write_all(requests.as_bytes()).expect("send");
    let mut bytes = Vec::new();
    stream.read_to_end(&mut bytes).expect("the answers");
    let text = String::from_utf8_lossy(&bytes);
    let statuses: Vec<&str> = text
        .match_indices("HTTP/1.1 ")
        .map(|(at, _)| &text[at + 9..at + 12])
        .collect();
    assert_eq!(statuses, ["200", "404", "200"], "{text}");
}

#[test]
fn a_new_snapshot_is_served_after_the_rebuild() {
    let site = TestSite::minimal();
    let server = Running::serve(&site, &[]);
    assert!(server.get("/").body.contains("令和7年11月30日"));
    site.write(
        "data/adoption/2025-12-31.csv",
        "office_number,linking,software\n4470100001,true,\n4410100002,false,\n4410100003,true,\n4470100004,true,\n",
    );
    wait_until("the new snapshot on the home page", &server, || {
        server.get("/").body.contains("令和7年12月31日")
    });
    server.wait_for_stderr("changed: data/adoption/2025-12-31.csv");
}

#[test]
fn a_broken_page_keeps_the_last_good_build_until_it_is_fixed() {
    let site = TestSite::minimal();
    let server = Running::serve(&site, &[]);
    let before = server.live_state();
    assert_eq!(before["errors"], serde_json::json!([]));

    site.write(
        "content/guides/start.md",
        "title = \"導入の流れ\"\n本文。\n",
    );
    server.wait_for_stderr("error: content/guides/start.md:1: expected front matter");
    server.wait_for_stderr("still serving the last good build");
    let guide = server.get("/guides/start/");
    assert_eq!(guide.status, 200);
    assert!(guide.body.contains("本文。"));
    let broken = server.live_state();
    assert_eq!(broken["build"], before["build"]);
    assert_eq!(broken["errors"][0]["place"], "content/guides/start.md:1");
    assert!(
        broken["errors"][0]["message"]
            .as_str()
            .unwrap()
            .starts_with("expected front matter")
    );

    site.write(
        "content/guides/start.md",
        &GUIDE.replace("本文。", "直した本文。"),
    );
    wait_until("the fixed guide", &server, || {
        server.get("/guides/start/").body.contains("直した本文。")
    });
    let fixed = server.live_state();
    assert_ne!(fixed["build"], before["build"]);
    assert_eq!(fixed["errors"], serde_json::json!([]));
}

#[test]
fn only_the_previews_own_pages_open_the_live_socket() {
    let site = TestSite::minimal();
    let server = Running::serve(&site, &[]);
    let foreign = server.send(&format!(
        "GET /__renkei/live HTTP/1.1\r\nHost: 127.0.0.1:{}\r\nOrigin: https://portal.example\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n",
        server.port
    ));
    assert_eq!(foreign.status, 403);
    assert_eq!(server.get("/__renkei/live").status, 400);
}

#[test]
fn a_site_that_never_built_shows_its_errors_until_it_builds() {
    let site = TestSite::minimal();
    site.write("content/guides/start.md", "+++\ntitle = \n+++\n本文。\n");
    let server = Running::serve(&site, &["--lang", "ja"]);
    let page = server.get("/guides/start/");
    assert_eq!(page.status, 503);
    assert!(page.body.contains("<html lang=\"ja\">"));
    assert!(page.body.contains("<title>ビルドに失敗しました</title>"));
    assert!(
        page.body
            .contains(" data-lang=\"ja\" data-title=\"ビルドエラー\" ")
    );
    assert!(page.body.contains("renkei-live"));
    assert_eq!(
        server.live_state()["errors"][0]["place"],
        "content/guides/start.md:2"
    );
    server.wait_for_stderr("ビルドに失敗しました（");
    server.wait_for_stderr("サイトがビルドできるまで、エラーをブラウザーに表示します");
    site.write("content/guides/start.md", GUIDE);
    wait_until("the first good build", &server, || {
        server.get("/guides/start/").status == 200
    });
}

#[test]
fn serve_keeps_answering_while_600_slow_clients_hang_on() {
    let site = TestSite::minimal();
    let server = Running::serve(&site, &[]);
    // Each sends half a request head and then nothing, as a slow-loris
    // attacker (or 600 stalled tabs) would; only loopback is used.
    let slow: Vec<TcpStream> = (0..600)
        .map(|_| {
            let mut stream = TcpStream::connect(("127.0.0.1", server.port)).expect("connect");
            stream
                .write_all(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: sl")
                .expect("send");
            stream
        })
        .collect();
    for path in ["/", "/guides/start/", "/css/site.css"] {
        let mut stream = TcpStream::connect(("127.0.0.1", server.port)).expect("connect");
        // A bound for a starved server, not a speed check.
        stream.set_read_timeout(Some(PATIENCE)).unwrap();
        write!(
            stream,
            "GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{}\r\nConnection: close\r\n\r\n",
            server.port
        )
        .unwrap();
        let mut bytes = Vec::new();
        stream
            .read_to_end(&mut bytes)
            .expect("an answer despite the slow clients");
        assert_eq!(Reply::parse(&bytes).status, 200, "{path}");
    }
    drop(slow);
}

#[test]
fn a_taken_port_is_a_clear_error() {
    let site = TestSite::minimal();
    let first = Running::serve(&site, &[]);
    let port = first.port.to_string();
    let run = site.run(&["serve", "--port", &port]);
    assert_eq!(run.code, Some(2));
    run.assert_stderr_has(&format!("port {port} on 127.0.0.1 is already in use"));
    run.assert_stderr_has("--port 0 picks a free port");
}

#[test]
fn a_bind_beyond_loopback_warns() {
    let site = TestSite::minimal();
    let server = Running::serve(&site, &["--bind", "0.0.0.0"]);
    assert!(
        server
            .stderr()
            .contains("warning: listening on 0.0.0.0 rather than 127.0.0.1")
    );
    // Not on loopback, so any Host is answered (a phone on the office LAN).
    let reply = server.send("GET / HTTP/1.1\r\nHost: 192.0.2.10\r\nConnection: close\r\n\r\n");
    assert_eq!(reply.status, 200);
}

#[cfg(unix)]
#[test]
fn closed_reload_sockets_are_freed_under_a_low_open_file_limit() {
    let site = TestSite::minimal();
    // The common limit of 1,024 open files, set by the shell that runs it.
    let mut limited = Command::new("sh");
    limited
        .arg("-c")
        .arg("ulimit -n 1024 && exec \"$0\" \"$@\"")
        .arg(env!("CARGO_BIN_EXE_renkei"))
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "en_US.UTF-8");
    let server = Running::serve_by(limited, &site, &[]);
    // A page reloaded 1,100 times without an edit: each opens the socket,
    // reads the state and goes away.
    for _ in 0..1100 {
        let (socket, state) = server.live_socket();
        assert_eq!(state["errors"], serde_json::json!([]));
        drop(socket);
    }
    assert_eq!(server.get("/").status, 200);
    site.write(
        "content/guides/start.md",
        &GUIDE.replace("本文。", "千回の後の本文。"),
    );
    wait_until("the edit after 1,100 reloads", &server, || {
        server
            .get("/guides/start/")
            .body
            .contains("千回の後の本文。")
    });
    assert!(
        !server.stderr().contains("Too many open files"),
        "{}",
        server.stderr()
    );
}

#[cfg(unix)]
#[test]
fn ctrl_c_stops_the_server_cleanly() {
    let site = TestSite::minimal();
    let mut server = Running::serve(&site, &[]);
    server.interrupt();
    let (status, stderr) = server.wait_for_exit();
    assert!(status.success(), "{status}: {stderr}");
    assert!(stderr.ends_with("stopped\n"), "{stderr}");
    assert!(!site.path().join("public").exists(), "serve writes nothing");
}

#[cfg(unix)]
#[test]
fn build_watch_rebuilds_atomically_and_stops_cleanly() {
    let site = TestSite::minimal();
    let mut watching = Running::spawn(&site, &["build", "--watch"]);
    watching.wait_for_stderr("watching ");
    assert!(site.output("guides/start/index.html").contains("本文。"));
    assert!(!site.output("index.html").contains("renkei-live"));

    site.write(
        "content/guides/start.md",
        &GUIDE.replace("本文。", "夜間の更新。"),
    );
    wait_until("the rebuilt guide", &watching, || {
        site.output("guides/start/index.html")
            .contains("夜間の更新。")
    });
    // A broken input leaves the last output in place.
    site.write("data/offices.csv", "office_number,name\n1,x\n");
    watching.wait_for_stderr("build failed: the previous output was left as it was");
    assert!(
        site.output("guides/start/index.html")
            .contains("夜間の更新。")
    );

    watching.interrupt();
    let (status, stderr) = watching.wait_for_exit();
    assert!(status.success(), "{status}: {stderr}");
    site.assert_no_leftovers();
}

#[cfg(unix)]
#[test]
fn build_watch_publishes_a_snapshot_written_in_chunks_only_when_complete() {
    let site = TestSite::minimal();
    let watching = Running::spawn(&site, &["build", "--watch"]);
    watching.wait_for_stderr("watching ");
    // The job writes through a second link outside the watched folders, so
    // the watcher gets one event (the link appearing) and nothing for the
    // chunks after it: only a second look at the file can tell it is still
    // growing.
    let inbox = site.path().join("inbox");
    std::fs::create_dir(&inbox).unwrap();
    let incoming = inbox.join("2025-12-31.csv");
    std::fs::write(&incoming, "").unwrap();
    let rows: String = [
        "4470100001",
        "4410100002",
        "4410100003",
        "4470100004",
        "44A0100005",
    ]
    .iter()
    .map(|n| format!("{n},true,\n"))
    .collect();
    let whole = format!("office_number,linking,software\n{rows}");
    std::fs::hard_link(&incoming, site.path().join("data/adoption/2025-12-31.csv")).unwrap();
    let mut file = std::fs::OpenOptions::new()
        .append(true)
        .open(&incoming)
        .unwrap();
    for chunk in whole.as_bytes().chunks(whole.len().div_ceil(30)) {
        file.write_all(chunk).unwrap();
        thread::sleep(Duration::from_millis(10));
    }
    drop(file);
    wait_until("the complete snapshot", &watching, || {
        site.output("data/municipalities.csv")
            .contains("\n440001,大分県,2025-12-31,5,5,100.0,")
    });
    let published = || {
        let stderr = watching.stderr();
        let lines = stderr.lines();
        lines
            .filter(|l| l.starts_with("built ") && l.contains(" files into "))
            .count()
    };
    wait_until("the report of the second build", &watching, || {
        published() >= 2
    });
    assert_eq!(
        published(),
        2,
        "only the first build and the complete snapshot are published:\n{}",
        watching.stderr()
    );
}

#[test]
fn office_pages_are_rendered_on_request_and_follow_an_office_only_change() {
    let site = TestSite::minimal();
    let server = Running::serve(&site, &[]);
    // Held nowhere in memory: rendered when asked for, with the live script.
    let page = server.get("/offices/4410100002/");
    assert_eq!(page.status, 200);
    assert!(page.body.contains("ひまわり訪問介護"));
    assert!(page.body.contains("renkei-live"));
    assert_eq!(
        (
            server.get("/offices/4410100002").status,
            server.get("/offices/4410100002").header("location")
        ),
        (301, "/offices/4410100002/")
    );
    assert_eq!(server.get("/offices/4499999999/").status, 404);
    // A not-adopted office's telephone number appears on no page held in
    // memory: only its own page changes, and the rebuild must still count it.
    let with_phone: String = OFFICES
        .lines()
        .map(|line| match line.split(',').next() {
            Some("office_number") => format!("{line},phone\n"),
            Some("4410100002") => format!("{line},097-555-0102\n"),
            _ => format!("{line},\n"),
        })
        .collect();
    site.write("data/offices.csv", &with_phone);
    wait_until("the office's telephone number on its page", &server, || {
        server
            .get("/offices/4410100002/")
            .body
            .contains("097-555-0102")
    });
    server.wait_for_stderr("changed: data/offices.csv");
}
