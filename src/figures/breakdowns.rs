//! Counts under a label: per service type and per daily-life area of each
//! place, per care software of the site.

use std::collections::{BTreeMap, HashMap, HashSet};

use super::Counts;
use crate::model::places::{IdMap, OfficeId, PlaceMap};
use crate::model::{Adoption, Office, Site, Snapshot};

/// Counts under a label (a service type, an area, a care software).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Breakdown {
    pub label: String,
    pub counts: Counts,
}

/// Per place, offices per service type, most offices first.
pub fn service_types(
    site: &Site,
    adoption: &IdMap<OfficeId, Option<Adoption>>,
) -> PlaceMap<Vec<Breakdown>> {
    let mut per = per_place(site, adoption, |o| &o.service_types);
    for (_, list) in per.iter_mut() {
        list.sort_by(|a, b| {
            b.counts
                .offices
                .cmp(&a.counts.offices)
                .then_with(|| a.label.cmp(&b.label))
        });
    }
    per
}

/// Per place, offices per daily-life area in file order; empty where no
/// office names an area.
pub fn areas(
    site: &Site,
    adoption: &IdMap<OfficeId, Option<Adoption>>,
) -> PlaceMap<Vec<Breakdown>> {
    let mut per = per_place(site, adoption, |o| std::slice::from_ref(&o.area));
    for (_, list) in per.iter_mut() {
        if list.iter().all(|b| b.label.is_empty()) {
            list.clear();
        }
    }
    per
}

/// Counts per place and label; labels are borrowed from the offices and
/// copied once per place they first appear in, not once per office.
fn per_place<'s>(
    site: &'s Site,
    adoption: &IdMap<OfficeId, Option<Adoption>>,
    labels: impl Fn(&'s Office) -> &'s [String],
) -> PlaceMap<Vec<Breakdown>> {
    let mut per: PlaceMap<Vec<Breakdown>> = site.places.map(|_| Vec::new());
    let mut index: PlaceMap<HashMap<&str, usize>> = site.places.map(|_| HashMap::new());
    let planned: HashSet<OfficeId> = site.plans.iter().map(|p| p.office).collect();
    for office in &site.offices {
        let linking = adoption[office.id].as_ref().map(|a| a.linking);
        let is_planned = planned.contains(&office.id);
        for label in labels(office) {
            for place in site.places.with_ancestors(office.place) {
                let list = &mut per[place];
                let at = *index[place].entry(label.as_str()).or_insert_with(|| {
                    list.push(Breakdown {
                        label: label.clone(),
                        counts: Counts::default(),
                    });
                    list.len() - 1
                });
                list[at].counts.add(office, linking);
                list[at].counts.planned += u32::from(is_planned);
            }
        }
    }
    per
}

/// Site-wide adopted offices per care software as reported, most first.
pub fn software(site: &Site, snapshot: Option<&Snapshot>) -> Vec<Breakdown> {
    let mut per: Vec<Breakdown> = Vec::new();
    let mut index: HashMap<&str, usize> = HashMap::new();
    for a in snapshot.map_or(&[][..], |s| &s.adoptions) {
        let label = a.software.as_deref().unwrap_or_default();
        let at = *index.entry(label).or_insert_with(|| {
            per.push(Breakdown {
                label: label.to_string(),
                counts: Counts::default(),
            });
            per.len() - 1
        });
        per[at].counts.add(site.office(a.office), Some(a.linking));
    }
    per.sort_by(|a, b| {
        b.counts
            .adopted
            .cmp(&a.counts.adopted)
            .then_with(|| a.label.cmp(&b.label))
    });
    per
}

/// Adopted offices per manual: those reporting any of the names its
/// `software` lists.
pub fn manual_users(site: &Site, software: &[Breakdown]) -> BTreeMap<String, u32> {
    site.content
        .products
        .iter()
        .map(|p| {
            let users = software
                .iter()
                .filter(|b| p.index.front.software.contains(&b.label))
                .map(|b| b.counts.adopted)
                .sum();
            (p.index.url.clone(), users)
        })
        .collect()
}
