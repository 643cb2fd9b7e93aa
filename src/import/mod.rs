//! `renkei import offices`: the official open data of care offices
//! (介護サービス情報公表システム オープンデータ) turned into `data/offices.csv`.
//!
//! The official data comes as one national file per service type, so an office
//! offering several services appears once in each of their files. Importing
//! keeps the chosen prefecture's rows, merges each office number into one
//! office listing all its services, and reports every row it did not keep and
//! why. Nothing is written unless every file could be read, and what staff
//! added by hand to the previous `data/offices.csv` (the `area` column) is
//! carried over, so a re-import never loses work.

pub mod official;

use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::path::{Path, PathBuf};

use crate::diag::{Diagnostic, Diagnostics};
use crate::gov_codes::{self, Kind};
use crate::load::data::{OFFICE_COLUMNS, OfficeRow};
use crate::messages::cli::CliMsg;
use crate::messages::import::ImportMsg;
use crate::messages::{Text, common};
use crate::model::offices::office_number_problem;
use official::OfficialRow;

/// One office as written to `data/offices.csv`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportedOffice {
    pub office_number: String,
    pub name: String,
    pub name_kana: String,
    pub corporation: String,
    pub municipality_code: String,
    /// In the order the files give them (files in name order).
    pub service_types: Vec<String>,
    pub address: String,
    pub phone: String,
    pub area: String,
}

/// Rows read from one file.
#[derive(Debug, Clone)]
pub struct FileCount {
    pub path: PathBuf,
    pub rows: usize,
}

/// The counts an import reports: every row read is kept, merged or skipped.
#[derive(Debug, Clone, Default)]
pub struct Summary {
    pub prefecture: String,
    pub files: Vec<FileCount>,
    pub read: usize,
    pub other_prefecture: usize,
    /// Rows of an office already taken from an earlier row (another service).
    pub merged: usize,
    /// Rows of the prefecture left out, by reason (each also a warning).
    pub skipped: BTreeMap<Skip, usize>,
    /// Offices written.
    pub kept: usize,
    /// Office numbers and codes a spreadsheet had damaged, put right.
    pub repaired: usize,
    /// Offices whose name differs between their service files (the first kept).
    pub names_differ: usize,
    /// Comparison with the file being replaced, when there was one.
    pub previous: Option<Previous>,
}

/// How the new office list differs from the one it replaces.
#[derive(Debug, Clone, Default)]
pub struct Previous {
    pub offices: usize,
    pub added: usize,
    /// Offices of the previous file not in the open data any more.
    pub dropped: Vec<(String, String)>,
    /// Offices whose `area` was carried over.
    pub areas_kept: usize,
}

/// The result of an import, not yet written.
#[derive(Debug, Clone)]
pub struct Imported {
    pub offices: Vec<ImportedOffice>,
    pub summary: Summary,
}

/// Why a row of the prefecture was left out, as the summary counts it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Skip {
    BadNumber,
    NoName,
    NoService,
    BadCode,
}

impl Skip {
    /// The reason, naming the official columns it comes from.
    fn message(self) -> ImportMsg {
        let column = |index: usize| official::HEADER[index].to_string();
        match self {
            Skip::BadNumber => ImportMsg::SkipBadNumber {
                column: column(official::NUMBER),
            },
            Skip::NoName => ImportMsg::SkipNoName {
                column: column(official::NAME),
            },
            Skip::NoService => ImportMsg::SkipNoService {
                column: column(official::SERVICE),
            },
            Skip::BadCode => ImportMsg::SkipBadCode {
                columns: format!("{}, {}", column(official::CODE), column(official::CITY)),
            },
        }
    }
}

/// The prefecture of the site at `root`, when no `--prefecture` was given.
pub fn site_prefecture(root: &Path) -> Result<&'static gov_codes::Entry, Text> {
    let mut diags = Diagnostics::default();
    crate::load::config::load(root, None, &mut diags)
        .and_then(|config| gov_codes::find_prefecture(&config.prefecture_code))
        .ok_or_else(|| {
            ImportMsg::NoSitePrefecture {
                root: root.display().to_string(),
            }
            .into()
        })
}

/// The city of the site at `root` when it is a city portal (`municipality_code`
/// in its site.toml).
pub fn site_city(root: &Path) -> Option<crate::load::config::City> {
    let mut diags = Diagnostics::default();
    crate::load::config::load(root, None, &mut diags).and_then(|config| config.city)
}

