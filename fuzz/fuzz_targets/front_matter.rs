//! Any bytes as a Markdown page: decoding, the front-matter splitter and
//! checker, and the parse of the body (headings, links, live figures,
//! videos) against a small site. None may panic, and a page's body must
//! start on a line of the file.

#![no_main]

use std::collections::HashSet;
use std::path::Path;
use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;
use renkei::diag::Diagnostics;
use renkei::load::{config, content, data, table, text};
use renkei::model::markdown::{self, File, Setup, shortcodes::Named};
use renkei::model::municipalities;
use renkei::model::places::Places;
use renkei::model::rejected::Rejected;

const SITE: &str = "title = \"t\"\nbase_url = \"https://example.jp/careplan/\"\nprefecture_code = \"44\"\n";
const MUNICIPALITIES: &str = "code,name\n442011,大分市\n442038,中津市\n";

/// Oita with two municipalities, for live figures to name.
static PLACES: LazyLock<Places> = LazyLock::new(|| {
    let mut diags = Diagnostics::default();
    let config = config::parse(SITE, None, &mut diags).expect("a valid site.toml");
    let rel = Path::new("data/municipalities.csv");
    let rows = table::read::<data::MunicipalityRow>(rel, MUNICIPALITIES, data::MUNICIPALITY_COLUMNS, &mut diags);
    municipalities::build(&rows, &config, &mut Rejected::default(), &mut diags)
});

fuzz_target!(|bytes: &[u8]| {
    let Ok(text) = text::decode(bytes) else {
        return;
    };
    let lines = text.split('\n').count() + 1;
    let mut diags = Diagnostics::default();
    let path = Path::new("content/guides/a.md");
    if let Some(page) = content::parse(path, &text, &mut diags) {
        assert!((3..=lines).contains(&page.body_line), "body_line {}", page.body_line);
        assert!(!page.front.title.is_empty());
        let assets = HashSet::new();
        let theme_ids = HashSet::from(["main".to_string()]);
        let setup = Setup {
            base_path: "/careplan/",
            theme_ids: &theme_ids,
            unsafe_html: false,
            assets: &assets,
            places: Named {
                places: &PLACES,
                groups: &[],
            },
        };
        let file = File {
            path,
            body: &page.body,
            body_line: page.body_line,
            url: "guides/a/",
        };
        let _ = markdown::parse(&file, &setup, &mut diags);
    }
    for d in diags {
        assert!(d.line.is_none_or(|l| (1..=lines).contains(&l)), "{d}");
    }
});
