//! The built-in boundaries: one TopoJSON file per prefecture, compiled into
//! the binary so a site needs nothing beside itself to draw its map.
//!
//! TopoJSON is decoded here over `serde_json` rather than through a GeoJSON
//! conversion: the map needs the shared arcs themselves, so that a border
//! simplified once looks the same from both sides and so that a designated
//! city can be drawn as the union of its wards by dropping the arcs between
//! them.

use std::collections::BTreeMap;

use include_dir::{Dir, include_dir};
use serde::Deserialize;

use crate::gov_codes;

static FILES: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/src/render/map/boundaries");

/// A point in the file's quantized integer grid: exact, so arcs meet at
/// equal points.
pub type Grid = (i64, i64);

/// An arc as the file numbers it: `i` forwards, `!i` (that is `-i - 1`)
/// backwards.
pub type ArcRef = i32;

/// A ring of a polygon: arcs followed end to end.
pub type Ring = Vec<ArcRef>;

/// One prefecture's boundaries.
pub struct Topology {
    /// Every arc as absolute grid points.
    pub arcs: Vec<Vec<Grid>>,
    scale: [f64; 2],
    translate: [f64; 2],
    /// 6-digit code (with check digit) → the rings of its polygons.
    shapes: BTreeMap<String, Vec<Ring>>,
    /// A designated city's 6-digit code → its wards' codes, in file order.
    wards: BTreeMap<String, Vec<String>>,
}

#[derive(Deserialize)]
struct File {
    arcs: Vec<Vec<[i64; 2]>>,
    transform: Transform,
    objects: BTreeMap<String, Collection>,
}

#[derive(Deserialize)]
struct Transform {
    scale: [f64; 2],
    translate: [f64; 2],
}

#[derive(Deserialize)]
struct Collection {
    geometries: Vec<Geometry>,
}

#[derive(Deserialize)]
#[serde(tag = "type")]
enum Geometry {
    Polygon {
        arcs: Vec<Ring>,
        properties: Properties,
    },
    MultiPolygon {
        arcs: Vec<Vec<Ring>>,
        properties: Properties,
    },
}

#[derive(Deserialize)]
struct Properties {
    /// County or designated city (`浜松市` for its wards).
    #[serde(rename = "N03_003")]
    county: Option<String>,
    /// 5-digit code, no check digit; none for land of undecided municipality.
    #[serde(rename = "N03_007")]
    code: Option<String>,
}

impl Topology {
    /// The boundaries of prefecture `PP`, `None` for a code with no file.
    pub fn of(prefecture: &str) -> Option<Topology> {
        let file = FILES.get_file(format!("{prefecture}.topojson"))?;
        let file: File = serde_json::from_slice(file.contents())
            .expect("the built-in boundaries are valid TopoJSON (tested)");
        Some(Topology::from_file(prefecture, file))
    }

    fn from_file(prefecture: &str, file: File) -> Topology {
        let arcs = file
            .arcs
            .iter()
            .map(|deltas| {
                let (mut x, mut y) = (0, 0);
                deltas
                    .iter()
                    .map(|[dx, dy]| {
                        x += dx;
                        y += dy;
                        (x, y)
                    })
                    .collect()
            })
            .collect();
        let mut shapes = BTreeMap::new();
        let mut wards: BTreeMap<String, Vec<String>> = BTreeMap::new();
        for geometry in file.objects.into_values().flat_map(|c| c.geometries) {
            let (rings, properties) = match geometry {
                Geometry::Polygon { arcs, properties } => (arcs, properties),
                Geometry::MultiPolygon { arcs, properties } => {
                    (arcs.into_iter().flatten().collect(), properties)
                }
            };
            let Some(code) = properties.code.as_deref().and_then(with_check_digit) else {
                continue;
            };
            // Wards name their designated city as their county; the city's
            // code comes from the national list, which also knows wards that
            // no longer exist under their 2021 codes (浜松市).
            if let Some(city) = properties
                .county
                .as_deref()
                .and_then(|name| gov_codes::find_by_name(prefecture, name))
                .filter(|e| e.kind == gov_codes::Kind::DesignatedCity)
            {
                wards
                    .entry(city.code.to_string())
                    .or_default()
                    .push(code.clone());
            }
            shapes.insert(code, rings);
        }
        Topology {
            arcs,
            scale: file.transform.scale,
            translate: file.transform.translate,
            shapes,
            wards,
        }
    }

    /// The rings of the municipality or ward with this 6-digit code.
    pub fn shape(&self, code: &str) -> Option<&[Ring]> {
        self.shapes.get(code).map(Vec::as_slice)
    }

    /// The codes of a designated city's wards as the boundaries have them.
    pub fn wards(&self, city: &str) -> &[String] {
        self.wards.get(city).map_or(&[], Vec::as_slice)
    }

    /// Longitude and latitude of a grid point, in degrees.
    pub fn degrees(&self, (x, y): Grid) -> (f64, f64) {
        (
            x as f64 * self.scale[0] + self.translate[0],
            y as f64 * self.scale[1] + self.translate[1],
        )
    }
}

/// The points of an arc reference in the order the ring follows it.
pub fn follow(arcs: &[Vec<Grid>], arc: ArcRef) -> impl Iterator<Item = Grid> + '_ {
    let points = &arcs[index(arc)];
    let forward = arc >= 0;
    (0..points.len()).map(move |i| points[if forward { i } else { points.len() - 1 - i }])
}

/// The arc an arc reference names, whichever way it runs.
pub fn index(arc: ArcRef) -> usize {
    (if arc >= 0 { arc } else { !arc }) as usize
}

fn with_check_digit(code: &str) -> Option<String> {
    let digit = gov_codes::check_digit(code)?;
    Some(format!("{code}{digit}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_prefecture_has_its_boundaries() {
        for p in 1..=47 {
            let topology = Topology::of(&format!("{p:02}")).expect("a file per prefecture");
            assert!(!topology.shapes.is_empty());
        }
        assert!(Topology::of("48").is_none());
    }

    #[test]
    fn hamamatsu_has_its_old_wards_under_the_city() {
        let shizuoka = Topology::of("22").unwrap();
        assert_eq!(shizuoka.wards("221309").len(), 7);
        assert!(shizuoka.shape("221309").is_none());
        assert_eq!(Topology::of("27").unwrap().wards("271004").len(), 24);
    }

    #[test]
    fn codes_get_their_check_digit() {
        let oita = Topology::of("44").unwrap();
        assert!(oita.shape("442011").is_some());
        assert_eq!(oita.shapes.len(), 18);
    }
}
