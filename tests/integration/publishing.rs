//! Publishing (issue: publish from the desk): one commit of exactly the
//! site's own files, pushed to a bare remote; failures that keep the commit;
//! a remote that moved ahead; the zip for a web server without Git.

use std::path::Path;
use std::process::Command;

use renkei::messages::publish::PublishMsg;
use renkei::publish::git::{Changed, Repo};

use crate::harness::TestSite;

pub fn git(dir: &Path, args: &[&str]) -> String {
    let out = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(["-c", "user.name=t", "-c", "user.email=t@example.jp"])
        .args(args)
        .output()
        .expect("git runs");
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// A site in a repository whose `main` is published to a bare remote.
pub fn published_site() -> (TestSite, tempfile::TempDir) {
    let site = TestSite::minimal();
    let remote = tempfile::tempdir().unwrap();
    git(remote.path(), &["init", "--quiet", "--bare", "-b", "main"]);
    git(site.path(), &["init", "--quiet", "-b", "main"]);
    git(site.path(), &["add", "-A"]);
    git(site.path(), &["commit", "--quiet", "-m", "始め"]);
    let url = remote.path().to_str().unwrap();
    git(site.path(), &["remote", "add", "origin", url]);
    git(site.path(), &["push", "--quiet", "-u", "origin", "main"]);
    (site, remote)
}

pub fn remote_log(remote: &Path) -> Vec<String> {
    git(remote, &["log", "--format=%s", "main"])
        .lines()
        .map(str::to_string)
        .collect()
}

pub fn files_of_last_commit(remote: &Path) -> Vec<String> {
    git(remote, &["show", "--name-only", "--format=", "main"])
        .lines()
        .map(str::to_string)
        .collect()
}

#[test]
fn one_commit_of_exactly_the_site_files_is_pushed() {
    let (site, remote) = published_site();
    site.write(
        "content/guides/start.md",
        &crate::harness::GUIDE.replace("本文。", "新しい本文。"),
    );
    site.write("data/adoption/2026-01-31.csv", crate::harness::SNAPSHOT);
    site.write(".renkei/history/x", "old");
    site.write("public/index.html", "built");
    site.write("notes.txt", "not the site's");
    let repo = Repo::open(site.path()).unwrap();
    let changes = repo.changes().unwrap();
    let paths: Vec<&str> = changes.iter().map(|c| c.path.as_str()).collect();
    assert_eq!(
        paths,
        ["content/guides/start.md", "data/adoption/2026-01-31.csv"]
    );
    let message = renkei::publish::summary(&changes, |p| {
        (p == "content/guides/start.md").then(|| "導入の流れ".to_string())
    });
    assert_eq!(message, "「導入の流れ」を更新、導入状況 2026-01-31 を登録");
    let published = repo.publish(&message).unwrap();
    assert!(published.steps.contains(&PublishMsg::Pushed {
        branch: "main".into()
    }));
    assert_eq!(remote_log(remote.path()), [message.as_str(), "始め"]);
    assert_eq!(
        files_of_last_commit(remote.path()),
        ["content/guides/start.md", "data/adoption/2026-01-31.csv"]
    );
    assert!(repo.changes().unwrap().is_empty());
    assert_eq!(
        repo.publish("もう一度").unwrap().steps,
        [PublishMsg::NothingToPublish]
    );
}

#[test]
fn a_failed_push_keeps_the_commit_and_the_next_one_pushes_it() {
    let (site, remote) = published_site();
    let away = remote.path().with_extension("away");
    std::fs::rename(remote.path(), &away).unwrap();
    site.write(
        "content/guides/start.md",
        &crate::harness::GUIDE.replace("本文。", "改訂。"),
    );
    let repo = Repo::open(site.path()).unwrap();
    let failed = repo.publish("ガイドを改訂").unwrap_err();
    assert!(
        matches!(failed, PublishMsg::PushNoNetwork { .. }),
        "{failed:?}"
    );
    assert!(
        failed
            .text(renkei::messages::Lang::Ja)
            .contains("ネットワークにつながっていない")
    );
    assert_eq!(
        git(site.path(), &["log", "-1", "--format=%s"]).trim(),
        "ガイドを改訂"
    );
    std::fs::rename(&away, remote.path()).unwrap();
    let published = repo.publish("ガイドを改訂").unwrap();
    assert_eq!(
        published.steps,
        [PublishMsg::Pushed {
            branch: "main".into()
        }]
    );
    assert_eq!(remote_log(remote.path()), ["ガイドを改訂", "始め"]);
}

/// Another clone of the remote that commits `file` and pushes.
fn someone_else_pushes(remote: &Path, file: &str, text: &str) {
    let other = tempfile::tempdir().unwrap();
    let clone = other.path().join("c");
    let status = Command::new("git")
        .args(["clone", "--quiet", remote.to_str().unwrap()])
        .arg(&clone)
        .status()
        .unwrap();
    assert!(status.success());
    std::fs::write(clone.join(file), text).unwrap();
    git(&clone, &["commit", "--quiet", "-am", "別の人の変更"]);
    git(&clone, &["push", "--quiet"]);
}

#[test]
fn a_remote_ahead_is_merged_first_unless_it_conflicts() {
    let (site, remote) = published_site();
    someone_else_pushes(
        remote.path(),
        "content/faq/general.md",
        &crate::harness::FAQ.replace("全事業所です。", "すべてです。"),
    );
    site.write(
        "content/guides/start.md",
        &crate::harness::GUIDE.replace("本文。", "改訂。"),
    );
    let repo = Repo::open(site.path()).unwrap();
    let published = repo.publish("ガイドを改訂").unwrap();
    assert!(
        published.steps.contains(&PublishMsg::PulledFirst),
        "{published:?}"
    );
    let log = remote_log(remote.path());
    assert!(
        log.contains(&"ガイドを改訂".to_string()) && log.contains(&"別の人の変更".to_string()),
        "{log:?}"
    );

    someone_else_pushes(
        remote.path(),
        "content/guides/start.md",
        "+++\ntitle = \"別\"\n+++\n別の人。\n",
    );
    site.write(
        "content/guides/start.md",
        &crate::harness::GUIDE.replace("本文。", "わたしの改訂。"),
    );
    let head = git(site.path(), &["rev-parse", "HEAD"]);
    let before = remote_log(remote.path());
    let refused = repo.publish("もう一度改訂").unwrap_err();
    assert!(
        matches!(&refused, PublishMsg::Conflict { files } if files.contains("content/guides/start.md")),
        "{refused:?}"
    );
    assert_eq!(git(site.path(), &["rev-parse", "HEAD"]), head);
    assert_eq!(remote_log(remote.path()), before);
    assert!(
        std::fs::read_to_string(site.path().join("content/guides/start.md"))
            .unwrap()
            .contains("わたしの改訂。")
    );
    assert_eq!(
        repo.changes()
            .unwrap()
            .iter()
            .find(|c| c.path == "content/guides/start.md"),
        Some(&Changed {
            status: 'M',
            path: "content/guides/start.md".into()
        })
    );
}

#[test]
fn a_site_without_git_or_remote_says_to_make_the_zip() {
    let site = TestSite::minimal();
    let none = Repo::open(site.path()).unwrap_err();
    assert!(
        matches!(none, PublishMsg::NotARepository | PublishMsg::NoGit),
        "{none:?}"
    );
    git(site.path(), &["init", "--quiet"]);
    assert_eq!(Repo::open(site.path()).unwrap_err(), PublishMsg::NoRemote);
}

#[test]
fn the_zip_holds_exactly_what_build_writes() {
    let site = TestSite::minimal();
    let (rendered, diags) =
        renkei::pipeline::run(site.path(), None, renkei::date::today_in_japan());
    assert!(!diags.has_errors());
    let rendered = rendered.unwrap();
    let zip = renkei::publish::archive::make(site.path(), "公開用-20260301-093000.zip", &rendered)
        .unwrap();
    site.build_ok();
    let mut archive = zip::ZipArchive::new(std::fs::File::open(&zip).unwrap()).unwrap();
    let mut in_zip = std::collections::BTreeMap::new();
    for i in 0..archive.len() {
        let mut file = archive.by_index(i).unwrap();
        let mut bytes = Vec::new();
        std::io::Read::read_to_end(&mut file, &mut bytes).unwrap();
        in_zip.insert(file.name().unwrap().to_string(), bytes);
    }
    let readme = in_zip.remove(renkei::publish::archive::README).unwrap();
    assert!(
        String::from_utf8(readme)
            .unwrap()
            .contains("https://example.jp/portal/")
    );
    let public = site.path().join("public");
    let built = crate::harness::tree(&public);
    assert_eq!(
        in_zip.keys().collect::<Vec<_>>(),
        built.keys().collect::<Vec<_>>()
    );
    assert!(in_zip == built, "the zip's files differ from the build's");
    let left: Vec<String> = std::fs::read_dir(site.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".renkei"))
        .collect();
    assert!(left.is_empty(), "{left:?}");
}
