//! Offices as lists: who holds a license now, in which order offices are
//! listed, and what the office search's filters offer.

use std::collections::BTreeMap;

use crate::fold::fold;
use crate::model::offices::CARE_MANAGER_SERVICES;
use crate::model::places::{IdMap, OfficeId, PlaceMap};
use crate::model::{Adoption, Site, Snapshot};

/// The choices of the office search's filters, over the offices it covers.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Facets {
    /// Service types: care-manager services first, then by how many offices
    /// offer them, then by name.
    pub services: Vec<String>,
    /// Care software as reported by adopted offices, most used first.
    pub software: Vec<String>,
}

/// Each office's license in the snapshot.
pub fn adoption(site: &Site, snapshot: Option<&Snapshot>) -> IdMap<OfficeId, Option<Adoption>> {
    let mut adoption = IdMap::from_fn(site.offices.len(), |_| None);
    for a in snapshot.map_or(&[][..], |s| &s.adoptions) {
        adoption[a.office] = Some(a.clone());
    }
    adoption
}

/// The folded reading of each office, its folded name when it has none.
pub fn reading_keys(site: &Site) -> IdMap<OfficeId, String> {
    IdMap::from_fn(site.offices.len(), |id| {
        let o = site.office(id);
        fold(if o.name_kana.is_empty() {
            &o.name
        } else {
            &o.name_kana
        })
    })
}

/// Every office by municipality (output order), folded reading, number.
pub fn by_reading(site: &Site, keys: &IdMap<OfficeId, String>) -> Vec<OfficeId> {
    let mut order: Vec<OfficeId> = site.offices.iter().map(|o| o.id).collect();
    order.sort_by(|&a, &b| {
        let (oa, ob) = (site.office(a), site.office(b));
        (oa.municipality, &keys[a], &oa.number).cmp(&(ob.municipality, &keys[b], &ob.number))
    });
    order
}

/// Every office by municipality (output order), then office number.
pub fn by_number(site: &Site) -> Vec<OfficeId> {
    let mut order: Vec<OfficeId> = site.offices.iter().map(|o| o.id).collect();
    order.sort_by(|&a, &b| {
        let (oa, ob) = (site.office(a), site.office(b));
        (oa.municipality, &oa.number).cmp(&(ob.municipality, &ob.number))
    });
    order
}

/// Per place, the offices adopted in the snapshot in `order` (the site's
/// own place lists them all), and how many of them are coded to the place
/// itself rather than to a place inside it.
pub fn adopted(
    site: &Site,
    adoption: &IdMap<OfficeId, Option<Adoption>>,
    order: &[OfficeId],
) -> (PlaceMap<Vec<OfficeId>>, PlaceMap<u32>) {
    let mut per = site.places.map(|_| Vec::new());
    let mut coded = site.places.map(|_| 0);
    for &office in order.iter().filter(|&&id| adoption[id].is_some()) {
        let o = site.office(office);
        coded[o.municipality] += 1;
        for place in site.places.with_ancestors(o.place) {
            per[place].push(office);
        }
    }
    (per, coded)
}

/// The filters' choices: over every office when the search includes those
/// not adopted (`[search] include_not_adopted`), else over the adopted ones.
pub fn facets(
    site: &Site,
    adoption: &IdMap<OfficeId, Option<Adoption>>,
    order: &[OfficeId],
) -> Facets {
    let all = site.config.search.include_not_adopted;
    let mut service_counts: BTreeMap<&str, usize> = BTreeMap::new();
    let mut software_counts: BTreeMap<&str, usize> = BTreeMap::new();
    for &id in order {
        let adopted = adoption[id].as_ref();
        if !all && adopted.is_none() {
            continue;
        }
        for s in &site.office(id).service_types {
            *service_counts.entry(s).or_default() += 1;
        }
        if let Some(name) = adopted.and_then(|a| a.software.as_deref()) {
            *software_counts.entry(name).or_default() += 1;
        }
    }
    let mut services: Vec<(&str, usize)> = service_counts.into_iter().collect();
    services.sort_by_key(|&(name, count)| {
        let rank = CARE_MANAGER_SERVICES.iter().position(|&c| c == name);
        (rank.is_none(), rank, std::cmp::Reverse(count), name)
    });
    let mut software: Vec<(&str, usize)> = software_counts.into_iter().collect();
    software.sort_by_key(|&(name, count)| (std::cmp::Reverse(count), name));
    Facets {
        services: services.into_iter().map(|(s, _)| s.to_string()).collect(),
        software: software.into_iter().map(|(s, _)| s.to_string()).collect(),
    }
}
