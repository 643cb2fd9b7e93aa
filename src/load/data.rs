//! The CSV inputs under `data/`, read into rows that still know their line.
//!
//! Values are kept as the text the user wrote; the model checks them against
//! each other (codes, office numbers, snapshots) so that every message can
//! quote what was found.

use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::dates;
use super::files::{self, Found, Links};
use super::table::{self, Column, Located};
use super::toml_error::{self, Key, Kind};
use crate::date::Date;
use crate::diag::{Diagnostic, Diagnostics};
use crate::messages::Text;
use crate::messages::load::DataMsg;

/// Relative paths of the data files DESIGN.md names.
pub const MUNICIPALITIES: &str = "data/municipalities.csv";
pub const OFFICES: &str = "data/offices.csv";
pub const ADOPTION_DIR: &str = "data/adoption";
pub const SURVEYS_DIR: &str = "data/surveys";
pub const PLANS: &str = "data/plans.csv";
pub const AREAS: &str = "data/areas.csv";

/// A row of `data/municipalities.csv`.
#[derive(Debug, Clone, Deserialize)]
pub struct MunicipalityRow {
    #[serde(alias = "市区町村コード")]
    pub code: String,
    #[serde(alias = "市区町村名")]
    pub name: String,
    #[serde(default, alias = "市区町村名カナ")]
    pub kana: String,
    #[serde(default)]
    pub parent_code: String,
}

/// The columns of `data/municipalities.csv`.
pub const MUNICIPALITY_COLUMNS: &[Column] = &[
    Column {
        name: "code",
        alias: "市区町村コード",
        required: true,
    },
    Column {
        name: "name",
        alias: "市区町村名",
        required: true,
    },
    Column {
        name: "kana",
        alias: "市区町村名カナ",
        required: false,
    },
    Column {
        name: "parent_code",
        alias: "parent_code",
        required: false,
    },
];

/// A row of `data/offices.csv`.
#[derive(Debug, Clone, Deserialize)]
pub struct OfficeRow {
    #[serde(alias = "事業所番号")]
    pub office_number: String,
    #[serde(alias = "事業所名")]
    pub name: String,
    #[serde(alias = "市区町村コード")]
    pub municipality_code: String,
    #[serde(alias = "サービス種類")]
    pub service_types: String,
    #[serde(default, alias = "事業所名カナ")]
    pub name_kana: String,
    #[serde(default, alias = "法人名")]
    pub corporation: String,
    #[serde(default, alias = "住所")]
    pub address: String,
    #[serde(default, alias = "電話番号")]
    pub phone: String,
    #[serde(default, alias = "圏域")]
    pub area: String,
}

/// The columns of `data/offices.csv`.
pub const OFFICE_COLUMNS: &[Column] = &[
    Column {
        name: "office_number",
        alias: "事業所番号",
        required: true,
    },
    Column {
        name: "name",
        alias: "事業所名",
        required: true,
    },
    Column {
        name: "municipality_code",
        alias: "市区町村コード",
        required: true,
    },
    Column {
        name: "service_types",
        alias: "サービス種類",
        required: true,
    },
    Column {
        name: "name_kana",
        alias: "事業所名カナ",
        required: false,
    },
    Column {
        name: "corporation",
        alias: "法人名",
        required: false,
    },
    Column {
        name: "address",
        alias: "住所",
        required: false,
    },
    Column {
        name: "phone",
        alias: "電話番号",
        required: false,
    },
    Column {
        name: "area",
        alias: "圏域",
        required: false,
    },
];

/// A row of an adoption snapshot.
#[derive(Debug, Clone, Deserialize)]
pub struct AdoptionRow {
    #[serde(alias = "事業所番号")]
    pub office_number: String,
    #[serde(default, alias = "連携実績")]
    pub linking: String,
    #[serde(default, alias = "介護ソフト")]
    pub software: String,
}

/// The columns of an adoption snapshot.
pub const ADOPTION_COLUMNS: &[Column] = &[
    Column {
        name: "office_number",
        alias: "事業所番号",
        required: true,
    },
    Column {
        name: "linking",
        alias: "連携実績",
        required: false,
    },
    Column {
        name: "software",
        alias: "介護ソフト",
        required: false,
    },
];