/// Keeps only the offices of a city portal's city (or of its wards);
/// returns how many were left out.
pub fn keep_city(offices: &mut Vec<ImportedOffice>, city: &str) -> usize {
    let before = offices.len();
    offices.retain(|o| {
        o.municipality_code == city
            || gov_codes::lookup(&o.municipality_code).is_some_and(|e| e.parent_code == Some(city))
    });
    before - offices.len()
}

/// The files to read from the command line: a folder stands for its
/// `jigyosho_*.csv` files, and a `*` pattern the shell did not expand (as
/// Windows' shell does not) is expanded here. In name order, each once.
pub fn expand_inputs(args: &[PathBuf]) -> Result<Vec<PathBuf>, Text> {
    let mut files = Vec::new();
    for arg in args {
        if arg.is_file() {
            files.push(arg.clone());
            continue;
        }
        let (dir, pattern) = if arg.is_dir() {
            (arg.as_path(), "jigyosho_*.csv".to_string())
        } else {
            let name = arg.file_name().map(|n| n.to_string_lossy().into_owned());
            match name {
                Some(name) if name.contains(['*', '?']) => (
                    arg.parent()
                        .filter(|p| !p.as_os_str().is_empty())
                        .unwrap_or(Path::new(".")),
                    name,
                ),
                _ => {
                    return Err(ImportMsg::NoSuchInput {
                        path: arg.display().to_string(),
                    }
                    .into());
                }
            }
        };
        let entries = std::fs::read_dir(dir).map_err(|e| CliMsg::CannotReadFolder {
            dir: dir.display().to_string(),
            reason: common::io(&e),
        })?;
        let mut matched: Vec<PathBuf> = entries
            .filter_map(Result::ok)
            .filter(|e| e.path().is_file())
            .filter(|e| {
                wildcard(
                    &pattern.to_lowercase(),
                    &e.file_name().to_string_lossy().to_lowercase(),
                )
            })
            .map(|e| e.path())
            .collect();
        if matched.is_empty() {
            return Err(ImportMsg::NoMatch {
                dir: dir.display().to_string(),
                pattern,
            }
            .into());
        }
        matched.sort();
        files.append(&mut matched);
    }
    files.sort();
    files.dedup();
    Ok(files)
}

/// `*` and `?` matching of a whole file name.
fn wildcard(pattern: &str, name: &str) -> bool {
    let pattern: Vec<char> = pattern.chars().collect();
    let name: Vec<char> = name.chars().collect();
    // Classic two-pointer match with backtracking to the last `*`.
    let (mut p, mut n) = (0, 0);
    let mut star: Option<(usize, usize)> = None;
    while n < name.len() {
        if p < pattern.len() && (pattern[p] == '?' || pattern[p] == name[n]) {
            p += 1;
            n += 1;
        } else if p < pattern.len() && pattern[p] == '*' {
            star = Some((p, n));
            p += 1;
        } else if let Some((sp, sn)) = star {
            p = sp + 1;
            n = sn + 1;
            star = Some((sp, sn + 1));
        } else {
            return false;
        }
    }
    pattern[p..].iter().all(|&c| c == '*')
}

/// Reads the official files (in file-name order) and merges the offices of
/// `prefecture` (two digits). `previous` is the office list being replaced,
/// if any. `None` when any file could not be read: nothing must be written.
pub fn import(
    files: &[PathBuf],
    prefecture: &str,
    previous: Option<&Path>,
    diags: &mut Diagnostics,
) -> Option<Imported> {
    let mut files: Vec<&PathBuf> = files.iter().collect();
    files.sort_by(|a, b| (a.file_name(), a).cmp(&(b.file_name(), b)));
    files.dedup();
    let mut summary = Summary {
        prefecture: prefecture.to_string(),
        ..Summary::default()
    };
    let mut offices: BTreeMap<String, (ImportedOffice, PathBuf, usize)> = BTreeMap::new();
    let mut failed = false;
    for path in files {
        let Some(parsed) = read_file(path, prefecture, diags) else {
            failed = true;
            continue;
        };
        summary.files.push(FileCount {
            path: path.clone(),
            rows: parsed.read,
        });
        summary.read += parsed.read;
        summary.other_prefecture += parsed.other_prefecture;
        for row in parsed.rows {
            merge(path, row, prefecture, &mut offices, &mut summary, diags);
        }
    }
    if failed {
        return None;
    }
    let mut offices: Vec<ImportedOffice> = offices.into_values().map(|(o, _, _)| o).collect();
    summary.kept = offices.len();
    if let Some(previous) = previous {
        summary.previous = Some(carry_over(previous, &mut offices, diags));
    }
    Some(Imported { offices, summary })
}

