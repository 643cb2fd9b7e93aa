//! Municipalities: codes checked against their check digit, the prefecture
//! and the national list; designated cities placed before their wards.

use std::collections::HashMap;
use std::path::Path;

use super::places::{MunicipalityCode, NewPlace, PlaceKind, Places};
use crate::diag::{Diagnostic, Diagnostics};
use crate::gov_codes::{self, Kind};
use crate::load::config::Config;
use crate::load::data::{MUNICIPALITIES, MunicipalityRow};
use crate::load::table::Located;

/// Why a code is not a valid local government code, with a hint where one helps.
pub fn code_problem(code: &str, prefecture: &str) -> Option<String> {
    if code.len() == 5 && code.bytes().all(|b| b.is_ascii_digit()) {
        let fixed = gov_codes::check_digit(code)
            .map(|d| format!("{code}{d}"))
            .unwrap_or_default();
        return Some(format!(
            "code \"{code}\" has 5 digits: the national code has 6, with a check digit (\"{fixed}\")"
        ));
    }
    if code.len() != 6 || !code.bytes().all(|b| b.is_ascii_digit()) {
        let hint = match gov_codes::find_by_name(prefecture, code) {
            Some(entry) => format!(" (for {code} write {})", entry.code),
            None => String::new(),
        };
        return Some(format!(
            "code \"{code}\" must be a 6-digit national local government code such as \"442011\"{hint}"
        ));
    }
    let expected = gov_codes::check_digit(&code[..5]).expect("five digits");
    if code.as_bytes()[5] - b'0' != expected {
        return Some(format!(
            "code \"{code}\" has a wrong check digit: for {} it is {expected} (\"{}{expected}\")",
            &code[..5],
            &code[..5]
        ));
    }
    if &code[..2] != prefecture {
        return Some(format!(
            "code \"{code}\" belongs to prefecture {}, but site.toml says prefecture_code = \"{prefecture}\"",
            &code[..2]
        ));
    }
    None
}

struct Row {
    line: usize,
    code: String,
    name: String,
    kana: String,
    parent: Option<String>,
}

/// Builds the place tree: the prefecture of site.toml and the rows of
/// municipalities.csv in output order.
pub fn build(
    rows: &[Located<MunicipalityRow>],
    config: &Config,
    diags: &mut Diagnostics,
) -> Places {
    let prefecture = config.prefecture_code.as_str();
    let list = municipalities(rows, prefecture, diags);
    if let Some(city) = &config.city {
        warn_outside_city(rows, &list, city, diags);
        return Places::new(
            MunicipalityCode::checked(city.code.clone()),
            city.name.clone(),
            wards_of_city(list, &city.code),
        )
        .as_city();
    }
    let own = gov_codes::prefecture_code(prefecture).expect("checked by load");
    Places::new(
        MunicipalityCode::checked(own),
        config.prefecture_name.clone(),
        list,
    )
}

/// A city portal lists only its city and the city's wards: any other row
/// is left out, with a warning naming it.
fn warn_outside_city(
    rows: &[Located<MunicipalityRow>],
    list: &[NewPlace],
    city: &crate::load::config::City,
    diags: &mut Diagnostics,
) {
    let rel = Path::new(MUNICIPALITIES);
    let kept = wards_of_city(list.to_vec(), &city.code);
    for row in rows {
        let code = row.value.code.as_str();
        if code == city.code || kept.iter().any(|w| w.code.as_str() == code) {
            continue;
        }
        diags.push(row.place(
            Diagnostic::warning(
                rel,
                format!(
                    "code \"{code}\" ({}) is neither {} nor one of its wards: this city portal leaves it out",
                    row.value.name, city.name
                ),
            ),
            "code",
        ));
    }
}

/// A city portal's municipalities: the city's wards, each a child of the
/// site's own place; the city's own row and other municipalities are left
/// out (offices of other municipalities are warned about where they are read).
fn wards_of_city(list: Vec<NewPlace>, city: &str) -> Vec<NewPlace> {
    let position = list.iter().position(|m| m.code.as_str() == city);
    list.into_iter()
        .filter(|m| m.kind == PlaceKind::Ward && m.city.is_some() && m.city == position)
        .map(|m| NewPlace { city: None, ..m })
        .collect()
}

