//! Offices that have declared they will adopt (導入予定), from
//! `data/plans.csv`, checked against the office list and the newest snapshot.

use std::collections::HashMap;
use std::path::Path;

use super::places::OfficeId;
use super::{Office, Plan, Snapshot};
use crate::date::Date;
use crate::diag::{Diagnostic, Diagnostics};
use crate::load::data::{PLANS, PlanRow};
use crate::load::table::Located;

/// Checks the rows; an unknown office is a warning and counted nowhere, an
/// office holding a license in the newest snapshot is adopted (a warning
/// names it), so neither becomes a planned office.
pub fn build(
    rows: &[Located<PlanRow>],
    offices: &[Office],
    newest: Option<&Snapshot>,
    diags: &mut Diagnostics,
) -> Vec<Plan> {
    let rel = Path::new(PLANS);
    let by_number: HashMap<&str, OfficeId> =
        offices.iter().map(|o| (o.number.as_str(), o.id)).collect();
    let mut seen: HashMap<OfficeId, usize> = HashMap::new();
    let mut plans = Vec::new();
    for row in rows {
        let v = &row.value;
        let date = if v.date.is_empty() {
            None
        } else if let Some(date) = Date::parse(&v.date) {
            Some(date)
        } else {
            diags.push(row.place(
                Diagnostic::error(
                    rel,
                    format!("date \"{}\" must be a day such as 2026-03-31", v.date),
                ),
                "date",
            ));
            continue;
        };
        let Some(&office) = by_number.get(v.office_number.as_str()) else {
            let problem = super::offices::office_number_problem(&v.office_number)
                .map(|p| format!(" ({p})"))
                .unwrap_or_default();
            diags.push(row.place(
                Diagnostic::warning(
                    rel,
                    format!(
                        "office_number \"{}\" is not in data/offices.csv{problem}: left out of every figure",
                        v.office_number
                    ),
                ),
                "office_number",
            ));
            continue;
        };
        if let Some(first) = seen.insert(office, row.line) {
            diags.push(row.place(
                Diagnostic::warning(
                    rel,
                    format!(
                        "office_number \"{}\" is listed twice (first on line {first}): counted once",
                        v.office_number
                    ),
                ),
                "office_number",
            ));
            continue;
        }
        if let Some(snapshot) = newest.filter(|s| s.adoptions.iter().any(|a| a.office == office)) {
            diags.push(row.place(
                Diagnostic::warning(
                    rel,
                    format!(
                        "office {} holds a license in {}: it counts as adopted, not as planned",
                        v.office_number,
                        snapshot.path.display()
                    ),
                ),
                "office_number",
            ));
            continue;
        }
        plans.push(Plan {
            office,
            date,
            note: v.note.clone(),
        });
    }
    plans.sort_by_key(|p| p.office);
    plans
}