fn read_file(
    path: &Path,
    prefecture: &str,
    diags: &mut Diagnostics,
) -> Option<official::ParsedFile> {
    let text = crate::load::text::read_file(path, path, diags)?;
    official::parse(path, &text, prefecture, diags)
}

/// Adds one row to the offices, or merges it into the office it belongs to.
fn merge(
    path: &Path,
    row: OfficialRow,
    prefecture: &str,
    offices: &mut BTreeMap<String, (ImportedOffice, PathBuf, usize)>,
    summary: &mut Summary,
    diags: &mut Diagnostics,
) {
    let mut skip = |reason: Skip, d: Diagnostic| {
        *summary.skipped.entry(reason).or_default() += 1;
        diags.push(d.at_line(row.line));
    };
    let (number, number_repaired) = repair_office_number(&row.office_number, prefecture);
    if let Some(problem) = office_number_problem(&number) {
        skip(
            Skip::BadNumber,
            Diagnostic::warning(path, ImportMsg::BadNumberRow { problem })
                .at_cell(row.number_column),
        );
        return;
    }
    if row.name.is_empty() {
        skip(
            Skip::NoName,
            Diagnostic::warning(
                path,
                ImportMsg::EmptyCell {
                    number,
                    column: official::HEADER[official::NAME].to_string(),
                },
            ),
        );
        return;
    }
    if row.service.is_empty() {
        skip(
            Skip::NoService,
            Diagnostic::warning(
                path,
                ImportMsg::EmptyCell {
                    number,
                    column: official::HEADER[official::SERVICE].to_string(),
                },
            ),
        );
        return;
    }
    let (code, code_repaired) = match resolve_code(&row.code, &row.city, prefecture) {
        Ok(found) => found,
        Err(problem) => {
            skip(
                Skip::BadCode,
                Diagnostic::warning(path, ImportMsg::BadCodeRow { number, problem })
                    .at_cell(row.code_column),
            );
            return;
        }
    };
    summary.repaired += usize::from(number_repaired) + usize::from(code_repaired);
    if let Some((office, first_path, first_line)) = offices.get_mut(&number) {
        summary.merged += 1;
        if !office.service_types.contains(&row.service) {
            office.service_types.push(row.service);
        }
        if office.municipality_code != code {
            diags.push(
                Diagnostic::warning(
                    path,
                    ImportMsg::OtherMunicipality {
                        number: number.clone(),
                        code: code.clone(),
                        first: office.municipality_code.clone(),
                        first_place: format!("{}:{first_line}", first_path.display()),
                    },
                )
                .at_line(row.line)
                .at_cell(row.code_column),
            );
        }
        if office.name != row.name {
            summary.names_differ += 1;
        }
        return;
    }
    for (column, value) in [
        (official::NAME, &row.name),
        (official::CORPORATION, &row.corporation),
    ] {
        if crate::render::opendata::starts_like_formula(value) {
            diags.push(
                Diagnostic::warning(
                    path,
                    ImportMsg::LooksLikeFormula {
                        number: number.clone(),
                        column: official::HEADER[column].to_string(),
                        value: value.clone(),
                    },
                )
                .at_line(row.line),
            );
        }
    }
    let address = if row.building.is_empty() {
        row.address
    } else {
        format!("{} {}", row.address, row.building)
    };
    let office = ImportedOffice {
        office_number: number.clone(),
        name: row.name,
        name_kana: row.name_kana,
        corporation: row.corporation,
        municipality_code: code,
        service_types: vec![row.service],
        address,
        phone: row.phone,
        area: String::new(),
    };
    offices.insert(number, (office, path.to_path_buf(), row.line));
}

/// A 9-digit office number of a prefecture 01–09 that a spreadsheet saved as
/// a number gets its leading zero back; true when it was repaired.
fn repair_office_number(number: &str, prefecture: &str) -> (String, bool) {
    if number.len() == 9
        && number.bytes().all(|b| b.is_ascii_digit())
        && prefecture.starts_with('0')
        && number.starts_with(&prefecture[1..])
    {
        return (format!("0{number}"), true);
    }
    (number.to_string(), false)
}

