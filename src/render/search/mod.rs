//! The office search of `offices/`: which offices it covers, in which order,
//! the choices its filters offer, and the index the browser searches.
//!
//! The index is column-oriented JSON: one array per field, facet values
//! (municipality, corporation, service types, care software) stored once in
//! a table and referenced by position, office numbers sorted and stored as
//! differences. That keeps a prefecture's 4,000 offices under 60 KB gzipped.
//! Above [`SPLIT_ABOVE`] offices the rows go to one file per run of whole
//! municipalities, so a search in one municipality downloads only its part.
//!
//! Readings and municipality readings are folded here at build time (they are
//! only ever compared, never shown); names, corporations and addresses are
//! shipped as written and folded by the browser with the same function when
//! the index loads, rather than shipping every one of them twice.

mod grams;

use std::collections::HashMap;

use serde::Serialize;

use crate::figures::Figures;
use crate::fold::fold;
use crate::model::Site;
use crate::model::places::Place;
use crate::model::places::{IdMap, OfficeId, PlaceId, PlaceKind};
use crate::urls;

/// Above this many offices the rows are split into parts by municipality.
pub const SPLIT_ABOVE: usize = 6000;

/// Above this many adopted offices the list without JavaScript links to the
/// municipality pages instead of listing every office on one page.
pub const FULL_LIST_LIMIT: usize = 1000;

/// A part closes once it holds this many offices (municipalities stay whole).
const PART_ROWS: usize = 2000;

/// Which offices the search covers, in display order.
#[derive(Debug, Clone)]
pub struct Search {
    /// Every target office too, not only adopted ones (`[search] include_not_adopted`).
    pub all: bool,
    /// In the figures' reading order (municipality, reading, number): the
    /// order of the list without JavaScript and of every result list.
    pub entries: Vec<OfficeId>,
    /// The places the place filter offers, in order: the municipalities, or
    /// in a city portal the city, then its wards or (without wards) its areas.
    pub places: Vec<PlaceId>,
    /// Where each office is filed in the place filter.
    filed: IdMap<OfficeId, PlaceId>,
    /// The areas the area filter offers (with `data/areas.csv`, unless the
    /// place filter is the areas already); empty: no area filter.
    pub areas: Vec<PlaceId>,
}

impl Search {
    /// The search of a site, as of its newest snapshot.
    pub fn of(site: &Site, figures: &Figures) -> Search {
        let all = site.config.search.include_not_adopted;
        let places = &site.places;
        let by_area = places.is_city() && places.municipalities().is_empty();
        let listed: Vec<PlaceId> = if places.is_city() {
            let below = if by_area {
                places.areas()
            } else {
                places.municipalities()
            };
            std::iter::once(places.own())
                .chain(below)
                .map(|p| p.id)
                .collect()
        } else {
            places.municipalities().iter().map(|p| p.id).collect()
        };
        let filed = IdMap::from_fn(site.offices.len(), |id| {
            let o = site.office(id);
            if by_area { o.place } else { o.municipality }
        });
        let position: HashMap<PlaceId, usize> =
            listed.iter().enumerate().map(|(i, &p)| (p, i)).collect();
        let mut entries: Vec<OfficeId> = figures
            .by_reading
            .iter()
            .copied()
            .filter(|&id| all || figures.adoption[id].is_some())
            .collect();
        // Each filter choice's offices together, as the index parts need.
        entries.sort_by_key(|&id| position[&filed[id]]);
        let areas = if by_area {
            Vec::new()
        } else {
            places.areas().iter().map(|a| a.id).collect()
        };
        Search {
            all,
            entries,
            places: listed,
            filed,
            areas,
        }
    }

    /// Where an office is filed in the place filter.
    pub fn filed(&self, office: OfficeId) -> PlaceId {
        self.filed[office]
    }
}

