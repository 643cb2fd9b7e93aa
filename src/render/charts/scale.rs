//! Percent axes: always from 0, up to a round top with a few round steps.

/// A percent axis from 0, in tenths of a percent like [`crate::figures::Rate`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PercentAxis {
    pub top: u32,
    pub step: u32,
}

/// Steps an axis may take, in tenths of a percent.
const STEPS: [u32; 7] = [5, 10, 20, 50, 100, 200, 250];

/// The smallest top an axis gets, so that rates near 0 do not fill the chart.
const LEAST_TOP: u32 = 50;

impl PercentAxis {
    /// The axis that shows `max` (tenths) with at most `intervals` steps.
    pub fn fit(max: u32, intervals: u32) -> PercentAxis {
        let max = max.clamp(LEAST_TOP, 1000);
        let step = STEPS
            .iter()
            .copied()
            .find(|step| max.div_ceil(*step) <= intervals)
            .unwrap_or(250);
        PercentAxis {
            top: (max.div_ceil(step) * step).min(1000),
            step,
        }
    }

    /// Tick values from 0 to the top.
    pub fn ticks(self) -> impl Iterator<Item = u32> {
        (0..=self.top).step_by(self.step as usize)
    }

    /// The top as a percentage, for plotting.
    pub fn top_percent(self) -> f64 {
        f64::from(self.top) / 10.0
    }
}

/// A tick label: `20%`, or `2.5%` when the tick is not whole.
pub fn tick_label(tenths: u32) -> String {
    if tenths.is_multiple_of(10) {
        format!("{}%", tenths / 10)
    } else {
        format!("{}.{}%", tenths / 10, tenths % 10)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn axes_start_at_zero_and_end_round() {
        assert_eq!(
            PercentAxis::fit(686, 5),
            PercentAxis {
                top: 800,
                step: 200
            }
        );
        assert_eq!(PercentAxis::fit(105, 5), PercentAxis { top: 150, step: 50 });
        assert_eq!(PercentAxis::fit(163, 4), PercentAxis { top: 200, step: 50 });
        assert_eq!(PercentAxis::fit(0, 5), PercentAxis { top: 50, step: 10 });
        assert_eq!(
            PercentAxis::fit(1000, 5),
            PercentAxis {
                top: 1000,
                step: 200
            }
        );
        assert_eq!(
            PercentAxis::fit(1000, 4),
            PercentAxis {
                top: 1000,
                step: 250
            }
        );
        assert_eq!(
            PercentAxis::fit(686, 5).ticks().collect::<Vec<_>>(),
            vec![0, 200, 400, 600, 800]
        );
    }

    #[test]
    fn tick_labels() {
        assert_eq!(tick_label(200), "20%");
        assert_eq!(tick_label(25), "2.5%");
        assert_eq!(tick_label(0), "0%");
    }
}
