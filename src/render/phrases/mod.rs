//! Where Japanese text may break lines: between phrases (文節) as BudouX's
//! model finds them, computed at build time so every browser gets the same
//! breaks, not only those that support CSS `word-break: auto-phrase`. The
//! theme applies it as a Tera filter, `phrases`, which escapes its text and
//! puts a `<wbr>` between phrases; the theme's CSS sets `word-break: keep-all`
//! so lines break only there (and at spaces and punctuation).
//!
//! A phrase can be wider than a phone's line (「ケアプランデータ連携システム導入支援ポータル」
//! is one phrase to BudouX). Inside a long phrase a break is also allowed
//! where the script changes between katakana, kanji and hiragana runs (ケアプランデータ／連携／システム／導入支援／ポータル):
//! word boundaries without a dictionary. A morphological dictionary (lindera
//! with IPADIC) would find more, at the cost of tens of megabytes in the binary.
//!
//! The model is BudouX's Japanese model (`ja.json`, from google/budoux,
//! Apache License 2.0, see `LICENSE-budoux.txt`); the scoring is the reference
//! parser's (`budoux/parser.py`).

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::render::format::escape_into;

/// A phrase at least this many characters long gets breaks between scripts.
const LONG_PHRASE: usize = 8;

/// Feature group (`UW1` … `TW4`) to feature to score.
type Model = HashMap<String, HashMap<String, i32>>;

struct Parser {
    model: Model,
    base: f64,
}

fn parser() -> &'static Parser {
    static PARSER: OnceLock<Parser> = OnceLock::new();
    PARSER.get_or_init(|| {
        let model: Model =
            serde_json::from_str(include_str!("ja.json")).expect("BudouX's model is valid JSON");
        let total: i64 = model
            .values()
            .flat_map(HashMap::values)
            .map(|&v| i64::from(v))
            .sum();
        Parser {
            model,
            base: -(total as f64) * 0.5,
        }
    })
}

impl Parser {
    fn score(&self, group: &str, chars: &[char]) -> f64 {
        let key: String = chars.iter().collect();
        self.model
            .get(group)
            .and_then(|g| g.get(&key))
            .map_or(0.0, |&v| f64::from(v))
    }

    /// Positions (in chars) where a new phrase starts, as BudouX's parser.
    fn boundaries(&self, s: &[char]) -> Vec<usize> {
        let mut out = Vec::new();
        for i in 1..s.len() {
            let mut score = self.base;
            if i > 2 {
                score += self.score("UW1", &s[i - 3..i - 2]);
            }
            if i > 1 {
                score += self.score("UW2", &s[i - 2..i - 1]);
            }
            score += self.score("UW3", &s[i - 1..i]);
            score += self.score("UW4", &s[i..=i]);
            if i + 1 < s.len() {
                score += self.score("UW5", &s[i + 1..i + 2]);
            }
            if i + 2 < s.len() {
                score += self.score("UW6", &s[i + 2..i + 3]);
            }
            if i > 1 {
                score += self.score("BW1", &s[i - 2..i]);
            }
            score += self.score("BW2", &s[i - 1..i + 1]);
            if i + 1 < s.len() {
                score += self.score("BW3", &s[i..i + 2]);
            }
            if i > 2 {
                score += self.score("TW1", &s[i - 3..i]);
            }
            if i > 1 {
                score += self.score("TW2", &s[i - 2..i + 1]);
            }
            if i + 1 < s.len() {
                score += self.score("TW3", &s[i - 1..i + 2]);
            }
            if i + 2 < s.len() {
                score += self.score("TW4", &s[i..i + 3]);
            }
            if score > 0.0 {
                out.push(i);
            }
        }
        out
    }
}

/// The script of a character, for breaks inside a long phrase.
#[derive(PartialEq, Eq, Clone, Copy)]
enum Script {
    Katakana,
    Kanji,
    Hiragana,
    Other,
}

fn script(c: char) -> Script {
    match c {
        'ァ'..='ヺ' | 'ー' | 'ｦ'..='ﾟ' => Script::Katakana,
        '一'..='鿿' | '々' | '〆' => Script::Kanji,
        'ぁ'..='ゖ' => Script::Hiragana,
        _ => Script::Other,
    }
}

