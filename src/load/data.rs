//! The CSV inputs under `data/`, read into rows that still know their line.
//!
//! Values are kept as the text the user wrote; the model checks them against
//! each other (codes, office numbers, snapshots) so that every message can
//! quote what was found.

use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::files::{self, Found, Links};
use super::table::{self, Column, Located};
use crate::date::Date;
use crate::diag::{Diagnostic, Diagnostics};

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
            "; `renkei import offices jigyosho_*.csv` writes it from the official open data (介護サービス情報公表システム)"
        } else {
            "; `renkei new` writes it for a prefecture from the national code list"
        };
        diags.push(Diagnostic::error(
            rel,
            format!(
                "required file is missing: expected {} with the columns {}{how}",
                rel.display(),
                columns
                    .iter()
                    .filter(|c| c.required)
                    .map(|c| c.name)
                    .collect::<Vec<_>>()
                    .join(",")
            ),
        ));
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
            "this is the official open data (介護サービス情報公表システム) as downloaded: turn it into data/offices.csv with `renkei import offices jigyosho_*.csv`".to_string()
        } else {
            format!(
                "this is the list of every office from the official open data (介護サービス情報公表システム), not {}: it belongs in data/offices.csv, written by `renkei import offices jigyosho_*.csv`",
                if rel.starts_with(ADOPTION_DIR) {
                    "a list of license holders"
                } else {
                    "this file"
                }
            )
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
        Diagnostic::error(rel, "the file has a header but no municipalities: expected one row per municipality (`renkei new` writes the full list of a prefecture)").at_line(1)
    } else if rel == Path::new(OFFICES) {
        Diagnostic::warning(rel, "no offices yet, so every rate is empty: `renkei import offices jigyosho_*.csv` writes them from the official open data (介護サービス情報公表システム)").at_line(1)
    } else {
        Diagnostic::warning(
            rel,
            "the file has a header but no rows: nothing in it is counted",
        )
        .at_line(1)
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
            if !name.to_ascii_lowercase().starts_with("readme") {
                diags.push(Diagnostic::warning(&rel, "not a .csv file: left out (adoption snapshots are data/adoption/YYYY-MM-DD.csv)"));
            }
            continue;
        };
        let Some(date) = Date::parse(stem) else {
            diags.push(Diagnostic::error(
                &rel,
                format!(
                    "snapshot file name \"{name}\" must be the date as YYYY-MM-DD.csv{}",
                    date_hint(stem)
                ),
            ));
            continue;
        };
        if date > today {
            diags.push(Diagnostic::error(
                &rel,
                format!(
                    "snapshot {date} is dated after today ({today}): name the file with the date the list was taken, which cannot be in the future"
                ),
            ));
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
        diags.push(Diagnostic::error(
            &rel,
            format!(
                "a file in a folder below {ADOPTION_DIR} is not read: snapshots are {ADOPTION_DIR}/YYYY-MM-DD.csv{}",
                date_hint(stem)
            ),
        ));
    }
}

/// A suggestion for dates people write in other forms (`2025/11/30`, `R7.11.30`,
/// `20251130`, `2025-11-30 (2)`), as ` (for this one: ...)`.
fn date_hint(stem: &str) -> String {
    // Full-width digits (２０２５) are digits to the person who typed them.
    let stem: String = stem
        .chars()
        .map(|c| match c {
            '０'..='９' => char::from(b'0' + (c as u32 - '０' as u32) as u8),
            _ => c,
        })
        .collect();
    let parts: Vec<&str> = stem
        .split(|c: char| !c.is_ascii_digit())
        .filter(|p| !p.is_empty())
        .collect();
    let (y, m, d) = match parts[..] {
        [y, m, d] => (y, m, d),
        [ymd] if ymd.len() == 8 => (&ymd[..4], &ymd[4..6], &ymd[6..]),
        [_, _, _, ..] => {
            return match stem.get(..10).and_then(Date::parse) {
                Some(date) => format!(
                    " (it starts with the date {date}: name it {date}.csv, one file per date)"
                ),
                None => String::new(),
            };
        }
        _ => return String::new(),
    };
    let (Ok(mut year), Ok(month), Ok(day)) = (y.parse::<u16>(), m.parse::<u8>(), d.parse::<u8>())
    else {
        return String::new();
    };
    let first = stem.chars().next().unwrap_or(' ').to_ascii_uppercase();
    if (first == 'R' || stem.starts_with("令和")) && year < 100 {
        year += 2018;
    } else if (first == 'H' || stem.starts_with("平成")) && year < 100 {
        year += 1988;
    }
    match Date::new(year, month, day) {
        Some(date) if year >= 1989 => format!(" (for this one: {date}.csv)"),
        _ => String::new(),
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
                diags.push(Diagnostic::error(rel, format!("survey \"{slug}\" has no results file: expected {SURVEYS_DIR}/{slug}.csv beside it")));
            }
            continue;
        }
        let Some(slug) = name.strip_suffix(".csv") else {
            if !name.to_ascii_lowercase().starts_with("readme") {
                diags.push(Diagnostic::warning(rel, "not a survey file: left out (surveys are data/surveys/SLUG.csv with SLUG.toml)"));
            }
            continue;
        };
        let toml_path = Path::new(SURVEYS_DIR).join(format!("{slug}.toml"));
        if !has(&format!("{slug}.toml")) {
            diags.push(Diagnostic::error(rel, format!("survey \"{slug}\" has no description: expected {} with at least title = \"...\"", toml_path.display())));
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
                diags.push(
                    Diagnostic::error(&toml_path, e.message().trim().to_string()).at_line(line),
                );
                continue;
            }
        };
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
        assert_eq!(date_hint("2025/11/30"), " (for this one: 2025-11-30.csv)");
        assert_eq!(date_hint("R7.11.30"), " (for this one: 2025-11-30.csv)");
        assert_eq!(
            date_hint("令和7年11月30日"),
            " (for this one: 2025-11-30.csv)"
        );
        assert_eq!(date_hint("latest"), "");
        assert_eq!(date_hint("20251130"), " (for this one: 2025-11-30.csv)");
        assert_eq!(
            date_hint("２０２５－１１－３０"),
            " (for this one: 2025-11-30.csv)"
        );
        assert_eq!(date_hint("25.11.30"), "");
        assert_eq!(
            date_hint("2025-11-30 (2)"),
            " (it starts with the date 2025-11-30: name it 2025-11-30.csv, one file per date)"
        );
    }
}
