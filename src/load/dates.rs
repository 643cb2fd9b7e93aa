//! Dates as people write them when not as `2025-12-08`: in the Japanese era
//! (`令和7年12月8日`, `R7.12.8`, `令和元年`), with slashes (`2025/12/8`), in
//! 年月日, as eight digits (`20251208`), month first (`12/8/2025`) or in
//! full-width digits.
//!
//! A date cell of a table ([`cell`]) may be written in the forms Excel and
//! people write (`2026-04-15`, `2026/4/15`, `2026年4月15日`, `R8.4.15`,
//! `令和8年4月15日`); any other form that still tells the day ([`western`])
//! is refused with the day it would be, so a message can give it.

use crate::date::{self, Date};
use crate::messages::Text;
use crate::messages::load::DateMsg;

/// The eras a date written today may be in: name, Latin initial, the
/// Western year before its first year.
const ERAS: [(&str, char, u16); 3] = [
    ("令和", 'R', 2018),
    ("平成", 'H', 1988),
    ("昭和", 'S', 1925),
];

/// The parts of a date as written, before its day is checked.
struct Parts {
    year: u16,
    month: u8,
    day: u8,
    era: Option<&'static str>,
    /// The text between and after the numbers (`-`, `-`; `年`, `月`, `日`).
    separators: Vec<String>,
    /// The year came first and nothing stood before it.
    year_first: bool,
    /// A time followed the day.
    time: bool,
}

/// Reads the numbers of a date in any form renkei can tell.
fn parts(text: &str) -> Option<Parts> {
    let text: String = text
        .trim()
        .chars()
        .map(|c| match c {
            '０'..='９' => char::from(b'0' + (c as u32 - '０' as u32) as u8),
            '／' => '/',
            '－' | '‐' => '-',
            '．' => '.',
            _ => c,
        })
        .collect::<String>()
        .replace("元年", "1年");
    // A time after the day (`2026/4/15 0:00`, a date-time cell saved as text).
    let (text, time) = match text.split_once(char::is_whitespace) {
        Some((day, time)) if time.contains(':') => (day.to_string(), true),
        _ => (text, false),
    };
    let first = text.chars().next()?.to_ascii_uppercase();
    let era = ERAS
        .iter()
        .find(|(name, initial, _)| text.starts_with(name) || first == *initial);
    let rest = match era {
        Some((name, _, _)) if text.starts_with(name) => &text[name.len()..],
        Some(_) => &text[first.len_utf8()..],
        None => &text[..],
    };
    let numbers: Vec<&str> = rest
        .split(|c: char| !c.is_ascii_digit())
        .filter(|p| !p.is_empty())
        .collect();
    let separators: Vec<String> = rest
        .split(|c: char| c.is_ascii_digit())
        .skip(1)
        .filter(|p| !p.is_empty())
        .map(str::to_string)
        .collect();
    let starts_with_number = rest.starts_with(|c: char| c.is_ascii_digit());
    let (y, m, d, year_first) = match numbers[..] {
        [y, m, d] if era.is_some() || y.len() == 4 => (y, m, d, true),
        // Month or day first, the year last: `4/15/2026`, `15/4/2026`.
        [a, b, y] if era.is_none() && y.len() == 4 => {
            let (a, b) = (a.parse::<u8>().ok()?, b.parse::<u8>().ok()?);
            let (month, day) = if a <= 12 { (a, b) } else { (b, a) };
            return Some(Parts {
                year: y.parse().ok()?,
                month,
                day,
                era: None,
                separators,
                year_first: false,
                time,
            });
        }
        [ymd] if ymd.len() == 8 && era.is_none() => (&ymd[..4], &ymd[4..6], &ymd[6..], false),
        _ => return None,
    };
    let (Ok(year), Ok(month), Ok(day)) = (y.parse::<u16>(), m.parse::<u8>(), d.parse::<u8>())
    else {
        return None;
    };
    let (year, era) = match era {
        Some((name, _, offset)) if (1..100).contains(&year) => (year + offset, Some(*name)),
        Some(_) => return None,
        None => (year, None),
    };
    Some(Parts {
        year,
        month,
        day,
        era,
        separators,
        year_first: year_first && starts_with_number,
        time,
    })
}

/// The day meant by `text`, and the era's name when it was written in one;
/// `None` when the text is no date renkei can tell.
pub fn western(text: &str) -> Option<(Date, Option<&'static str>)> {
    let parts = parts(text)?;
    Date::new(parts.year, parts.month, parts.day).map(|date| (date, parts.era))
}

