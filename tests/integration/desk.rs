//! The editing desk of `renkei serve` as an editor's browser and an
//! attacker's page would meet it: the key and its cookie, the `Origin` and
//! `Host` checks, the folders it may write, and what a save, a new page and
//! an undo leave on disk.

use std::fs;
use std::io::{Read, Write};
use std::net::TcpStream;

use crate::harness::{GUIDE, TestSite};
use crate::serve::{PATIENCE, Reply, Running, wait_until};

/// A served site with the desk opened: the server and the desk's cookie.
struct Opened {
    server: Running,
    cookie: String,
}

impl Opened {
    fn new(site: &TestSite) -> Opened {
        let mut server = Running::serve(site, &[]);
        let label = server.next_line();
        assert!(label.starts_with("editing desk"), "{label}");
        let address = server.next_line();
        let address = address.trim();
        let prefix = format!("http://127.0.0.1:{}/_renkei/?key=", server.port);
        let key = address
            .strip_prefix(&prefix)
            .unwrap_or_else(|| panic!("the desk's address on its own line: {address:?}"));
        assert!(
            key.len() >= 32 && key.bytes().all(|b| b.is_ascii_hexdigit()),
            "{key}"
        );
        let opened = server.get(&format!("/_renkei/?key={key}"));
        assert_eq!(opened.status, 303);
        let cookie = opened.header("set-cookie").to_string();
        assert!(cookie.contains("HttpOnly"), "{cookie}");
        assert!(cookie.contains("SameSite=Strict"), "{cookie}");
        let cookie = cookie.split(';').next().unwrap().to_string();
        Opened { server, cookie }
    }

    fn origin(&self) -> String {
        format!("http://127.0.0.1:{}", self.server.port)
    }

    /// A request with these extra header lines and body.
    fn request(&self, method: &str, target: &str, headers: &str, body: &[u8]) -> Reply {
        let mut request = format!(
            "{method} {target} HTTP/1.1\r\nHost: 127.0.0.1:{}\r\n{headers}Content-Length: {}\r\nConnection: close\r\n\r\n",
            self.server.port,
            body.len()
        )
        .into_bytes();
        request.extend_from_slice(body);
        self.server.send_bytes(&request)
    }

    fn get(&self, target: &str) -> Reply {
        self.request("GET", target, &format!("Cookie: {}\r\n", self.cookie), b"")
    }

    /// A form posted from the desk's own page.
    fn post(&self, target: &str, form: &[(&str, &str)]) -> Reply {
        let body = encode(form);
        self.request(
            "POST",
            target,
            &format!(
                "Cookie: {}\r\nOrigin: {}\r\nContent-Type: application/x-www-form-urlencoded\r\n",
                self.cookie,
                self.origin()
            ),
            body.as_bytes(),
        )
    }

    /// The fingerprint the editor of `path` was opened with.
    fn opened(&self, path: &str) -> String {
        let editor = self.get(&format!("/_renkei/edit/{path}"));
        assert_eq!(editor.status, 200, "{}", editor.body);
        let at = editor
            .body
            .find("name=\"opened\" value=\"")
            .expect("opened")
            + 21;
        editor.body[at..at + 16].to_string()
    }
}

fn encode(form: &[(&str, &str)]) -> String {
    form.iter()
        .map(|(name, value)| {
            let value: String = value
                .bytes()
                .map(|b| match b {
                    b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' => {
                        (b as char).to_string()
                    }
                    _ => format!("%{b:02X}"),
                })
                .collect();
            format!("{name}={value}")
        })
        .collect::<Vec<_>>()
        .join("&")
}

