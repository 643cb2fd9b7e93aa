//! Any bytes as any CSV input renkei reads: decoding, the table reader with
//! each file's columns, the model checks on the rows, and the official open
//! data reader of `renkei import`. None may panic, and every row must keep a
//! line inside the file.

#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;
use renkei::diag::Diagnostics;
use renkei::load::{config, data, table, text};
use renkei::model::rejected::Rejected;
use renkei::model::{municipalities, offices};

const SITE: &str = "title = \"t\"\nbase_url = \"https://example.jp/\"\nprefecture_code = \"44\"\n";

fuzz_target!(|bytes: &[u8]| {
    let decoded = text::decode(bytes);
    assert_eq!(decoded, text::decode_owned(bytes.to_vec()));
    let Ok(text) = decoded else {
        return;
    };
    let lines = text.split(['\n', '\r']).count() + 1;
    let mut diags = Diagnostics::default();
    let config = config::parse(SITE, None, &mut diags).expect("a valid site.toml");
    let mut rejected = Rejected::default();
    let rel = Path::new("data/municipalities.csv");
    let rows = table::read::<data::MunicipalityRow>(rel, &text, data::MUNICIPALITY_COLUMNS, &mut diags);
    assert!(rows.iter().all(|r| (2..=lines).contains(&r.line)));
    let places = municipalities::build(&rows, &config, &mut rejected, &mut diags);
    let rel = Path::new("data/offices.csv");
    let rows = table::read::<data::OfficeRow>(rel, &text, data::OFFICE_COLUMNS, &mut diags);
    assert!(rows.iter().all(|r| (2..=lines).contains(&r.line)));
    let _ = offices::build(rows, &places, "44", &mut rejected, &mut diags);
    let rel = Path::new("data/adoption/2025-11-30.csv");
    let rows = table::read::<data::AdoptionRow>(rel, &text, data::ADOPTION_COLUMNS, &mut diags);
    assert!(rows.iter().all(|r| (2..=lines).contains(&r.line)));
    let rel = Path::new("jigyosho_110.csv");
    if let Some(parsed) = renkei::import::official::parse(rel, &text, "44", &mut diags) {
        assert!(parsed.rows.len() + parsed.other_prefecture <= parsed.read);
    }
    for d in diags {
        assert!(d.line.is_none_or(|l| (1..=lines).contains(&l)), "{d}");
        let _ = d.to_string();
    }
});
