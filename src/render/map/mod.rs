//! The adoption map: one shape per municipality or ward, filled by its rate,
//! drawn at build time as inline SVG from the boundaries built into the
//! binary (DESIGN.md, after the open-data columns).
//!
//! People who do not read charts see at a glance where adoption lags. The
//! input is plain ([`MapPlace`]), so the map does not depend on how the
//! model stores places: the page builder lists the places it shows and their
//! figures, and gets back the SVG and its legend, or nothing when no place
//! has a boundary (a city portal without wards).
//!
//! Which shapes: every place with a boundary of its own. A designated city
//! has none (its wards do); it is drawn as the union of its wards when none
//! of the places listed is one of those wards — which is how 浜松市 is drawn,
//! since the boundaries (2021) have its seven old wards and the code list its
//! three new ones, which have no shape and stay in the table.
//!
//! Each shape is a link to its place's page with `data-code` and `data-rate`
//! (the open-data rate, empty over zero offices) and a `<title>` giving its
//! name and rate, which is the link's accessible name. The table beside the
//! map remains the text equivalent.

mod classes;
mod outline;
mod palette;
mod project;
mod svg;
mod topology;

use serde::Serialize;

use crate::figures::Rate;
use crate::render::format;
use classes::Classes;
use project::{Point, Projection};
use svg::{Fill, Shape};
use topology::Topology;

/// The credit the boundaries' source requires under every map.
pub const CREDIT: &str =
    "出典：国土交通省「国土数値情報（行政区域データ）」（2021年1月1日時点）を加工して作成";

/// Below this many offices a rate swings with one office, so its shape is
/// hatched.
pub const FEW_OFFICES: u32 = 20;

/// A place to draw, with its figures.
pub struct MapPlace<'a> {
    /// 6-digit local government code with its check digit.
    pub code: &'a str,
    pub name: &'a str,
    pub rate: Rate,
    pub offices: u32,
    /// The place's page.
    pub url: String,
}

/// A drawn map, for a template.
#[derive(Debug, Clone, Serialize)]
pub struct MapView {
    pub title: String,
    pub svg: String,
    pub legend: Vec<LegendEntry>,
    pub credit: &'static str,
}

/// One line of the legend: a swatch (inline SVG) and what it means.
#[derive(Debug, Clone, Serialize)]
pub struct LegendEntry {
    pub swatch: String,
    pub label: String,
}

/// Draws the places of prefecture `PP` that have boundaries; `None` when
/// none has.
pub fn draw(prefecture: &str, title: &str, places: &[MapPlace]) -> Option<MapView> {
    let topology = Topology::of(prefecture)?;
    let outlined: Vec<(&MapPlace, Vec<topology::Ring>)> = places
        .iter()
        .filter_map(|place| Some((place, outline_of(&topology, place, places)?)))
        .collect();
    let used = || {
        outlined
            .iter()
            .flat_map(|(_, rings)| rings.iter().flatten())
            .map(|&arc| topology::index(arc))
    };
    let projection = Projection::fit(
        used()
            .flat_map(|i| topology.arcs[i].iter())
            .map(|&grid| topology.degrees(grid)),
    )?;
    let mut projected: Vec<Option<Vec<Point>>> = vec![None; topology.arcs.len()];
    for i in used() {
        if projected[i].is_none() {
            projected[i] = Some(projection.arc(&topology, &topology.arcs[i]));
        }
    }
    let classes = Classes::fit(outlined.iter().filter_map(|(place, _)| place.rate.tenths()));
    let fill = |place: &MapPlace| match place.rate.tenths() {
        None => Fill::NoData,
        Some(tenths) if place.offices < FEW_OFFICES => Fill::Hatched(classes.of(tenths)),
        Some(tenths) => Fill::Class(classes.of(tenths)),
    };
    let shapes: Vec<Shape> = outlined
        .iter()
        .map(|(place, rings)| Shape {
            url: &place.url,
            code: place.code,
            rate: place.rate.to_string(),
            label: label(place),
            fill: fill(place),
            rings: drawn_rings(&projected, rings),
        })
        .collect();
    let svg = svg::map(
        projection.width,
        projection.height,
        title,
        DESCRIPTION,
        &shapes,
    );
    Some(MapView {
        title: title.to_string(),
        svg,
        legend: legend(&classes, &shapes),
        credit: CREDIT,
    })
}

