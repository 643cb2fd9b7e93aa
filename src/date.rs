//! Calendar dates as the inputs write them (`2025-11-30`), nothing more.
//!
//! Snapshot file names, front matter and survey dates are plain days without
//! time zones; a small value type keeps them comparable and printable without
//! pulling in a date-time library.

use std::fmt;

/// A valid Gregorian calendar day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: u16,
    pub month: u8,
    pub day: u8,
}

impl Date {
    /// A date if the day exists.
    pub fn new(year: u16, month: u8, day: u8) -> Option<Date> {
        let valid = (1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month);
        valid.then_some(Date { year, month, day })
    }

    /// Parses exactly `YYYY-MM-DD`.
    pub fn parse(text: &str) -> Option<Date> {
        let bytes = text.as_bytes();
        if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
            return None;
        }
        let number = |range: std::ops::Range<usize>| -> Option<u16> {
            let part = &text[range];
            part.bytes()
                .all(|b| b.is_ascii_digit())
                .then(|| part.parse().ok())?
        };
        Date::new(number(0..4)?, number(5..7)? as u8, number(8..10)? as u8)
    }
}

impl Date {
    /// The day `days` after 1970-01-01 (Howard Hinnant's `civil_from_days`).
    pub fn from_days_since_epoch(days: i64) -> Date {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z.rem_euclid(146_097);
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as u16;
        Date { year, month, day }
    }
}

/// Today in Japan (UTC+9, which has no daylight saving time). The clock is
/// read only by the commands (`cli`, `serve`), which hand the day to the
/// pipeline as a value, so a build is a function of its inputs.
pub fn today_in_japan() -> Date {
    const JST: i64 = 9 * 3600;
    let seconds = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(0));
    Date::from_days_since_epoch((seconds + JST).div_euclid(86_400))
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// The number of days of a month (1 to 12) of a year.
pub fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        2 if year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400)) => {
            29
        }
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_only_real_days() {
        assert_eq!(Date::parse("2025-11-30").unwrap().to_string(), "2025-11-30");
        assert!(Date::parse("2024-02-29").is_some());
        assert!(Date::parse("2025-02-29").is_none());
        assert!(Date::parse("2025/11/30").is_none());
        assert!(Date::parse("2025-1-30").is_none());
        assert!(Date::parse("+025-11-30").is_none());
    }

    #[test]
    fn counts_days_from_the_epoch() {
        for (days, date) in [
            (0, "1970-01-01"),
            (20_422, "2025-11-30"),
            (19_782, "2024-02-29"),
            (-1, "1969-12-31"),
        ] {
            assert_eq!(Date::from_days_since_epoch(days).to_string(), date);
        }
    }
}
