//! The tree of places a site speaks of: its own place (the prefecture), its
//! municipalities, the designated cities with their wards, and the daily-life
//! areas (圏域) of `data/areas.csv` inside them.
//!
//! Places are addressed by [`PlaceId`], a typed position in the tree, and every
//! per-place value (figures, office lists) lives in a [`PlaceMap`] keyed by it,
//! so nothing downstream indexes a plain vector "in the same order as" another.

use std::collections::HashMap;
use std::fmt;
use std::marker::PhantomData;
use std::ops::{Index, IndexMut};

/// A text value checked by the model before one is made; shown as written.
macro_rules! text_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub struct $name(String);

        impl $name {
            /// A value the caller has checked.
            pub(crate) fn checked(value: String) -> $name {
                $name(value)
            }

            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }
    };
}

text_type!(
    /// A national local government code (全国地方公共団体コード): six digits
    /// with their check digit (checked: check digit, prefecture).
    MunicipalityCode
);
text_type!(
    /// An office number (事業所番号): ten characters kept as text, since
    /// leading zeros and the letter of 総合事業 offices matter.
    OfficeNumber
);
text_type!(
    /// An area's id from `data/areas.csv`: a URL slug of lowercase ASCII
    /// letters, digits and `-`.
    AreaId
);

/// A typed position in one of the model's lists: the key of an [`IdMap`].
pub trait Id: Copy {
    fn from_index(index: usize) -> Self;
    fn index(self) -> usize;
}

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub struct $name(u32);

        impl Id for $name {
            fn from_index(index: usize) -> Self {
                $name(u32::try_from(index).expect("fewer than 2^32 entries"))
            }

            fn index(self) -> usize {
                self.0 as usize
            }
        }
    };
}

id_type!(
    /// A place of the tree; the site's own place is the first.
    PlaceId
);
id_type!(
    /// An office of `data/offices.csv`, in file order.
    OfficeId
);
id_type!(
    /// A `[[groups]]` entry of site.toml, in file order.
    GroupId
);

/// One value per id of a list, looked up by that id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IdMap<I, T> {
    values: Vec<T>,
    key: PhantomData<I>,
}

/// One value per place.
pub type PlaceMap<T> = IdMap<PlaceId, T>;

impl<I: Id, T> IdMap<I, T> {
    /// A map from `count` ids to the values `value` gives each.
    pub fn from_fn(count: usize, value: impl FnMut(I) -> T) -> IdMap<I, T> {
        IdMap {
            values: (0..count).map(I::from_index).map(value).collect(),
            key: PhantomData,
        }
    }

    /// Each id with its value, in id order.
    pub fn iter(&self) -> impl Iterator<Item = (I, &T)> {
        self.values
            .iter()
            .enumerate()
            .map(|(i, v)| (I::from_index(i), v))
    }

    /// Each id with its value to change, in id order.
    pub fn iter_mut(&mut self) -> impl Iterator<Item = (I, &mut T)> {
        self.values
            .iter_mut()
            .enumerate()
            .map(|(i, v)| (I::from_index(i), v))
    }
}

impl<I: Id, T> Index<I> for IdMap<I, T> {
    type Output = T;

    fn index(&self, id: I) -> &T {
        &self.values[id.index()]
    }
}

impl<I: Id, T> IndexMut<I> for IdMap<I, T> {
    fn index_mut(&mut self, id: I) -> &mut T {
        &mut self.values[id.index()]
    }
}

/// What a place is, which decides how it is counted and how it is named.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlaceKind {
    /// The site's own place: the prefecture, or the city of a city portal.
    Prefecture,
    Municipality,
    /// A designated city whose wards are listed: it sums them.
    DesignatedCity,
    Ward,
    /// A daily-life area (圏域) of `data/areas.csv`, inside a municipality or ward.
    Area,
}

/// A place with its code and names.
#[derive(Debug, Clone)]
pub struct Place {
    pub id: PlaceId,
    pub code: MunicipalityCode,
    pub name: String,
    pub kana: String,
    pub kind: PlaceKind,
    /// A ward's designated city; a municipality's is the site's own place;
    /// an area's is its municipality or ward.
    pub parent: Option<PlaceId>,
    /// False for a designated city added because its wards are listed.
    pub listed: bool,
    /// An area's id and the community support center serving it.
    pub area: Option<AreaInfo>,
}

