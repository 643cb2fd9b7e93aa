//! From degrees to the map's integer user units, and as few points as the
//! picture needs.
//!
//! The projection is equirectangular with longitudes shrunk by the cosine of
//! the middle latitude: at a prefecture's size it keeps the shape a reader
//! knows, islands in their true place, with no projection library. The
//! longer side of what is drawn is [`EXTENT`] units; points are rounded to
//! whole units and each arc is simplified on its own (Douglas–Peucker,
//! keeping its ends), so a border shared by two shapes stays one line and
//! the page stays small.

use super::topology::{Grid, Topology};

/// The longer side of the drawing, in user units.
pub const EXTENT: f64 = 1000.0;

/// Space around the shapes, so outlines are not cut by the edge.
pub const MARGIN: i32 = 2;

/// Points closer than this to the line kept are dropped, in user units.
const TOLERANCE: f64 = 1.5;

/// A point of the drawing, in user units.
pub type Point = (i32, i32);

/// Degrees to user units for one drawing.
pub struct Projection {
    west: f64,
    north: f64,
    /// Units per degree of latitude; a degree of longitude is `shrink` of it.
    scale: f64,
    shrink: f64,
    pub width: i32,
    pub height: i32,
}

impl Projection {
    /// The projection that fits these points (in degrees) into the drawing.
    pub fn fit(points: impl IntoIterator<Item = (f64, f64)>) -> Option<Projection> {
        let (mut west, mut east, mut south, mut north) = (f64::MAX, f64::MIN, f64::MAX, f64::MIN);
        for (lon, lat) in points {
            west = west.min(lon);
            east = east.max(lon);
            south = south.min(lat);
            north = north.max(lat);
        }
        if west > east {
            return None;
        }
        let shrink = ((south + north) / 2.0).to_radians().cos();
        let (wide, tall) = ((east - west) * shrink, north - south);
        let scale = EXTENT / wide.max(tall).max(f64::EPSILON);
        Some(Projection {
            west,
            north,
            scale,
            shrink,
            width: (wide * scale).ceil() as i32 + 2 * MARGIN,
            height: (tall * scale).ceil() as i32 + 2 * MARGIN,
        })
    }

    fn at(&self, (lon, lat): (f64, f64)) -> Point {
        (
            ((lon - self.west) * self.shrink * self.scale).round() as i32 + MARGIN,
            ((self.north - lat) * self.scale).round() as i32 + MARGIN,
        )
    }

    /// An arc in user units: rounded, without repeated points, simplified.
    pub fn arc(&self, topology: &Topology, arc: &[Grid]) -> Vec<Point> {
        let mut points: Vec<Point> = Vec::with_capacity(arc.len());
        for &grid in arc {
            let point = self.at(topology.degrees(grid));
            if points.last() != Some(&point) {
                points.push(point);
            }
        }
        simplify(&points)
    }
}

/// Douglas–Peucker: keeps both ends and every point farther than the
/// tolerance from the line through the points kept around it.
fn simplify(points: &[Point]) -> Vec<Point> {
    let mut keep = vec![false; points.len()];
    if let (Some(first), Some(last)) = (keep.first_mut(), points.len().checked_sub(1)) {
        *first = true;
        keep[last] = true;
    }
    let mut stack = vec![(0, points.len().saturating_sub(1))];
    while let Some((from, to)) = stack.pop() {
        if to <= from + 1 {
            continue;
        }
        let (far, distance) = (from + 1..to)
            .map(|i| (i, distance(points[i], points[from], points[to])))
            .fold((from, -1.0), |best, d| if d.1 > best.1 { d } else { best });
        if distance > TOLERANCE {
            keep[far] = true;
            stack.push((from, far));
            stack.push((far, to));
        }
    }
    points
        .iter()
        .zip(keep)
        .filter_map(|(p, k)| k.then_some(*p))
        .collect()
}

/// Distance from `p` to the line through `a` and `b` (to `a` when they meet,
/// as at the ends of a closed arc).
fn distance(p: Point, a: Point, b: Point) -> f64 {
    let (px, py) = (f64::from(p.0 - a.0), f64::from(p.1 - a.1));
    let (bx, by) = (f64::from(b.0 - a.0), f64::from(b.1 - a.1));
    let length = bx.hypot(by);
    if length == 0.0 {
        px.hypot(py)
    } else {
        (bx * py - by * px).abs() / length
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn simplifying_keeps_ends_and_corners() {
        let line = [(0, 0), (5, 0), (10, 1), (10, 10), (10, 20)];
        assert_eq!(simplify(&line), vec![(0, 0), (10, 1), (10, 20)]);
        assert_eq!(simplify(&[(3, 3)]), vec![(3, 3)]);
        assert_eq!(simplify(&[]), Vec::<Point>::new());
    }

    #[test]
    fn a_closed_arc_keeps_its_far_side() {
        let island = [(0, 0), (10, 0), (10, 10), (0, 10), (0, 0)];
        assert_eq!(simplify(&island), island.to_vec());
    }

    #[test]
    fn longitudes_shrink_with_latitude() {
        // One degree square at 60° north is half as wide as it is tall.
        let p = Projection::fit([(0.0, 59.5), (1.0, 60.5)]).unwrap();
        assert_eq!(p.height, 1000 + 2 * MARGIN);
        assert!((p.width - 2 * MARGIN - 500).abs() <= 1, "{}", p.width);
    }
}
