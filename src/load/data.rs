//! The tables under `data/`, read into rows that still know their line.
//! Each may be a CSV file or a spreadsheet (`data/offices.xlsx`); both are
//! read through one table reader, and the model knows each input by its
//! CSV name whatever file it came from ([`Sources`]).
//!
//! Values are kept as the text the user wrote; the model checks them against
//! each other (codes, office numbers, snapshots) so that every message can
//! quote what was found.

use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::files::{self, Found, Links};
use super::table::{self, Column, Located};
use super::toml_error::{self, Key, Kind};
use super::{dates, sheet};
use crate::date::Date;
use crate::diag::{Diagnostic, Diagnostics};
use crate::messages::Text;
use crate::messages::load::{DataMsg, SheetMsg};

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

/// One survey: the results (a CSV or a spreadsheet) and the TOML sharing a slug.
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
    /// The files read in another form than their CSV name says.
    pub sources: Sources,
}

/// A file read in another form than the CSV its input is named by
/// (`data/offices.xlsx` for `data/offices.csv`), or from a book with several
/// sheets.
#[derive(Debug, Clone)]
struct Source {
    /// The name the model gives the input (`data/offices.csv`).
    named: PathBuf,
    /// The file read.
    path: PathBuf,
    /// The sheet read, when the book has several.
    sheet: Option<String>,
}

/// The files read in another form than their CSV name says: the model
/// names each input by its CSV name, whatever file it came from (so it
/// never knows which it was), and [`Sources::place`] turns its findings
/// into the file and sheet the editor has to open.
#[derive(Debug, Clone, Default)]
pub struct Sources(Vec<Source>);

impl Sources {
    /// Moves `found` into `diags`, each finding placed in the file read and
    /// naming its sheet when the book has several.
    pub fn place(&self, found: Diagnostics, diags: &mut Diagnostics) {
        for mut d in found {
            if let Some(source) = self.0.iter().find(|s| s.named == d.path) {
                d.path.clone_from(&source.path);
            }
            let sheet = self.0.iter().find(|s| s.path == d.path);
            if let Some(sheet) = sheet.and_then(|s| s.sheet.clone()) {
                // Still the kind of its own problem, so that many rows of
                // one problem are shown as one finding.
                let kind = d.message.clone();
                d.message = Text::from(SheetMsg::InSheet {
                    sheet,
                    detail: d.message,
                })
                .grouped_as(&kind);
            }
            diags.push(d);
        }
    }

    fn add(&mut self, named: &Path, path: &Path, sheet: Option<String>) {
        if named != path || sheet.is_some() {
            self.0.push(Source {
                named: named.to_path_buf(),
                path: path.to_path_buf(),
                sheet,
            });
        }
    }
}

/// What a data file is, by its extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Form {
    Csv,
    Book,
    /// Apple Numbers, which cannot be read: an error saying how to save it.
    Numbers,
    /// Excel's text saves as it names them (`.txt`), which are read as
    /// CSV once named so: an error saying so.
    Text,
    Other,
}

/// A file name's stem and form (`2025-11-30.xlsx`: `2025-11-30`, a book).
fn form(name: &str) -> (&str, Form) {
    let Some((stem, extension)) = name.rsplit_once('.') else {
        return (name, Form::Other);
    };
    let extension = extension.to_ascii_lowercase();
    let form = match extension.as_str() {
        "csv" => Form::Csv,
        "numbers" => Form::Numbers,
        "txt" | "tsv" => Form::Text,
        e if sheet::EXTENSIONS.contains(&e) => Form::Book,
        _ => Form::Other,
    };
    (stem, form)
}

/// Reads every data file; problems are collected, readable rows kept.
/// `today` is the day of the build: a snapshot dated later is an error.
pub fn load(root: &Path, today: Date, diags: &mut Diagnostics) -> DataFiles {
    let mut found = Diagnostics::default();
    let mut sources = Sources::default();
    let files = list_dir(root, "data", &mut found);
    let mut input = Inputs {
        root,
        files: &files,
        sources: &mut sources,
    };
    let municipalities = input
        .read(MUNICIPALITIES, MUNICIPALITY_COLUMNS, &mut found)
        .unwrap_or_else(|| missing(MUNICIPALITIES, MUNICIPALITY_COLUMNS, &mut found));
    let offices = input
        .read(OFFICES, OFFICE_COLUMNS, &mut found)
        .unwrap_or_else(|| missing(OFFICES, OFFICE_COLUMNS, &mut found));
    let plans = input
        .read(PLANS, PLAN_COLUMNS, &mut found)
        .unwrap_or_default();
    let areas = input.read(AREAS, AREA_COLUMNS, &mut found);
    let snapshots = load_snapshots(root, today, &mut sources, &mut found);
    let surveys = load_surveys(root, &mut sources, &mut found);
    sources.place(found, diags);
    DataFiles {
        municipalities,
        offices,
        snapshots,
        plans,
        areas,
        surveys,
        sources,
    }
}

