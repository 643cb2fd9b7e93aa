//! Rows left out of the site (a municipality of municipalities.csv, an
//! office of offices.csv) and the rows of other files that name them.
//!
//! A row that names a left-out municipality or office is right as written:
//! it is counted under the finding of the row it names instead of being a
//! finding of its own ("not in offices.csv"), so a broken offices.csv is one
//! finding with the number of rows it takes along, and fixing it fixes them.
//! A row that is wrong itself (a lost zero in its own office number) is
//! always reported, so every file to fix is named in the same run.

use std::collections::HashMap;

use crate::diag::{Diagnostic, Diagnostics};
use crate::messages::Text;
use crate::messages::model::{MunicipalityMsg, OfficeMsg};

/// The findings of left-out rows, with what depends on each.
#[derive(Debug, Default)]
pub struct Rejected {
    findings: Vec<Rejection>,
    by_number: HashMap<String, usize>,
    by_code: HashMap<String, usize>,
}

/// One finding and the rows of other files that name its row.
#[derive(Debug)]
struct Rejection {
    finding: Diagnostic,
    /// A municipality's row: yes; an office's: no.
    municipality: bool,
    offices: usize,
    rows: usize,
}

impl Rejected {
    fn add(&mut self, finding: Diagnostic, municipality: bool) -> usize {
        self.findings.push(Rejection {
            finding,
            municipality,
            offices: 0,
            rows: 0,
        });
        self.findings.len() - 1
    }

    /// A municipality row left out, known by every code it may have meant
    /// (a five-digit code is also its two six-digit readings), with its
    /// finding.
    pub fn municipality(&mut self, codes: &[String], finding: Diagnostic) {
        let index = self.add(finding, true);
        for code in codes {
            self.by_code.entry(code.clone()).or_insert(index);
        }
    }

    /// An office row left out, with its findings (the first one counts the
    /// rows that name it).
    pub fn office(&mut self, number: &str, findings: Vec<Diagnostic>) {
        let mut findings = findings.into_iter();
        let Some(first) = findings.next() else {
            return;
        };
        let index = self.add(first, false);
        self.by_number.insert(number.to_string(), index);
        if number.len() == 9 {
            self.by_number.insert(format!("0{number}"), index);
        }
        for finding in findings {
            self.add(finding, false);
        }
    }

    /// Counts an office whose municipality `code` was left out, and the rows
    /// naming the office under the municipality's finding (unless the office
    /// has findings of its own); false when the code was not left out.
    pub fn office_in(&mut self, number: &str, code: &str) -> bool {
        let Some(&index) = self.by_code.get(code) else {
            return false;
        };
        self.findings[index].offices += 1;
        self.by_number.entry(number.to_string()).or_insert(index);
        true
    }

    /// Counts a row naming a left-out office; false when the office was not left out.
    pub fn depends(&mut self, number: &str) -> bool {
        match self.by_number.get(number) {
            Some(&index) => {
                self.findings[index].rows += 1;
                true
            }
            None => false,
        }
    }

    /// Whether any office row was left out.
    pub fn has_offices(&self) -> bool {
        !self.by_number.is_empty()
    }

    /// Reports every left-out row, saying how many rows depend on it.
    pub fn report(self, diags: &mut Diagnostics) {
        for rejection in self.findings {
            let mut finding = rejection.finding;
            let message = finding.message;
            finding.message = match rejection {
                Rejection {
                    municipality: true,
                    offices,
                    rows: 0,
                    ..
                } if offices > 0 => Text::from(MunicipalityMsg::DependentOffices {
                    message: message.clone(),
                    offices,
                })
                .grouped_as(&message),
                Rejection {
                    municipality: true,
                    offices,
                    rows,
                    ..
                } if offices > 0 => Text::from(MunicipalityMsg::Dependents {
                    message: message.clone(),
                    offices,
                    rows,
                })
                .grouped_as(&message),
                Rejection { rows, .. } if rows > 0 => Text::from(OfficeMsg::Dependents {
                    message: message.clone(),
                    rows,
                })
                .grouped_as(&message),
                _ => message,
            };
            diags.push(finding);
        }
    }
}