/// What an area has beside its name; its `code` is its municipality's.
#[derive(Debug, Clone)]
pub struct AreaInfo {
    pub id: AreaId,
    /// 地域包括支援センター; empty when not given.
    pub center: String,
}

/// An area before it has its place in the tree.
#[derive(Debug, Clone)]
pub struct NewArea {
    pub id: AreaId,
    pub name: String,
    pub center: String,
    pub parent: PlaceId,
}

/// The places of a site: its own place first, then municipalities in output
/// order (file order, designated cities just before their wards), then the
/// areas in file order.
#[derive(Debug, Clone)]
pub struct Places {
    places: Vec<Place>,
    by_code: HashMap<MunicipalityCode, PlaceId>,
    /// Where the areas start in `places`.
    areas_from: usize,
    /// Whether the site has `data/areas.csv` (even one without rows).
    has_area_file: bool,
    /// Whether the site's own place is a city (a city portal).
    city: bool,
}

/// A municipality before it has its place in the tree.
#[derive(Debug, Clone)]
pub struct NewPlace {
    pub code: MunicipalityCode,
    pub name: String,
    pub kana: String,
    pub kind: PlaceKind,
    /// For a ward: the position of its designated city among the new places.
    pub city: Option<usize>,
    pub listed: bool,
}

impl Places {
    /// The tree of a prefecture and its municipalities in output order.
    pub fn new(code: MunicipalityCode, name: String, municipalities: Vec<NewPlace>) -> Places {
        let own = Place {
            id: PlaceId::from_index(0),
            code,
            name,
            kana: String::new(),
            kind: PlaceKind::Prefecture,
            parent: None,
            listed: true,
            area: None,
        };
        let places: Vec<Place> = std::iter::once(own)
            .chain(municipalities.into_iter().enumerate().map(|(i, m)| Place {
                id: PlaceId::from_index(i + 1),
                code: m.code,
                name: m.name,
                kana: m.kana,
                kind: m.kind,
                parent: Some(PlaceId::from_index(m.city.map_or(0, |c| c + 1))),
                listed: m.listed,
                area: None,
            }))
            .collect();
        let by_code = places.iter().map(|p| (p.code.clone(), p.id)).collect();
        Places {
            areas_from: places.len(),
            places,
            by_code,
            has_area_file: false,
            city: false,
        }
    }

    /// The tree of a city portal: its own place is the city, whose wards
    /// (for a designated city) are the municipalities.
    pub fn as_city(mut self) -> Places {
        self.city = true;
        self
    }

    /// Whether the site's own place is a city (a city portal).
    pub fn is_city(&self) -> bool {
        self.city
    }

    /// The tree with the areas of `data/areas.csv` added, in file order.
    pub fn with_areas(mut self, areas: Vec<NewArea>) -> Places {
        for a in areas {
            let code = self.get(a.parent).code.clone();
            self.places.push(Place {
                id: PlaceId::from_index(self.places.len()),
                code,
                name: a.name,
                kana: String::new(),
                kind: PlaceKind::Area,
                parent: Some(a.parent),
                listed: true,
                area: Some(AreaInfo {
                    id: a.id,
                    center: a.center,
                }),
            });
        }
        self.has_area_file = true;
        self
    }

    /// The site's own place.
    pub fn own(&self) -> &Place {
        &self.places[0]
    }

    pub fn get(&self, id: PlaceId) -> &Place {
        &self.places[id.index()]
    }

    /// Every place, the site's own first.
    pub fn all(&self) -> &[Place] {
        &self.places
    }

    /// Municipalities, designated cities and wards in output order.
    pub fn municipalities(&self) -> &[Place] {
        &self.places[1..self.areas_from]
    }

    /// The areas of `data/areas.csv` in file order.
    pub fn areas(&self) -> &[Place] {
        &self.places[self.areas_from..]
    }

    /// Whether the site has `data/areas.csv`: then it has area pages.
    pub fn has_area_file(&self) -> bool {
        self.has_area_file
    }

    /// The areas inside a place, in file order.
    pub fn areas_in(&self, place: PlaceId) -> impl Iterator<Item = &Place> {
        self.areas()
            .iter()
            .filter(move |a| self.contains(place, a.id))
    }