/// The value a place has in the place filter (the search's `m` parameter):
/// an area's id, a municipality's code.
pub fn filter_value(place: &Place) -> &str {
    match &place.area {
        Some(area) => area.id.as_str(),
        None => place.code.as_str(),
    }
}

/// The address without the prefecture and municipality it starts with, as
/// pages show it after the municipality's name and as the index stores it.
pub fn address_rest<'s>(address: &'s str, prefecture: &str, municipality: &str) -> &'s str {
    let rest = address.strip_prefix(prefecture).unwrap_or(address);
    rest.strip_prefix(municipality).unwrap_or(rest)
}

/// An office number as an integer that sorts like the text: base 10 except
/// the third character, which may be a letter (base 36). Sorted numbers are
/// then stored as small differences.
fn number_value(number: &str) -> u64 {
    number.chars().enumerate().fold(0, |value, (i, c)| {
        let radix = if i == 2 { 36 } else { 10 };
        value * radix + u64::from(c.to_digit(36).unwrap_or(0))
    })
}

#[derive(Serialize)]
struct Manifest<'a> {
    version: u32,
    all: bool,
    prefecture: &'a str,
    municipalities: Municipalities<'a>,
    services: &'a [String],
    software: Software<'a>,
    /// The area filter's ids (`r`); left out without one.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    areas: Vec<&'a str>,
    /// The rows themselves when the index is not split.
    #[serde(skip_serializing_if = "Option::is_none")]
    rows: Option<Part<'a>>,
    /// The parts when it is, in municipality order.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    parts: Vec<PartRef>,
    /// With parts: the buckets text queries across every municipality use.
    #[serde(skip_serializing_if = "Option::is_none")]
    grams: Option<grams::GramRef>,
}

#[derive(Serialize)]
struct Municipalities<'a> {
    code: Vec<&'a str>,
    name: Vec<&'a str>,
    /// Folded reading, so `べっぷ` finds the offices of 別府市.
    key: Vec<String>,
    /// The designated city of a ward, `-1` otherwise.
    parent: Vec<i64>,
    /// Each municipality's page.
    url: Vec<String>,
}

#[derive(Serialize)]
struct Software<'a> {
    name: Vec<&'a str>,
    /// The manual's URL, empty when the site has none.
    url: Vec<&'a str>,
}

#[derive(Serialize)]
struct PartRef {
    /// Relative to the manifest.
    url: String,
    /// First and last municipality index held.
    from: usize,
    to: usize,
    rows: usize,
}

/// Rows of the index, sorted by office number.
#[derive(Serialize)]
struct Part<'a> {
    /// The first office number's value, then differences (see [`number_value`]).
    number: Vec<u64>,
    name: Vec<&'a str>,
    key: Vec<&'a str>,
    corporation: Vec<usize>,
    corporations: Vec<&'a str>,
    address: Vec<&'a str>,
    municipality: Vec<usize>,
    /// Index into `combinations`, each a list of indexes into the manifest's services.
    services: Vec<usize>,
    combinations: Vec<Vec<usize>>,
    /// 0: not adopted; otherwise 1 + linking (0 or 1) + 2 × (software index + 1).
    status: Vec<usize>,
    /// Each row's area: 0 for none, else 1 + its index in the manifest's
    /// `areas`; left out without an area filter.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    area: Vec<usize>,
    /// The rows (positions in this part) of offices planning to adopt
    /// (導入予定, `data/plans.csv`); left out when there are none.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    planned: Vec<usize>,
}