fn read(site: &TestSite, rel: &str) -> String {
    fs::read_to_string(site.path().join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

fn history_files(site: &TestSite) -> Vec<String> {
    let Ok(folders) = fs::read_dir(site.path().join(".renkei/history")) else {
        return Vec::new();
    };
    folders
        .filter_map(Result::ok)
        .filter_map(|f| fs::read_to_string(f.path().join("file")).ok())
        .collect()
}

#[test]
fn a_guide_edited_and_saved_is_written_kept_and_previewed() {
    let site = TestSite::minimal();
    let desk = Opened::new(&site);
    let guide = desk.server.get("/guides/start/");
    assert!(
        guide
            .body
            .contains("<a id=\"renkei-edit\" href=\"/_renkei/edit/content/guides/start.md\""),
        "{}",
        guide.body
    );
    let office = desk.server.get("/offices/4470100001/");
    assert!(
        office
            .body
            .contains("<a id=\"renkei-edit\" href=\"/_renkei/data/\""),
        "pages made from data link to the data desk"
    );
    let home = desk.get("/_renkei/");
    assert_eq!(home.status, 200);
    assert!(home.body.contains("/_renkei/edit/content/guides/start.md"));
    let editor = desk.get("/_renkei/edit/content/guides/start.md");
    for label in ["Title", "Order", "Body", "Save"] {
        assert!(editor.body.contains(label), "{label}");
    }
    let opened = desk.opened("content/guides/start.md");
    let form = [
        ("opened", opened.as_str()),
        ("title", "導入の流れ"),
        ("weight", "1"),
        ("body", "## 手順\r\n\r\nデスクで直した本文。\r\n"),
    ];
    let preview = desk.post("/_renkei/preview/content/guides/start.md", &form);
    assert_eq!(preview.status, 200);
    assert!(
        preview.body.contains("デスクで直した本文。"),
        "{}",
        preview.body
    );
    assert_eq!(
        read(&site, "content/guides/start.md"),
        GUIDE,
        "a preview writes nothing"
    );
    let saved = desk.post("/_renkei/edit/content/guides/start.md", &form);
    assert_eq!(saved.status, 303, "{}", saved.body);
    assert_eq!(
        read(&site, "content/guides/start.md"),
        "+++\ntitle = \"導入の流れ\"\nweight = 1\n+++\n\n## 手順\n\nデスクで直した本文。\n"
    );
    assert_eq!(history_files(&site), [GUIDE]);
    wait_until("the saved text in the preview", &desk.server, || {
        desk.server
            .get("/guides/start/")
            .body
            .contains("デスクで直した本文。")
    });

    // Saved again from the editor opened before: the file changed since.
    let stale = desk.post("/_renkei/edit/content/guides/start.md", &form);
    assert_eq!(stale.status, 422);
    assert!(stale.body.contains("changed elsewhere"), "{}", stale.body);

    // 元に戻す puts the old guide back, itself undoable.
    let history = desk.get("/_renkei/history");
    let at = history.body.find("name=\"id\" value=\"").expect("an entry") + 17;
    let id: String = history.body[at..]
        .chars()
        .take_while(|c| *c != '"')
        .collect();
    let undone = desk.post("/_renkei/undo", &[("id", &id)]);
    assert_eq!(undone.status, 303);
    assert_eq!(read(&site, "content/guides/start.md"), GUIDE);
    assert_eq!(history_files(&site).len(), 2);
}

#[test]
fn a_save_that_would_break_the_site_writes_nothing_and_names_the_line() {
    let site = TestSite::minimal();
    let desk = Opened::new(&site);
    let opened = desk.opened("content/guides/start.md");
    let refused = desk.post(
        "/_renkei/edit/content/guides/start.md",
        &[
            ("opened", &opened),
            ("title", "導入の流れ"),
            ("body", "## 手順\n\n[申請](@/guides/missing.md)\n"),
        ],
    );
    assert_eq!(refused.status, 422);
    assert!(
        refused.body.contains("content/guides/start.md:"),
        "{}",
        refused.body
    );
    assert!(refused.body.contains("Not saved"), "{}", refused.body);
    assert!(
        refused.body.contains("@/guides/missing.md"),
        "the text is kept"
    );
    assert_eq!(read(&site, "content/guides/start.md"), GUIDE);
    assert!(history_files(&site).is_empty());
}

#[test]
fn a_new_news_item_is_created_and_listed() {
    let site = TestSite::minimal();
    let desk = Opened::new(&site);
    assert_eq!(desk.get("/_renkei/new").status, 200);
    let missing = desk.post("/_renkei/new", &[("kind", "news"), ("title", "説明会")]);
    assert_eq!(missing.status, 422);
    assert!(missing.body.contains("news needs a date"));
    let created = desk.post(
        "/_renkei/new",
        &[
            ("kind", "news"),
            ("title", "説明会 Briefing"),
            ("date", "2025-12-01"),
        ],
    );
    assert_eq!(created.status, 303, "{}", created.body);
    assert_eq!(
        created.header("location"),
        "/_renkei/edit/content/news/2025-12-01-briefing.md"
    );
    assert_eq!(
        read(&site, "content/news/2025-12-01-briefing.md"),
        "+++\ntitle = \"説明会 Briefing\"\ndate = 2025-12-01\n+++\n"
    );
    wait_until("the new item on the news list", &desk.server, || {
        desk.server.get("/news/").body.contains("説明会 Briefing")
    });
}

#[test]
fn the_check_lists_findings_linked_to_their_editor() {
    let site = TestSite::minimal();
    let desk = Opened::new(&site);
    site.write(
        "data/adoption/2025-12-31.csv",
        "office_number,linking,software\n4470100001,true,\n4479999999,true,\n",
    );
    let check = desk.get("/_renkei/check");
    assert_eq!(check.status, 200);
    assert!(
        check.body.contains("data/adoption/2025-12-31.csv:3"),
        "{}",
        check.body
    );
    assert!(check.body.contains("<h1>Pre-publication check</h1>"));
    assert!(
        check.body.contains("<a href=\"/_renkei/data/\">fix</a>"),
        "{}",
        check.body
    );
}

#[test]
fn requests_failing_a_safety_rule_are_refused_and_change_nothing() {
    let site = TestSite::minimal();
    let outside = tempfile::tempdir().unwrap();
    fs::write(outside.path().join("x.md"), GUIDE).unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink(outside.path(), site.path().join("content/linked")).unwrap();
    let desk = Opened::new(&site);
    let opened = desk.opened("content/guides/start.md");
    let form = encode(&[("opened", &opened), ("title", "乗っ取り"), ("body", "x")]);
    let target = "/_renkei/edit/content/guides/start.md";
    let form_type = "Content-Type: application/x-www-form-urlencoded\r\n";
    let cookie = format!("Cookie: {}\r\n", desk.cookie);
    let origin = format!("Origin: {}\r\n", desk.origin());
    // No cookie, a wrong key, a foreign Origin, no Origin.
    for headers in [
        format!("{origin}{form_type}"),
        format!("Cookie: renkei-desk=00112233445566778899aabbccddeeff\r\n{origin}{form_type}"),
        format!("{cookie}Origin: https://evil.example\r\n{form_type}"),
        format!("{cookie}Origin: http://127.0.0.1:1\r\n{form_type}"),
        format!("{cookie}{form_type}"),
    ] {
        let reply = desk.request("POST", target, &headers, form.as_bytes());
        assert_eq!(reply.status, 403, "{headers:?}");
    }
    assert_eq!(desk.request("GET", "/_renkei/", "", b"").status, 403);
    assert_eq!(
        desk.request("GET", "/_renkei/?key=wrong", "", b"").status,
        403
    );
    // A foreign Host, even with the cookie and a matching Origin.
    let foreign = desk.server.send_bytes(
        format!(
            "POST {target} HTTP/1.1\r\nHost: evil.example\r\nCookie: {}\r\nOrigin: http://evil.example\r\n{form_type}Content-Length: {}\r\nConnection: close\r\n\r\n{form}",
            desk.cookie,
            form.len()
        )
        .as_bytes(),
    );
    assert_eq!(foreign.status, 403);
    // Paths outside content/ (or not Markdown pages), or through a symlink.
    for path in [
        "site.toml",
        "content/../site.toml",
        "content/%2e%2e/site.toml",
        "themes/default/templates/page.html",
        "data/offices.csv",
        "content/CON.md",
        "content/a%07b.md",
        "content/linked/x.md",
    ] {
        let reply = desk.post(
            &format!("/_renkei/edit/{path}"),
            &[("opened", &opened), ("title", "乗っ取り"), ("body", "x")],
        );
        assert!(
            reply.status == 400 || reply.status == 404,
            "{path}: {}",
            reply.status
        );
    }
    // An upload over 50 MB is refused before it is read.
    let huge = desk.request(
        "POST",
        "/_renkei/image/content/guides/start.md",
        &format!("{cookie}{origin}Content-Type: multipart/form-data; boundary=x\r\n"),
        b"",
    );
    assert!(huge.status >= 400);
    // Declared, not sent: the refusal comes before any byte of the body.
    let mut stream = TcpStream::connect(("127.0.0.1", desk.server.port)).unwrap();
    stream.set_read_timeout(Some(PATIENCE)).unwrap();
    write!(
        stream,
        "POST /_renkei/image/content/guides/start.md HTTP/1.1\r\nHost: 127.0.0.1:{}\r\n{cookie}{origin}Content-Type: multipart/form-data; boundary=x\r\nContent-Length: {}\r\n\r\n",
        desk.server.port,
        50 * 1024 * 1024 + 1
    )
    .unwrap();
    let mut head = Vec::new();
    let mut byte = [0u8; 1];
    while !head.ends_with(b"\r\n\r\n") && stream.read(&mut byte).unwrap() == 1 {
        head.push(byte[0]);
    }
    let head = String::from_utf8_lossy(&head);
    assert!(head.starts_with("HTTP/1.1 413 "), "{head}");
    drop(stream);
    assert_eq!(read(&site, "content/guides/start.md"), GUIDE);
    assert_eq!(
        fs::read_to_string(outside.path().join("x.md")).unwrap(),
        GUIDE
    );
    assert!(!site.path().join(".renkei/history").exists());
    let images: Vec<_> = fs::read_dir(site.path().join("content/guides"))
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.file_name())
        .collect();
    assert_eq!(images.len(), 1, "{images:?}");
}

#[test]
fn beyond_loopback_the_desk_is_off() {
    let site = TestSite::minimal();
    let server = Running::serve(&site, &["--bind", "0.0.0.0"]);
    server.wait_for_stderr("the editing desk is off");
    let desk =
        server.send("GET /_renkei/ HTTP/1.1\r\nHost: 192.0.2.10\r\nConnection: close\r\n\r\n");
    assert_eq!(desk.status, 404);
    let guide =
        server.send("GET /guides/start/ HTTP/1.1\r\nHost: 192.0.2.10\r\nConnection: close\r\n\r\n");
    assert_eq!(guide.status, 200);
    assert!(!guide.body.contains("renkei-edit"));
}

#[test]
fn build_output_has_no_desk_link() {
    let site = TestSite::minimal();
    site.build_ok();
    for page in ["index.html", "guides/start/index.html", "news/index.html"] {
        let html = site.output(page);
        assert!(!html.contains("renkei-edit"), "{page}");
        assert!(!html.contains("/_renkei/"), "{page}");
    }
}

impl Opened {
    /// The data desk's form sent as a browser sends it (multipart).
    fn upload(&self, kind: &str, date: &str, file_name: &str, text: &str) -> Reply {
        self.upload_bytes(kind, date, file_name, text.as_bytes())
    }

    fn upload_bytes(&self, kind: &str, date: &str, file_name: &str, bytes: &[u8]) -> Reply {
        let mut body = Vec::new();
        for (name, value) in [("kind", kind), ("date", date)] {
            body.extend_from_slice(
                format!(
                    "--b\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n"
                )
                .as_bytes(),
            );
        }
        body.extend_from_slice(
            format!("--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{file_name}\"\r\nContent-Type: application/octet-stream\r\n\r\n").as_bytes(),
        );
        body.extend_from_slice(bytes);
        body.extend_from_slice(b"\r\n--b--\r\n");
        self.request(
            "POST",
            "/_renkei/data/check",
            &format!(
                "Cookie: {}\r\nOrigin: {}\r\nContent-Type: multipart/form-data; boundary=b\r\n",
                self.cookie,
                self.origin()
            ),
            &body,
        )
    }
}

fn hidden_id(body: &str, action: &str) -> String {
    let form = body
        .find(&format!("action=\"{action}\""))
        .unwrap_or_else(|| panic!("{action} in {body}"));
    let at = body[form..].find("name=\"id\" value=\"").unwrap() + form + 17;
    body[at..].chars().take_while(|c| *c != '"').collect()
}

#[test]
fn an_adoption_list_is_checked_shown_and_registered() {
    let site = TestSite::minimal();
    let desk = Opened::new(&site);
    assert_eq!(desk.get("/_renkei/data/").status, 200);
    let list = "office_number,linking,software\n4470100001,true,みらいケアノート\n4410100002,true,\n4410100003,あり,\n4470100004,0,つばさ\n";
    let checked = desk.upload("adoption", "", "2025-12-31.csv", list);
    assert_eq!(checked.status, 200, "{}", checked.body);
    assert!(checked.body.contains("data/adoption/2025-12-31.csv"));
    assert!(
        checked
            .body
            .contains("<td id=\"site-before\">3 (60.0%)</td>"),
        "{}",
        checked.body
    );
    assert!(
        checked
            .body
            .contains("<td id=\"site-after\">4 (80.0%)</td>")
    );
    assert!(
        checked
            .body
            .contains("<code>4410100002</code> ひまわり訪問介護")
    );
    assert!(
        !site.path().join("data/adoption/2025-12-31.csv").exists(),
        "checking writes nothing"
    );
    let id = hidden_id(&checked.body, "/_renkei/data/register");
    let registered = desk.post("/_renkei/data/register", &[("id", &id)]);
    assert_eq!(registered.status, 303, "{}", registered.body);
    assert_eq!(read(&site, "data/adoption/2025-12-31.csv"), list);
    wait_until("the new rate on the home page", &desk.server, || {
        desk.server.get("/").body.contains("令和7年12月31日")
    });
    // 取り消し drops a checked file.
    let again = desk.upload("adoption", "2026-01-31", "list.csv", list);
    let id = hidden_id(&again.body, "/_renkei/data/discard");
    assert_eq!(
        desk.post("/_renkei/data/discard", &[("id", &id)]).status,
        303
    );
    assert!(!site.path().join("data/adoption/2026-01-31.csv").exists());
}

#[test]
fn a_list_with_an_unknown_office_cannot_be_registered() {
    let site = TestSite::minimal();
    let desk = Opened::new(&site);
    let list = "office_number,linking,software\n4470100001,true,\n4479999999,true,\n";
    let checked = desk.upload("adoption", "2025-12-31", "list.csv", list);
    assert_eq!(checked.status, 422, "{}", checked.body);
    assert!(
        checked.body.contains("data/adoption/2025-12-31.csv:3"),
        "{}",
        checked.body
    );
    assert!(!checked.body.contains("action=\"/_renkei/data/register\""));
    // Even sent by hand, the held file is checked again and refused.
    let id = hidden_id(&checked.body, "/_renkei/data/discard");
    let forced = desk.post("/_renkei/data/register", &[("id", &id)]);
    assert_eq!(forced.status, 422);
    assert!(!site.path().join("data/adoption/2025-12-31.csv").exists());
    assert!(!site.path().join(".renkei/history").exists());
}

#[test]
fn a_registered_list_and_an_edited_page_are_published_in_one_commit() {
    let (site, remote) = crate::publishing::published_site();
    let desk = Opened::new(&site);
    let list = "office_number,linking,software\n4470100001,true,みらいケアノート\n4410100002,true,\n4410100003,あり,\n4470100004,0,つばさ\n";
    let checked = desk.upload("adoption", "", "2026-01-31.csv", list);
    let id = hidden_id(&checked.body, "/_renkei/data/register");
    assert_eq!(
        desk.post("/_renkei/data/register", &[("id", &id)]).status,
        303
    );
    site.write(
        "content/guides/start.md",
        &GUIDE.replace("本文。", "新しい本文。"),
    );
    let page = desk.get("/_renkei/publish");
    assert_eq!(page.status, 200, "{}", page.body);
    assert!(
        page.body
            .contains("<code>data/adoption/2026-01-31.csv</code>"),
        "{}",
        page.body
    );
    assert!(
        page.body.contains("<td id=\"site-after\">4 (80.0%)</td>"),
        "{}",
        page.body
    );
    let prefilled = "update \"導入の流れ\"; register the adoption list of 2026-01-31";
    assert!(
        page.body.contains(&prefilled.replace('"', "&quot;")),
        "{}",
        page.body
    );
    let published = desk.post("/_renkei/publish", &[("message", prefilled)]);
    assert_eq!(published.status, 200, "{}", published.body);
    assert!(
        published.body.contains("published: pushed main"),
        "{}",
        published.body
    );
    assert_eq!(
        crate::publishing::remote_log(remote.path()),
        [prefilled, "始め"]
    );
    assert_eq!(
        crate::publishing::files_of_last_commit(remote.path()),
        ["content/guides/start.md", "data/adoption/2026-01-31.csv"]
    );
    // The desk's history and the preview's output stay out of Git.
    assert!(site.path().join(".renkei/history").is_dir());
    let tracked = crate::publishing::git(site.path(), &["ls-files"]);
    assert!(
        !tracked.contains(".renkei") && !tracked.contains("public/"),
        "{tracked}"
    );
}

#[test]
fn without_git_the_desk_makes_the_zip() {
    let site = TestSite::minimal();
    let desk = Opened::new(&site);
    let page = desk.get("/_renkei/publish");
    assert!(
        page.body.contains("is not a Git repository"),
        "{}",
        page.body
    );
    let made = desk.post("/_renkei/publish/zip", &[]);
    assert_eq!(made.status, 200, "{}", made.body);
    let zips: Vec<String> = fs::read_dir(site.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("公開用-") && n.ends_with(".zip"))
        .collect();
    assert_eq!(zips.len(), 1, "{}", made.body);
    assert!(made.body.contains(&zips[0]), "{}", made.body);
    let refused = desk.request(
        "POST",
        "/_renkei/publish/zip",
        &format!("Cookie: {}\r\n", desk.cookie),
        b"",
    );
    assert_eq!(refused.status, 403, "a change without the desk's Origin");
}

#[test]
fn an_adoption_book_is_checked_and_registered_like_a_csv() {
    let site = TestSite::minimal();
    let desk = Opened::new(&site);
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    for (col, head) in ["事業所番号", "連携実績", "介護ソフト"].iter().enumerate() {
        sheet.write_string(0, col as u16, *head).unwrap();
    }
    // Office numbers typed as numbers, as Excel keeps them.
    for (row, number) in [4470100001u64, 4410100002, 4410100003, 4470100004]
        .iter()
        .enumerate()
    {
        sheet
            .write_number(row as u32 + 1, 0, *number as f64)
            .unwrap();
        sheet.write_string(row as u32 + 1, 1, "あり").unwrap();
    }
    let bytes = book.save_to_buffer().unwrap();
    let checked = desk.upload_bytes("adoption", "", "2025-12-31.xlsx", &bytes);
    assert_eq!(checked.status, 200, "{}", checked.body);
    assert!(
        checked.body.contains("data/adoption/2025-12-31.xlsx"),
        "{}",
        checked.body
    );
    assert!(
        checked
            .body
            .contains("<td id=\"site-after\">4 (80.0%)</td>"),
        "{}",
        checked.body
    );
    let id = hidden_id(&checked.body, "/_renkei/data/register");
    assert_eq!(
        desk.post("/_renkei/data/register", &[("id", &id)]).status,
        303
    );
    assert_eq!(
        fs::read(site.path().join("data/adoption/2025-12-31.xlsx")).unwrap(),
        bytes
    );
    wait_until("the book's date on the home page", &desk.server, || {
        desk.server.get("/").body.contains("令和7年12月31日")
    });
}
