//! Municipalities: codes checked against their check digit, the prefecture
//! and the national list; designated cities placed before their wards.

use std::collections::HashMap;
use std::path::Path;

use super::places::{MunicipalityCode, NewPlace, PlaceKind, Places};
use super::rejected::Rejected;
use crate::diag::{Diagnostic, Diagnostics};
use crate::gov_codes::{self, Kind};
use crate::load::config::Config;
use crate::load::data::{MUNICIPALITIES, MunicipalityRow};
use crate::load::table::Located;
use crate::messages::Text;
use crate::messages::model::{CodeMsg, MunicipalityMsg, OfficeMsg};

use super::spelling;

/// A code that data/municipalities.csv lacks, written in `column` of
/// another file, with why it is no code of the site where that shows.
pub fn not_listed(column: &str, code: &str, prefecture: &str) -> Text {
    let column = column.to_string();
    let code = code.to_string();
    match spelling::code_problem(&code, prefecture) {
        Some(problem) => Text::from(CodeMsg::NotListedBecause {
            column,
            code,
            problem: problem.clone(),
        })
        .grouped_as(&problem),
        None => CodeMsg::NotListed { column, code }.into(),
    }
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
    rejected: &mut Rejected,
    diags: &mut Diagnostics,
) -> Places {
    let prefecture = config.prefecture_code.as_str();
    let list = municipalities(rows, prefecture, rejected, diags);
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
        let code = spelling::code(&row.value.code);
        if code == city.code || kept.iter().any(|w| w.code.as_str() == code) {
            continue;
        }
        let message = MunicipalityMsg::OutsideCity {
            code,
            name: row.value.name.clone(),
            city: city.name.clone(),
        };
        diags.push(row.place(Diagnostic::warning(rel, message), "code"));
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

/// Every code a written code may have meant: itself, and for a code cut
/// short or with a wrong check digit, the codes its finding suggests, so the
/// offices written with the right code count under that finding.
fn meant(code: &str) -> Vec<String> {
    let mut codes = vec![code.to_string()];
    if !code.bytes().all(|b| b.is_ascii_digit()) {
        return codes;
    }
    let five = match code.len() {
        5 => {
            codes.push(format!("0{code}"));
            code
        }
        6 => &code[..5],
        _ => return codes,
    };
    if let Some(digit) = gov_codes::check_digit(five) {
        codes.push(format!("{five}{digit}"));
    }
    codes
}

/// The checked municipalities of a prefecture in output order; rows left
/// out are findings of `rejected`, which counts the offices in them.
pub(crate) fn municipalities(
    rows: &[Located<MunicipalityRow>],
    prefecture: &str,
    rejected: &mut Rejected,
    diags: &mut Diagnostics,
) -> Vec<NewPlace> {
    let rel = Path::new(MUNICIPALITIES);
    let mut seen: HashMap<String, usize> = HashMap::new();
    let mut checked = Vec::new();
    for row in rows {
        let v = &row.value;
        let code = spelling::code(&v.code);
        if let Some(cell) = [&code, &v.name].into_iter().find(|c| spelling::is_total(c)) {
            let message = OfficeMsg::TotalRow { cell: cell.clone() };
            diags.push(row.place(Diagnostic::error(rel, message), "code"));
            continue;
        }
        if let Some(problem) = spelling::code_problem(&code, prefecture) {
            rejected.municipality(
                &meant(&code),
                row.place(Diagnostic::error(rel, problem), "code"),
            );
            continue;
        }
        if let Some(first) = seen.insert(code.clone(), row.line) {
            let message = MunicipalityMsg::Twice { code, first };
            diags.push(row.place(Diagnostic::error(rel, message), "code"));
            continue;
        }
        let national = gov_codes::lookup(&code);
        if v.name.is_empty() {
            let message = match national {
                Some(e) => MunicipalityMsg::NameEmptyNational {
                    code: code.clone(),
                    national: e.name.to_string(),
                },
                None => MunicipalityMsg::NameEmpty { code: code.clone() },
            };
            rejected.municipality(&[code], row.place(Diagnostic::error(rel, message), "name"));
            continue;
        }
        match national {
            None => {
                let (code, name) = (code.clone(), v.name.clone());
                let message = match gov_codes::find_by_name(prefecture, &v.name) {
                    Some(e) => MunicipalityMsg::NotNationalNamed {
                        code,
                        name,
                        other: e.name.to_string(),
                        other_code: e.code.to_string(),
                    },
                    None => MunicipalityMsg::NotNational { code, name },
                };
                diags.push(row.place(Diagnostic::warning(rel, message), "code"));
            }
            Some(entry) if entry.name != v.name => {
                let message = MunicipalityMsg::NameDiffers {
                    name: v.name.clone(),
                    code: code.clone(),
                    national: entry.name.to_string(),
                };
                diags.push(row.place(Diagnostic::warning(rel, message), "name"));
            }
            Some(_) => {}
        }
        let parent_code = spelling::code(&v.parent_code);
        let parent = if parent_code.is_empty() {
            national
                .filter(|e| e.kind == Kind::Ward)
                .and_then(|e| e.parent_code)
                .map(str::to_string)
        } else if let Some(problem) = spelling::code_problem(&parent_code, prefecture) {
            let message = MunicipalityMsg::ParentCode { problem };
            let finding = row.place(Diagnostic::error(rel, message), "parent_code");
            rejected.municipality(&[code], finding);
            continue;
        } else {
            Some(parent_code)
        };
        checked.push(Row {
            line: row.line,
            code,
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
                    let message = MunicipalityMsg::ParentUnknown {
                        parent: parent.clone(),
                    };
                    diags.push(Diagnostic::error(rel, message).at_line(row.line));
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
            &mut Rejected::default(),
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
            &mut Rejected::default(),
            &mut diags,
        );
        let names: Vec<&str> = list.iter().map(|m| m.name.as_str()).collect();
        assert_eq!(names, ["大阪市", "大阪市北区"]);
        assert!(list[0].listed);
    }
}
