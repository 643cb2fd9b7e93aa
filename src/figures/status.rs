//! Where each office stands: adopted since when, planned, or not yet; and
//! which offices are new on each snapshot date.

use crate::date::Date;
use crate::model::places::{IdMap, OfficeId, PlaceMap};
use crate::model::{Site, Snapshot};

/// An office's standing as of the newest snapshot.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// Holds a license; `since` is the first snapshot of its current
    /// unbroken run of snapshots.
    Adopted {
        since: Date,
    },
    /// Listed in `data/plans.csv` and not adopted.
    Planned,
    NotAdopted,
}

/// Offices newly adopted on one snapshot date: in that snapshot and not in
/// the one before it (every office of the oldest snapshot is new on its date).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewOn {
    pub date: Date,
    /// By municipality (output order), then office number.
    pub offices: Vec<OfficeId>,
}

/// An area's offices by status, each list in reading order: the three
/// lists a community support center takes to its meetings.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StatusLists {
    pub adopted: Vec<OfficeId>,
    pub planned: Vec<OfficeId>,
    pub not_adopted: Vec<OfficeId>,
}

/// Per area of `data/areas.csv`, its offices by status in `order`; empty
/// lists for every other place.
pub fn area_lists(
    site: &Site,
    status: &IdMap<OfficeId, Status>,
    order: &[OfficeId],
) -> PlaceMap<StatusLists> {
    let mut per: PlaceMap<StatusLists> = site.places.map(|_| StatusLists::default());
    for &id in order {
        let place = site.office(id).place;
        if site.places.get(place).area.is_none() {
            continue;
        }
        let lists = &mut per[place];
        match status[id] {
            Status::Adopted { .. } => lists.adopted.push(id),
            Status::Planned => lists.planned.push(id),
            Status::NotAdopted => lists.not_adopted.push(id),
        }
    }
    per
}

/// Each office's status.
pub fn statuses(site: &Site) -> IdMap<OfficeId, Status> {
    let held: Vec<IdMap<OfficeId, bool>> = site.snapshots.iter().map(|s| held(site, s)).collect();
    let mut status = IdMap::from_fn(site.offices.len(), |id| {
        let run = held.iter().rev().take_while(|h| h[id]).count();
        if run == 0 {
            Status::NotAdopted
        } else {
            Status::Adopted {
                since: site.snapshots[site.snapshots.len() - run].date,
            }
        }
    });
    for plan in &site.plans {
        status[plan.office] = Status::Planned;
    }
    status
}

/// The offices new on each snapshot date, oldest date first.
pub fn newly_adopted(site: &Site) -> Vec<NewOn> {
    let mut before: Option<IdMap<OfficeId, bool>> = None;
    site.snapshots
        .iter()
        .map(|snapshot| {
            let mut offices: Vec<OfficeId> = snapshot
                .adoptions
                .iter()
                .map(|a| a.office)
                .filter(|&id| before.as_ref().is_none_or(|b| !b[id]))
                .collect();
            offices.sort_by(|&a, &b| {
                let (oa, ob) = (site.office(a), site.office(b));
                (oa.municipality, &oa.number).cmp(&(ob.municipality, &ob.number))
            });
            before = Some(held(site, snapshot));
            NewOn {
                date: snapshot.date,
                offices,
            }
        })
        .collect()
}

/// Per place, its offices new on each date, newest date first.
pub fn newly_adopted_in(site: &Site, new: &[NewOn]) -> PlaceMap<Vec<NewOn>> {
    let mut per: PlaceMap<Vec<NewOn>> = site.places.map(|_| Vec::new());
    for on in new.iter().rev() {
        for (_, list) in per.iter_mut() {
            list.push(NewOn {
                date: on.date,
                offices: Vec::new(),
            });
        }
        for &office in &on.offices {
            for place in site.places.with_ancestors(site.office(office).place) {
                per[place]
                    .last_mut()
                    .expect("a date pushed above")
                    .offices
                    .push(office);
            }
        }
    }
    for (_, list) in per.iter_mut() {
        list.retain(|on| !on.offices.is_empty());
    }
    per
}

/// Adds the planned offices to each place's and group's current counts.
pub fn count_planned(site: &Site, figures: &mut super::DateFigures) {
    let (places, groups) = (&mut figures.places, &mut figures.groups);
    for plan in &site.plans {
        let office = site.office(plan.office);
        let municipality = office.municipality;
        for place in site.places.with_ancestors(office.place) {
            places[place].planned += 1;
        }
        for group in &site.groups {
            if group
                .members
                .iter()
                .any(|&m| site.places.contains(m, municipality))
            {
                groups[group.id].planned += 1;
            }
        }
    }
}

fn held(site: &Site, snapshot: &Snapshot) -> IdMap<OfficeId, bool> {
    let mut held = IdMap::from_fn(site.offices.len(), |_| false);
    for a in &snapshot.adoptions {
        held[a.office] = true;
    }
    held
}