/// The index files: the manifest and, for a large site, its parts.
pub fn files(
    site: &Site,
    figures: &Figures,
    search: &Search,
    manual_of: &HashMap<String, String>,
) -> Vec<(String, Vec<u8>)> {
    let facets = &figures.facets;
    let service_index: HashMap<&str, usize> = facets
        .services
        .iter()
        .enumerate()
        .map(|(i, s)| (s.as_str(), i))
        .collect();
    let software_index: HashMap<&str, usize> = facets
        .software
        .iter()
        .enumerate()
        .map(|(i, s)| (s.as_str(), i))
        .collect();
    let municipalities: Vec<&Place> = search.places.iter().map(|&p| site.places.get(p)).collect();
    let positions: HashMap<PlaceId, usize> = search
        .places
        .iter()
        .enumerate()
        .map(|(i, &p)| (p, i))
        .collect();
    // Positions in the manifest's municipality arrays.
    let position = |place: PlaceId| positions[&place];
    let mut manifest = Manifest {
        version: 1,
        all: search.all,
        prefecture: &site.config.prefecture_name,
        municipalities: Municipalities {
            code: municipalities.iter().map(|m| filter_value(m)).collect(),
            name: municipalities.iter().map(|m| m.name.as_str()).collect(),
            key: municipalities.iter().map(|m| fold(&m.kana)).collect(),
            parent: municipalities
                .iter()
                .map(|m| match (m.kind, m.parent) {
                    // A ward in its city, an area in its city on a city portal
                    // without wards: choosing the city chooses them too.
                    (PlaceKind::Ward | PlaceKind::Area, Some(city))
                        if positions.contains_key(&city) =>
                    {
                        position(city) as i64
                    }
                    _ => -1,
                })
                .collect(),
            url: municipalities
                .iter()
                .map(|m| site.config.urls().path(&urls::place(m)))
                .collect(),
        },
        services: &facets.services,
        software: Software {
            name: facets.software.iter().map(String::as_str).collect(),
            url: facets
                .software
                .iter()
                .map(|s| manual_of.get(s.as_str()).map_or("", String::as_str))
                .collect(),
        },
        areas: search
            .areas
            .iter()
            .map(|&a| filter_value(site.places.get(a)))
            .collect(),
        rows: None,
        parts: Vec::new(),
        grams: None,
    };
    let index = Index {
        site,
        figures,
        search,
        services: &service_index,
        software: &software_index,
        position: &position,
    };
    let all = &search.entries;
    let mut files = Vec::new();
    if all.len() <= SPLIT_ABOVE {
        manifest.rows = Some(index.part(all));
    } else {
        let municipality_of = |id: OfficeId| search.filed(id);
        let index_dir = urls::SEARCH_INDEX
            .rsplit_once('/')
            .map_or("", |(dir, _)| dir);
        let mut start = 0;
        while start < all.len() {
            let mut end = (start + PART_ROWS).min(all.len());
            while end < all.len() && municipality_of(all[end]) == municipality_of(all[end - 1]) {
                end += 1;
            }
            let rows = &all[start..end];
            let from = municipality_of(rows[0]);
            let url = urls::search_part(filter_value(site.places.get(from)));
            files.push((format!("{index_dir}/{url}"), json(&index.part(rows))));
            manifest.parts.push(PartRef {
                url,
                from: position(from),
                to: position(municipality_of(rows[rows.len() - 1])),
                rows: rows.len(),
            });
            start = end;
        }
        let grams = grams::grams(site, figures, search);
        for (bucket, ids) in grams.buckets.iter().enumerate() {
            files.push((
                format!("{index_dir}/{}", urls::search_grams(bucket)),
                json(&index.part(ids)),
            ));
        }
        manifest.grams = Some(grams.reference);
    }
    files.push((urls::SEARCH_INDEX.to_string(), json(&manifest)));
    files
}

/// What turning offices into index rows needs.
struct Index<'a> {
    site: &'a Site,
    figures: &'a Figures,
    search: &'a Search,
    services: &'a HashMap<&'a str, usize>,
    software: &'a HashMap<&'a str, usize>,
    position: &'a dyn Fn(PlaceId) -> usize,
}

