//! Publishing: the CI workflows (they parse, and every `renkei …` they run
//! exists), `check --format github`, the build summary, `license`, the DCAT
//! catalogue and the `opendata/` page.

use std::path::Path;

use yaml_rust2::{Yaml, YamlLoader};

use crate::harness::{OFFICES, SNAPSHOT, TestSite, renkei, repo};

/// Every YAML file of the repository's CI, relative to the root.
const CI_FILES: &[&str] = &[
    ".github/workflows/check.yml",
    ".github/workflows/publish.yml",
    ".github/workflows/release.yml",
    ".github/actions/install-renkei/action.yml",
    ".gitlab-ci.yml",
];

fn yaml(rel: &str) -> Yaml {
    let text = std::fs::read_to_string(repo().join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"));
    let mut docs = YamlLoader::load_from_str(&text).unwrap_or_else(|e| panic!("{rel}: {e}"));
    assert_eq!(docs.len(), 1, "{rel}: one document");
    docs.remove(0)
}

/// Every shell script a workflow runs: GitHub's `run:`, GitLab's `script:`
/// and `before_script:`, wherever they are nested.
fn scripts(node: &Yaml, out: &mut Vec<String>) {
    match node {
        Yaml::Hash(map) => {
            for (key, value) in map {
                match (key.as_str(), value) {
                    (Some("run"), Yaml::String(s)) => out.push(s.clone()),
                    (Some("script" | "before_script"), Yaml::Array(lines)) => {
                        out.extend(lines.iter().filter_map(|l| l.as_str().map(String::from)));
                    }
                    _ => scripts(value, out),
                }
            }
        }
        Yaml::Array(items) => items.iter().for_each(|i| scripts(i, out)),
        _ => {}
    }
}

/// The `renkei` invocations of a script, each as its arguments (up to the next
/// shell operator): a word is a command when it starts a line or follows an
/// operator, and names `renkei` (also as a path, `"$bin/renkei"`).
fn invocations(script: &str) -> Vec<Vec<String>> {
    const OPERATORS: &[&str] = &["|", "||", "&&", ";", "then", "else", "do", "(", ">", ">>"];
    let mut found = Vec::new();
    for line in script.lines() {
        let words: Vec<&str> = line.split_whitespace().collect();
        for (i, word) in words.iter().enumerate() {
            let starts = i == 0 || OPERATORS.contains(&words[i - 1]) || words[i - 1].ends_with(';');
            let name = word.trim_matches('"');
            if starts && (name == "renkei" || name.ends_with("/renkei")) {
                let args = words[i + 1..]
                    .iter()
                    .take_while(|w| !OPERATORS.contains(w))
                    .map(|w| w.trim_end_matches(';').to_string())
                    .collect();
                found.push(args);
            }
        }
    }
    found
}

/// Whether clap's help lists `flag` as an option (`--strict`, `-h, --help`).
fn help_lists(help: &str, flag: &str) -> bool {
    help.lines().any(|line| {
        line.trim_start().starts_with('-')
            && line
                .split(|c: char| c.is_whitespace() || c == ',')
                .any(|w| w == flag)
    })
}

#[test]
fn every_renkei_command_of_the_workflows_exists_in_help() {
    let top = renkei(&["--help"]).stdout;
    let mut seen = Vec::new();
    for rel in CI_FILES {
        let mut all = Vec::new();
        scripts(&yaml(rel), &mut all);
        assert!(!all.is_empty(), "{rel} runs nothing");
        for args in all.iter().flat_map(|s| invocations(s)) {
            let (help, flags) = match args.first() {
                Some(sub) if !sub.starts_with('-') => {
                    assert!(
                        top.lines()
                            .any(|l| l.trim_start().starts_with(&format!("{sub} "))),
                        "{rel}: `renkei {sub}` is not a command of renkei --help:\n{top}"
                    );
                    (renkei(&[sub.as_str(), "--help"]).stdout, &args[1..])
                }
                _ => (top.clone(), &args[..]),
            };
            for (i, flag) in flags.iter().enumerate().filter(|(_, f)| f.starts_with('-')) {
                assert!(
                    help_lists(&help, flag),
                    "{rel}: `{flag}` in `renkei {}` is not in its help:\n{help}",
                    args.join(" ")
                );
                // A literal value (not a shell variable) must be one the help offers.
                if let Some(value) = flags
                    .get(i + 1)
                    .filter(|v| !v.starts_with('-') && !v.contains(['$', '"']))
                {
                    assert!(
                        help.contains(value.as_str()),
                        "{rel}: `{flag} {value}` is not offered by renkei's help"
                    );
                }
            }
            seen.push(format!("{rel}: renkei {}", args.join(" ")));
        }
    }
    for expected in [
        ".github/workflows/check.yml: renkei check --strict --format github",
        ".github/workflows/publish.yml: renkei check --format github",
        ".github/workflows/publish.yml: renkei build --base-url \"$PAGES_URL/\"",
        ".github/actions/install-renkei/action.yml: renkei --version",
        ".gitlab-ci.yml: renkei check --strict",
        ".gitlab-ci.yml: renkei build --base-url \"$CI_PAGES_URL/\"",
    ] {
        assert!(
            seen.iter().any(|s| s == expected),
            "no {expected:?} in {seen:#?}"
        );
    }
}

#[test]
fn workflows_trigger_on_pull_requests_main_and_tags() {
    let check = yaml(".github/workflows/check.yml");
    assert!(
        !check["on"]["pull_request"].is_badvalue(),
        "check.yml runs on pull requests"
    );
    let publish = yaml(".github/workflows/publish.yml");
    assert_eq!(publish["on"]["push"]["branches"][0].as_str(), Some("main"));
    assert_eq!(publish["permissions"]["pages"].as_str(), Some("write"));
    assert_eq!(
        publish["jobs"]["deploy"]["steps"][0]["uses"].as_str(),
        Some("actions/deploy-pages@v4")
    );
    let release = yaml(".github/workflows/release.yml");
    assert_eq!(release["on"]["push"]["tags"][0].as_str(), Some("v*"));
    let targets: Vec<&str> = release["jobs"]["build"]["strategy"]["matrix"]["include"]
        .as_vec()
        .expect("a matrix")
        .iter()
        .filter_map(|t| t["target"].as_str())
        .collect();
    assert_eq!(
        targets,
        [
            "x86_64-pc-windows-gnu",
            "aarch64-apple-darwin",
            "x86_64-apple-darwin",
            "x86_64-unknown-linux-musl"
        ]
    );
    let gitlab = yaml(".gitlab-ci.yml");
    assert_eq!(
        gitlab["pages"]["artifacts"]["paths"][0].as_str(),
        Some("public")
    );
}

#[test]
fn the_shell_reading_of_invocations() {
    assert_eq!(
        invocations(
            "set -e\nrenkei build --base-url \"$U/\" | tee -a x\ncp target/release/renkei /bin/\n\"$bin/renkei\" --version"
        ),
        [vec!["build", "--base-url", "\"$U/\""], vec!["--version"]]
    );
    assert!(invocations("grep -q '^name = \"renkei\"' Cargo.toml").is_empty());
}

/// A site with two errors in offices.csv and a warning in the snapshot.
fn site_with_findings() -> TestSite {
    let site = TestSite::minimal();
    site.write(
        "data/offices.csv",
        &format!(
            "{OFFICES}44701000,短い番号,442011,訪問介護,,\n4410100009,どこか,442020,訪問介護,,\n"
        ),
    );
    site.write(
        "data/adoption/2025-11-30.csv",
        &format!("{SNAPSHOT}4499999999,true,\n"),
    );
    site
}

#[test]
fn check_format_github_prints_one_annotation_per_finding() {
    let site = site_with_findings();
    let text = site.run(&["check"]);
    let run = site.run(&["check", "--format", "github"]);
    assert_eq!(run.code, Some(1));
    let lines: Vec<&str> = run.stdout.lines().collect();
    let findings = text
        .stderr
        .lines()
        .filter(|l| l.starts_with("error: ") || l.starts_with("warning: "))
        .count();
    assert_eq!(lines.len(), findings, "{}\n{}", run.stdout, text.stderr);
    assert!(
        lines[0].starts_with("::warning file=data/adoption/2025-11-30.csv,line=5::"),
        "{}",
        run.stdout
    );
    assert!(
        lines[1].starts_with("::error file=data/offices.csv,line=7::office_number \"44701000\""),
        "{}",
        run.stdout
    );
    assert!(
        lines[2].starts_with("::error file=data/offices.csv,line=8::"),
        "{}",
        run.stdout
    );
}

#[test]
fn check_format_github_names_files_from_the_repository_root() {
    let site = site_with_findings();
    let parent = site.path().parent().unwrap();
    let name = site.path().file_name().unwrap();
    let output = crate::harness::command()
        .args(["check", "--format", "github", "--root"])
        .arg(Path::new(".").join(name))
        .current_dir(parent)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    let expected = format!(
        "::error file={}/data/offices.csv,line=7::",
        name.to_string_lossy()
    );
    assert!(stdout.contains(&expected), "{stdout}");
}

#[test]
fn check_format_github_passes_a_good_site_silently() {
    let site = TestSite::minimal();
    let run = site.run(&["check", "--strict", "--format", "github"]);
    assert!(run.success, "{}", run.stderr);
    assert_eq!(run.stdout, "");
}

#[test]
fn build_prints_what_changed_since_the_previous_output() {
    let site = TestSite::minimal();
    let first = site.build_ok();
    assert_eq!(
        first.stdout,
        "figures: 大分県 rate 60.0%, adopted 3 (no previous data/municipalities.csv to compare with)\n"
    );
    site.write(
        "data/adoption/2025-12-31.csv",
        "office_number,linking,software\n4470100001,true,\n4410100002,,\n4410100003,,\n4470100004,,\n",
    );
    let second = site.build_ok();
    assert_eq!(
        second.stdout,
        "changes since the previous build:\n  \
         大分県: rate 60.0% → 80.0%, adopted 3 → 4 (+1), as of 2025-11-30 → 2025-12-31\n  \
         newly adopted offices: 1\n  \
         rate moved most: 大分市 50.0% → 100.0% (+50.0)\n"
    );
    let quiet = site.run(&["build", "--quiet"]);
    assert!(quiet.success, "{}", quiet.stderr);
    assert_eq!(quiet.stdout, "");
}

/// The catalogue of a built site, parsed.
fn catalog(site: &TestSite) -> serde_json::Value {
    serde_json::from_str(&site.output("data/catalog.jsonld")).expect("catalog.jsonld is JSON")
}

#[test]
fn catalog_lists_every_open_data_file_with_licence_and_urls_that_exist() {
    let site = TestSite::demo();
    site.build_ok();
    let catalog = catalog(&site);
    assert_eq!(catalog["@type"], "dcat:Catalog");
    assert_eq!(catalog["@context"]["dcat"], "http://www.w3.org/ns/dcat#");
    assert_eq!(catalog["@context"]["dct"], "http://purl.org/dc/terms/");
    let context = catalog["@context"].as_object().unwrap();
    let mut terms = Vec::new();
    json_ld_terms(&catalog, &mut terms);
    for term in terms {
        let prefix = term.split_once(':').map(|(p, _)| p);
        assert!(
            prefix.is_some_and(|p| context.contains_key(p)),
            "{term} is not a term of a prefix in @context"
        );
    }
    let base = "https://example.jp/careplan/";
    let public = site.path().join("public");
    let mut open_data: Vec<String> = std::fs::read_dir(public.join("data"))
        .unwrap()
        .map(|e| format!("data/{}", e.unwrap().file_name().to_string_lossy()))
        .filter(|p| p != "data/catalog.jsonld")
        .collect();
    open_data.sort();
    let mut listed = Vec::new();
    for dataset in catalog["dcat:dataset"].as_array().unwrap() {
        assert_eq!(dataset["@type"], "dcat:Dataset");
        assert_eq!(
            dataset["dct:license"]["@id"],
            "https://creativecommons.org/licenses/by/4.0/"
        );
        assert_eq!(dataset["dct:modified"]["@value"], "2025-11-30");
        assert_eq!(dataset["dct:title"]["@language"], "ja");
        let distributions = dataset["dcat:distribution"].as_array().unwrap();
        assert_eq!(distributions.len(), 1);
        let d = &distributions[0];
        assert_eq!(d["@type"], "dcat:Distribution");
        let url = d["dcat:downloadURL"]["@id"].as_str().unwrap();
        let rel = url
            .strip_prefix(base)
            .unwrap_or_else(|| panic!("{url} is not absolute under {base}"));
        let bytes = std::fs::read(public.join(rel)).unwrap_or_else(|e| panic!("{url}: {e}"));
        assert_eq!(d["dcat:byteSize"]["@value"], bytes.len().to_string());
        let media = d["dcat:mediaType"]["@id"].as_str().unwrap();
        let expected = if rel.ends_with(".json") {
            "application/json"
        } else {
            "text/csv"
        };
        assert_eq!(
            media,
            format!("https://www.iana.org/assignments/media-types/{expected}")
        );
        // The columns the catalogue names are the file's header, in order.
        if rel.ends_with(".csv") {
            let text = String::from_utf8(bytes).unwrap();
            let header = text
                .trim_start_matches('\u{feff}')
                .lines()
                .next()
                .unwrap()
                .replace(',', ", ");
            let description = dataset["dct:description"]["@value"].as_str().unwrap();
            assert!(
                description.ends_with(&format!("（列：{header}）")),
                "{rel}: {description}"
            );
        }
        listed.push(rel.to_string());
    }
    listed.sort();
    assert_eq!(listed, open_data);
}

/// Every key of a JSON-LD tree and every `@type` value, except `@` keywords
/// and the context itself: each must be a compact IRI of a declared prefix.
fn json_ld_terms(node: &serde_json::Value, out: &mut Vec<String>) {
    match node {
        serde_json::Value::Object(map) => {
            for (key, value) in map {
                if key == "@context" {
                    continue;
                }
                if key == "@type" {
                    out.push(value.as_str().unwrap().to_string());
                } else if !key.starts_with('@') {
                    out.push(key.clone());
                }
                json_ld_terms(value, out);
            }
        }
        serde_json::Value::Array(items) => items.iter().for_each(|i| json_ld_terms(i, out)),
        _ => {}
    }
}

#[test]
fn license_pdl_is_named_with_its_official_url() {
    let site = TestSite::minimal();
    let toml = std::fs::read_to_string(site.path().join("site.toml")).unwrap();
    site.write(
        "site.toml",
        &toml.replace(
            "prefecture_code = \"44\"\n",
            "prefecture_code = \"44\"\nlicense = \"PDL1.0\"\n",
        ),
    );
    site.build_ok();
    let pdl = "https://www.digital.go.jp/resources/open_data/public_data_license_v1.0";
    assert_eq!(catalog(&site)["dct:license"]["@id"], pdl);
    let page = site.output("opendata/index.html");
    assert!(
        page.contains(&format!(
            "<a href=\"{pdl}\">公共データ利用規約（第1.0版）（PDL1.0）</a>"
        )),
        "{page}"
    );
}

#[test]
fn an_unknown_license_is_an_error_with_its_line() {
    let site = TestSite::minimal();
    let toml = std::fs::read_to_string(site.path().join("site.toml")).unwrap();
    site.write("site.toml", &format!("license = \"CC0\"\n{toml}"));
    let run = site.build_fails();
    run.assert_stderr_has(
        "error: site.toml:1: license \"CC0\" is not a licence renkei knows; expected \"CC BY 4.0\" or \"PDL1.0\"",
    );
}

#[test]
fn opendata_page_puts_the_editors_introduction_above_the_generated_list() {
    let site = TestSite::demo();
    site.build_ok();
    let page = site.output("opendata/index.html");
    let intro = page
        .find("架空のデータです")
        .expect("the editor's introduction");
    let list = page.find("id=\"data-files\"").expect("the generated list");
    assert!(intro < list);
    for name in [
        "municipalities.csv",
        "municipalities.json",
        "groups.csv",
        "trend.csv",
        "adopted-offices.csv",
    ] {
        let size = std::fs::metadata(site.path().join("public/data").join(name))
            .unwrap()
            .len();
        assert!(
            page.contains(&format!(
                "href=\"/careplan/data/{name}\" download>{name}</a>"
            )),
            "{name}"
        );
        let shown = if size < 1024 {
            format!("{size}バイト")
        } else {
            let tenths = (size * 20 + 1024) / 2048;
            format!("{}.{}KB", tenths / 10, tenths % 10)
        };
        assert!(
            page.contains(&format!(
                "{name}</a>（{}、{shown}）",
                if name.ends_with(".json") {
                    "JSON"
                } else {
                    "CSV"
                }
            )),
            "{name} {shown}"
        );
    }
    assert!(page.contains("<code>cm_rate</code>"));
    assert!(page.contains("集計の時点</dt><dd>令和7年11月30日"));
    assert!(page.contains("href=\"/careplan/data/catalog.jsonld\""));
}

#[test]
fn opendata_page_exists_without_an_introduction() {
    let site = TestSite::minimal();
    site.build_ok();
    let page = site.output("opendata/index.html");
    assert!(page.contains("<h1>オープンデータ</h1>"), "{page}");
    let home = site.output("index.html");
    assert!(
        home.contains("href=\"/portal/opendata/\">オープンデータ</a>"),
        "{home}"
    );
}
