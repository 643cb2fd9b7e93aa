//! Offices (the denominator) and adoption snapshots (the numerator), checked
//! against each other and against the municipality list.

use std::collections::HashMap;
use std::path::Path;

use super::places::{Id, OfficeId, OfficeNumber, Places};
use super::rejected::Rejected;
use super::{Adoption, Office, Snapshot};
use crate::diag::{Diagnostic, Diagnostics};
use crate::load::data::{OFFICES, OfficeRow, SnapshotFile};
use crate::load::table::Located;
use crate::messages::Text;
use crate::messages::model::OfficeMsg;

use super::spelling;
/// Office numbers are checked as the model reads them wherever one is read
/// (`renkei import` too).
pub use super::spelling::office_number_problem;

/// Service types that make an office a care-manager office (居宅介護支援・介護予防支援).
pub const CARE_MANAGER_SERVICES: [&str; 2] = ["居宅介護支援", "介護予防支援"];

/// Checks office rows and resolves their municipality. The rows are taken by
/// value so their text moves into the offices instead of being copied (an
/// office list can hold hundreds of thousands of rows). Every column of a
/// row is checked, so a row with a lost zero in its number and in its code
/// shows both at once; an office in a municipality that municipalities.csv
/// left out counts under that row's finding.
pub fn build(
    rows: Vec<Located<OfficeRow>>,
    places: &Places,
    prefecture: &str,
    rejected: &mut Rejected,
    diags: &mut Diagnostics,
) -> Vec<Office> {
    let rel = Path::new(OFFICES);
    // Valid office numbers are 10 ASCII bytes: keyed as such, without a copy.
    let mut seen: HashMap<[u8; 10], usize> = HashMap::new();
    let mut offices = Vec::new();
    for mut row in rows {
        row.value.office_number = spelling::office_number(&row.value.office_number);
        row.value.municipality_code = spelling::code(&row.value.municipality_code);
        let v = &row.value;
        let number = v.office_number.clone();
        let error =
            |message: Text, column: &str| row.place(Diagnostic::error(rel, message), column);
        if let Some(cell) = [&number, &v.name]
            .into_iter()
            .find(|c| spelling::is_total(c))
        {
            let message = OfficeMsg::TotalRow { cell: cell.clone() };
            diags.push(error(message.into(), "office_number"));
            continue;
        }
        let mut problems = Vec::new();
        if let Some(problem) = spelling::office_number_problem(&number) {
            problems.push(error(problem, "office_number"));
        } else {
            let key = <[u8; 10]>::try_from(number.as_bytes()).expect("checked: 10 bytes");
            if let Some(first) = seen.insert(key, row.line) {
                diags.push(error(
                    OfficeMsg::NumberTwice { number, first }.into(),
                    "office_number",
                ));
                continue;
            }
        }
        if v.name.is_empty() {
            let message = OfficeMsg::NameEmpty {
                number: number.clone(),
            };
            problems.push(error(message.into(), "name"));
        }
        let own = places.own();
        let code_problem = spelling::code_problem(&v.municipality_code, prefecture);
        let municipality = if places.is_city() && own.code.as_str() == v.municipality_code {
            Some(own)
        } else {
            places.municipality_by_code(&v.municipality_code)
        };
        let mut folded = false;
        if municipality.is_none() {
            if places.is_city() && code_problem.is_none() {
                let message = OfficeMsg::OutsideCity {
                    number: number.clone(),
                    code: v.municipality_code.clone(),
                    city: own.name.clone(),
                    city_code: own.code.as_str().to_string(),
                };
                problems.push(row.place(Diagnostic::warning(rel, message), "municipality_code"));
            } else if code_problem.is_none() && rejected.office_in(&number, &v.municipality_code) {
                folded = true;
            } else {
                let message = super::municipalities::not_listed(
                    "municipality_code",
                    &v.municipality_code,
                    prefecture,
                );
                problems.push(error(message, "municipality_code"));
            }
        }
        let service_types: Vec<String> = v
            .service_types
            .split([';', '；'])
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_string)
            .collect();
        if service_types.is_empty() {
            let message = OfficeMsg::ServiceTypesEmpty {
                number: number.clone(),
                example: CARE_MANAGER_SERVICES.join(";"),
            };
            problems.push(error(message.into(), "service_types"));
        }
        let place = match municipality.map(|m| super::areas::resolve(places, m.id, &v.area)) {
            Some(Ok(place)) => Some(place),
            Some(Err(message)) => {
                problems.push(error(message.into(), "area"));
                None
            }
            None => None,
        };
        let (Some(municipality), Some(place), true, false) =
            (municipality, place, problems.is_empty(), folded)
        else {
            rejected.office(&number, problems);
            continue;
        };
        let care_manager = service_types
            .iter()
            .any(|s| CARE_MANAGER_SERVICES.contains(&s.as_str()));
        let v = row.value;
        offices.push(Office {
            id: OfficeId::from_index(offices.len()),
            number: OfficeNumber::checked(v.office_number),
            name: v.name,
            name_kana: v.name_kana,
            corporation: v.corporation,
            address: v.address,
            phone: v.phone,
            area: v.area,
            municipality: municipality.id,
            place,
            service_types,
            care_manager,
        });
    }
    offices
}

/// The spellings of `linking` an editor may type, as a message lists them.
const LINKING_SPELLINGS: &str = "true/false, 1/0, yes/no, あり/なし, ○/×";

/// Reads a `linking` cell: empty means no.
pub fn parse_linking(value: &str) -> Option<bool> {
    match value.trim().to_lowercase().as_str() {
        "" | "false" | "0" | "no" | "なし" | "×" | "✕" => Some(false),
        "true" | "1" | "yes" | "あり" | "○" | "〇" => Some(true),
        _ => None,
    }
}