impl<'a> Index<'a> {
    /// The columns of some offices, sorted by office number.
    fn part(&self, entries: &[OfficeId]) -> Part<'a> {
        let site = self.site;
        let mut rows = entries.to_vec();
        rows.sort_by(|&a, &b| site.office(a).number.cmp(&site.office(b).number));
        let mut corporations: Vec<&str> = Vec::new();
        let mut corporation_of: HashMap<&str, usize> = HashMap::new();
        let mut combinations: Vec<Vec<usize>> = Vec::new();
        let mut combination_of: HashMap<Vec<usize>, usize> = HashMap::new();
        let mut out = Part {
            number: Vec::new(),
            name: Vec::new(),
            key: Vec::new(),
            corporation: Vec::new(),
            corporations: Vec::new(),
            address: Vec::new(),
            municipality: Vec::new(),
            services: Vec::new(),
            combinations: Vec::new(),
            status: Vec::new(),
            area: Vec::new(),
            planned: Vec::new(),
        };
        let mut previous = 0;
        let area_of: HashMap<PlaceId, usize> = self
            .search
            .areas
            .iter()
            .enumerate()
            .map(|(i, &a)| (a, i + 1))
            .collect();
        for (row, id) in rows.into_iter().enumerate() {
            if self.figures.status[id] == crate::figures::Status::Planned {
                out.planned.push(row);
            }
            let o = site.office(id);
            let m = site.places.get(o.municipality);
            let value = number_value(o.number.as_str());
            out.number.push(value - previous);
            previous = value;
            out.name.push(&o.name);
            out.key.push(&self.figures.reading_keys[id]);
            let corporation = *corporation_of.entry(&o.corporation).or_insert_with(|| {
                corporations.push(&o.corporation);
                corporations.len() - 1
            });
            out.corporation.push(corporation);
            out.address.push(address_rest(
                &o.address,
                &site.config.prefecture_name,
                &m.name,
            ));
            out.municipality
                .push((self.position)(self.search.filed(id)));
            if !area_of.is_empty() {
                out.area.push(area_of.get(&o.place).copied().unwrap_or(0));
            }
            let mut combination: Vec<usize> = o
                .service_types
                .iter()
                .filter_map(|s| self.services.get(s.as_str()).copied())
                .collect();
            combination.sort_unstable();
            let next = combinations.len();
            let index = *combination_of
                .entry(combination.clone())
                .or_insert_with(|| {
                    combinations.push(combination);
                    next
                });
            out.services.push(index);
            out.status
                .push(self.figures.adoption[id].as_ref().map_or(0, |a| {
                    let software = a
                        .software
                        .as_deref()
                        .and_then(|s| self.software.get(s))
                        .map_or(0, |i| i + 1);
                    1 + usize::from(a.linking) + 2 * software
                }));
        }
        out.corporations = corporations;
        out.combinations = combinations;
        out
    }
}

fn json<T: Serialize>(value: &T) -> Vec<u8> {
    serde_json::to_vec(value).expect("index values serialize")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn number_values_sort_like_the_numbers() {
        let mut numbers = [
            "4410010030",
            "44A0100110",
            "4400010016",
            "4499999999",
            "44Z0000000",
        ];
        let mut by_value = numbers;
        numbers.sort_unstable();
        by_value.sort_by_key(|n| number_value(n));
        assert_eq!(numbers, by_value);
        assert_eq!(number_value("0000000012"), 12);
        assert_eq!(number_value("00A0000000"), 10 * 10_u64.pow(7));
    }

    #[test]
    fn address_rest_strips_prefecture_and_municipality() {
        assert_eq!(
            address_rest("大分県大分市架空台22-8", "大分県", "大分市"),
            "架空台22-8"
        );
        assert_eq!(
            address_rest("大分市架空台22-8", "大分県", "大分市"),
            "架空台22-8"
        );
        assert_eq!(address_rest("架空台22-8", "大分県", "大分市"), "架空台22-8");
        assert_eq!(address_rest("", "大分県", "大分市"), "");
    }
}
