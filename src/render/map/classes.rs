//! Five rate classes whose edges a reader can say aloud.
//!
//! Adoption is skewed: most municipalities sit near zero while a few that
//! had support are far ahead, so equal steps would paint nearly everything
//! the lightest blue. The edges are therefore the quintiles of the drawn
//! rates, each moved to the nearest round number of a fixed ladder (1%,
//! 2.5%, 5%, 10%, 15%, …), so the legend reads `1%未満`, `1%以上2.5%未満`, …
//! and classes hold similar numbers of places.

use crate::render::format;

/// Round edges, in tenths of a percent.
const LADDER: [u32; 14] = [
    10, 25, 50, 100, 150, 200, 250, 300, 400, 500, 600, 700, 800, 900,
];

/// Edges when there is no rate to fit: 20%, 40%, 60%, 80%.
const EVEN: [usize; 4] = [5, 8, 10, 12];

/// The four inner edges of the classes, as indexes into [`LADDER`]: class
/// `k` holds rates from edge `k - 1` up to but not including edge `k`.
#[derive(Debug, PartialEq, Eq)]
pub struct Classes {
    edges: [usize; 4],
}

impl Classes {
    /// Classes for the rates given (in tenths of a percent).
    pub fn fit(rates: impl IntoIterator<Item = u32>) -> Classes {
        let mut rates: Vec<u32> = rates.into_iter().collect();
        if rates.is_empty() {
            return Classes { edges: EVEN };
        }
        rates.sort_unstable();
        let mut edges = [0; 4];
        for k in 0..4 {
            let quintile = rates[(k + 1) * rates.len() / 5];
            let nearest = (0..LADDER.len())
                .min_by_key(|&i| LADDER[i].abs_diff(quintile))
                .expect("the ladder has steps");
            // Strictly rising, and leaving room on the ladder for the rest.
            let lowest = if k == 0 { 0 } else { edges[k - 1] + 1 };
            edges[k] = nearest.max(lowest).min(LADDER.len() - 4 + k);
        }
        Classes { edges }
    }

    /// The class (0 to 4) of a rate in tenths.
    pub fn of(&self, tenths: u32) -> usize {
        self.edges.iter().filter(|&&e| tenths >= LADDER[e]).count()
    }

    /// The legend's label for each class, lowest first.
    pub fn labels(&self) -> [String; 5] {
        let edge = |k: usize| format::percent_edge(LADDER[self.edges[k]]);
        std::array::from_fn(|k| match k {
            0 => format!("{}未満", edge(0)),
            4 => format!("{}以上", edge(3)),
            k => format!("{}以上{}未満", edge(k - 1), edge(k)),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn edges(classes: &Classes) -> [u32; 4] {
        classes.edges.map(|e| LADDER[e])
    }

    #[test]
    fn oitas_skewed_rates_spread_over_the_classes() {
        let oita = [
            146, 37, 384, 250, 25, 25, 0, 8, 18, 686, 25, 18, 33, 0, 0, 30, 0, 17,
        ];
        let classes = Classes::fit(oita);
        assert_eq!(edges(&classes), [10, 25, 50, 150]);
        assert_eq!(
            classes.labels(),
            [
                "1%未満",
                "1%以上2.5%未満",
                "2.5%以上5%未満",
                "5%以上15%未満",
                "15%以上"
            ]
        );
        assert_eq!(classes.of(0), 0);
        assert_eq!(classes.of(25), 2);
        assert_eq!(classes.of(686), 4);
    }

    #[test]
    fn equal_rates_still_get_rising_edges() {
        assert_eq!(edges(&Classes::fit([100, 100, 100])), [100, 150, 200, 250]);
        assert_eq!(edges(&Classes::fit([1000])), [600, 700, 800, 900]);
        assert_eq!(edges(&Classes::fit([0])), [10, 25, 50, 100]);
        assert_eq!(edges(&Classes::fit([])), [200, 400, 600, 800]);
    }
}