/// What reading the inputs directly under `data/` needs.
struct Inputs<'a> {
    root: &'a Path,
    files: &'a [(String, Found)],
    sources: &'a mut Sources,
}

impl Inputs<'_> {
    /// The rows of the input `named`; `None` when the site has no file for it.
    fn read<T: serde::de::DeserializeOwned>(
        &mut self,
        named: &str,
        columns: &[Column],
        diags: &mut Diagnostics,
    ) -> Option<Vec<Located<T>>> {
        let input = Input::find(self.files, named, diags)?;
        Some(read_table(
            self.root,
            &input.named,
            &input.found,
            input.form,
            columns,
            self.sources,
            diags,
        ))
    }
}

/// The one file that stands for an input (`data/offices.csv` or
/// `data/offices.xlsx`), and how to read it.
struct Input {
    /// The input's CSV name, by which the model knows it.
    named: PathBuf,
    found: Found,
    form: Form,
}

impl Input {
    /// The file of the input `named` among the files of its folder; `None`
    /// when there is none. Two (`offices.csv` beside `offices.xlsx`) are an
    /// error, and the input is read from neither.
    fn find(files: &[(String, Found)], named: &str, diags: &mut Diagnostics) -> Option<Input> {
        let named = PathBuf::from(named);
        let stem = named.file_stem().unwrap_or_default().to_string_lossy();
        let mut candidates = files.iter().filter_map(|(name, found)| {
            let (s, form) = form(name);
            (s == stem && form != Form::Other).then_some((found, form))
        });
        let (found, form) = candidates.next()?;
        let mut two = false;
        for (other, _) in candidates {
            two = true;
            diags.push(two_files(&found.rel, &other.rel));
        }
        Some(Input {
            named,
            found: found.clone(),
            form: if two { Form::Other } else { form },
        })
    }
}

/// Two files for one input: an error on the second.
fn two_files(first: &Path, second: &Path) -> Diagnostic {
    let message = SheetMsg::TwoFiles {
        other: first.display().to_string(),
    };
    Diagnostic::error(second, message)
}

/// A required file that is not there.
fn missing<T>(rel: &str, columns: &[Column], diags: &mut Diagnostics) -> Vec<Located<T>> {
    let rel = Path::new(rel);
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
    Vec::new()
}

/// A header cell only the official open data of care offices has.
const OPEN_DATA_MARK: &str = "都道府県コード又は市町村コード";

/// Reads the table `found` of the input `named` (its CSV name) in its form:
/// a CSV or a spreadsheet through the one table reader. A Numbers file, or
/// one of two files for an input, is not read.
fn read_table<T: serde::de::DeserializeOwned>(
    root: &Path,
    named: &Path,
    found: &Found,
    form: Form,
    columns: &[Column],
    sources: &mut Sources,
    diags: &mut Diagnostics,
) -> Vec<Located<T>> {
    let rel = &found.rel;
    let errors_before = diags.error_count();
    let rows = match form {
        Form::Csv => {
            sources.add(named, rel, None);
            let Some(text) = super::text::read_file(&root.join(&found.source), rel, diags) else {
                return Vec::new();
            };
            if text.lines().next().unwrap_or("").contains(OPEN_DATA_MARK) {
                diags.push(open_data(rel));
                return Vec::new();
            }
            table::read(rel, &text, columns, diags)
        }
        Form::Book => {
            let path = root.join(&found.source);
            let Some(book) = sheet::read(&path, rel, columns, diags) else {
                return Vec::new();
            };
            sources.add(named, rel, book.sheet);
            let header = book.records.first();
            if header.is_some_and(|h| h.fields.iter().any(|f| f.contains(OPEN_DATA_MARK))) {
                diags.push(open_data(rel));
                return Vec::new();
            }
            table::read_records(rel, book.records.into_iter().map(Ok), columns, diags)
        }
        Form::Numbers => {
            diags.push(Diagnostic::error(rel, SheetMsg::Numbers));
            return Vec::new();
        }
        Form::Text => {
            diags.push(text_save(rel, named));
            return Vec::new();
        }
        Form::Other => return Vec::new(),
    };
    if rows.is_empty() && diags.error_count() == errors_before {
        diags.push(empty_file(rel, named));
    }
    rows
}

