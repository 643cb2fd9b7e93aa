//! Writing the map as SVG text: paths in relative integer steps, one link per
//! shape, and the hatch patterns the shapes use.
//!
//! Written by hand rather than through plotters: the map is links and paths
//! with attributes, and every byte counts for a prefecture of 188 shapes.

use std::fmt::Write;

use super::palette;
use super::project::Point;
use crate::render::format::escape_into;

/// Width of one hatch stripe pair, in the user units of whatever uses it.
const HATCH: u32 = 8;

/// One shape to draw.
pub struct Shape<'a> {
    pub url: &'a str,
    pub code: &'a str,
    /// The open-data rate, empty when there are no offices.
    pub rate: String,
    /// The link's accessible name (and tooltip).
    pub label: String,
    pub fill: Fill,
    pub rings: Vec<Vec<Point>>,
}

/// How a shape is filled.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fill {
    NoData,
    Class(usize),
    /// A class, hatched because its rate rests on few offices.
    Hatched(usize),
}

impl Fill {
    /// The value of a `fill` attribute.
    pub fn paint(self) -> String {
        match self {
            Fill::NoData => palette::NO_DATA.hex(),
            Fill::Class(class) => palette::CLASSES[class].hex(),
            Fill::Hatched(class) => format!("url(#{})", pattern_id(class)),
        }
    }
}

fn pattern_id(class: usize) -> String {
    format!("map-few-{class}")
}

/// The whole `<svg>` element.
pub fn map(width: i32, height: i32, title: &str, desc: &str, shapes: &[Shape]) -> String {
    let mut out = String::new();
    let _ = write!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"map\" viewBox=\"0 0 {width} {height}\" role=\"group\" aria-labelledby=\"map-title\" aria-describedby=\"map-desc\"><title id=\"map-title\">"
    );
    escape_into(&mut out, title);
    out.push_str("</title><desc id=\"map-desc\">");
    escape_into(&mut out, desc);
    out.push_str("</desc>");
    let mut hatched: Vec<usize> = shapes
        .iter()
        .filter_map(|s| match s.fill {
            Fill::Hatched(class) => Some(class),
            _ => None,
        })
        .collect();
    hatched.sort_unstable();
    hatched.dedup();
    if !hatched.is_empty() {
        out.push_str("<defs>");
        for class in hatched {
            pattern(&mut out, class);
        }
        out.push_str("</defs>");
    }
    let _ = write!(
        out,
        "<g stroke=\"{}\" stroke-width=\"1.2\" stroke-linejoin=\"round\">",
        palette::OUTLINE.hex()
    );
    for shape in shapes {
        out.push_str("<a href=\"");
        escape_into(&mut out, shape.url);
        let _ = write!(
            out,
            "\" data-code=\"{}\" data-rate=\"{}\"><title>",
            shape.code, shape.rate
        );
        escape_into(&mut out, &shape.label);
        let _ = write!(out, "</title><path fill=\"{}\" d=\"", shape.fill.paint());
        path(&mut out, &shape.rings);
        out.push_str("\"/></a>");
    }
    out.push_str("</g></svg>");
    out
}

/// Diagonal stripes over a class colour.
fn pattern(out: &mut String, class: usize) {
    let _ = write!(
        out,
        "<pattern id=\"{id}\" width=\"{HATCH}\" height=\"{HATCH}\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\"><rect width=\"{HATCH}\" height=\"{HATCH}\" fill=\"{fill}\"/><path d=\"M0 0V{HATCH}\" stroke=\"{line}\" stroke-width=\"{half}\"/></pattern>",
        id = pattern_id(class),
        fill = palette::CLASSES[class].hex(),
        line = palette::hatch(class).hex(),
        half = HATCH / 2,
    );
}

/// A legend swatch: a small outlined square in a shape's fill.
pub fn swatch(fill: Fill) -> String {
    format!(
        "<svg class=\"map-swatch\" width=\"24\" height=\"16\" viewBox=\"0 0 24 16\" aria-hidden=\"true\"><rect x=\".5\" y=\".5\" width=\"23\" height=\"15\" fill=\"{}\" stroke=\"{}\"/></svg>",
        fill.paint(),
        palette::OUTLINE.hex()
    )
}

/// Path data: each ring from an absolute start in relative steps, closed.
fn path(out: &mut String, rings: &[Vec<Point>]) {
    for ring in rings {
        let Some(&(x, y)) = ring.first() else {
            continue;
        };
        let _ = write!(out, "M{x} {y}l");
        let mut at = (x, y);
        for (i, &(x, y)) in ring[1..].iter().enumerate() {
            let (dx, dy) = (x - at.0, y - at.1);
            if i > 0 && dx >= 0 {
                out.push(' ');
            }
            let _ = write!(out, "{dx}");
            if dy >= 0 {
                out.push(' ');
            }
            let _ = write!(out, "{dy}");
            at = (x, y);
        }
        out.push('z');
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_relative_steps_with_minus_signs_as_separators() {
        let mut out = String::new();
        path(
            &mut out,
            &[
                vec![(10, 10), (13, 8), (12, 15)],
                vec![(0, 0), (1, 0), (1, 1)],
            ],
        );
        assert_eq!(out, "M10 10l3-2-1 7zM0 0l1 0 0 1z");
    }
}
