//! `renkei new`: a complete, working site for any of the 47 prefectures, or
//! a city portal for any municipality (with an area list to fill in).
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
use crate::messages::cli::CliMsg;
use crate::messages::scaffold::ScaffoldMsg;
use crate::messages::{Text, common};

static STARTER: Dir<'_> = include_dir!("$CARGO_MANIFEST_DIR/src/scaffold/starter");

/// The texts `renkei new` writes for the editors to replace before the site
/// is published; `check` names each one left (see `model::placeholders`).
pub mod placeholders {
    /// The address in site.toml until the site's own is known.
    pub const BASE_URL: &str = "https://example.jp/renkei-new/";
    /// Follows the prefecture's name in `organization`.
    pub const ORGANIZATION: &str = "（担当課の名前に書き換えてください）";
    /// The desk's details on the contact page.
    pub const CONTACT: [&str; 4] = [
        "（担当課・委託先の名前）",
        "（電話番号）",
        "（メールアドレス）",
        "（例：平日 9時〜17時）",
    ];
    /// The start of the note to editors at the top of the contact page.
    pub const NOTE: &str = "> **編集される方へ**";
}

/// The Northern Territories villages (北方領土の6村): in the national code
/// list, but with no office and no data to show.
const NORTHERN_TERRITORIES: [&str; 6] =
    ["016951", "016969", "016977", "016985", "016993", "017001"];

/// The header of the office list before any import.
const OFFICES_HEADER: &str =
    "office_number,name,name_kana,corporation,municipality_code,service_types,address,phone,area\n";

/// What a new site is for: a prefecture, or the city of a city portal
/// (entries of the national list).
#[derive(Debug, Clone, Copy)]
pub enum Starter {
    Prefecture(&'static Entry),
    City(&'static Entry),
}

impl Starter {
    /// The site's own place.
    pub fn entry(self) -> &'static Entry {
        match self {
            Starter::Prefecture(e) | Starter::City(e) => e,
        }
    }
}

/// The city a person named: its code, or its name when only one
/// municipality of the country has it; or a message saying what is accepted.
pub fn city_arg(query: &str) -> Result<&'static Entry, Text> {
    let query = query.trim();
    let is_city = |e: &&Entry| matches!(e.kind, Kind::Municipality | Kind::DesignatedCity);
    if let Some(entry) = gov_codes::lookup(query).filter(is_city) {
        return Ok(entry);
    }
    let named: Vec<&Entry> = gov_codes::all()
        .iter()
        .filter(is_city)
        .filter(|e| e.name == query)
        .collect();
    match named.as_slice() {
        [one] => Ok(one),
        [] => Err(ScaffoldMsg::UnknownCity {
            query: query.to_string(),
        }
        .into()),
        many => Err(ScaffoldMsg::AmbiguousCity {
            query: query.to_string(),
            codes: many.iter().map(|e| e.code).collect::<Vec<_>>().join(", "),
        }
        .into()),
    }
}

/// The header of a city starter's area list, for the city to fill in.
const AREAS_HEADER: &str = "id,圏域名,市区町村コード,地域包括支援センター\n";