/// A date cell: `Ok` in the forms a table may use, otherwise the day it
/// would be when that can be told.
pub fn cell(text: &str) -> Result<Date, Option<Date>> {
    let Some(parts) = parts(text) else {
        return Err(None);
    };
    let date = Date::new(parts.year, parts.month, parts.day);
    let separators: Vec<&str> = parts.separators.iter().map(String::as_str).collect();
    let accepted = parts.year_first
        && !parts.time
        && matches!(
            (parts.era, &separators[..]),
            (_, ["-", "-"] | ["/", "/"] | ["年", "月", "日"]) | (Some(_), [".", "."])
        );
    match date {
        Some(date) if accepted => Ok(date),
        date => Err(date),
    }
}

/// A day past the end of its month (`2025-11-31`): the month and its number
/// of days, so a message can say that November has 30 days.
pub fn past_month_end(text: &str) -> Option<(u8, u8)> {
    let parts = parts(text)?;
    let days = (1..=12)
        .contains(&parts.month)
        .then(|| date::days_in_month(parts.year, parts.month))?;
    (parts.day > days).then_some((parts.month, days))
}

/// What to write instead of a date cell that could not be read: the day
/// it would be, when that can be told, or why there is no such day.
pub fn hint(text: &str, guess: Option<Date>) -> Text {
    match (guess, past_month_end(text)) {
        (Some(date), _) => DateMsg::Meant {
            date: date.to_string(),
        }
        .into(),
        (None, Some((month, days))) => DateMsg::PastMonthEnd { month, days }.into(),
        (None, None) => DateMsg::Forms.into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Option<(String, Option<&'static str>)> {
        western(text).map(|(date, era)| (date.to_string(), era))
    }

    #[test]
    fn era_dates_give_their_western_day() {
        let reiwa = Some(("2025-12-08".to_string(), Some("令和")));
        assert_eq!(read("令和7年12月8日"), reiwa);
        assert_eq!(read("R7.12.8"), reiwa);
        assert_eq!(read("r07/12/08"), reiwa);
        assert_eq!(read("令和７年１２月８日"), reiwa);
        assert_eq!(
            read("平成31年4月30日"),
            Some(("2019-04-30".to_string(), Some("平成")))
        );
        assert_eq!(
            read("令和元年5月1日"),
            Some(("2019-05-01".to_string(), Some("令和")))
        );
        assert_eq!(read("令和7年13月1日"), None);
    }

    #[test]
    fn western_forms_give_their_day() {
        let day = Some(("2025-11-30".to_string(), None));
        assert_eq!(read("2025/11/30"), day);
        assert_eq!(read("20251130"), day);
        assert_eq!(read("２０２５－１１－３０"), day);
        assert_eq!(read("11/30/2025"), day);
        assert_eq!(read("30/11/2025"), day);
        assert_eq!(read("2025/11/30 0:00"), day);
        assert_eq!(read("25.11.30"), None);
        assert_eq!(read("latest"), None);
    }

    fn cell_text(text: &str) -> Result<String, Option<String>> {
        cell(text)
            .map(|d| d.to_string())
            .map_err(|guess| guess.map(|d| d.to_string()))
    }

    #[test]
    fn a_cell_takes_the_forms_excel_and_people_write() {
        for text in [
            "2026-04-15",
            "2026/4/15",
            "2026年4月15日",
            "R8.4.15",
            "令和8年4月15日",
            "２０２６／４／１５",
            "2026-4-15",
        ] {
            assert_eq!(cell_text(text), Ok("2026-04-15".to_string()), "{text}");
        }
    }

    #[test]
    fn a_cell_in_another_form_gives_the_day_it_would_be() {
        let guess = Err(Some("2026-04-15".to_string()));
        for text in ["2026.4.15", "4/15/2026", "20260415", "2026/4/15 9:30"] {
            assert_eq!(cell_text(text), guess, "{text}");
        }
        assert_eq!(cell_text("2026/13/4"), Err(None));
        assert_eq!(cell_text("来年の春"), Err(None));
        assert_eq!(cell_text("2026-02-30"), Err(None));
    }

    #[test]
    fn a_day_past_the_month_end_names_the_month_length() {
        assert_eq!(past_month_end("2025-11-31"), Some((11, 30)));
        assert_eq!(past_month_end("2025-02-29"), Some((2, 28)));
        assert_eq!(past_month_end("2024-02-29"), None);
        assert_eq!(past_month_end("2025-13-01"), None);
    }
}