const DESCRIPTION: &str = "導入率を5段階の色で塗り分けた地図です。色が濃いほど導入率が高く、灰色は対象事業所がないところ、斜線は対象事業所が20未満で導入率が変わりやすいところです。それぞれの形はそのページへのリンクです。すべての数値は地図の下の表にあります。";

/// The rings of a place's shape, `None` when it has no boundary to draw.
fn outline_of(
    topology: &Topology,
    place: &MapPlace,
    places: &[MapPlace],
) -> Option<Vec<topology::Ring>> {
    if let Some(own) = topology.shape(place.code) {
        return Some(outline::union(&topology.arcs, [own]));
    }
    let wards = topology.wards(place.code);
    let wards_drawn = places
        .iter()
        .any(|p| wards.iter().any(|ward| ward == p.code));
    if wards.is_empty() || wards_drawn {
        return None;
    }
    Some(outline::union(
        &topology.arcs,
        wards.iter().filter_map(|ward| topology.shape(ward)),
    ))
}

/// The rings of a shape in user units. An island smaller than the drawing's
/// resolution would lose every ring; it is drawn as a small square where it
/// lies, so it is still there to see and to follow.
fn drawn_rings(projected: &[Option<Vec<Point>>], rings: &[topology::Ring]) -> Vec<Vec<Point>> {
    let drawn: Vec<Vec<Point>> = rings
        .iter()
        .filter_map(|ring| points(projected, ring))
        .collect();
    if !drawn.is_empty() {
        return drawn;
    }
    let corner =
        |arc: &topology::ArcRef| projected[topology::index(*arc)].as_ref()?.first().copied();
    rings
        .iter()
        .flatten()
        .find_map(corner)
        .map(|(x, y)| {
            vec![vec![
                (x - 2, y - 2),
                (x + 2, y - 2),
                (x + 2, y + 2),
                (x - 2, y + 2),
            ]]
        })
        .unwrap_or_default()
}

/// A ring's points, each joint once; `None` when simplifying left it
/// without area.
fn points(projected: &[Option<Vec<Point>>], ring: &[topology::ArcRef]) -> Option<Vec<Point>> {
    let mut points: Vec<Point> = Vec::new();
    for &arc in ring {
        let arc_points = projected[topology::index(arc)]
            .as_ref()
            .expect("every arc of a drawn ring is projected");
        let mut step = |p: &Point| {
            if points.last() != Some(p) {
                points.push(*p);
            }
        };
        if arc >= 0 {
            arc_points.iter().for_each(&mut step);
        } else {
            arc_points.iter().rev().for_each(&mut step);
        }
    }
    if points.len() > 1 && points.first() == points.last() {
        points.pop();
    }
    (points.len() >= 3).then_some(points)
}

/// `大分市 14.6%`, with why a hatched or grey shape is so.
fn label(place: &MapPlace) -> String {
    match place.rate.tenths() {
        None => format!("{} データなし（対象事業所なし）", place.name),
        Some(_) if place.offices < FEW_OFFICES => format!(
            "{} {}（対象事業所{}か所）",
            place.name,
            format::percent(place.rate),
            place.offices
        ),
        Some(_) => format!("{} {}", place.name, format::percent(place.rate)),
    }
}

/// The five classes, then grey and hatching when the map has them.
fn legend(classes: &Classes, shapes: &[Shape]) -> Vec<LegendEntry> {
    let mut legend: Vec<LegendEntry> = classes
        .labels()
        .into_iter()
        .enumerate()
        .map(|(class, label)| LegendEntry {
            swatch: svg::swatch(Fill::Class(class)),
            label,
        })
        .collect();
    if shapes.iter().any(|s| s.fill == Fill::NoData) {
        legend.push(LegendEntry {
            swatch: svg::swatch(Fill::NoData),
            label: "データなし（対象事業所なし）".to_string(),
        });
    }
    if let Some(hatched) = shapes.iter().find(|s| matches!(s.fill, Fill::Hatched(_))) {
        legend.push(LegendEntry {
            swatch: svg::swatch(hatched.fill),
            label: format!("斜線：対象事業所が{FEW_OFFICES}未満（導入率が変わりやすい）"),
        });
    }
    legend
}

#[cfg(test)]
mod tests;
