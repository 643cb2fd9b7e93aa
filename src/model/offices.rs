//! Offices (the denominator) and adoption snapshots (the numerator), checked
//! against each other and against the municipality list.

use std::collections::HashMap;
use std::path::Path;

use super::places::{Id, OfficeId, OfficeNumber, Places};
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

/// Office rows left out (an error, or a warning on a city portal), so the
/// rows of the adoption and plan files that name them are folded into the
/// row's own finding instead of one warning each.
#[derive(Debug, Default)]
pub struct Rejected {
    /// Each finding with the number of rows depending on it.
    findings: Vec<(Diagnostic, usize)>,
    by_number: HashMap<String, usize>,
}

impl Rejected {
    fn reject(&mut self, number: &str, finding: Diagnostic) {
        let index = self.findings.len();
        self.findings.push((finding, 0));
        self.by_number.insert(number.to_string(), index);
        if number.len() == 9 {
            self.by_number.insert(format!("0{number}"), index);
        }
    }

    /// Counts a row naming a rejected office; false when the office was not rejected.
    pub fn depends(&mut self, number: &str) -> bool {
        match self.by_number.get(number) {
            Some(&index) => {
                self.findings[index].1 += 1;
                true
            }
            None => false,
        }
    }

    /// Reports every rejected row, saying how many rows depend on it.
    pub fn report(self, diags: &mut Diagnostics) {
        for (mut finding, rows) in self.findings {
            if rows > 0 {
                finding.message = OfficeMsg::Dependents {
                    message: finding.message,
                    rows,
                }
                .into();
            }
            diags.push(finding);
        }
    }
}

/// Checks office rows and resolves their municipality. The rows are taken by
/// value so their text moves into the offices instead of being copied (an
/// office list can hold hundreds of thousands of rows).
pub fn build(
    rows: Vec<Located<OfficeRow>>,
    places: &Places,
    prefecture: &str,
    diags: &mut Diagnostics,
) -> (Vec<Office>, Rejected) {
    let rel = Path::new(OFFICES);
    let mut rejected = Rejected::default();
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
        if let Some(problem) = spelling::office_number_problem(&number) {
            rejected.reject(&number, error(problem, "office_number"));
            continue;
        }
        let key = <[u8; 10]>::try_from(number.as_bytes()).expect("checked: 10 bytes");
        if let Some(first) = seen.insert(key, row.line) {
            diags.push(error(
                OfficeMsg::NumberTwice { number, first }.into(),
                "office_number",
            ));
            continue;
        }
        if v.name.is_empty() {
            rejected.reject(
                &number,
                error(
                    OfficeMsg::NameEmpty {
                        number: number.clone(),
                    }
                    .into(),
                    "name",
                ),
            );
            continue;
        }
        let own = places.own();
        let city_portal = places.is_city();
        let municipality = if city_portal && own.code.as_str() == v.municipality_code {
            Some(own)
        } else {
            places.municipality_by_code(&v.municipality_code)
        };
        if city_portal
            && municipality.is_none()
            && spelling::code_problem(&v.municipality_code, prefecture).is_none()
        {
            let message = OfficeMsg::OutsideCity {
                number: number.clone(),
                code: v.municipality_code.clone(),
                city: own.name.clone(),
                city_code: own.code.as_str().to_string(),
            };
            rejected.reject(
                &number,
                row.place(Diagnostic::warning(rel, message), "municipality_code"),
            );
            continue;
        }
        let Some(municipality) = municipality else {
            let message = super::municipalities::not_listed(
                "municipality_code",
                &v.municipality_code,
                prefecture,
            );
            rejected.reject(&number, error(message, "municipality_code"));
            continue;
        };
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
            rejected.reject(&number, error(message.into(), "service_types"));
            continue;
        }
        let place = match super::areas::resolve(places, municipality.id, &v.area) {
            Ok(place) => place,
            Err(message) => {
                rejected.reject(&number, error(message.into(), "area"));
                continue;
            }
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
    (offices, rejected)
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
/// is named: a malformed number is an error, an unknown one a warning, one
/// whose offices.csv row was rejected counts under that row's finding, and
/// one named on an earlier row is a warning (counted once). Also gives the
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
    let Some(&office) = by_number.get(number.as_str()) else {
        if rejected.depends(&number) {
            return None;
        }
        let finding = match spelling::office_number_problem(&number) {
            Some(problem) => Diagnostic::error(rel, problem),
            None => Diagnostic::warning(rel, OfficeMsg::NotListed { number }),
        };
        diags.push(row.place(finding, "office_number"));
        return None;
    };
    if let Some(first) = seen.insert(office, row.line) {
        let message = OfficeMsg::TwiceCountedOnce { number, first };
        diags.push(row.place(Diagnostic::warning(rel, message), "office_number"));
        return None;
    }
    Some((number, office))
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

/// Findings about whole snapshots that no single row shows: a file listing
/// more offices than the prefecture has (the national list, another area's),
/// and an older file counting more license holders than the one after it
/// (a file named with the wrong date).
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
        if older.adoptions.len() > newer.adoptions.len() {
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