/// A row of `data/plans.csv`: an office that has declared it will adopt.
#[derive(Debug, Clone, Deserialize)]
pub struct PlanRow {
    #[serde(alias = "事業所番号")]
    pub office_number: String,
    #[serde(default, alias = "導入予定日")]
    pub date: String,
    #[serde(default, alias = "備考")]
    pub note: String,
}

/// The columns of `data/plans.csv`.
pub const PLAN_COLUMNS: &[Column] = &[
    Column {
        name: "office_number",
        alias: "事業所番号",
        required: true,
    },
    Column {
        name: "date",
        alias: "導入予定日",
        required: false,
    },
    Column {
        name: "note",
        alias: "備考",
        required: false,
    },
];

/// A row of `data/areas.csv`: a daily-life area (圏域).
#[derive(Debug, Clone, Deserialize)]
pub struct AreaRow {
    pub id: String,
    #[serde(alias = "圏域名")]
    pub name: String,
    #[serde(alias = "市区町村コード")]
    pub municipality_code: String,
    #[serde(default, alias = "地域包括支援センター")]
    pub center: String,
}

/// The columns of `data/areas.csv`.
pub const AREA_COLUMNS: &[Column] = &[
    Column {
        name: "id",
        alias: "id",
        required: true,
    },
    Column {
        name: "name",
        alias: "圏域名",
        required: true,
    },
    Column {
        name: "municipality_code",
        alias: "市区町村コード",
        required: true,
    },
    Column {
        name: "center",
        alias: "地域包括支援センター",
        required: false,
    },
];

/// A row of a survey's results.
#[derive(Debug, Clone, Deserialize)]
pub struct SurveyRow {
    #[serde(alias = "設問")]
    pub question: String,
    #[serde(alias = "選択肢")]
    pub choice: String,
    #[serde(alias = "回答数")]
    pub count: String,
    #[serde(default, alias = "グループ")]
    pub group: String,
}

/// The columns of a survey's results.
pub const SURVEY_COLUMNS: &[Column] = &[
    Column {
        name: "question",
        alias: "設問",
        required: true,
    },
    Column {
        name: "choice",
        alias: "選択肢",
        required: true,
    },
    Column {
        name: "count",
        alias: "回答数",
        required: true,
    },
    Column {
        name: "group",
        alias: "グループ",
        required: false,
    },
];

/// The description of a survey (`data/surveys/SLUG.toml`).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SurveyMeta {
    pub title: String,
    pub date: Option<toml::Value>,
    pub respondents: Option<u32>,
    pub description: Option<String>,
}

/// The keys of a survey's description, for the words of a mistake in one.
pub(crate) const SURVEY_KEYS: &[Key] = &[
    Key {
        name: "title",
        kind: Kind::Text,
        example: "\"令和7年度 導入状況アンケート\"",
    },
    Key {
        name: "date",
        kind: Kind::Date,
        example: "2025-12-08",
    },
    Key {
        name: "respondents",
        kind: Kind::People,
        example: "100",
    },
    Key {
        name: "description",
        kind: Kind::Text,
        example: "\"...\"",
    },
];

/// One adoption file: its date from the file name and its rows.
#[derive(Debug, Clone)]
pub struct SnapshotFile {
    pub path: PathBuf,
    pub date: Date,
    pub rows: Vec<Located<AdoptionRow>>,
}

/// One survey: the CSV and TOML sharing a slug.
#[derive(Debug, Clone)]
pub struct SurveyFile {
    pub slug: String,
    pub csv_path: PathBuf,
    pub toml_path: PathBuf,
    pub meta: SurveyMeta,
    pub rows: Vec<Located<SurveyRow>>,
}

/// Everything under `data/`.
#[derive(Debug, Clone, Default)]
pub struct DataFiles {
    pub municipalities: Vec<Located<MunicipalityRow>>,
    pub offices: Vec<Located<OfficeRow>>,
    pub snapshots: Vec<SnapshotFile>,
    /// Empty when the site has no `data/plans.csv`.
    pub plans: Vec<Located<PlanRow>>,
    /// `None` when the site has no `data/areas.csv`.
    pub areas: Option<Vec<Located<AreaRow>>>,
    pub surveys: Vec<SurveyFile>,
}

