//! A tiny harness: each test gets its own site in a temporary directory,
//! starting from a small valid site or a copy of the demo, and runs the binary.

use std::path::{Path, PathBuf};
use std::process::Command;

/// A site in a temporary directory.
pub struct TestSite {
    dir: tempfile::TempDir,
}

/// What a run of the binary left behind.
pub struct Run {
    pub success: bool,
    pub code: Option<i32>,
    pub stderr: String,
    pub stdout: String,
}

impl Run {
    /// Asserts that stderr has `text`, showing all of stderr when it has not.
    pub fn assert_stderr_has(&self, text: &str) {
        assert!(
            self.stderr.contains(text),
            "stderr lacks {text:?}:\n{}",
            self.stderr
        );
    }
}

/// The repository root: the demo site.
pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub const SITE_TOML: &str = r#"title = "テスト県 ポータル"
base_url = "https://example.jp/portal/"
prefecture_code = "44"

[[groups]]
name = "北部"
municipalities = ["442038", "442101"]
"#;

pub const MUNICIPALITIES: &str =
    "code,name,kana\n442011,大分市,おおいたし\n442038,中津市,なかつし\n442101,杵築市,きつきし\n";

pub const OFFICES: &str = "office_number,name,municipality_code,service_types,name_kana,area\n\
4470100001,さくら居宅介護支援事業所,442011,居宅介護支援;介護予防支援,サクラキョタクカイゴシエンジギョウショ,中央圏域\n\
4410100002,ひまわり訪問介護,442011,訪問介護,ヒマワリホウモンカイゴ,東部圏域\n\
4410100003,あおばデイサービス,442038,通所介護,アオバデイサービス,\n\
4470100004,杵築ケアプランセンター,442101,居宅介護支援,キツキケアプランセンター,\n\
44A0100005,こもれび生活支援,442101,第1号訪問事業,コモレビセイカツシエン,\n";

pub const SNAPSHOT: &str = "office_number,linking,software\n4470100001,true,みらいケアノート\n4410100003,あり,\n4470100004,0,つばさ\n";

pub const HOME: &str = "+++\ntitle = \"ホーム\"\n+++\nようこそ。[FAQ](@/faq/general.md#fee)\n";
pub const GUIDE: &str = "+++\ntitle = \"導入の流れ\"\nweight = 1\n+++\n## 手順\n\n本文。\n";
pub const FAQ: &str = "+++\ntitle = \"全般\"\n+++\n## 費用は？ {#fee}\n\n年21,000円です。\n\n## 対象は？\n\n全事業所です。\n";
pub const NEWS: &str = "+++\ntitle = \"研修会\"\ndate = 2025-10-01\n+++\n研修会を開きます。\n";

impl TestSite {
    /// A small valid site: three municipalities, five offices, one snapshot,
    /// a home page, a guide, a FAQ category and a news item.
    pub fn minimal() -> TestSite {
        let site = TestSite {
            dir: tempfile::tempdir().expect("a temporary directory"),
        };
        site.write("site.toml", SITE_TOML);
        site.write("data/municipalities.csv", MUNICIPALITIES);
        site.write("data/offices.csv", OFFICES);
        site.write("data/adoption/2025-11-30.csv", SNAPSHOT);
        site.write("content/_index.md", HOME);
        site.write("content/guides/start.md", GUIDE);
        site.write("content/faq/general.md", FAQ);
        site.write("content/news/training.md", NEWS);
        site
    }

    /// A Hokkaido site: two municipalities, two offices, one snapshot.
    pub fn hokkaido() -> TestSite {
        let site = TestSite::minimal();
        site.write(
            "site.toml",
            "title = \"北海道 ポータル\"\nbase_url = \"https://example.jp/portal/\"\nprefecture_code = \"01\"\n",
        );
        site.write(
            "data/municipalities.csv",
            "code,name,kana\n012025,函館市,はこだてし\n012033,小樽市,おたるし\n",
        );
        site.write(
            "data/offices.csv",
            "office_number,name,municipality_code,service_types\n\
             0170100001,はこだて居宅介護支援,012025,居宅介護支援\n\
             0170100002,おたる居宅介護支援,012033,居宅介護支援\n",
        );
        site.write(
            "data/adoption/2025-11-30.csv",
            "office_number,linking\n0170100001,true\n",
        );
        site
    }

