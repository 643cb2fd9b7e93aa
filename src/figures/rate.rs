//! Rates as DESIGN.md defines them: percent with one decimal, rounded half up
//! in integer arithmetic, and no rate at all over zero offices.

use std::fmt;

/// A percentage in tenths (`105` is 10.5%), or none when the denominator is zero.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
pub struct Rate(Option<u32>);

impl Rate {
    /// part / whole, rounded half up to a tenth of a percent.
    pub fn of(part: u32, whole: u32) -> Rate {
        if whole == 0 {
            return Rate(None);
        }
        let (part, whole) = (u64::from(part), u64::from(whole));
        Rate(Some(((part * 2000 + whole) / (2 * whole)) as u32))
    }

    /// Tenths of a percent.
    pub fn tenths(self) -> Option<u32> {
        self.0
    }

    /// As a JSON number (`10.5`), `None` when there is no rate.
    pub fn as_f64(self) -> Option<f64> {
        self.0.map(|t| f64::from(t) / 10.0)
    }
}

/// `10.5`, or nothing when there is no rate (the open-data form).
impl fmt::Display for Rate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            Some(t) => write!(f, "{}.{}", t / 10, t % 10),
            None => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rounds_half_up() {
        assert_eq!(Rate::of(1, 16).to_string(), "6.3");
        assert_eq!(Rate::of(59, 86).to_string(), "68.6");
        assert_eq!(Rate::of(411, 3908).to_string(), "10.5");
        assert_eq!(Rate::of(1, 3).to_string(), "33.3");
        assert_eq!(Rate::of(2, 3).to_string(), "66.7");
        assert_eq!(Rate::of(1, 2000).to_string(), "0.1");
        assert_eq!(Rate::of(0, 5).to_string(), "0.0");
        assert_eq!(Rate::of(7, 7).to_string(), "100.0");
        assert_eq!(Rate::of(0, 0).to_string(), "");
        assert_eq!(Rate::of(0, 0).as_f64(), None);
    }
}