/// The checked municipalities of a prefecture in output order.
pub(crate) fn municipalities(
    rows: &[Located<MunicipalityRow>],
    prefecture: &str,
    diags: &mut Diagnostics,
) -> Vec<NewPlace> {
    let rel = Path::new(MUNICIPALITIES);
    let mut seen: HashMap<String, usize> = HashMap::new();
    let mut checked = Vec::new();
    for row in rows {
        let v = &row.value;
        if let Some(problem) = code_problem(&v.code, prefecture) {
            diags.push(row.place(Diagnostic::error(rel, problem), "code"));
            continue;
        }
        if let Some(first) = seen.insert(v.code.clone(), row.line) {
            diags.push(row.place(
                Diagnostic::error(
                    rel,
                    format!(
                        "code \"{}\" is listed twice (first on line {first})",
                        v.code
                    ),
                ),
                "code",
            ));
            continue;
        }
        if v.name.is_empty() {
            let hint = gov_codes::lookup(&v.code)
                .map(|e| format!(" (the national list calls it \"{}\")", e.name))
                .unwrap_or_default();
            diags.push(row.place(
                Diagnostic::error(rel, format!("name is empty for code \"{}\"{hint}", v.code)),
                "name",
            ));
            continue;
        }
        let national = gov_codes::lookup(&v.code);
        match national {
            None => {
                let hint = gov_codes::find_by_name(prefecture, &v.name)
                    .map(|e| format!(" (the national list has {} as {})", e.name, e.code))
                    .unwrap_or_default();
                diags.push(row.place(
                    Diagnostic::warning(
                        rel,
                        format!(
                            "code \"{}\" ({}) is not in the national code list{hint}",
                            v.code, v.name
                        ),
                    ),
                    "code",
                ));
            }
            Some(entry) if entry.name != v.name => diags.push(row.place(
                Diagnostic::warning(
                    rel,
                    format!(
                        "name \"{}\" differs from the national code list, which calls {} \"{}\"",
                        v.name, v.code, entry.name
                    ),
                ),
                "name",
            )),
            Some(_) => {}
        }
        let parent = if v.parent_code.is_empty() {
            national
                .filter(|e| e.kind == Kind::Ward)
                .and_then(|e| e.parent_code)
                .map(str::to_string)
        } else if let Some(problem) = code_problem(&v.parent_code, prefecture) {
            diags.push(row.place(
                Diagnostic::error(rel, format!("parent_code: {problem}")),
                "parent_code",
            ));
            continue;
        } else {
            Some(v.parent_code.clone())
        };
        checked.push(Row {
            line: row.line,
            code: v.code.clone(),
            name: v.name.clone(),
            kana: v.kana.clone(),
            parent,
        });
    }
    order(checked, diags)
}

/// File order, with each designated city moved (or added) just before its first ward.
fn order(rows: Vec<Row>, diags: &mut Diagnostics) -> Vec<NewPlace> {
    let rel = Path::new(MUNICIPALITIES);
    let parents: Vec<String> = rows.iter().filter_map(|r| r.parent.clone()).collect();
    let listed: HashMap<&str, &Row> = rows.iter().map(|r| (r.code.as_str(), r)).collect();
    let mut out: Vec<NewPlace> = Vec::new();
    let mut placed: HashMap<String, usize> = HashMap::new();
    for row in &rows {
        if placed.contains_key(&row.code) {
            continue;
        }
        let mut parent_index = None;
        if let Some(parent) = &row.parent {
            if let Some(&index) = placed.get(parent) {
                parent_index = Some(index);
            } else {
                let city = match listed.get(parent.as_str()) {
                    Some(city) => Some((city.name.clone(), city.kana.clone(), true)),
                    None => gov_codes::lookup(parent)
                        .map(|e| (e.name.to_string(), e.kana.to_string(), false)),
                };
                let Some((name, kana, listed)) = city else {
                    diags.push(
                        Diagnostic::error(rel, format!("parent_code \"{parent}\" is neither listed in this file nor a designated city of the national list"))
                            .at_line(row.line),
                    );
                    continue;
                };
                placed.insert(parent.clone(), out.len());
                parent_index = Some(out.len());
                out.push(NewPlace {
                    code: MunicipalityCode::checked(parent.clone()),
                    name,
                    kana,
                    kind: PlaceKind::DesignatedCity,
                    city: None,
                    listed,
                });
            }
        }
        let kind = if parent_index.is_some() {
            PlaceKind::Ward
        } else if parents.contains(&row.code) {
            PlaceKind::DesignatedCity
        } else {
            PlaceKind::Municipality
        };
        placed.insert(row.code.clone(), out.len());
        out.push(NewPlace {
            code: MunicipalityCode::checked(row.code.clone()),
            name: row.name.clone(),
            kana: row.kana.clone(),
            kind,
            city: parent_index,
            listed: true,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::data::MunicipalityRow;

    fn rows(list: &[(&str, &str)]) -> Vec<Located<MunicipalityRow>> {
        list.iter()
            .enumerate()
            .map(|(i, (code, name))| Located {
                line: i + 2,
                cells: Default::default(),
                value: MunicipalityRow {
                    code: code.to_string(),
                    name: name.to_string(),
                    kana: String::new(),
                    parent_code: String::new(),
                },
            })
            .collect()
    }

    #[test]
    fn adds_the_designated_city_before_its_first_ward() {
        let mut diags = Diagnostics::default();
        let list = municipalities(
            &rows(&[
                ("272027", "岸和田市"),
                ("271276", "大阪市北区"),
                ("271284", "大阪市中央区"),
            ]),
            "27",
            &mut diags,
        );
        let names: Vec<&str> = list.iter().map(|m| m.name.as_str()).collect();
        assert_eq!(names, ["岸和田市", "大阪市", "大阪市北区", "大阪市中央区"]);
        assert_eq!(list[2].city, Some(1));
        assert_eq!(list[1].kind, PlaceKind::DesignatedCity);
        assert!(!list[1].listed);
    }

    #[test]
    fn moves_a_listed_city_before_its_wards() {
        let mut diags = Diagnostics::default();
        let list = municipalities(
            &rows(&[("271276", "大阪市北区"), ("271004", "大阪市")]),
            "27",
            &mut diags,
        );
        let names: Vec<&str> = list.iter().map(|m| m.name.as_str()).collect();
        assert_eq!(names, ["大阪市", "大阪市北区"]);
        assert!(list[0].listed);
    }

    #[test]
    fn suggests_the_check_digit() {
        let problem = code_problem("442012", "44").unwrap();
        assert!(
            problem.contains("for 44201 it is 1 (\"442011\")"),
            "{problem}"
        );
        assert!(
            code_problem("大分市", "44")
                .unwrap()
                .contains("write 442011")
        );
    }
}