/// The 6-digit municipality code of a row: its code when the national list
/// knows it as a municipality or ward; otherwise the code a spreadsheet cut
/// short (a lost leading zero, a dropped check digit) or the one named by
/// 市区町村名. True when it had to be put right.
fn resolve_code(code: &str, city: &str, prefecture: &str) -> Result<(String, bool), Text> {
    let usable = |candidate: &str| {
        gov_codes::lookup(candidate)
            .filter(|e| e.kind != Kind::Prefecture && e.prefecture == prefecture)
    };
    if usable(code).is_some() {
        return Ok((code.to_string(), false));
    }
    let mut candidates: Vec<&gov_codes::Entry> = Vec::new();
    if code.len() == 5 && code.bytes().all(|b| b.is_ascii_digit()) {
        let with_zero = format!("0{code}");
        candidates.extend(usable(&with_zero));
        if let Some(digit) = gov_codes::check_digit(code) {
            candidates.extend(usable(&format!("{code}{digit}")));
        }
    }
    let by_name = gov_codes::find_by_name(prefecture, city);
    let chosen = match (candidates.as_slice(), by_name) {
        ([only], _) => Some(*only),
        (many, Some(named)) if many.iter().any(|c| c.code == named.code) => Some(named),
        ([], Some(named)) => Some(named),
        _ => None,
    };
    match chosen {
        Some(entry) => Ok((entry.code.to_string(), true)),
        None => Err(ImportMsg::UnknownCode {
            code: code.to_string(),
            city: city.to_string(),
            city_column: official::HEADER[official::CITY].to_string(),
            prefecture: prefecture.to_string(),
        }
        .into()),
    }
}

/// Carries `area` over from the list being replaced and compares the two.
fn carry_over(path: &Path, offices: &mut [ImportedOffice], diags: &mut Diagnostics) -> Previous {
    let mut read_diags = Diagnostics::default();
    let rows: Vec<OfficeRow> = match crate::load::text::read_file(path, path, &mut read_diags) {
        Some(text) => crate::load::table::read(path, &text, OFFICE_COLUMNS, &mut read_diags)
            .into_iter()
            .map(|row| row.value)
            .collect(),
        None => Vec::new(),
    };
    if read_diags.has_errors() {
        diags.push(Diagnostic::warning(
            path,
            ImportMsg::PreviousUnreadable {
                problems: read_diags.error_count(),
            },
        ));
    }
    let by_number: HashMap<&str, &OfficeRow> =
        rows.iter().map(|r| (r.office_number.as_str(), r)).collect();
    let mut previous = Previous {
        offices: rows.len(),
        ..Previous::default()
    };
    for office in offices.iter_mut() {
        match by_number.get(office.office_number.as_str()) {
            Some(old) if !old.area.is_empty() => {
                office.area = old.area.clone();
                previous.areas_kept += 1;
            }
            Some(_) => {}
            None => previous.added += 1,
        }
    }
    let kept: std::collections::HashSet<&str> =
        offices.iter().map(|o| o.office_number.as_str()).collect();
    previous.dropped = rows
        .iter()
        .filter(|r| !kept.contains(r.office_number.as_str()))
        .map(|r| (r.office_number.clone(), r.name.clone()))
        .collect();
    previous
}

/// The office list as `data/offices.csv`: UTF-8 with BOM (so spreadsheets
/// show the Japanese right), the columns of DESIGN.md, office number order.
pub fn to_csv(offices: &[ImportedOffice]) -> Vec<u8> {
    let mut writer = csv::Writer::from_writer(b"\xEF\xBB\xBF".to_vec());
    let header = [
        "office_number",
        "name",
        "name_kana",
        "corporation",
        "municipality_code",
        "service_types",
        "address",
        "phone",
        "area",
    ];
    writer.write_record(header).expect("writing to memory");
    for o in offices {
        let services = o.service_types.join(";");
        writer
            .write_record([
                &o.office_number,
                &o.name,
                &o.name_kana,
                &o.corporation,
                &o.municipality_code,
                &services,
                &o.address,
                &o.phone,
                &o.area,
            ])
            .expect("writing to memory");
    }
    writer.into_inner().expect("writing to memory")
}

/// Writes `bytes` to `path` through a temporary file beside it, so the
/// previous file stays whole until the new one is complete.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    std::fs::create_dir_all(dir)?;
    let name = path.file_name().map_or_else(
        || "offices.csv".into(),
        |n| n.to_string_lossy().into_owned(),
    );
    let temp = dir.join(format!(".{name}.renkei-tmp"));
    std::fs::write(&temp, bytes)?;
    std::fs::rename(&temp, path).inspect_err(|_| {
        let _ = std::fs::remove_file(&temp);
    })
}