/// A text save (`offices.txt`) of the input `named`: read once named so.
fn text_save(rel: &Path, named: &Path) -> Diagnostic {
    let stem = named.file_stem().unwrap_or_default().to_string_lossy();
    let name = match Date::parse(&stem).or_else(|| dates::western(&stem).map(|(date, _)| date)) {
        Some(date) => format!("{date}.csv"),
        None if named.starts_with(ADOPTION_DIR) => "YYYY-MM-DD.csv".to_string(),
        None => format!("{stem}.csv"),
    };
    Diagnostic::error(rel, SheetMsg::TextSave { name })
}

/// The official open data where another file belongs, by file.
fn open_data(rel: &Path) -> Diagnostic {
    let message = if rel.starts_with(ADOPTION_DIR) {
        DataMsg::OpenDataInAdoption
    } else if rel.file_stem() == Path::new(OFFICES).file_stem()
        && rel.parent() == Some(Path::new("data"))
    {
        DataMsg::OpenDataAsOffices
    } else {
        DataMsg::OpenDataElsewhere
    };
    Diagnostic::error(rel, message).at_line(1)
}

/// What a file with a header and no rows means, by input.
fn empty_file(rel: &Path, named: &Path) -> Diagnostic {
    if named == Path::new(MUNICIPALITIES) {
        Diagnostic::error(rel, DataMsg::NoMunicipalities).at_line(1)
    } else if named == Path::new(OFFICES) {
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

/// The files of a folder that hold data (CSV files, spreadsheets, Numbers
/// files), by stem; a stem with two files is an error, and is left out.
fn by_stem(
    files: &[(String, Found)],
    diags: &mut Diagnostics,
) -> Vec<(String, String, Found, Form)> {
    let mut data: Vec<(String, String, Found, Form)> = Vec::new();
    let mut doubled = Vec::new();
    for (name, found) in files {
        let (stem, form) = form(name);
        if form == Form::Other || is_note(name) {
            continue;
        }
        if let Some((_, _, first, _)) = data.iter().find(|(s, ..)| s == stem) {
            diags.push(two_files(&first.rel, &found.rel));
            doubled.push(stem.to_string());
            continue;
        }
        data.push((stem.to_string(), name.clone(), found.clone(), form));
    }
    data.retain(|(stem, ..)| !doubled.contains(stem));
    data
}

fn load_snapshots(
    root: &Path,
    today: Date,
    sources: &mut Sources,
    diags: &mut Diagnostics,
) -> Vec<SnapshotFile> {
    let mut snapshots = Vec::new();
    report_nested_snapshots(root, diags);
    let files = list_dir(root, ADOPTION_DIR, diags);
    for (name, found) in &files {
        if form(name).1 == Form::Other && !is_note(name) {
            diags.push(Diagnostic::error(&found.rel, not_data(name)));
        }
    }
    for (stem, name, found, form) in by_stem(&files, diags) {
        let rel = &found.rel;
        if form == Form::Numbers {
            diags.push(Diagnostic::error(rel, SheetMsg::Numbers));
            continue;
        }
        if form == Form::Text {
            diags.push(text_save(rel, rel));
            continue;
        }
        let Some(date) = Date::parse(&stem) else {
            let extension = name.rsplit_once('.').map_or("csv", |(_, e)| e);
            let message = DataMsg::SnapshotName {
                name: name.clone(),
                extension: extension.to_string(),
                hint: date_hint(&stem, extension),
            };
            diags.push(Diagnostic::error(rel, message));
            continue;
        };
        if date > today {
            let message = DataMsg::FutureSnapshot {
                date: date.to_string(),
                today: today.to_string(),
            };
            diags.push(Diagnostic::error(rel, message));
            continue;
        }
        let rows = read_table(root, rel, &found, form, ADOPTION_COLUMNS, sources, diags);
        snapshots.push(SnapshotFile {
            path: rel.clone(),
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
        let (stem, extension) = match form(&below) {
            (stem, Form::Csv | Form::Book) => {
                (stem, below.rsplit_once('.').map_or("csv", |(_, e)| e))
            }
            _ => (below.as_str(), "csv"),
        };
        let message = DataMsg::NestedSnapshot {
            dir: ADOPTION_DIR.to_string(),
            hint: date_hint(stem, extension),
        };
        diags.push(Diagnostic::error(&rel, message));
    }
}

/// A note beside the snapshots (`README`, `.md`), which DESIGN.md allows.
fn is_note(name: &str) -> bool {
    name.to_ascii_lowercase().starts_with("readme") || name.ends_with(".md")
}

/// A file in data/adoption/ that is neither CSV nor spreadsheet (a PDF, a
/// text save): how to save it as the snapshot it was meant to be.
fn not_data(name: &str) -> DataMsg {
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
/// `20251130`, `2025-11-30 (2)`), as ` (for this one: ...)`, and for a day
/// past its month's end (`2025-11-31`).
fn date_hint(stem: &str, extension: &str) -> Text {
    if let Some((date, _)) = dates::western(stem) {
        return DataMsg::HintFor {
            name: format!("{date}.{extension}"),
        }
        .into();
    }
    if let Some((month, days)) = dates::past_month_end(stem) {
        return DataMsg::HintPastMonthEnd { month, days }.into();
    }
    let numbers = stem
        .split(|c: char| !c.is_ascii_digit())
        .filter(|p| !p.is_empty())
        .count();
    match stem.get(..10).and_then(Date::parse) {
        Some(date) if numbers > 3 => DataMsg::HintStartsWith {
            date: date.to_string(),
            name: format!("{date}.{extension}"),
        }
        .into(),
        _ => Text::default(),
    }
}

fn load_surveys(root: &Path, sources: &mut Sources, diags: &mut Diagnostics) -> Vec<SurveyFile> {
    let files = list_dir(root, SURVEYS_DIR, diags);
    let mut tables = by_stem(&files, diags);
    tables.retain(|(.., form)| *form != Form::Text);
    let mut surveys = Vec::new();
    for (name, found) in &files {
        let rel = &found.rel;
        if let Some(slug) = name.strip_suffix(".toml") {
            let results = files.iter().any(|(n, _)| {
                let (stem, form) = form(n);
                stem == slug && !matches!(form, Form::Other | Form::Text)
            });
            if !results {
                let message = DataMsg::SurveyNoResults {
                    slug: slug.to_string(),
                    path: format!("{SURVEYS_DIR}/{slug}.csv"),
                };
                diags.push(Diagnostic::error(rel, message));
            }
        } else if matches!(form(name).1, Form::Other | Form::Text)
            && !name.to_ascii_lowercase().starts_with("readme")
        {
            diags.push(Diagnostic::warning(rel, DataMsg::NotSurveyFile));
        }
    }
    for (slug, _, found, form) in tables {
        let rel = &found.rel;
        let toml_name = format!("{slug}.toml");
        let toml_path = Path::new(SURVEYS_DIR).join(&toml_name);
        let Some((_, toml)) = files.iter().find(|(n, _)| *n == toml_name) else {
            let message = DataMsg::SurveyNoDescription {
                slug: slug.to_string(),
                path: toml_path.display().to_string(),
            };
            diags.push(Diagnostic::error(rel, message));
            continue;
        };
        let Some(text) = super::text::read_file(&root.join(&toml.source), &toml_path, diags) else {
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
        let rows = read_table(root, rel, &found, form, SURVEY_COLUMNS, sources, diags);
        surveys.push(SurveyFile {
            slug,
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
        let hint = |stem: &str| date_hint(stem, "csv").en().to_string();
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
            hint("2025-11-31"),
            " (there is no such day: month 11 has 30 days)"
        );
        assert_eq!(
            date_hint("R7.11.30", "xlsx").ja(),
            "（このファイルなら 2025-11-30.xlsx です）"
        );
        assert_eq!(
            date_hint("2025-11-31", "csv").ja(),
            "（そのような日はありません。11月は30日までです）"
        );
    }

    #[test]
    fn a_file_of_another_form_is_named_with_the_snapshot_it_should_be() {
        assert_eq!(
            not_data("2025-12-31.pdf"),
            DataMsg::NotCsv {
                date: "2025-12-31".to_string()
            }
        );
        assert_eq!(
            not_data("R7.12.31.pdf"),
            DataMsg::NotCsv {
                date: "2025-12-31".to_string()
            }
        );
        assert_eq!(not_data("名簿.pdf"), DataMsg::NotCsvUndated);
        assert!(is_note("README.txt") && is_note("memo.md") && !is_note("2025-12-31.ods"));
    }

    #[test]
    fn forms_by_extension() {
        assert_eq!(form("offices.CSV"), ("offices", Form::Csv));
        assert_eq!(form("2025-11-30.xlsx"), ("2025-11-30", Form::Book));
        assert_eq!(form("offices.Ods"), ("offices", Form::Book));
        assert_eq!(form("名簿.numbers"), ("名簿", Form::Numbers));
        assert_eq!(form("offices.txt"), ("offices", Form::Text));
        assert_eq!(form("memo.pdf"), ("memo", Form::Other));
        assert_eq!(form("README"), ("README", Form::Other));
    }
}
