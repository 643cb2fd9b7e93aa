//! The outline of a shape made of one or more boundary geometries, as rings
//! of arcs.
//!
//! A designated city drawn without its wards (浜松市, whose 2021 wards are
//! not today's) is the union of its wards: an arc that one ward follows one
//! way and its neighbour the other way lies inside the union and is dropped,
//! and the arcs left are chained end to end into rings again. A single
//! municipality goes through the same steps and keeps its rings.

use std::collections::BTreeMap;

use super::topology::{ArcRef, Grid, Ring, follow, index};

/// The rings around the union of `parts` (each a list of rings).
pub fn union<'a>(arcs: &[Vec<Grid>], parts: impl IntoIterator<Item = &'a [Ring]>) -> Vec<Ring> {
    // Net use of each arc: +1 per forward use, −1 per backward one, kept in
    // the order arcs are first met so the result does not depend on hashing.
    let mut net: BTreeMap<usize, (usize, i32)> = BTreeMap::new();
    for arc in parts.into_iter().flatten().flatten() {
        let seen = net.len();
        let entry = net.entry(index(*arc)).or_insert((seen, 0));
        entry.1 += if *arc >= 0 { 1 } else { -1 };
    }
    let mut kept: Vec<(usize, ArcRef)> = net
        .into_iter()
        .flat_map(|(i, (order, count))| {
            let arc = i as ArcRef;
            let signed = if count > 0 { arc } else { !arc };
            std::iter::repeat_n((order, signed), count.unsigned_abs() as usize)
        })
        .collect();
    kept.sort_unstable();
    chain(arcs, kept.into_iter().map(|(_, arc)| arc).collect())
}

/// Chains arcs into closed rings, each next arc the first unused one that
/// starts where the ring has got to.
fn chain(arcs: &[Vec<Grid>], kept: Vec<ArcRef>) -> Vec<Ring> {
    let start = |arc: ArcRef| follow(arcs, arc).next().expect("arcs have points");
    let end = |arc: ArcRef| follow(arcs, arc).last().expect("arcs have points");
    let mut starting: BTreeMap<Grid, Vec<usize>> = BTreeMap::new();
    for (i, &arc) in kept.iter().enumerate() {
        starting.entry(start(arc)).or_default().push(i);
    }
    let mut used = vec![false; kept.len()];
    let mut rings = Vec::new();
    for first in 0..kept.len() {
        if used[first] {
            continue;
        }
        used[first] = true;
        let origin = start(kept[first]);
        let mut ring = vec![kept[first]];
        let mut at = end(kept[first]);
        while at != origin {
            let next = starting
                .get(&at)
                .and_then(|candidates| candidates.iter().copied().find(|&i| !used[i]));
            // Boundaries from the file always close; a ring that cannot be
            // continued is closed where it stands rather than lost.
            let Some(next) = next else { break };
            used[next] = true;
            ring.push(kept[next]);
            at = end(kept[next]);
        }
        rings.push(ring);
    }
    rings
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Two unit squares side by side sharing the arc x = 1.
    fn squares() -> Vec<Vec<Grid>> {
        vec![
            vec![(1, 0), (1, 1)],                 // 0: the shared side, upwards
            vec![(1, 1), (0, 1), (0, 0), (1, 0)], // 1: the left square's other sides
            vec![(1, 0), (2, 0), (2, 1), (1, 1)], // 2: the right square's other sides
        ]
    }

    #[test]
    fn a_single_shape_keeps_its_ring() {
        let arcs = squares();
        let left: Vec<Ring> = vec![vec![0, 1]];
        assert_eq!(union(&arcs, [left.as_slice()]), vec![vec![0, 1]]);
    }

    #[test]
    fn the_arc_between_two_wards_is_dropped() {
        let arcs = squares();
        let left: Vec<Ring> = vec![vec![0, 1]];
        let right: Vec<Ring> = vec![vec![2, !0]];
        assert_eq!(
            union(&arcs, [left.as_slice(), right.as_slice()]),
            vec![vec![1, 2]]
        );
    }
}