    /// An area by its id.
    pub fn area_by_id(&self, id: &str) -> Option<&Place> {
        self.areas()
            .iter()
            .find(|a| a.area.as_ref().is_some_and(|i| i.id.as_str() == id))
    }

    /// A municipality by its code (not the site's own place).
    pub fn municipality_by_code(&self, code: &str) -> Option<&Place> {
        self.by_code
            .get(&MunicipalityCode(code.to_string()))
            .map(|&id| self.get(id))
            .filter(|p| p.kind != PlaceKind::Prefecture)
    }

    /// A municipality by its name as listed.
    pub fn municipality_by_name(&self, name: &str) -> Option<&Place> {
        self.municipalities().iter().find(|p| p.name == name)
    }

    /// The wards of a designated city, in output order.
    pub fn wards_of(&self, city: PlaceId) -> impl Iterator<Item = &Place> {
        self.municipalities()
            .iter()
            .filter(move |p| p.kind == PlaceKind::Ward && p.parent == Some(city))
    }

    /// The place and every place above it: where an office of `id` counts.
    pub fn with_ancestors(&self, id: PlaceId) -> impl Iterator<Item = PlaceId> + '_ {
        std::iter::successors(Some(id), |&p| self.get(p).parent)
    }

    /// Whether `inner` is `outer` or lies inside it.
    pub fn contains(&self, outer: PlaceId, inner: PlaceId) -> bool {
        self.with_ancestors(inner).any(|p| p == outer)
    }

    /// Whether any municipality is a ward (区): a 東京都 special ward or a
    /// designated city's ward, which makes them 市区町村 rather than 市町村.
    pub fn has_wards(&self) -> bool {
        self.municipalities()
            .iter()
            .any(|p| p.kind == PlaceKind::Ward || p.name.ends_with('区'))
    }

    /// A value for every place.
    pub fn map<T>(&self, value: impl FnMut(PlaceId) -> T) -> PlaceMap<T> {
        IdMap::from_fn(self.places.len(), value)
    }
}

/// 大分県 with 大分市 (`442011`) and 中津市 (`442038`), for tests of the
/// stages that read a place tree.
#[cfg(test)]
pub fn oita_for_test() -> Places {
    let city = |code: &str, name: &str| NewPlace {
        code: MunicipalityCode::checked(code.to_string()),
        name: name.to_string(),
        kana: String::new(),
        kind: PlaceKind::Municipality,
        city: None,
        listed: true,
    };
    Places::new(
        MunicipalityCode::checked("440001".to_string()),
        "大分県".to_string(),
        vec![city("442011", "大分市"), city("442038", "中津市")],
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn new(code: &str, name: &str, kind: PlaceKind, city: Option<usize>) -> NewPlace {
        NewPlace {
            code: MunicipalityCode::checked(code.to_string()),
            name: name.to_string(),
            kana: String::new(),
            kind,
            city,
            listed: true,
        }
    }

    fn osaka() -> Places {
        Places::new(
            MunicipalityCode::checked("270008".to_string()),
            "大阪府".to_string(),
            vec![
                new("271004", "大阪市", PlaceKind::DesignatedCity, None),
                new("271276", "大阪市北区", PlaceKind::Ward, Some(0)),
                new("272027", "岸和田市", PlaceKind::Municipality, None),
            ],
        )
    }

    #[test]
    fn a_ward_counts_in_its_city_and_the_prefecture() {
        let places = osaka();
        let ward = places.municipality_by_code("271276").expect("listed").id;
        let names: Vec<&str> = places
            .with_ancestors(ward)
            .map(|p| places.get(p).name.as_str())
            .collect();
        assert_eq!(names, ["大阪市北区", "大阪市", "大阪府"]);
        let city = places.municipality_by_name("大阪市").expect("listed").id;
        assert!(places.contains(city, ward));
        assert_eq!(places.wards_of(city).count(), 1);
        assert!(places.has_wards());
        assert!(places.municipality_by_code("270008").is_none());
    }

    #[test]
    fn place_maps_are_keyed_by_id() {
        let places = osaka();
        let mut map = places.map(|_| 0);
        let city = places.municipality_by_code("271004").expect("listed").id;
        map[city] += 2;
        assert_eq!(map[city], 2);
        assert_eq!(map[places.own().id], 0);
        assert_eq!(map.iter().count(), 4);
    }
}
