//! Daily-life areas (圏域) of `data/areas.csv`: ids checked as URL slugs,
//! each placed in the tree under its municipality or ward, and the `area`
//! column of offices.csv resolved against them.

use std::collections::HashMap;
use std::path::Path;

use super::places::{AreaId, NewArea, Place, PlaceId, Places};
use crate::diag::{Diagnostic, Diagnostics};
use crate::load::data::{AREAS, AreaRow};
use crate::load::table::Located;

/// Why an id is not a URL slug.
fn id_problem(id: &str) -> Option<String> {
    if id.is_empty() {
        return Some("id is empty: expected a URL slug such as \"minatoyama\"".to_string());
    }
    let valid = id
        .bytes()
        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
    (!valid).then(|| {
        format!(
            "id \"{id}\" must be lowercase ASCII letters, digits and \"-\" (it is the area's URL), such as \"minatoyama\""
        )
    })
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
            diags.push(row.place(
                Diagnostic::error(
                    rel,
                    format!("id \"{}\" is listed twice (first on line {first})", v.id),
                ),
                "id",
            ));
            continue;
        }
        if v.name.is_empty() {
            diags.push(row.place(
                Diagnostic::error(
                    rel,
                    format!(
                        "name is empty for area \"{}\": expected the name offices.csv's area column uses, such as 湊山圏域",
                        v.id
                    ),
                ),
                "name",
            ));
            continue;
        }
        let Some(parent) = own_or_municipality(&places, &v.municipality_code) else {
            let hint = super::municipalities::code_problem(&v.municipality_code, prefecture)
                .map(|problem| format!(": {problem}"))
                .unwrap_or_default();
            diags.push(row.place(
                Diagnostic::error(
                    rel,
                    format!(
                        "municipality_code \"{}\" is not in data/municipalities.csv{hint}",
                        v.municipality_code
                    ),
                ),
                "municipality_code",
            ));
            continue;
        };
        if let Some(first) = names.insert((parent.id, &v.name), row.line) {
            diags.push(row.place(
                Diagnostic::error(
                    rel,
                    format!(
                        "area \"{}\" of {} is listed twice (first on line {first})",
                        v.name, parent.name
                    ),
                ),
                "name",
            ));
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
pub fn resolve(places: &Places, municipality: PlaceId, area: &str) -> Result<PlaceId, String> {
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
            Err(format!(
                "area \"{area}\" belongs to {} ({}) in data/areas.csv, not to this office's {} ({})",
                of.name, of.code, here.name, here.code
            ))
        }
        None => Err(format!(
            "area \"{area}\" is not in data/areas.csv: add it there for {} ({}), or correct the name",
            here.name, here.code
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_url_slugs() {
        assert!(id_problem("minatoyama-2").is_none());
        assert_eq!(
            id_problem("湊山").unwrap(),
            "id \"湊山\" must be lowercase ASCII letters, digits and \"-\" (it is the area's URL), such as \"minatoyama\""
        );
        assert!(id_problem("Minato").is_some());
        assert!(id_problem("").unwrap().starts_with("id is empty"));
    }
}
