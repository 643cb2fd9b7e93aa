//! Partners nearby: for each office, the adopted offices on the other side
//! of the exchange in its area (or, without an area, its municipality) —
//! care-manager offices for a service office, service offices for a
//! care-manager office. Indexed once by place, area and side, so no office
//! scans all offices.

use std::collections::HashMap;

use crate::model::places::{IdMap, OfficeId, PlaceId};
use crate::model::{Adoption, Site};

/// How many partners an office page lists; the rest are a search away.
pub const SHOWN: usize = 20;

/// An office's partners nearby.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Partners {
    /// Those that have started exchanging data first, then by reading; at
    /// most [`SHOWN`].
    pub shown: Vec<OfficeId>,
    /// How many there are in all.
    pub total: usize,
}

/// Where partners are looked for: a municipality and an area, or the whole
/// municipality (`None`) for an office without an area.
type Neighbourhood<'a> = (PlaceId, Option<&'a str>, bool);

/// Every office's partners.
pub fn partners(
    site: &Site,
    adoption: &IdMap<OfficeId, Option<Adoption>>,
    by_reading: &[OfficeId],
) -> IdMap<OfficeId, Partners> {
    let mut lists: HashMap<Neighbourhood, Vec<OfficeId>> = HashMap::new();
    for &id in by_reading {
        if adoption[id].is_none() {
            continue;
        }
        let o = site.office(id);
        let side = o.care_manager;
        lists
            .entry((o.municipality, None, side))
            .or_default()
            .push(id);
        if !o.area.is_empty() {
            lists
                .entry((o.municipality, Some(o.area.as_str()), side))
                .or_default()
                .push(id);
        }
    }
    for list in lists.values_mut() {
        // Stable: reading order within each group.
        list.sort_by_key(|&id| !adoption[id].as_ref().is_some_and(|a| a.linking));
    }
    IdMap::from_fn(site.offices.len(), |id| {
        let o = site.office(id);
        let area = Some(o.area.as_str()).filter(|a| !a.is_empty());
        let Some(list) = lists.get(&(o.municipality, area, !o.care_manager)) else {
            return Partners::default();
        };
        Partners {
            shown: list.iter().copied().take(SHOWN).collect(),
            total: list.len(),
        }
    })
}
