//! Daily-life areas (圏域) of `data/areas.csv`: ids checked as URL slugs,
//! each placed in the tree under its municipality or ward, and the `area`
//! column of offices.csv resolved against them.

use std::collections::HashMap;
use std::path::Path;

use super::places::{AreaId, NewArea, Place, PlaceId, Places};
use crate::diag::{Diagnostic, Diagnostics};
use crate::load::data::{AREAS, AreaRow};
use crate::load::table::Located;
use crate::messages::model::{AreaMsg, OfficeMsg};

use super::spelling;

/// Why an id is not a URL slug.
fn id_problem(id: &str) -> Option<AreaMsg> {
    if id.is_empty() {
        return Some(AreaMsg::IdEmpty);
    }
    let valid = id
        .bytes()
        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
    (!valid).then(|| AreaMsg::IdShape { id: id.to_string() })
}

/// The tree with the areas of `rows` added; `None` rows (no areas.csv)
/// leave it as it is.
pub fn build(
    places: Places,
    rows: Option<&[Located<AreaRow>]>,
    prefecture: &str,
    diags: &mut Diagnostics,
) -> Places {
    let Some(rows) = rows else {
        return places;
    };
    let rel = Path::new(AREAS);
    let mut ids: HashMap<&str, usize> = HashMap::new();
    let mut names: HashMap<(PlaceId, &str), usize> = HashMap::new();
    let mut areas = Vec::new();
    for row in rows {
        let v = &row.value;
        if let Some(problem) = id_problem(&v.id) {
            diags.push(row.place(Diagnostic::error(rel, problem), "id"));
            continue;
        }
        if let Some(first) = ids.insert(&v.id, row.line) {
            let message = AreaMsg::IdTwice {
                id: v.id.clone(),
                first,
            };
            diags.push(row.place(Diagnostic::error(rel, message), "id"));
            continue;
        }
        if v.name.is_empty() {
            let message = AreaMsg::NameEmpty {
                id: v.id.clone(),
                example: "湊山圏域".to_string(),
            };
            diags.push(row.place(Diagnostic::error(rel, message), "name"));
            continue;
        }
        let code = spelling::code(&v.municipality_code);
        let Some(parent) = own_or_municipality(&places, &code) else {
            let message = super::municipalities::not_listed("municipality_code", &code, prefecture);
            diags.push(row.place(Diagnostic::error(rel, message), "municipality_code"));
            continue;
        };
        if let Some(first) = names.insert((parent.id, &v.name), row.line) {
            let message = AreaMsg::NameTwice {
                name: v.name.clone(),
                parent: parent.name.clone(),
                first,
            };
            diags.push(row.place(Diagnostic::error(rel, message), "name"));
            continue;
        }
        areas.push(NewArea {
            id: AreaId::checked(v.id.clone()),
            name: v.name.clone(),
            center: v.center.clone(),
            parent: parent.id,
        });
    }
    places.with_areas(areas)
}

/// The place an area's code names: a municipality or ward, or the site's
/// own place when that is a city (a city portal).
fn own_or_municipality<'a>(places: &'a Places, code: &str) -> Option<&'a Place> {
    places.municipality_by_code(code).or_else(|| {
        let own = places.own();
        (places.is_city() && own.code.as_str() == code).then_some(own)
    })
}

/// Where an office naming `area` in `municipality` counts: the area, or the
/// message saying why it cannot be found. Without areas.csv the area text
/// is only a label and the office counts in its municipality.
pub fn resolve(places: &Places, municipality: PlaceId, area: &str) -> Result<PlaceId, OfficeMsg> {
    if area.is_empty() || !places.has_area_file() {
        return Ok(municipality);
    }
    let named: Vec<&Place> = places.areas().iter().filter(|a| a.name == area).collect();
    if let Some(own) = named.iter().find(|a| a.parent == Some(municipality)) {
        return Ok(own.id);
    }
    let here = places.get(municipality);
    match named.first() {
        Some(other) => {
            let of = places.get(other.parent.expect("an area has a parent"));
            Err(OfficeMsg::AreaOfOther {
                area: area.to_string(),
                of: of.name.clone(),
                of_code: of.code.as_str().to_string(),
                here: here.name.clone(),
                here_code: here.code.as_str().to_string(),
            })
        }
        None => Err(OfficeMsg::AreaUnknown {
            area: area.to_string(),
            here: here.name.clone(),
            here_code: here.code.as_str().to_string(),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_url_slugs() {
        assert!(id_problem("minatoyama-2").is_none());
        assert_eq!(
            id_problem("湊山").unwrap().text(crate::messages::Lang::Ja),
            "`id` の「湊山」は圏域のURLになるので、英小文字・数字・「-」だけで書きます（例：「minatoyama」）"
        );
        assert!(id_problem("Minato").is_some());
        assert_eq!(id_problem(""), Some(AreaMsg::IdEmpty));
    }
}
