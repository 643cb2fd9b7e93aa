//! Offices (the denominator) and adoption snapshots (the numerator), checked
//! against each other and against the municipality list.

use std::collections::HashMap;
use std::path::Path;

use super::places::{Id, OfficeId, OfficeNumber, Places};
use super::{Adoption, Office, Snapshot};
use crate::diag::{Diagnostic, Diagnostics};
use crate::load::data::{OFFICES, OfficeRow, SnapshotFile};
use crate::load::table::Located;

/// Service types that make an office a care-manager office (居宅介護支援・介護予防支援).
pub const CARE_MANAGER_SERVICES: [&str; 2] = ["居宅介護支援", "介護予防支援"];

/// Why an office number is not one, with a hint for the usual spreadsheet damage.
pub fn office_number_problem(number: &str) -> Option<String> {
    let valid = number.len() == 10
        && number
            .bytes()
            .enumerate()
            .all(|(i, b)| b.is_ascii_digit() || (i == 2 && b.is_ascii_uppercase()));
    if valid {
        return None;
    }
    let mut message = format!(
        "office_number \"{number}\" must be 10 digits (the third may be an uppercase letter for 総合事業 offices)"
    );
    if number.len() == 9 && number.bytes().all(|b| b.is_ascii_digit()) {
        message.push_str(&format!(
            "; a spreadsheet may have dropped a leading zero: \"0{number}\""
        ));
    }
    if number.contains(['E', 'e']) && number.contains('+') {
        message.push_str("; a spreadsheet turned it into a number: format the column as text");
    }
    Some(message)
}

/// Checks office rows and resolves their municipality. The rows are taken by
/// value so their text moves into the offices instead of being copied (an
/// office list can hold hundreds of thousands of rows).
pub fn build(
    rows: Vec<Located<OfficeRow>>,
    places: &Places,
    prefecture: &str,
    diags: &mut Diagnostics,
) -> Vec<Office> {
    let rel = Path::new(OFFICES);
    // Valid office numbers are 10 ASCII bytes: keyed as such, without a copy.
    let mut seen: HashMap<[u8; 10], usize> = HashMap::new();
    let mut offices = Vec::new();
    for row in rows {
        let v = &row.value;
        let error =
            |message: String, column: &str| row.place(Diagnostic::error(rel, message), column);
        if let Some(problem) = office_number_problem(&v.office_number) {
            diags.push(error(problem, "office_number"));
            continue;
        }
        let key = <[u8; 10]>::try_from(v.office_number.as_bytes()).expect("checked: 10 bytes");
        if let Some(first) = seen.insert(key, row.line) {
            diags.push(error(
                format!(
                    "office_number \"{}\" is listed twice (first on line {first})",
                    v.office_number
                ),
                "office_number",
            ));
            continue;
        }
        if v.name.is_empty() {
            diags.push(error(
                format!("name is empty for office {}", v.office_number),
                "name",
            ));
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
            && super::municipalities::code_problem(&v.municipality_code, prefecture).is_none()
        {
            diags.push(row.place(
                Diagnostic::warning(
                    rel,
                    format!(
                        "office {} is in municipality_code \"{}\", not in {} ({}) of this city portal: left out of every figure",
                        v.office_number, v.municipality_code, own.name, own.code
                    ),
                ),
                "municipality_code",
            ));
            continue;
        }
        let Some(municipality) = municipality else {
            let hint = match super::municipalities::code_problem(&v.municipality_code, prefecture) {
                Some(problem) => format!(": {problem}"),
                None => String::new(),
            };
            diags.push(error(
                format!(
                    "municipality_code \"{}\" is not in data/municipalities.csv{hint}",
                    v.municipality_code
                ),
                "municipality_code",
            ));
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
            diags.push(error(
                format!(
                    "service_types is empty for office {}; expected for example 居宅介護支援;介護予防支援",
                    v.office_number
                ),
                "service_types",
            ));
            continue;
        }
        let place = match super::areas::resolve(places, municipality.id, &v.area) {
            Ok(place) => place,
            Err(message) => {
                diags.push(error(message, "area"));
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
    offices
}

/// Reads a `linking` cell: empty means no.
pub fn parse_linking(value: &str) -> Option<bool> {
    match value.trim().to_lowercase().as_str() {
        "" | "false" | "0" | "no" | "なし" | "×" | "✕" => Some(false),
        "true" | "1" | "yes" | "あり" | "○" | "〇" => Some(true),
        _ => None,
    }
}

/// Resolves each snapshot's office numbers; unknown ones are warnings and counted nowhere.
pub fn snapshots(
    files: &[SnapshotFile],
    offices: &[Office],
    diags: &mut Diagnostics,
) -> Vec<Snapshot> {
    let by_number: HashMap<&str, OfficeId> =
        offices.iter().map(|o| (o.number.as_str(), o.id)).collect();
    let snapshots: Vec<Snapshot> = files
        .iter()
        .map(|file| {
            let mut seen: HashMap<OfficeId, usize> = HashMap::new();
            let mut adoptions = Vec::new();
            for row in &file.rows {
                let v = &row.value;
                let Some(linking) = parse_linking(&v.linking) else {
                    diags.push(row.place(Diagnostic::error(
                        &file.path,
                        format!("linking \"{}\" must be one of true/false, 1/0, yes/no, あり/なし, ○/× (or empty for no)", v.linking),
                    ), "linking"));
                    continue;
                };
                let Some(&office) = by_number.get(v.office_number.as_str()) else {
                    let problem = office_number_problem(&v.office_number).map(|p| format!(" ({p})")).unwrap_or_default();
                    diags.push(row.place(Diagnostic::warning(
                        &file.path,
                        format!("office_number \"{}\" is not in data/offices.csv{problem}: left out of every figure", v.office_number),
                    ), "office_number"));
                    continue;
                };
                if let Some(first) = seen.insert(office, row.line) {
                    diags.push(row.place(Diagnostic::warning(
                        &file.path,
                        format!("office_number \"{}\" is listed twice (first on line {first}): counted once", v.office_number),
                    ), "office_number"));
                    continue;
                }
                let software = Some(v.software.clone()).filter(|s| !s.is_empty());
                adoptions.push(Adoption { office, linking, software });
            }
            adoptions.sort_by_key(|a| a.office);
            Snapshot { date: file.date, path: file.path.clone(), adoptions }
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
            diags.push(Diagnostic::warning(
                &file.path,
                format!(
                    "lists {} offices, more than the {offices} offices that exist in data/offices.csv: is it the list of another area or of the whole country (keep only this prefecture's rows), or is data/offices.csv out of date?",
                    file.rows.len()
                ),
            ));
        }
    }
    for pair in snapshots.windows(2) {
        let (older, newer) = (&pair[0], &pair[1]);
        if older.adoptions.len() > newer.adoptions.len() {
            diags.push(Diagnostic::warning(
                &older.path,
                format!(
                    "this snapshot of {} counts {} license holders, more than the {} of the newer {}: check that both file names carry the date their list was made (licenses that ended explain only a small drop)",
                    older.date,
                    older.adoptions.len(),
                    newer.adoptions.len(),
                    newer.path.display()
                ),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn office_numbers() {
        assert!(office_number_problem("4470100123").is_none());
        assert!(office_number_problem("44A0100123").is_none());
        assert!(office_number_problem("44a0100123").is_some());
        let problem = office_number_problem("470100123").unwrap();
        assert!(problem.contains("\"0470100123\""), "{problem}");
        assert!(
            office_number_problem("44701000")
                .unwrap()
                .starts_with("office_number \"44701000\" must be 10 digits")
        );
    }

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
