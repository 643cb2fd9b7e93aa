//! `renkei new`: a complete, working site for any of the 47 prefectures.
//!
//! A prefecture that has never used renkei starts from here: the national code
//! list gives every municipality and ward, and starter pages written for staff
//! (guides, FAQ, contact, about, and READMEs beside the data) come from
//! `starter/`, compiled into the binary. The result builds at once; the office
//! list is left empty for `renkei import offices` to fill.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use include_dir::{Dir, include_dir};

use crate::gov_codes::{self, Entry, Kind};

static STARTER: Dir<'_> = include_dir!("$CARGO_MANIFEST_DIR/src/scaffold/starter");

/// The header of the office list before any import.
const OFFICES_HEADER: &str =
    "office_number,name,name_kana,corporation,municipality_code,service_types,address,phone,area\n";

/// Every file of a new site for `prefecture` (a prefecture entry of the
/// national list), by path relative to the site root.
pub fn files(prefecture: &Entry) -> BTreeMap<PathBuf, Vec<u8>> {
    let municipalities = municipalities(prefecture.prefecture);
    let code_at = |i: usize| municipalities.get(i).map_or("", |e| e.code);
    let fill = |text: &str| {
        text.replace("{{prefecture_name}}", prefecture.name)
            .replace("{{prefecture_code}}", prefecture.prefecture)
            .replace("{{first_code}}", code_at(0))
            .replace("{{second_code}}", code_at(1))
    };
    let mut files = BTreeMap::new();
    let mut stack = vec![&STARTER];
    while let Some(dir) = stack.pop() {
        stack.extend(dir.dirs());
        for file in dir.files() {
            let text = file.contents_utf8().expect("starter files are UTF-8 text");
            let path = match file.path().to_str() {
                Some("gitignore") => PathBuf::from(".gitignore"),
                _ => file.path().to_path_buf(),
            };
            files.insert(path, fill(text).into_bytes());
        }
    }
    files.insert(
        PathBuf::from(crate::load::data::MUNICIPALITIES),
        municipalities_csv(&municipalities).into_bytes(),
    );
    files.insert(
        PathBuf::from(crate::load::data::OFFICES),
        OFFICES_HEADER.as_bytes().to_vec(),
    );
    files
}

/// The municipalities, designated cities and wards of a prefecture, in the
/// national list's order (each city before its wards).
fn municipalities(prefecture: &str) -> Vec<&'static Entry> {
    gov_codes::all()
        .iter()
        .filter(|e| e.prefecture == prefecture && e.kind != Kind::Prefecture)
        .collect()
}

fn municipalities_csv(entries: &[&Entry]) -> String {
    let mut csv = String::from("code,name,kana,parent_code\n");
    for e in entries {
        csv.push_str(&format!(
            "{},{},{},{}\n",
            e.code,
            e.name,
            e.kana,
            e.parent_code.unwrap_or("")
        ));
    }
    csv
}

/// Writes a new site into `dir`, which must not exist or be empty: renkei
/// never writes over a folder that holds anything. Returns the files written.
pub fn create(dir: &Path, prefecture: &Entry) -> Result<Vec<PathBuf>, String> {
    if dir.exists() {
        let mut entries = std::fs::read_dir(dir)
            .map_err(|e| format!("{}: cannot read the folder: {e}", dir.display()))?;
        if entries.next().is_some() {
            return Err(format!(
                "{} already exists and is not empty: renkei new writes only into a new or empty folder",
                dir.display()
            ));
        }
    }
    let files = files(prefecture);
    for (rel, bytes) in &files {
        let path = dir.join(rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)
                .map_err(|e| format!("{}: cannot create the folder: {e}", parent.display()))?;
        }
        std::fs::write(&path, bytes)
            .map_err(|e| format!("{}: cannot write the file: {e}", path.display()))?;
    }
    Ok(files.into_keys().collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_every_municipality_and_ward_with_its_city() {
        let osaka = gov_codes::find_prefecture("27").unwrap();
        let files = files(osaka);
        let csv = String::from_utf8(files[Path::new("data/municipalities.csv")].clone()).unwrap();
        assert!(csv.starts_with("code,name,kana,parent_code\n271004,大阪市,"));
        assert!(
            csv.contains("\n271276,大阪市北区,おおさかしきたく,271004\n"),
            "{csv}"
        );
        let rows = csv.lines().count() - 1;
        let expected = gov_codes::all()
            .iter()
            .filter(|e| e.prefecture == "27" && e.kind != Kind::Prefecture)
            .count();
        assert_eq!(rows, expected);
    }

    #[test]
    fn every_prefecture_gets_a_list_its_checks_accept() {
        for prefecture in gov_codes::all()
            .iter()
            .filter(|e| e.kind == Kind::Prefecture)
        {
            let files = files(prefecture);
            let csv = std::str::from_utf8(&files[Path::new("data/municipalities.csv")]).unwrap();
            let mut diags = crate::diag::Diagnostics::default();
            let rows = crate::load::table::read::<crate::load::data::MunicipalityRow>(
                Path::new("data/municipalities.csv"),
                csv,
                crate::load::data::MUNICIPALITY_COLUMNS,
                &mut diags,
            );
            let list = crate::model::municipalities::municipalities(
                &rows,
                prefecture.prefecture,
                &mut diags,
            );
            assert!(
                diags.is_empty(),
                "{}: {:?}",
                prefecture.name,
                diags.into_sorted()
            );
            assert_eq!(list.len(), rows.len(), "{}", prefecture.name);
        }
    }

    #[test]
    fn fills_in_the_prefecture_everywhere() {
        let oita = gov_codes::find_prefecture("44").unwrap();
        for (path, bytes) in files(oita) {
            let text = String::from_utf8(bytes).unwrap();
            assert!(
                !text.contains("{{"),
                "{} has a placeholder left",
                path.display()
            );
        }
        let toml = String::from_utf8(files(oita)[Path::new("site.toml")].clone()).unwrap();
        assert!(toml.contains("prefecture_code = \"44\""));
        assert!(toml.contains("title = \"大分県 ケアプランデータ連携システム"));
    }
}