/// Every file of a new site, by path relative to the site root.
pub fn files(starter: Starter) -> BTreeMap<PathBuf, Vec<u8>> {
    let own = starter.entry();
    let prefecture =
        gov_codes::find_prefecture(own.prefecture).expect("every entry has its prefecture");
    let municipalities: Vec<&Entry> = match starter {
        Starter::Prefecture(_) => municipalities(prefecture.prefecture),
        Starter::City(city) => municipalities(prefecture.prefecture)
            .into_iter()
            .filter(|e| e.code == city.code || e.parent_code == Some(city.code))
            .collect(),
    };
    let code_at = |i: usize| municipalities.get(i).map_or("", |e| e.code);
    let fill = |text: &str| {
        text.replace("{{prefecture_name}}", own.name)
            .replace("{{prefecture_code}}", prefecture.prefecture)
            .replace("{{first_code}}", code_at(0))
            .replace("{{second_code}}", code_at(1))
            .replace("{{base_url}}", placeholders::BASE_URL)
            .replace("{{organization}}", placeholders::ORGANIZATION)
            .replace("{{contact_desk}}", placeholders::CONTACT[0])
            .replace("{{contact_phone}}", placeholders::CONTACT[1])
            .replace("{{contact_mail}}", placeholders::CONTACT[2])
            .replace("{{contact_hours}}", placeholders::CONTACT[3])
            .replace("{{contact_note}}", placeholders::NOTE)
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
    if let Starter::City(city) = starter {
        let toml = files
            .get_mut(Path::new("site.toml"))
            .expect("the starter has site.toml");
        let marker = format!("prefecture_code = \"{}\"\n", prefecture.prefecture);
        let text = String::from_utf8(std::mem::take(toml)).expect("starter files are UTF-8 text");
        *toml = text
            .replacen(
                &marker,
                &format!("{marker}\n# 市のサイト（市ポータル）の市の全国地方公共団体コードです。変更しないでください。\nmunicipality_code = \"{}\"\n", city.code),
                1,
            )
            .into_bytes();
        files.insert(
            PathBuf::from(crate::load::data::AREAS),
            AREAS_HEADER.as_bytes().to_vec(),
        );
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
/// national list's order (each city before its wards), without the
/// Northern Territories villages.
fn municipalities(prefecture: &str) -> Vec<&'static Entry> {
    gov_codes::all()
        .iter()
        .filter(|e| e.prefecture == prefecture && e.kind != Kind::Prefecture)
        .filter(|e| !NORTHERN_TERRITORIES.contains(&e.code))
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
/// never writes over a folder that holds anything. All or nothing: the
/// files go into a folder beside `dir` that takes its place once every one
/// is written, so a full disk leaves no half site to refuse on the rerun.
/// Returns the files written.
pub fn create(dir: &Path, starter: Starter) -> Result<Vec<PathBuf>, Text> {
    if dir.exists() {
        let mut entries = std::fs::read_dir(dir).map_err(|e| CliMsg::CannotReadFolder {
            dir: dir.display().to_string(),
            reason: common::io(&e),
        })?;
        if entries.next().is_some() {
            return Err(ScaffoldMsg::NotEmpty {
                dir: dir.display().to_string(),
            }
            .into());
        }
    }
    let absolute = std::path::absolute(dir).unwrap_or_else(|_| dir.to_path_buf());
    let parent = absolute.parent().unwrap_or(Path::new("/"));
    let name = absolute.file_name().unwrap_or_default().to_string_lossy();
    let staging = parent.join(format!(".{name}.renkei-new-{}", std::process::id()));
    let files = files(starter);
    let written = write_files(&staging, &files).and_then(|()| {
        // An empty folder the user made is replaced (a rename over a
        // folder needs it gone on Windows).
        if dir.exists() {
            let _ = std::fs::remove_dir(dir);
        }
        std::fs::rename(&staging, dir).map_err(|e| {
            CliMsg::CannotCreateFolder {
                dir: dir.display().to_string(),
                reason: common::io(&e),
            }
            .into()
        })
    });
    if written.is_err() {
        let _ = std::fs::remove_dir_all(&staging);
    }
    written.map(|()| files.into_keys().collect())
}

fn write_files(dir: &Path, files: &BTreeMap<PathBuf, Vec<u8>>) -> Result<(), Text> {
    for (rel, bytes) in files {
        let path = dir.join(rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(|e| CliMsg::CannotCreateFolder {
                dir: parent.display().to_string(),
                reason: common::io(&e),
            })?;
        }
        std::fs::write(&path, bytes).map_err(|e| CliMsg::CannotWriteFile {
            file: path.display().to_string(),
            reason: common::io(&e),
        })?;
        if path.extension().is_some_and(|x| x == "command") {
            make_runnable(&path)?;
        }
    }
    Ok(())
}

/// The macOS launcher opens with a double-click only when it may run.
#[cfg(unix)]
fn make_runnable(path: &Path) -> Result<(), Text> {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o755)).map_err(|e| {
        CliMsg::CannotWriteFile {
            file: path.display().to_string(),
            reason: common::io(&e),
        }
        .into()
    })
}

#[cfg(not(unix))]
fn make_runnable(_path: &Path) -> Result<(), Text> {
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_every_municipality_and_ward_with_its_city() {
        let osaka = gov_codes::find_prefecture("27").unwrap();
        let files = files(Starter::Prefecture(osaka));
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
            let files = files(Starter::Prefecture(prefecture));
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
                &mut crate::model::rejected::Rejected::default(),
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
    fn no_prefecture_lists_a_name_twice_nor_the_northern_territories() {
        for prefecture in gov_codes::all()
            .iter()
            .filter(|e| e.kind == Kind::Prefecture)
        {
            let list = municipalities(prefecture.prefecture);
            let mut names: Vec<&str> = list.iter().map(|e| e.name).collect();
            names.sort_unstable();
            let before = names.len();
            names.dedup();
            assert_eq!(
                names.len(),
                before,
                "{} lists a name twice",
                prefecture.name
            );
            assert!(list.iter().all(|e| !NORTHERN_TERRITORIES.contains(&e.code)));
        }
        let hokkaido = municipalities("01");
        assert_eq!(hokkaido.iter().filter(|e| e.name == "泊村").count(), 1);
        for village in ["色丹村", "留夜別村", "留別村", "紗那村", "蘂取村"] {
            assert!(hokkaido.iter().all(|e| e.name != village), "{village}");
        }
        assert!(hokkaido.iter().any(|e| e.code == "016942"), "羅臼町 stays");
    }

    #[test]
    fn a_city_starter_names_its_city_and_has_an_area_list() {
        let yonago = city_arg("米子市").unwrap();
        assert_eq!(yonago.code, "312029");
        assert_eq!(city_arg("312029").unwrap().name, "米子市");
        assert!(city_arg("府中市").unwrap_err().en().starts_with(
            "several municipalities are called 府中市: give the code of the one meant ("
        ));
        assert_eq!(
            city_arg("架空市").unwrap_err().en(),
            "unknown city \"架空市\": give the 6-digit national code of a municipality (e.g. 312029) or its name (e.g. 米子市)"
        );
        let files = files(Starter::City(yonago));
        let toml = String::from_utf8(files[Path::new("site.toml")].clone()).unwrap();
        assert!(
            toml.contains("prefecture_code = \"31\"\n\n# 市のサイト"),
            "{toml}"
        );
        assert!(toml.contains("municipality_code = \"312029\"\n"));
        assert!(toml.contains("title = \"米子市 ケアプランデータ連携システム"));
        let csv = String::from_utf8(files[Path::new("data/municipalities.csv")].clone()).unwrap();
        assert_eq!(csv, "code,name,kana,parent_code\n312029,米子市,よなごし,\n");
        assert_eq!(files[Path::new("data/areas.csv")], AREAS_HEADER.as_bytes());
    }

    #[test]
    fn fills_in_the_prefecture_everywhere() {
        let oita = gov_codes::find_prefecture("44").unwrap();
        for (path, bytes) in files(Starter::Prefecture(oita)) {
            let text = String::from_utf8(bytes).unwrap();
            assert!(
                !text.contains("{{"),
                "{} has a placeholder left",
                path.display()
            );
        }
        let toml =
            String::from_utf8(files(Starter::Prefecture(oita))[Path::new("site.toml")].clone())
                .unwrap();
        assert!(toml.contains("prefecture_code = \"44\""));
        assert!(toml.contains("title = \"大分県 ケアプランデータ連携システム"));
    }
}
