//! Stage 3: the numbers of DESIGN.md, computed once from the validated site.
//!
//! Pure aggregation: every count a page, chart, feed or index shows, keyed by
//! place (or group, office, survey); no formatting (that is the renderer's),
//! no I/O. The denominator is always the current offices.csv, for every
//! snapshot date.

mod breakdowns;
mod offices;
mod partners;
mod rate;
mod status;
mod surveys;

pub use breakdowns::Breakdown;
pub use offices::Facets;
pub use partners::{Partners, SHOWN as PARTNERS_SHOWN};
pub use rate::Rate;
pub use status::{NewOn, Status, StatusLists};
pub use surveys::{ChoiceFigures, QuestionFigures};

use std::collections::BTreeMap;

use crate::date::Date;
use crate::model::places::{GroupId, IdMap, OfficeId, PlaceMap};
use crate::model::{Adoption, Office, Site, Snapshot};

/// Offices, adopted offices and data exchange for one place on one date.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub offices: u32,
    pub adopted: u32,
    pub cm_offices: u32,
    pub cm_adopted: u32,
    pub linking: u32,
    /// Offices of `data/plans.csv` not adopted; counted for the newest
    /// snapshot only.
    pub planned: u32,
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

/// Every place's and group's counts on one snapshot date.
#[derive(Debug, Clone)]
pub struct DateFigures {
    /// `None` when the site has no snapshot yet.
    pub date: Option<Date>,
    pub places: PlaceMap<Counts>,
    pub groups: IdMap<GroupId, Counts>,
}

/// All figures of the site.
#[derive(Debug, Clone)]
pub struct Figures {
    /// One per snapshot, oldest first.
    pub trend: Vec<DateFigures>,
    /// The newest snapshot (zero adoption when there is none).
    pub current: DateFigures,
    /// Per place, current counts per service type (an office with two types
    /// counts in both), most offices first.
    pub service_types: PlaceMap<Vec<Breakdown>>,
    /// Per place, current counts per daily-life area, in file order.
    pub areas: PlaceMap<Vec<Breakdown>>,
    /// Site-wide adopted offices per care software as reported, most first.
    pub software: Vec<Breakdown>,
    /// Adopted offices per manual, by the manual's URL (`manuals/SLUG/`).
    pub manual_users: BTreeMap<String, u32>,
    /// Each office's license in the newest snapshot.
    pub adoption: IdMap<OfficeId, Option<Adoption>>,
    /// Per place, its adopted offices in the newest snapshot, by municipality
    /// (output order) then office number.
    pub adopted: PlaceMap<Vec<OfficeId>>,
    /// Per place, its adopted offices coded to it rather than to a ward of it.
    pub adopted_coded: PlaceMap<u32>,
    /// Every office by municipality, then folded reading, then number: the
    /// order of every office list a reader scans by name.
    pub by_reading: Vec<OfficeId>,
    /// Every office by municipality, then office number: the order of the
    /// open data.
    pub by_number: Vec<OfficeId>,
    /// Each office's folded reading (its name's when it has none).
    pub reading_keys: IdMap<OfficeId, String>,
    /// What the office search's filters offer.
    pub facets: Facets,
    /// Per survey slug, its questions' totals and shares.
    pub surveys: BTreeMap<String, Vec<QuestionFigures>>,
    /// Each office's standing as of the newest snapshot.
    pub status: IdMap<OfficeId, Status>,
    /// Per place, the offices new on each snapshot date, newest first.
    pub newly_adopted: PlaceMap<Vec<NewOn>>,
    /// Each office's adopted partners nearby.
    pub partners: IdMap<OfficeId, Partners>,
    /// Per area of `data/areas.csv`, its offices by status, in reading order.
    pub area_lists: PlaceMap<StatusLists>,
}

/// Computes every figure.
pub fn compute(site: &Site) -> Figures {
    let trend: Vec<DateFigures> = site
        .snapshots
        .iter()
        .map(|s| date_figures(site, Some(s)))
        .collect();
    let newest = site.snapshots.last();
    let mut current = trend
        .last()
        .cloned()
        .unwrap_or_else(|| date_figures(site, None));
    status::count_planned(site, &mut current);
    let adoption = offices::adoption(site, newest);
    let reading_keys = offices::reading_keys(site);
    let by_reading = offices::by_reading(site, &reading_keys);
    let by_number = offices::by_number(site);
    let software = breakdowns::software(site, newest);
    let (adopted, adopted_coded) = offices::adopted(site, &adoption, &by_number);
    let status = status::statuses(site);
    Figures {
        trend,
        current,
        service_types: breakdowns::service_types(site, &adoption),
        areas: breakdowns::areas(site, &adoption),
        manual_users: breakdowns::manual_users(site, &software),
        software,
        adopted,
        adopted_coded,
        facets: offices::facets(site, &adoption, &by_reading),
        surveys: surveys::compute(site),
        area_lists: status::area_lists(site, &status, &by_reading),
        status,
        newly_adopted: status::newly_adopted_in(site, &status::newly_adopted(site)),
        partners: partners::partners(site, &adoption, &by_reading),
        adoption,
        by_reading,
        by_number,
        reading_keys,
    }
}

/// Per office: `Some(linking)` when adopted in the snapshot.
fn linking_of(site: &Site, snapshot: Option<&Snapshot>) -> IdMap<OfficeId, Option<bool>> {
    let mut linking = IdMap::from_fn(site.offices.len(), |_| None);
    for a in snapshot.map_or(&[][..], |s| &s.adoptions) {
        linking[a.office] = Some(a.linking);
    }
    linking
}

fn date_figures(site: &Site, snapshot: Option<&Snapshot>) -> DateFigures {
    let linking = linking_of(site, snapshot);
    let mut places = site.places.map(|_| Counts::default());
    let mut groups = IdMap::from_fn(site.groups.len(), |_| Counts::default());
    for office in &site.offices {
        let adoption = linking[office.id];
        for place in site.places.with_ancestors(office.place) {
            places[place].add(office, adoption);
        }
        for group in &site.groups {
            if group
                .members
                .iter()
                .any(|&m| site.places.contains(m, office.municipality))
            {
                groups[group.id].add(office, adoption);
            }
        }
    }
    DateFigures {
        date: snapshot.map(|s| s.date),
        places,
        groups,
    }
}
