//! Folding: the one spelling that office data and typed queries are both
//! reduced to before they are compared.
//!
//! People type a partner's name the way their keyboard or memory gives it:
//! half-width kana from an old system, hiragana for a katakana name, a hyphen
//! for the long-vowel mark, `ケ` for `ヶ`, an office number with hyphens. The
//! fold makes all of these equal. The browser runs the same steps in
//! `themes/default/static/js/search.js`; `tests/fixtures/folding-cases.json`
//! is checked against both, so they stay the same function.
//!
//! Steps, in order: NFKC (full/half width, `㈱` → `(株)`), lowercase, then per
//! character: spaces, long-vowel marks, dashes and middle dots are dropped;
//! katakana becomes hiragana; small kana become large (`ャ` = `ヤ`, as
//! registers write them) and `ヶ`/`ヵ` become `け`; a few variant kanji common
//! in names become their standard form (`髙` → `高`).

use unicode_normalization::UnicodeNormalization;

/// Characters that separate words in a query and are ignored inside one.
pub const SPACES: &[char] = &[
    '\t', '\n', '\u{0B}', '\u{0C}', '\r', ' ', '\u{85}', '\u{A0}', '\u{1680}', '\u{2000}',
    '\u{2001}', '\u{2002}', '\u{2003}', '\u{2004}', '\u{2005}', '\u{2006}', '\u{2007}', '\u{2008}',
    '\u{2009}', '\u{200A}', '\u{200B}', '\u{2028}', '\u{2029}', '\u{202F}', '\u{205F}', '\u{3000}',
    '\u{FEFF}',
];

/// Long-vowel marks, the dashes typed in their place, and middle dots: ignored,
/// so `センター`, `センタ-` and `センタ` are one word and `44-1001-0030` is a number.
const IGNORED: &[char] = &[
    '-', '~', '\u{B7}', '\u{2010}', '\u{2011}', '\u{2012}', '\u{2013}', '\u{2014}', '\u{2015}',
    '\u{2212}', '\u{2053}', '\u{301C}', '\u{30FB}', '\u{30FC}',
];

/// Variant kanji common in office, corporation and place names, and the form
/// an input method gives first.
const KANJI: &[(char, char)] = &[
    ('髙', '高'),
    ('﨑', '崎'),
    ('嵜', '崎'),
    ('濵', '浜'),
    ('濱', '浜'),
    ('邊', '辺'),
    ('邉', '辺'),
    ('櫻', '桜'),
    ('澤', '沢'),
    ('嶋', '島'),
    ('廣', '広'),
    ('國', '国'),
    ('德', '徳'),
    ('齋', '斎'),
    ('瀨', '瀬'),
    ('冨', '富'),
];

/// Folds text for comparison: see the module documentation for the steps.
pub fn fold(text: &str) -> String {
    let normalized: String = text.nfkc().collect::<String>().to_lowercase();
    normalized.chars().filter_map(fold_char).collect()
}

/// The words of a query, each folded; empty words (a lone `ー`) are dropped.
pub fn terms(query: &str) -> Vec<String> {
    let normalized: String = query.nfkc().collect();
    normalized
        .split(SPACES)
        .map(fold)
        .filter(|term| !term.is_empty())
        .collect()
}

/// One character of NFKC-normalized, lowercased text, or `None` to drop it.
fn fold_char(c: char) -> Option<char> {
    if SPACES.contains(&c) || IGNORED.contains(&c) {
        return None;
    }
    let c = match c {
        // Katakana ァ..ヶ and the iteration marks ヽヾ sit 0x60 above hiragana.
        '\u{30A1}'..='\u{30F6}' | '\u{30FD}' | '\u{30FE}' => {
            char::from_u32(c as u32 - 0x60).unwrap_or(c)
        }
        _ => c,
    };
    let c = match c {
        'ぁ' => 'あ',
        'ぃ' => 'い',
        'ぅ' => 'う',
        'ぇ' => 'え',
        'ぉ' => 'お',
        'っ' => 'つ',
        'ゃ' => 'や',
        'ゅ' => 'ゆ',
        'ょ' => 'よ',
        'ゎ' => 'わ',
        'ゕ' | 'ゖ' => 'け',
        _ => KANJI
            .iter()
            .find(|(variant, _)| *variant == c)
            .map_or(c, |&(_, standard)| standard),
    };
    Some(c)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Deserialize)]
    struct Cases {
        fold: Vec<FoldCase>,
        terms: Vec<TermsCase>,
        #[serde(rename = "match")]
        matches: Vec<MatchCase>,
    }

    #[derive(Deserialize)]
    struct FoldCase {
        #[serde(rename = "in")]
        input: String,
        out: String,
        why: String,
    }

    #[derive(Deserialize)]
    struct TermsCase {
        query: String,
        terms: Vec<String>,
    }

    #[derive(Deserialize)]
    struct MatchCase {
        query: String,
        text: String,
        #[serde(rename = "match")]
        expected: bool,
    }

    fn cases() -> Cases {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/folding-cases.json"
        );
        let text = std::fs::read_to_string(path).expect("the shared folding cases");
        serde_json::from_str(&text).expect("folding-cases.json is valid")
    }

    #[test]
    fn folds_every_shared_case() {
        for case in cases().fold {
            assert_eq!(fold(&case.input), case.out, "{}: {}", case.input, case.why);
        }
    }

    #[test]
    fn splits_every_shared_query() {
        for case in cases().terms {
            assert_eq!(terms(&case.query), case.terms, "query {:?}", case.query);
        }
    }

    #[test]
    fn matches_every_shared_pair() {
        for case in cases().matches {
            let text = fold(&case.text);
            let found = terms(&case.query).iter().all(|t| text.contains(t.as_str()));
            assert_eq!(found, case.expected, "{:?} in {:?}", case.query, case.text);
        }
    }

    #[test]
    fn folding_twice_changes_nothing() {
        for case in cases().fold {
            assert_eq!(fold(&case.out), case.out, "{}", case.input);
        }
    }
}