/// The office a row of an adoption or plan file names, the first time it
/// is named: a malformed number is an error (even when offices.csv has the
/// same one: both files need the fix), an unknown one a warning, one whose
/// offices.csv row was rejected counts under that row's finding, and one
/// named on an earlier row is a warning (counted once). Also gives the
/// number as read.
pub fn office_of<T>(
    row: &Located<T>,
    written: &str,
    by_number: &HashMap<&str, OfficeId>,
    rejected: &mut Rejected,
    seen: &mut HashMap<OfficeId, usize>,
    rel: &Path,
    diags: &mut Diagnostics,
) -> Option<(String, OfficeId)> {
    let number = spelling::office_number(written);
    if let Some(total) = total_row(row, &number, rel) {
        diags.push(total);
        return None;
    }
    let Some(&office) = by_number.get(number.as_str()) else {
        if let Some(problem) = spelling::office_number_problem(&number) {
            diags.push(row.place(Diagnostic::error(rel, problem), "office_number"));
            return None;
        }
        // With no office at all, offices.csv could not be read: its own
        // error says so, and the rows are not checked against it.
        let unread = by_number.is_empty() && !rejected.has_offices();
        if !rejected.depends(&number) && !unread {
            let message = OfficeMsg::NotListed { number };
            diags.push(row.place(Diagnostic::warning(rel, message), "office_number"));
        }
        return None;
    };
    if let Some(first) = seen.insert(office, row.line) {
        let message = OfficeMsg::TwiceCountedOnce { number, first };
        diags.push(row.place(Diagnostic::warning(rel, message), "office_number"));
        return None;
    }
    Some((number, office))
}

/// The error of a spreadsheet's total row (`合計` where the office number goes).
fn total_row<T>(row: &Located<T>, written: &str, rel: &Path) -> Option<Diagnostic> {
    let message = OfficeMsg::TotalRow {
        cell: written.trim().to_string(),
    };
    spelling::is_total(written).then(|| row.place(Diagnostic::error(rel, message), "office_number"))
}

/// Offices by number, for the files that name them.
pub fn by_number(offices: &[Office]) -> HashMap<&str, OfficeId> {
    offices.iter().map(|o| (o.number.as_str(), o.id)).collect()
}

/// Resolves each snapshot's office numbers; unknown ones are warnings and counted nowhere.
pub fn snapshots(
    files: &[SnapshotFile],
    offices: &[Office],
    rejected: &mut Rejected,
    diags: &mut Diagnostics,
) -> Vec<Snapshot> {
    let by_number = by_number(offices);
    let snapshots: Vec<Snapshot> = files
        .iter()
        .map(|file| {
            let mut seen: HashMap<OfficeId, usize> = HashMap::new();
            let mut adoptions = Vec::new();
            for row in &file.rows {
                let v = &row.value;
                if let Some(total) = total_row(row, &v.office_number, &file.path) {
                    diags.push(total);
                    continue;
                }
                let Some(linking) = parse_linking(&v.linking) else {
                    let message = OfficeMsg::LinkingSpelling {
                        value: v.linking.clone(),
                        spellings: LINKING_SPELLINGS.to_string(),
                    };
                    diags.push(row.place(Diagnostic::error(&file.path, message), "linking"));
                    continue;
                };
                let Some((_, office)) = office_of(
                    row,
                    &v.office_number,
                    &by_number,
                    rejected,
                    &mut seen,
                    &file.path,
                    diags,
                ) else {
                    continue;
                };
                let software = Some(v.software.clone()).filter(|s| !s.is_empty());
                adoptions.push(Adoption {
                    office,
                    linking,
                    software,
                });
            }
            adoptions.sort_by_key(|a| a.office);
            Snapshot {
                date: file.date,
                path: file.path.clone(),
                adoptions,
            }
        })
        .collect();
    check_sizes(files, &snapshots, offices.len(), diags);
    snapshots
}

/// Whether a file has an error: its counts are not what it says.
fn has_errors(diags: &Diagnostics, path: &Path) -> bool {
    diags.iter().any(|d| d.is_error() && d.path == path)
}

/// Findings about whole snapshots that no single row shows: a file listing
/// more offices than the prefecture has (the national list, another area's),
/// and an older file counting more license holders than the one after it
/// (a file named with the wrong date; not told when either file has errors,
/// whose rows count nowhere until they are fixed).
fn check_sizes(
    files: &[SnapshotFile],
    snapshots: &[Snapshot],
    offices: usize,
    diags: &mut Diagnostics,
) {
    for file in files {
        if offices > 0 && file.rows.len() > offices {
            let message = OfficeMsg::TooManyRows {
                rows: file.rows.len(),
                offices,
            };
            diags.push(Diagnostic::warning(&file.path, message));
        }
    }
    for pair in snapshots.windows(2) {
        let (older, newer) = (&pair[0], &pair[1]);
        let broken = has_errors(diags, &older.path) || has_errors(diags, &newer.path);
        if older.adoptions.len() > newer.adoptions.len() && !broken {
            let message = OfficeMsg::OlderCountsMore {
                date: older.date.to_string(),
                older: older.adoptions.len(),
                newer: newer.adoptions.len(),
                newer_path: newer.path.display().to_string(),
            };
            diags.push(Diagnostic::warning(&older.path, message));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn linking_spellings() {
        for yes in ["TRUE", "1", "Yes", "あり", "○", "〇"] {
            assert_eq!(parse_linking(yes), Some(true), "{yes}");
        }
        for no in ["", "false", "0", "NO", "なし", "×"] {
            assert_eq!(parse_linking(no), Some(false), "{no}");
        }
        assert_eq!(parse_linking("maybe"), None);
    }
}
