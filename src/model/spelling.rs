//! What spreadsheets do to codes and office numbers, mended or named:
//! full-width digits, letters and hyphens are read as ASCII (NFKC), hyphens
//! inside an office number are dropped, and a number cut short by a lost
//! leading zero (or a code without its check digit) is an error naming the
//! number that was meant.

use unicode_normalization::UnicodeNormalization;

use crate::gov_codes::{self, Entry, Kind};
use crate::messages::Text;
use crate::messages::model::{CodeMsg, OfficeMsg};

/// Dashes a keyboard or a spreadsheet puts between digits, after NFKC.
const DASHES: [char; 8] = ['-', '‐', '‑', '‒', '–', '—', '−', 'ー'];

/// A code as ASCII: full-width digits and letters read as their ASCII forms.
pub fn code(written: &str) -> String {
    written.nfkc().collect()
}

/// An office number as ASCII, without the hyphens a person puts between
/// its groups of digits (`44-7100-0011`).
pub fn office_number(written: &str) -> String {
    written.nfkc().filter(|c| !DASHES.contains(c)).collect()
}

/// Words a spreadsheet's total row starts with.
const TOTALS: [&str; 6] = ["合計", "総計", "小計", "計", "total", "sum"];

/// Whether a cell marks a total row (`合計`, `総計`, `Total`) that a
/// spreadsheet summed below the data, rather than a code or a name.
pub fn is_total(cell: &str) -> bool {
    let cell: String = cell.nfkc().filter(|c| !c.is_whitespace()).collect();
    TOTALS.iter().any(|t| cell.eq_ignore_ascii_case(t))
}

/// Why an office number (already read by [`office_number`]) is not one,
/// naming the usual spreadsheet damage.
pub fn office_number_problem(number: &str) -> Option<Text> {
    let valid = number.len() == 10
        && number
            .bytes()
            .enumerate()
            .all(|(i, b)| b.is_ascii_digit() || (i == 2 && b.is_ascii_uppercase()));
    if valid {
        return None;
    }
    let number_owned = number.to_string();
    let message = if number.len() == 9 && number.bytes().all(|b| b.is_ascii_digit()) {
        OfficeMsg::NumberLostZero {
            number: number_owned,
            fixed: format!("0{number}"),
        }
    } else if number.contains(['E', 'e']) && number.contains('+') {
        OfficeMsg::NumberAsNumber {
            number: number_owned,
        }
    } else {
        OfficeMsg::NumberShape {
            number: number_owned,
        }
    };
    Some(message.into())
}

/// Why a code (already read by [`code`]) is not a valid local government
/// code of the site's prefecture, with the code meant where one can tell.
pub fn code_problem(code: &str, prefecture: &str) -> Option<Text> {
    let all_digits = code.bytes().all(|b| b.is_ascii_digit());
    if code.len() == 5 && all_digits {
        return Some(five_digits(code, prefecture).into());
    }
    if code.len() != 6 || !all_digits {
        let message = match gov_codes::find_by_name(prefecture, code) {
            Some(entry) => CodeMsg::ShapeNamed {
                code: code.to_string(),
                named: entry.code.to_string(),
            },
            None => CodeMsg::Shape {
                code: code.to_string(),
            },
        };
        return Some(message.into());
    }
    let expected = gov_codes::check_digit(&code[..5]).expect("five digits");
    if code.as_bytes()[5] - b'0' != expected {
        let five = code[..5].to_string();
        // Only a code that exists is suggested: a typo elsewhere in the
        // digits gives a check digit of a code no one has.
        let message = match known(&format!("{five}{expected}")) {
            Some(entry) => CodeMsg::WrongCheckDigit {
                code: code.to_string(),
                five,
                expected,
                name: entry.name.to_string(),
            },
            None => CodeMsg::NoSuchCode {
                code: code.to_string(),
            },
        };
        return Some(message.into());
    }
    if &code[..2] != prefecture {
        return Some(
            CodeMsg::OtherPrefecture {
                code: code.to_string(),
                of: code[..2].to_string(),
                prefecture: prefecture.to_string(),
            }
            .into(),
        );
    }
    None
}

/// A municipality or ward of the national list.
fn known(code: &str) -> Option<&'static Entry> {
    gov_codes::lookup(code).filter(|e| e.kind != Kind::Prefecture)
}