/// How many to list by number before summing up the rest.
const LIST_AT_MOST: usize = 20;

impl fmt::Display for Summary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let name = gov_codes::prefecture_code(&self.prefecture)
            .and_then(|c| gov_codes::lookup(&c))
            .map_or_else(String::new, |e| e.name.to_string());
        let read = ImportMsg::Read {
            rows: self.read,
            files: self.files.len(),
        };
        writeln!(f, "{read}")?;
        for file in &self.files {
            let file = ImportMsg::FileRows {
                file: file.path.display().to_string(),
                rows: file.rows,
            };
            writeln!(f, "{file}")?;
        }
        let kept = ImportMsg::Kept {
            kept: self.kept,
            prefecture: self.prefecture.clone(),
            name,
        };
        writeln!(f, "{kept}")?;
        writeln!(f, "{}", ImportMsg::Merged { rows: self.merged })?;
        let others = ImportMsg::OtherPrefectures {
            rows: self.other_prefecture,
        };
        writeln!(f, "{others}")?;
        for (reason, &rows) in &self.skipped {
            let reason = reason.message().into();
            writeln!(f, "{}", ImportMsg::Skipped { rows, reason })?;
        }
        if self.repaired > 0 {
            writeln!(
                f,
                "{}",
                ImportMsg::Repaired {
                    count: self.repaired
                }
            )?;
        }
        if self.names_differ > 0 {
            let count = self.names_differ;
            writeln!(f, "{}", ImportMsg::NamesDiffer { count })?;
        }
        // A list without offices (a new site's) has nothing to compare.
        if let Some(previous) = self.previous.as_ref().filter(|p| p.offices > 0) {
            let compared = ImportMsg::Compared {
                offices: previous.offices,
                added: previous.added,
                dropped: previous.dropped.len(),
                areas: previous.areas_kept,
            };
            writeln!(f, "{compared}")?;
            for (number, name) in previous.dropped.iter().take(LIST_AT_MOST) {
                let listed = ImportMsg::NoLongerListed {
                    number: number.clone(),
                    name: name.clone(),
                };
                writeln!(f, "{listed}")?;
            }
            if previous.dropped.len() > LIST_AT_MOST {
                let count = previous.dropped.len() - LIST_AT_MOST;
                writeln!(f, "{}", ImportMsg::AndMore { count })?;
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wildcards() {
        assert!(wildcard("jigyosho_*.csv", "jigyosho_110.csv"));
        assert!(wildcard("*_1?0.csv", "jigyosho_110.csv"));
        assert!(!wildcard("jigyosho_*.csv", "jigyosho_110.csv.bak"));
        assert!(!wildcard("jigyosho_*.csv", "offices.csv"));
    }

    #[test]
    fn repairs_only_what_a_spreadsheet_does() {
        assert_eq!(
            repair_office_number("170100001", "01"),
            ("0170100001".to_string(), true)
        );
        assert_eq!(
            repair_office_number("470100001", "44"),
            ("470100001".to_string(), false)
        );
    }

    #[test]
    fn resolves_codes() {
        assert_eq!(
            resolve_code("442011", "", "44"),
            Ok(("442011".to_string(), false))
        );
        assert_eq!(
            resolve_code("44201", "大分市", "44"),
            Ok(("442011".to_string(), true))
        );
        assert_eq!(
            resolve_code("12025", "函館市", "01"),
            Ok(("012025".to_string(), true))
        );
        assert_eq!(
            resolve_code("440001", "別府市", "44"),
            Ok(("442020".to_string(), true))
        );
        assert!(resolve_code("440001", "", "44").is_err());
        assert!(resolve_code("271276", "大阪市北区", "44").is_err());
    }

    #[test]
    fn writes_design_columns_with_bom() {
        let office = ImportedOffice {
            office_number: "4470100001".into(),
            name: "あおば, 居宅".into(),
            name_kana: String::new(),
            corporation: String::new(),
            municipality_code: "442011".into(),
            service_types: vec!["居宅介護支援".into(), "訪問介護".into()],
            address: String::new(),
            phone: String::new(),
            area: String::new(),
        };
        let text = String::from_utf8(to_csv(&[office])).unwrap();
        assert_eq!(
            text,
            "\u{feff}office_number,name,name_kana,corporation,municipality_code,service_types,address,phone,area\n4470100001,\"あおば, 居宅\",,,442011,居宅介護支援;訪問介護,,,\n"
        );
    }
}