/// Brackets around a few characters (「（架空）」) are not broken inside.
const SHORT_BRACKETS: usize = 6;

/// Whether position `i` lies inside a short bracketed group.
fn inside_short_brackets(chars: &[char], i: usize) -> bool {
    let open = chars[..i]
        .iter()
        .rev()
        .take(SHORT_BRACKETS)
        .take_while(|&&c| !matches!(c, '）' | ')' | '」' | '］'))
        .any(|&c| matches!(c, '（' | '(' | '「' | '［'));
    let close = chars[i..]
        .iter()
        .take(SHORT_BRACKETS)
        .take_while(|&&c| !matches!(c, '（' | '(' | '「' | '［'))
        .any(|&c| matches!(c, '）' | ')' | '」' | '］'));
    open && close
}

/// The text split into the pieces a line may break between.
pub fn split(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    if chars.is_empty() {
        return Vec::new();
    }
    let mut starts = parser().boundaries(&chars);
    starts.retain(|&i| !inside_short_brackets(&chars, i));
    // A line may also break before an opening bracket (「…第二」／「（架空）」).
    starts.extend((1..chars.len()).filter(|&i| matches!(chars[i], '（' | '(' | '「' | '［')));
    starts.sort_unstable();
    starts.dedup();
    starts.push(chars.len());
    let mut pieces = Vec::new();
    let mut from = 0;
    for end in starts {
        let phrase = &chars[from..end];
        if phrase.len() >= LONG_PHRASE {
            let mut piece = 0;
            for i in 1..phrase.len() {
                let (a, b) = (script(phrase[i - 1]), script(phrase[i]));
                // Hiragana (an ending, a particle) stays with the word before it.
                let joined = b == Script::Hiragana;
                if a != b && a != Script::Other && b != Script::Other && !joined {
                    pieces.push(phrase[piece..i].iter().collect());
                    piece = i;
                }
            }
            pieces.push(phrase[piece..].iter().collect());
        } else {
            pieces.push(phrase.iter().collect());
        }
        from = end;
    }
    pieces
}

/// The text escaped for HTML, with `<wbr>` where a line may break.
pub fn html(text: &str) -> String {
    let mut out = String::with_capacity(text.len() * 2);
    for (i, piece) in split(text).iter().enumerate() {
        if i > 0 {
            out.push_str("<wbr>");
        }
        escape_into(&mut out, piece);
    }
    out
}

/// The `phrases` filter of the templates.
pub struct Filter;

impl tera::Filter for Filter {
    fn filter(
        &self,
        value: &tera::Value,
        _args: &HashMap<String, tera::Value>,
    ) -> tera::Result<tera::Value> {
        let text = match value {
            tera::Value::String(s) => s.clone(),
            other => other.to_string(),
        };
        Ok(tera::Value::String(html(&text)))
    }

    fn is_safe(&self) -> bool {
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phrases_stay_whole() {
        assert_eq!(
            split("ご検討ください"),
            ["ご検討ください"],
            "{:?}",
            split("ご検討ください")
        );
        let title = split("連携先が導入済みか調べる");
        assert!(title.iter().all(|p| !p.ends_with('導')), "{title:?}");
    }

    #[test]
    fn a_long_phrase_breaks_between_scripts() {
        let pieces = split("ケアプランデータ連携システム導入支援ポータル");
        for word in ["ポータル", "連携", "導入支援"] {
            assert!(pieces.iter().any(|p| p == word), "{word} in {pieces:?}");
        }
    }

    #[test]
    fn short_brackets_stay_whole() {
        let pieces = split("たんぽぽ地域包括支援センター（架空）");
        assert!(pieces.iter().any(|p| p == "（架空）"), "{pieces:?}");
    }

    #[test]
    fn html_is_escaped_between_breaks() {
        assert_eq!(html("<a>"), "&lt;a&gt;");
        assert!(html("米子市の導入状況").contains("<wbr>"));
    }
}
