//! Any bytes as a Markdown page: decoding, the front-matter splitter and
//! checker, and the heading and link scan of the body. None may panic, and a
//! page's body must start on a line of the file.

#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;
use renkei::diag::Diagnostics;
use renkei::load::{content, text};

fuzz_target!(|bytes: &[u8]| {
    let Ok(text) = text::decode(bytes) else {
        return;
    };
    let lines = text.split('\n').count() + 1;
    let mut diags = Diagnostics::default();
    if let Some(page) = content::parse(Path::new("content/guides/a.md"), &text, &mut diags) {
        assert!((3..=lines).contains(&page.body_line), "body_line {}", page.body_line);
        assert!(!page.front.title.is_empty());
        let _ = renkei::model::markdown::scan(&page.body);
    }
    for d in diags {
        assert!(d.line.is_none_or(|l| (1..=lines).contains(&l)), "{d}");
    }
});
