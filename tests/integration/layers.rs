//! The pipeline's direction as a test (ARCHITECTURE.md, "Invariants"): a
//! stage never names a later stage, nor the commands that drive the
//! pipeline. Shared modules (messages, diag, date, urls, fold, gov_codes)
//! are below every stage.

use std::path::Path;

/// The stages in pipeline order, each a module `src/NAME.rs` or `src/NAME/`.
const STAGES: [&str; 6] = ["load", "model", "figures", "render", "check", "write"];

/// What drives the pipeline: no stage may use it.
const DRIVERS: [&str; 6] = ["cli", "pipeline", "serve", "publish", "import", "scaffold"];

/// The one known arrow up, named so that no other can join it unnoticed:
/// the placeholder check reads the starter's texts (issue "layers" asks to
/// move them below both).
const KNOWN: [(&str, &str); 1] = [("src/model/placeholders.rs", "scaffold")];

fn sources(stage: &str) -> Vec<std::path::PathBuf> {
    let root = crate::harness::repo().join("src");
    let file = root.join(format!("{stage}.rs"));
    let mut found: Vec<_> = walkdir::WalkDir::new(root.join(stage))
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == "rs"))
        .map(|e| e.into_path())
        .collect();
    if file.is_file() {
        found.push(file);
    }
    found
}

#[test]
fn no_stage_uses_a_later_stage_or_a_driver() {
    let repo = crate::harness::repo();
    let mut up = Vec::new();
    for (i, stage) in STAGES.iter().enumerate() {
        let files = sources(stage);
        assert!(!files.is_empty(), "no sources for {stage}");
        let later = STAGES[i + 1..].iter().chain(DRIVERS.iter());
        let later: Vec<&str> = later.copied().collect();
        for file in files {
            let rel = file
                .strip_prefix(&repo)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            let text = std::fs::read_to_string(&file).unwrap();
            for (n, line) in text.lines().enumerate() {
                if line.trim_start().starts_with("//") {
                    continue;
                }
                for name in &later {
                    let named = line.contains(&format!("crate::{name}::"))
                        || line.contains(&format!("crate::{name};"))
                        || line.contains(&format!("crate::{{{name}"));
                    if named && !KNOWN.contains(&(rel.as_str(), name)) {
                        up.push(format!(
                            "{rel}:{}: {stage} uses {name}: {}",
                            n + 1,
                            line.trim()
                        ));
                    }
                }
            }
        }
    }
    assert!(up.is_empty(), "imports up the pipeline:\n{}", up.join("\n"));
    assert!(Path::new(&repo.join(KNOWN[0].0)).is_file());
}
