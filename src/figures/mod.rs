//! Stage 3: the numbers of DESIGN.md, computed once from the validated site.
//!
//! Pure aggregation: no formatting (that is the renderer's), no I/O. The
//! denominator is always the current offices.csv, for every snapshot date.

mod rate;

pub use rate::Rate;

use std::collections::HashMap;

use crate::date::Date;
use crate::model::{Office, Site, Snapshot};

/// Offices, adopted offices and data exchange for one area on one date.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub offices: u32,
    pub adopted: u32,
    pub cm_offices: u32,
    pub cm_adopted: u32,
    pub linking: u32,
}

impl Counts {
    /// adopted / offices.
    pub fn rate(&self) -> Rate {
        Rate::of(self.adopted, self.offices)
    }

    /// The same for care-manager offices.
    pub fn cm_rate(&self) -> Rate {
        Rate::of(self.cm_adopted, self.cm_offices)
    }

    fn add(&mut self, office: &Office, adoption: Option<bool>) {
        self.offices += 1;
        self.cm_offices += u32::from(office.care_manager);
        if let Some(linking) = adoption {
            self.adopted += 1;
            self.cm_adopted += u32::from(office.care_manager);
            self.linking += u32::from(linking);
        }
    }
}

/// Every area's counts on one snapshot date.
#[derive(Debug, Clone, Default)]
pub struct DateFigures {
    /// `None` when the site has no snapshot yet.
    pub date: Option<Date>,
    pub prefecture: Counts,
    /// Indexed like `Site::municipalities`.
    pub municipalities: Vec<Counts>,
    /// Indexed like `Site::groups`.
    pub groups: Vec<Counts>,
}

/// Counts under a label (a service type, an area, a care software).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Breakdown {
    pub label: String,
    pub counts: Counts,
}

/// All figures of the site.
#[derive(Debug, Clone)]
pub struct Figures {
    /// One per snapshot, oldest first.
    pub trend: Vec<DateFigures>,
    /// The newest snapshot (zero adoption when there is none).
    pub current: DateFigures,
    /// Per municipality, current counts per service type (an office with two
    /// types counts in both), most offices first.
    pub service_types: Vec<Vec<Breakdown>>,
    /// Per municipality, current counts per daily-life area, in file order.
    pub areas: Vec<Vec<Breakdown>>,
    /// Prefecture-wide adopted offices per care software as reported, most first.
    pub software: Vec<Breakdown>,
}

/// Computes every figure.
pub fn compute(site: &Site) -> Figures {
    let rows = rows_of_offices(site);
    let trend: Vec<DateFigures> = site
        .snapshots
        .iter()
        .map(|s| date_figures(site, &rows, Some(s)))
        .collect();
    let newest = site.snapshots.last();
    let current = trend
        .last()
        .cloned()
        .unwrap_or_else(|| date_figures(site, &rows, None));
    let adopted = adoption_of(site, newest);
    Figures {
        trend,
        current,
        service_types: breakdowns(site, &rows, &adopted, |o| o.service_types.clone(), true),
        areas: breakdowns(site, &rows, &adopted, |o| vec![o.area.clone()], false),
        software: software(site, newest),
    }
}

/// For each office, the municipality rows it counts in: its own and, for a
/// ward, its designated city.
fn rows_of_offices(site: &Site) -> Vec<Vec<usize>> {
    site.offices
        .iter()
        .map(|o| {
            std::iter::once(o.municipality)
                .chain(site.municipalities[o.municipality].parent)
                .collect()
        })
        .collect()
}

/// Per office: `Some(linking)` when adopted in the snapshot.
fn adoption_of(site: &Site, snapshot: Option<&Snapshot>) -> Vec<Option<bool>> {
    let mut adopted = vec![None; site.offices.len()];
    for a in snapshot.map_or(&[][..], |s| &s.adoptions) {
        adopted[a.office] = Some(a.linking);
    }
    adopted
}

fn date_figures(site: &Site, rows: &[Vec<usize>], snapshot: Option<&Snapshot>) -> DateFigures {
    let adopted = adoption_of(site, snapshot);
    let mut figures = DateFigures {
        date: snapshot.map(|s| s.date),
        prefecture: Counts::default(),
        municipalities: vec![Counts::default(); site.municipalities.len()],
        groups: vec![Counts::default(); site.groups.len()],
    };
    for (i, office) in site.offices.iter().enumerate() {
        figures.prefecture.add(office, adopted[i]);
        for &m in &rows[i] {
            figures.municipalities[m].add(office, adopted[i]);
        }
        for (g, group) in site.groups.iter().enumerate() {
            if rows[i].iter().any(|m| group.members.contains(m)) {
                figures.groups[g].add(office, adopted[i]);
            }
        }
    }
    figures
}

fn breakdowns(
    site: &Site,
    rows: &[Vec<usize>],
    adopted: &[Option<bool>],
    labels: impl Fn(&Office) -> Vec<String>,
    by_size: bool,
) -> Vec<Vec<Breakdown>> {
    let mut per: Vec<Vec<Breakdown>> = vec![Vec::new(); site.municipalities.len()];
    let mut index: Vec<HashMap<String, usize>> = vec![HashMap::new(); site.municipalities.len()];
    for (i, office) in site.offices.iter().enumerate() {
        for label in labels(office) {
            for &m in &rows[i] {
                let at = *index[m].entry(label.clone()).or_insert_with(|| {
                    per[m].push(Breakdown {
                        label: label.clone(),
                        counts: Counts::default(),
                    });
                    per[m].len() - 1
                });
                per[m][at].counts.add(office, adopted[i]);
            }
        }
    }
    for list in &mut per {
        if by_size {
            list.sort_by(|a, b| {
                b.counts
                    .offices
                    .cmp(&a.counts.offices)
                    .then_with(|| a.label.cmp(&b.label))
            });
        } else if list.iter().all(|b| b.label.is_empty()) {
            list.clear();
        }
    }
    per
}

fn software(site: &Site, snapshot: Option<&Snapshot>) -> Vec<Breakdown> {
    let mut per: Vec<Breakdown> = Vec::new();
    for a in snapshot.map_or(&[][..], |s| &s.adoptions) {
        let label = a.software.clone().unwrap_or_default();
        let at = match per.iter().position(|b| b.label == label) {
            Some(at) => at,
            None => {
                per.push(Breakdown {
                    label,
                    counts: Counts::default(),
                });
                per.len() - 1
            }
        };
        per[at].counts.add(&site.offices[a.office], Some(a.linking));
    }
    per.sort_by(|a, b| {
        b.counts
            .adopted
            .cmp(&a.counts.adopted)
            .then_with(|| a.label.cmp(&b.label))
    });
    per
}