/// A 5-digit code is a 6-digit one cut short: its leading zero lost
/// (`11011` for `011011`) or its check digit left out (`11011` for
/// `110116`). The reading a municipality of the site's prefecture has wins,
/// then one the national list has.
fn five_digits(code: &str, prefecture: &str) -> CodeMsg {
    let with_check = gov_codes::check_digit(code)
        .map(|d| format!("{code}{d}"))
        .expect("five digits");
    let with_zero = format!("0{code}");
    let rank = |entry: Option<&Entry>| match entry {
        Some(e) if e.prefecture == prefecture => 2,
        Some(_) => 1,
        None => 0,
    };
    let zero = known(&with_zero);
    let check = known(&with_check);
    if rank(zero) > rank(check) {
        let name = zero.expect("ranked above none").name.to_string();
        return CodeMsg::ZeroLost {
            code: code.to_string(),
            fixed: with_zero,
            name,
        };
    }
    match check {
        Some(entry) => CodeMsg::CheckDigitLost {
            code: code.to_string(),
            fixed: with_check,
            name: entry.name.to_string(),
        },
        None => CodeMsg::FiveDigits {
            code: code.to_string(),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::messages::{Lang, rendering};

    #[test]
    fn full_width_and_hyphens_are_read_as_ascii() {
        assert_eq!(office_number("２７７０００００５１"), "2770000051");
        assert_eq!(office_number("27-7000-0061"), "2770000061");
        assert_eq!(office_number("４４－７１００－００１１"), "4471000011");
        assert_eq!(office_number("44ー7100ー0011"), "4471000011");
        assert_eq!(office_number("２７Ａ００００００１"), "27A0000001");
        assert_eq!(code("４４２０１１"), "442011");
        assert!(office_number_problem(&office_number("２７７０００００５１")).is_none());
    }

    #[test]
    fn total_rows() {
        for total in ["合計", " 合 計 ", "総計", "TOTAL", "Ｔｏｔａｌ", "計"] {
            assert!(is_total(total), "{total}");
        }
        for other in ["合計事業所", "442011", "", "計画"] {
            assert!(!is_total(other), "{other}");
        }
    }

    #[test]
    fn office_numbers() {
        assert!(office_number_problem("4470100123").is_none());
        assert!(office_number_problem("44A0100123").is_none());
        assert!(office_number_problem("44a0100123").is_some());
        assert!(
            office_number_problem("44701000")
                .unwrap()
                .en()
                .starts_with("office_number \"44701000\" must be 10 digits")
        );
        let problem = office_number_problem("1.7E+09").unwrap();
        assert!(
            problem.en().ends_with("format the column as text"),
            "{problem}"
        );
    }

    #[test]
    fn nine_digits_get_their_zero_back() {
        let problem = office_number_problem("170100001").unwrap();
        assert_eq!(
            problem.ja(),
            "事業所番号（`office_number`）「170100001」は9桁です。表計算ソフトで先頭の0が消えています。「0170100001」と書いてください（列の書式を「文字列」にして保存します）"
        );
        assert!(
            problem.en().ends_with("leading zero: \"0170100001\""),
            "{problem}"
        );
    }

    #[test]
    fn five_digits_name_the_code_meant() {
        // Hokkaido: the leading zero of 札幌市中央区 was lost.
        let problem = code_problem("11011", "01").unwrap();
        assert_eq!(
            problem.ja(),
            "コード「11011」は5桁です。表計算ソフトで先頭の0が消えています。「011011」（札幌市中央区）のことではありませんか（列の書式を「文字列」にして保存します）"
        );
        // 110116 (the digits with a check digit) is no municipality.
        let problem = code_problem("11011", "11").unwrap();
        assert!(problem.en().contains("(\"011011\")"), "{problem}");
        // Neither 099999 nor 999997 exists: no code is suggested.
        let problem = code_problem("99999", "44").unwrap();
        assert_eq!(
            problem.ja(),
            "コード「99999」は5桁です。全国地方公共団体コードは最後の検査数字を含めて6桁ですが、先頭に0を足しても検査数字を足しても全国の一覧にないコードになります。正しいコードを確かめてください"
        );
        let problem = code_problem("44203", "44").unwrap();
        assert_eq!(
            rendering(Lang::En, || problem.to_string()),
            "code \"44203\" has 5 digits: the national code has 6, with a check digit (\"442038\"); did you mean 中津市?"
        );
    }

    #[test]
    fn suggests_the_check_digit() {
        let problem = code_problem("442012", "44").unwrap();
        assert!(
            problem
                .en()
                .contains("for 44201 it is 1 (\"442011\", 大分市)"),
            "{problem}"
        );
        // 44299 with its check digit would be 442992, which no town has.
        assert_eq!(
            code_problem("442991", "44").unwrap().ja(),
            "コード「442991」の最後の検査数字が合いません。全国地方公共団体コードの一覧にない番号です。正しいコードを確かめてください"
        );
        assert!(
            code_problem("大分市", "44")
                .unwrap()
                .en()
                .contains("write 442011")
        );
        assert_eq!(
            code_problem("012025", "44").unwrap().ja(),
            "コード「012025」は都道府県コード01の市区町村ですが、site.toml は prefecture_code = \"44\" です"
        );
    }
}