/// Reads every data file; problems are collected, readable rows kept.
/// `today` is the day of the build: a snapshot dated later is an error.
pub fn load(root: &Path, today: Date, diags: &mut Diagnostics) -> DataFiles {
    DataFiles {
        municipalities: read_required(root, MUNICIPALITIES, MUNICIPALITY_COLUMNS, diags),
        offices: read_required(root, OFFICES, OFFICE_COLUMNS, diags),
        snapshots: load_snapshots(root, today, diags),
        plans: read_optional(root, PLANS, PLAN_COLUMNS, diags).unwrap_or_default(),
        areas: read_optional(root, AREAS, AREA_COLUMNS, diags),
        surveys: load_surveys(root, diags),
    }
}

fn read_required<T: serde::de::DeserializeOwned>(
    root: &Path,
    rel: &str,
    columns: &[Column],
    diags: &mut Diagnostics,
) -> Vec<Located<T>> {
    let rel = Path::new(rel);
    if !root.join(rel).is_file() {
        let how = if rel == Path::new(OFFICES) {
            DataMsg::HowOffices
        } else {
            DataMsg::HowMunicipalities
        };
        let columns = columns
            .iter()
            .filter(|c| c.required)
            .map(|c| c.name)
            .collect::<Vec<_>>()
            .join(",");
        let message = DataMsg::MissingFile {
            path: rel.display().to_string(),
            columns,
            how: how.into(),
        };
        diags.push(Diagnostic::error(rel, message));
        return Vec::new();
    }
    read_csv(root, rel, rel, columns, diags)
}

/// Reads an optional file; `None` when the site does not have it.
fn read_optional<T: serde::de::DeserializeOwned>(
    root: &Path,
    rel: &str,
    columns: &[Column],
    diags: &mut Diagnostics,
) -> Option<Vec<Located<T>>> {
    let rel = Path::new(rel);
    root.join(rel)
        .is_file()
        .then(|| read_csv(root, rel, rel, columns, diags))
}

/// A header cell only the official open data of care offices has.
const OPEN_DATA_MARK: &str = "都道府県コード又は市町村コード";

/// Reads the CSV file `source` (relative to the root), named `rel` in findings.
fn read_csv<T: serde::de::DeserializeOwned>(
    root: &Path,
    rel: &Path,
    source: &Path,
    columns: &[Column],
    diags: &mut Diagnostics,
) -> Vec<Located<T>> {
    let Some(text) = super::text::read_file(&root.join(source), rel, diags) else {
        return Vec::new();
    };
    let first_line = text.lines().next().unwrap_or("");
    if first_line.contains(OPEN_DATA_MARK) {
        let message = if rel == Path::new(OFFICES) {
            DataMsg::OpenDataAsOffices
        } else if rel.starts_with(ADOPTION_DIR) {
            DataMsg::OpenDataInAdoption
        } else {
            DataMsg::OpenDataElsewhere
        };
        diags.push(Diagnostic::error(rel, message).at_line(1));
        return Vec::new();
    }
    let errors_before = diags.error_count();
    let rows = table::read(rel, &text, columns, diags);
    if rows.is_empty() && diags.error_count() == errors_before {
        diags.push(empty_file(rel));
    }
    rows
}

/// What a file with a header and no rows means, by file.
fn empty_file(rel: &Path) -> Diagnostic {
    if rel == Path::new(MUNICIPALITIES) {
        Diagnostic::error(rel, DataMsg::NoMunicipalities).at_line(1)
    } else if rel == Path::new(OFFICES) {
        Diagnostic::warning(rel, DataMsg::NoOffices).at_line(1)
    } else {
        Diagnostic::warning(rel, DataMsg::NoRows).at_line(1)
    }
}

