//! Offices that have declared they will adopt (導入予定), from
//! `data/plans.csv`, checked against the office list and the newest snapshot.

use std::collections::HashMap;
use std::path::Path;

use super::places::OfficeId;
use super::rejected::Rejected;
use super::{Office, Plan, Snapshot};
use crate::diag::{Diagnostic, Diagnostics};
use crate::load::data::{PLANS, PlanRow};
use crate::load::dates;
use crate::load::table::Located;
use crate::messages::model::OfficeMsg;

/// Checks the rows; an unknown office is a warning and counted nowhere, an
/// office holding a license in the newest snapshot is adopted (a warning
/// names it), so neither becomes a planned office.
pub fn build(
    rows: &[Located<PlanRow>],
    offices: &[Office],
    newest: Option<&Snapshot>,
    rejected: &mut Rejected,
    diags: &mut Diagnostics,
) -> Vec<Plan> {
    let rel = Path::new(PLANS);
    let by_number = super::offices::by_number(offices);
    let mut seen: HashMap<OfficeId, usize> = HashMap::new();
    let mut plans = Vec::new();
    for row in rows {
        let v = &row.value;
        let date = if v.date.is_empty() {
            None
        } else {
            match dates::cell(&v.date) {
                Ok(date) => Some(date),
                Err(guess) => {
                    let message = OfficeMsg::PlanDate {
                        value: v.date.clone(),
                        hint: dates::hint(&v.date, guess),
                    };
                    diags.push(row.place(Diagnostic::error(rel, message), "date"));
                    continue;
                }
            }
        };
        let Some((number, office)) = super::offices::office_of(
            row,
            &v.office_number,
            &by_number,
            rejected,
            &mut seen,
            rel,
            diags,
        ) else {
            continue;
        };
        if let Some(snapshot) = newest.filter(|s| s.adoptions.iter().any(|a| a.office == office)) {
            let message = OfficeMsg::HoldsLicense {
                number,
                path: snapshot.path.display().to_string(),
            };
            diags.push(row.place(Diagnostic::warning(rel, message), "office_number"));
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
