//! How numbers and dates read on a page, decided once here so no template
//! formats anything.

use crate::date::Date;
use crate::figures::Rate;

/// Escapes text for HTML and XML: the five characters that matter, and not
/// `/`, which Tera's default escaping turns into `&#x2F;` in every URL.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    escape_into(&mut out, text);
    out
}

/// [`escape`] appending to a buffer, for the SVG writer.
pub fn escape_into(out: &mut String, text: &str) {
    if !text.contains(['&', '<', '>', '"', '\'']) {
        out.push_str(text);
        return;
    }
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
}

/// `10.5%` on pages, `–` when there is no rate (zero offices).
pub fn percent(rate: Rate) -> String {
    match rate.tenths() {
        Some(_) => format!("{rate}%"),
        None => "–".to_string(),
    }
}

/// A class edge of the map's legend, given in tenths of a percent: `10%`,
/// `2.5%` (no `.0`, since edges are round numbers).
pub fn percent_edge(tenths: u32) -> String {
    match tenths % 10 {
        0 => format!("{}%", tenths / 10),
        d => format!("{}.{d}%", tenths / 10),
    }
}

/// A day in the Japanese era, as public documents write it: `令和7年11月30日`.
pub fn era(date: Date) -> String {
    format!("{}{}月{}日", era_year(date), date.month, date.day)
}

/// The Japanese-era year a day falls in: `令和7年`, `令和元年`.
pub fn era_year(date: Date) -> String {
    let (name, first_year) = if (date.year, date.month) >= (2019, 5) {
        ("令和", 2019)
    } else if date >= Date::new(1989, 1, 8).expect("a real day") {
        ("平成", 1989)
    } else {
        ("昭和", 1926)
    };
    let year = i32::from(date.year) - first_year + 1;
    if year == 1 {
        format!("{name}元年")
    } else {
        format!("{name}{year}年")
    }
}

/// An office's status as pages name it: `導入済み`, `導入予定`, `未導入`.
pub fn status_label(status: crate::figures::Status) -> &'static str {
    use crate::figures::Status;
    match status {
        Status::Adopted { .. } => "導入済み",
        Status::Planned => "導入予定",
        Status::NotAdopted => "未導入",
    }
}

/// `2025年11月30日`, for lists where the era would be noise.
pub fn japanese(date: Date) -> String {
    format!("{}年{}月{}日", date.year, date.month, date.day)
}

/// A file size as a download list shows it: `812バイト`, `12.3KB`, `1.5MB`
/// (1 KB = 1,024 bytes, one decimal, rounded half up in integers).
pub fn bytes(n: usize) -> String {
    let one_decimal = |unit: usize| {
        let tenths = (n * 10 * 2 + unit) / (unit * 2);
        format!("{}.{}", tenths / 10, tenths % 10)
    };
    if n < 1024 {
        format!("{n}バイト")
    } else if n < 1024 * 1024 {
        format!("{}KB", one_decimal(1024))
    } else {
        format!("{}MB", one_decimal(1024 * 1024))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_read_in_bytes_kb_and_mb() {
        assert_eq!(bytes(812), "812バイト");
        assert_eq!(bytes(1024), "1.0KB");
        assert_eq!(bytes(12_646), "12.3KB");
        assert_eq!(bytes(1_572_864), "1.5MB");
    }

    #[test]
    fn era_dates() {
        assert_eq!(era(Date::parse("2025-11-30").unwrap()), "令和7年11月30日");
        assert_eq!(era(Date::parse("2019-05-01").unwrap()), "令和元年5月1日");
        assert_eq!(era(Date::parse("2019-04-30").unwrap()), "平成31年4月30日");
        assert_eq!(era(Date::parse("1989-01-08").unwrap()), "平成元年1月8日");
        assert_eq!(era(Date::parse("1989-01-07").unwrap()), "昭和64年1月7日");
    }

    #[test]
    fn percent_on_pages() {
        assert_eq!(percent(Rate::of(411, 3908)), "10.5%");
        assert_eq!(percent(Rate::of(0, 0)), "–");
    }

    #[test]
    fn legend_edges() {
        assert_eq!(percent_edge(100), "10%");
        assert_eq!(percent_edge(25), "2.5%");
        assert_eq!(percent_edge(0), "0%");
    }
}