/// The files of a folder in name order (links followed, editors'
/// temporary files left out), with their names.
fn list_dir(root: &Path, rel: &str, diags: &mut Diagnostics) -> Vec<(String, Found)> {
    files::list(root, Path::new(rel), Some(1), Links::Anywhere, diags)
        .into_iter()
        .map(|found| {
            let name = found
                .rel
                .file_name()
                .expect("a listed file has a name")
                .to_string_lossy()
                .into_owned();
            (name, found)
        })
        .collect()
}

fn load_snapshots(root: &Path, today: Date, diags: &mut Diagnostics) -> Vec<SnapshotFile> {
    let mut snapshots = Vec::new();
    report_nested_snapshots(root, diags);
    for (name, found) in list_dir(root, ADOPTION_DIR, diags) {
        let rel = found.rel;
        let Some(stem) = name
            .strip_suffix(".csv")
            .or_else(|| name.strip_suffix(".CSV"))
        else {
            if !is_note(&name) {
                diags.push(Diagnostic::error(&rel, not_csv(&name)));
            }
            continue;
        };
        let Some(date) = Date::parse(stem) else {
            let message = DataMsg::SnapshotName {
                name: name.clone(),
                hint: date_hint(stem),
            };
            diags.push(Diagnostic::error(&rel, message));
            continue;
        };
        if date > today {
            let message = DataMsg::FutureSnapshot {
                date: date.to_string(),
                today: today.to_string(),
            };
            diags.push(Diagnostic::error(&rel, message));
            continue;
        }
        let rows = read_csv(root, &rel, &found.source, ADOPTION_COLUMNS, diags);
        snapshots.push(SnapshotFile {
            path: rel,
            date,
            rows,
        });
    }
    snapshots.sort_by_key(|s| s.date);
    snapshots
}

/// Files in folders below data/adoption are never read: a snapshot saved as
/// `2025/11/30.csv` lands there, so each is named with the file it should be.
fn report_nested_snapshots(root: &Path, diags: &mut Diagnostics) {
    let dir = Path::new(ADOPTION_DIR);
    let mut listing = Diagnostics::default();
    let nested = files::list(root, dir, None, Links::Anywhere, &mut listing)
        .into_iter()
        .filter(|found| found.rel.parent() != Some(dir));
    for found in nested {
        let rel = found.rel;
        let name = rel.file_name().unwrap_or_default().to_string_lossy();
        if name.to_ascii_lowercase().starts_with("readme") {
            continue;
        }
        let below = rel
            .strip_prefix(dir)
            .expect("listed below the folder")
            .to_string_lossy()
            .replace('\\', "/");
        let stem = below
            .strip_suffix(".csv")
            .or_else(|| below.strip_suffix(".CSV"))
            .unwrap_or(&below);
        let message = DataMsg::NestedSnapshot {
            dir: ADOPTION_DIR.to_string(),
            hint: date_hint(stem),
        };
        diags.push(Diagnostic::error(&rel, message));
    }
}

/// A note beside the snapshots (`README`, `.md`), which DESIGN.md allows.
fn is_note(name: &str) -> bool {
    name.to_ascii_lowercase().starts_with("readme") || name.ends_with(".md")
}

/// A file in data/adoption/ that is no CSV (a spreadsheet saved as
/// `.xlsx`, a PDF): how to save it as the snapshot it was meant to be.
fn not_csv(name: &str) -> DataMsg {
    let stem = name.rsplit_once('.').map_or(name, |(stem, _)| stem);
    let date = Date::parse(stem).or_else(|| dates::western(stem).map(|(date, _)| date));
    match date {
        Some(date) => DataMsg::NotCsv {
            date: date.to_string(),
        },
        None => DataMsg::NotCsvUndated,
    }
}

/// A suggestion for dates people write in other forms (`2025/11/30`, `R7.11.30`,
/// `20251130`, `2025-11-30 (2)`), as ` (for this one: ...)`.
fn date_hint(stem: &str) -> Text {
    if let Some((date, _)) = dates::western(stem) {
        return DataMsg::HintFor {
            date: date.to_string(),
        }
        .into();
    }
    let numbers = stem
        .split(|c: char| !c.is_ascii_digit())
        .filter(|p| !p.is_empty())
        .count();
    match stem.get(..10).and_then(Date::parse) {
        Some(date) if numbers > 3 => DataMsg::HintStartsWith {
            date: date.to_string(),
        }
        .into(),
        _ => Text::default(),
    }
}