    /// A copy of the demo site at the repository root.
    pub fn demo() -> TestSite {
        let site = TestSite {
            dir: tempfile::tempdir().expect("a temporary directory"),
        };
        copy_dir(&repo().join("content"), &site.path().join("content"));
        copy_dir(&repo().join("data"), &site.path().join("data"));
        std::fs::copy(repo().join("site.toml"), site.path().join("site.toml"))
            .expect("copy site.toml");
        site
    }

    /// A copy of the city portal example in `examples/city/`.
    pub fn city() -> TestSite {
        let site = TestSite {
            dir: tempfile::tempdir().expect("a temporary directory"),
        };
        copy_dir(&repo().join("examples/city"), site.path());
        site
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    /// Writes a file (creating folders), replacing it if present.
    pub fn write(&self, rel: &str, text: &str) {
        self.write_bytes(rel, text.as_bytes());
    }

    pub fn write_bytes(&self, rel: &str, bytes: &[u8]) {
        let path = self.path().join(rel);
        std::fs::create_dir_all(path.parent().expect("a parent")).expect("create folders");
        std::fs::write(path, bytes).expect("write a file");
    }

    pub fn remove(&self, rel: &str) {
        std::fs::remove_file(self.path().join(rel)).expect("remove a file");
    }

    /// Asserts that no build left a staging folder (`.public.renkei-new-PID`)
    /// beside the output.
    pub fn assert_no_leftovers(&self) {
        let leftovers: Vec<String> = std::fs::read_dir(self.path())
            .expect("list the site")
            .map(|e| {
                e.expect("an entry")
                    .file_name()
                    .to_string_lossy()
                    .into_owned()
            })
            .filter(|name| name.contains("renkei"))
            .collect();
        assert!(leftovers.is_empty(), "{leftovers:?}");
    }

    /// Reads an output file of the last build as text (BOM kept), without
    /// the `<wbr>` line-break hints between phrases, so tests match the
    /// text as a reader sees it ([`TestSite::output_raw`] keeps them).
    pub fn output(&self, rel: &str) -> String {
        self.output_raw(rel).replace("<wbr>", "")
    }

    /// Reads an output file of the last build as written.
    pub fn output_raw(&self, rel: &str) -> String {
        let path = self.path().join("public").join(rel);
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
    }

    pub fn run(&self, args: &[&str]) -> Run {
        let mut args: Vec<&std::ffi::OsStr> = args.iter().map(std::ffi::OsStr::new).collect();
        args.push("--root".as_ref());
        args.push(self.path().as_os_str());
        renkei(&args)
    }

    pub fn build(&self) -> Run {
        self.run(&["build"])
    }

    pub fn check(&self) -> Run {
        self.run(&["check"])
    }

    /// Builds and asserts success.
    pub fn build_ok(&self) -> Run {
        let run = self.build();
        assert!(run.success, "build failed:\n{}", run.stderr);
        run
    }

    /// Builds, asserts failure, and returns the run for its messages.
    pub fn build_fails(&self) -> Run {
        let run = self.build();
        assert!(
            !run.success,
            "build succeeded but should have failed:\n{}",
            run.stderr
        );
        run
    }
}

/// The binary, in English: most tests assert the English texts; those of
/// `messages.rs` ask for Japanese, the default, with `--lang ja`.
pub fn command() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_renkei"));
    command
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "en_US.UTF-8");
    command
}

/// Runs the binary with exactly these arguments.
pub fn renkei<S: AsRef<std::ffi::OsStr>>(args: &[S]) -> Run {
    let output = command().args(args).output().expect("run renkei");
    Run {
        success: output.status.success(),
        code: output.status.code(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
    }
}

/// Every file below `dir`, by its path relative to `dir`.
pub fn tree(dir: &Path) -> std::collections::BTreeMap<String, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .map(|e| e.unwrap())
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let rel = e
                .path()
                .strip_prefix(dir)
                .unwrap()
                .to_string_lossy()
                .into_owned();
            (rel, std::fs::read(e.path()).unwrap())
        })
        .collect()
}

fn copy_dir(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.expect("walk");
        let target = to.join(entry.path().strip_prefix(from).expect("below"));
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).expect("create folder");
        } else {
            std::fs::copy(entry.path(), &target).expect("copy file");
        }
    }
}
