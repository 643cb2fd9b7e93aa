//! Dates as people write them when not as `2025-12-08`: in the Japanese era
//! (`令和7年12月8日`, `R7.12.8`, `令和元年`), with slashes (`2025/12/8`),
//! as eight digits (`20251208`) or in full-width digits. renkei reads only
//! `YYYY-MM-DD`; these are read here so a message can give the day meant.

use crate::date::Date;

/// The eras a date written today may be in: name, Latin initial, the
/// Western year before its first year.
const ERAS: [(&str, char, u16); 3] = [
    ("令和", 'R', 2018),
    ("平成", 'H', 1988),
    ("昭和", 'S', 1925),
];

/// The day meant by `text`, and the era's name when it was written in one;
/// `None` when the text is no date renkei can tell.
pub fn western(text: &str) -> Option<(Date, Option<&'static str>)> {
    let text: String = text
        .trim()
        .chars()
        .map(|c| match c {
            '０'..='９' => char::from(b'0' + (c as u32 - '０' as u32) as u8),
            _ => c,
        })
        .collect::<String>()
        .replace("元年", "1年");
    let first = text.chars().next()?.to_ascii_uppercase();
    let era = ERAS
        .iter()
        .find(|(name, initial, _)| text.starts_with(name) || first == *initial);
    let parts: Vec<&str> = text
        .split(|c: char| !c.is_ascii_digit())
        .filter(|p| !p.is_empty())
        .collect();
    let (y, m, d) = match parts[..] {
        [y, m, d] => (y, m, d),
        [ymd] if ymd.len() == 8 && era.is_none() => (&ymd[..4], &ymd[4..6], &ymd[6..]),
        _ => return None,
    };
    let (Ok(year), Ok(month), Ok(day)) = (y.parse::<u16>(), m.parse::<u8>(), d.parse::<u8>())
    else {
        return None;
    };
    let (year, name) = match era {
        Some((name, _, offset)) if (1..100).contains(&year) => (year + offset, Some(*name)),
        Some(_) => return None,
        None if y.len() == 4 => (year, None),
        None => return None,
    };
    Date::new(year, month, day).map(|date| (date, name))
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
        assert_eq!(read("25.11.30"), None);
        assert_eq!(read("latest"), None);
    }
}