fn load_surveys(root: &Path, diags: &mut Diagnostics) -> Vec<SurveyFile> {
    let files = list_dir(root, SURVEYS_DIR, diags);
    let has = |name: &str| files.iter().any(|(n, _)| n == name);
    let mut surveys = Vec::new();
    for (name, found) in &files {
        let rel = &found.rel;
        if let Some(slug) = name.strip_suffix(".toml") {
            if !has(&format!("{slug}.csv")) {
                let message = DataMsg::SurveyNoResults {
                    slug: slug.to_string(),
                    path: format!("{SURVEYS_DIR}/{slug}.csv"),
                };
                diags.push(Diagnostic::error(rel, message));
            }
            continue;
        }
        let Some(slug) = name.strip_suffix(".csv") else {
            if !name.to_ascii_lowercase().starts_with("readme") {
                diags.push(Diagnostic::warning(rel, DataMsg::NotSurveyFile));
            }
            continue;
        };
        let toml_path = Path::new(SURVEYS_DIR).join(format!("{slug}.toml"));
        if !has(&format!("{slug}.toml")) {
            let message = DataMsg::SurveyNoDescription {
                slug: slug.to_string(),
                path: toml_path.display().to_string(),
            };
            diags.push(Diagnostic::error(rel, message));
            continue;
        }
        let toml_source = files
            .iter()
            .find(|(n, _)| *n == format!("{slug}.toml"))
            .map_or(&toml_path, |(_, f)| &f.source);
        let Some(text) = super::text::read_file(&root.join(toml_source), &toml_path, diags) else {
            continue;
        };
        let meta = match toml::from_str::<SurveyMeta>(&text) {
            Ok(meta) => meta,
            Err(e) => {
                let line = e
                    .span()
                    .map_or(1, |s| text[..s.start].matches('\n').count() + 1);
                let message = toml_error::describe(&text, &e, SURVEY_KEYS);
                diags.push(Diagnostic::error(&toml_path, message).at_line(line));
                continue;
            }
        };
        let line_of = |at: usize| text[..at].matches('\n').count() + 1;
        super::limits::long_settings(&text, &toml_path, line_of, diags);
        let rows = read_csv(root, rel, &found.source, SURVEY_COLUMNS, diags);
        surveys.push(SurveyFile {
            slug: slug.to_string(),
            csv_path: rel.clone(),
            toml_path,
            meta,
            rows,
        });
    }
    surveys
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hints_the_right_file_name() {
        let hint = |stem: &str| date_hint(stem).en().to_string();
        assert_eq!(hint("2025/11/30"), " (for this one: 2025-11-30.csv)");
        assert_eq!(hint("R7.11.30"), " (for this one: 2025-11-30.csv)");
        assert_eq!(hint("令和7年11月30日"), " (for this one: 2025-11-30.csv)");
        assert_eq!(hint("latest"), "");
        assert_eq!(hint("20251130"), " (for this one: 2025-11-30.csv)");
        assert_eq!(
            hint("２０２５－１１－３０"),
            " (for this one: 2025-11-30.csv)"
        );
        assert_eq!(hint("25.11.30"), "");
        assert_eq!(
            hint("2025-11-30 (2)"),
            " (it starts with the date 2025-11-30: name it 2025-11-30.csv, one file per date)"
        );
        assert_eq!(
            date_hint("R7.11.30").ja(),
            "（このファイルなら 2025-11-30.csv です）"
        );
    }

    #[test]
    fn a_spreadsheet_is_named_with_the_csv_it_should_be() {
        assert_eq!(
            not_csv("2025-12-31.xlsx"),
            DataMsg::NotCsv {
                date: "2025-12-31".to_string()
            }
        );
        assert_eq!(
            not_csv("R7.12.31.xls"),
            DataMsg::NotCsv {
                date: "2025-12-31".to_string()
            }
        );
        assert_eq!(not_csv("名簿.numbers"), DataMsg::NotCsvUndated);
        assert!(is_note("README.txt") && is_note("memo.md") && !is_note("2025-12-31.ods"));
    }
}
