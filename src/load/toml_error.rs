//! TOML mistakes in the editors' words.
//!
//! The toml crate says what its parser expected (`invalid type: string
//! "55", expected i64`); an editor needs to hear how to write the value
//! (`weight` は数値で書きます（例：`weight = 55`）). Each file that is TOML
//! lists its keys with what they hold, and the known shapes of the crate's
//! messages are turned into [`TomlMsg`] naming the key, with an example
//! made from what the editor wrote. A shape with no words of its own keeps
//! the crate's text inside a Japanese frame.

use super::dates;
use crate::messages::Text;
use crate::messages::load::TomlMsg;

/// What a key holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Text,
    Integer,
    /// A count of anything (digits only).
    Count,
    /// A count of people (`respondents`).
    People,
    Bool,
    Date,
    List,
}

/// A key a TOML file may have, with a value written as in the file for
/// examples (`"導入の流れ"`, `1`).
pub struct Key {
    pub name: &'static str,
    pub kind: Kind,
    pub example: &'static str,
}

/// The error's message in words, for the file `text` with the keys `keys`.
pub fn describe(text: &str, error: &toml::de::Error, keys: &[Key]) -> TomlMsg {
    let message = error.message().trim();
    let span = error.span().unwrap_or(0..0);
    let written = text.get(span.clone()).unwrap_or("").trim();
    let key = key_before(text, span.start);
    let known = lookup(keys, &key);
    if let Some(problem) = key_problem(message, written, keys) {
        return problem;
    }
    if message.starts_with("string values must be quoted") {
        if written.is_empty() {
            return TomlMsg::NoValue { key };
        }
        let kind = known.map_or(Kind::Text, |k| k.kind);
        return value_problem(kind, &key, written, known);
    }
    if message.starts_with("invalid type:") || message.starts_with("invalid value:") {
        let expected = message.rsplit_once(", expected ").map_or("", |(_, e)| e);
        let Some(kind) = expected_kind(expected, known) else {
            return TomlMsg::Other {
                detail: message.to_string(),
            };
        };
        // Digits the type refused are a number out of its range.
        let whole = !written.is_empty() && written.bytes().all(|b| b.is_ascii_digit() || b == b'_');
        if whole && matches!(kind, Kind::Integer | Kind::Count | Kind::People) {
            return TomlMsg::TooLarge {
                key,
                value: written.to_string(),
            };
        }
        return value_problem(kind, &key, written, known);
    }
    syntax_problem(message, key, written, line_at(text, span.start))
}

/// The line of `text` holding byte `at`.
fn line_at(text: &str, at: usize) -> &str {
    let at = at.min(text.len());
    let start = text
        .get(..at)
        .and_then(|t| t.rfind('\n'))
        .map_or(0, |i| i + 1);
    let end = text
        .get(at..)
        .and_then(|t| t.find('\n'))
        .map_or(text.len(), |i| at + i);
    text.get(start..end).unwrap_or("")
}

/// Quotation marks a Japanese keyboard or a word processor writes, which
/// TOML does not read as quotes.
const SMART_QUOTES: [char; 5] = ['“', '”', '‘', '’', '＂'];

/// A key that is not allowed, missing or written twice.
fn key_problem(message: &str, written: &str, keys: &[Key]) -> Option<TomlMsg> {
    if let Some(rest) = message.strip_prefix("unknown field `") {
        let (name, tail) = rest.split_once('`')?;
        let expected = tail.strip_prefix(", expected ")?;
        let names: Vec<String> = expected
            .split('`')
            .skip(1)
            .step_by(2)
            .map(|n| format!("`{n}`"))
            .collect();
        return Some(TomlMsg::UnknownKey {
            key: name.to_string(),
            accepted: Text::new(names.join("、"), expected.to_string()),
        });
    }
    if let Some(rest) = message.strip_prefix("missing field `") {
        let name = rest.split('`').next().unwrap_or(rest);
        let example = lookup(keys, name).map_or("\"...\"", |k| k.example);
        return Some(TomlMsg::MissingKey {
            key: name.to_string(),
            example: example.to_string(),
        });
    }
    (message == "duplicate key").then(|| TomlMsg::DuplicateKey {
        key: written.trim_matches('"').to_string(),
    })
}

/// What a value should have been, from serde's `expected ...` (or, for a
/// type serde does not name, from the key).
fn expected_kind(expected: &str, known: Option<&Key>) -> Option<Kind> {
    let of_key = known.map(|k| k.kind);
    Some(match expected {
        "i8" | "i16" | "i32" | "i64" | "i128" => Kind::Integer,
        "u8" | "u16" | "u32" | "u64" | "u128" if of_key == Some(Kind::People) => Kind::People,
        "u8" | "u16" | "u32" | "u64" | "u128" => Kind::Count,
        "a boolean" => Kind::Bool,
        "a string" if of_key == Some(Kind::List) => Kind::List,
        "a string" => Kind::Text,
        "a sequence" => Kind::List,
        _ => of_key?,
    })
}

/// A line the TOML parser could not read (`line`, for a full-width `＝`).
fn syntax_problem(message: &str, key: String, written: &str, line: &str) -> TomlMsg {
    let starts = |prefix: &str| message.starts_with(prefix);
    if starts("invalid date") || starts("invalid time") {
        return date_problem(&key, written);
    }
    if starts("invalid boolean") {
        return TomlMsg::Bool { key };
    }
    if starts("invalid basic string") || starts("invalid literal string") {
        return TomlMsg::UnclosedString;
    }
    if starts("unclosed ")
        && let Some((_, close)) = message.rsplit_once("expected `")
    {
        return TomlMsg::Unclosed {
            close: close.trim_end_matches('`').to_string(),
        };
    }
    if starts("missing escaped value") {
        return TomlMsg::BadEscape;
    }
    if starts("key with no value") {
        if line.contains('＝') {
            return TomlMsg::FullWidthEquals {
                fixed: line
                    .trim()
                    .replacen('＝', "=", 1)
                    .replace(SMART_QUOTES, "\""),
            };
        }
        return TomlMsg::NoEquals;
    }
    if starts("unexpected key or value") {
        return TomlMsg::ExtraText;
    }
    TomlMsg::Other {
        detail: message.to_string(),
    }
}

/// A date value that is not a day as renkei reads it (`YYYY-MM-DD`), as
/// written (with its quotes, if any): the day meant, when it can be told.
pub fn date_problem(key: &str, written: &str) -> TomlMsg {
    let key = key.to_string();
    let value = written.to_string();
    match dates::western(written.trim_matches('"')) {
        Some((date, Some(era))) => TomlMsg::DateEra {
            key,
            value,
            date: date.to_string(),
            era: era.to_string(),
        },
        Some((date, None)) => TomlMsg::DateForm {
            key,
            value,
            date: date.to_string(),
        },
        None => TomlMsg::DateUnreadable { key, value },
    }
}

/// A value of the wrong kind for its key, worded by what the key holds.
fn value_problem(kind: Kind, key: &str, written: &str, known: Option<&Key>) -> TomlMsg {
    let key = key.to_string();
    let unquoted = written.trim_matches(['"', '\'']);
    if kind == Kind::Text && written.starts_with(SMART_QUOTES) {
        return TomlMsg::SmartQuotes {
            key,
            value: written.trim_matches(SMART_QUOTES).to_string(),
        };
    }
    let example = || known.map_or("1", |k| k.example).to_string();
    let number = || {
        Some(unquoted)
            .filter(|u| !u.starts_with('-'))
            .and_then(digits)
            .unwrap_or_else(example)
    };
    match kind {
        Kind::Text => TomlMsg::Quote {
            key,
            value: unquoted.to_string(),
        },
        Kind::Integer => TomlMsg::Integer {
            key,
            example: number(),
        },
        Kind::Count => TomlMsg::Count {
            key,
            example: number(),
        },
        Kind::People => TomlMsg::CountOfPeople {
            key,
            example: number(),
        },
        Kind::Bool => TomlMsg::Bool { key },
        Kind::Date => date_problem(&key, written),
        Kind::List => {
            let element = unquoted.trim_matches(['[', ']']).trim();
            let example = if element.is_empty() || element.contains('"') {
                known.map_or("[\"...\"]", |k| k.example).to_string()
            } else {
                format!("[\"{element}\"]")
            };
            TomlMsg::List { key, example }
        }
    }
}

/// The first run of digits in `text`, full-width digits read as ASCII
/// (`100人` gives `100`, `５５` gives `55`).
fn digits(text: &str) -> Option<String> {
    let run: String = text
        .chars()
        .map(|c| match c {
            '０'..='９' => char::from(b'0' + (c as u32 - '０' as u32) as u8),
            _ => c,
        })
        .skip_while(|c| !c.is_ascii_digit())
        .take_while(char::is_ascii_digit)
        .collect();
    (!run.is_empty()).then_some(run)
}

/// The key a value at byte `at` belongs to: the name before the last `=`
/// on its line, or on an earlier line when the value is inside a list
/// spanning lines.
fn key_before(text: &str, at: usize) -> String {
    let before = text.get(..at.min(text.len())).unwrap_or("");
    let mut lines = before.rsplit('\n');
    let current = lines.next().unwrap_or("");
    let left = current
        .rsplit_once('=')
        .map(|(left, _)| left)
        .or_else(|| lines.find_map(|line| line.split_once('=').map(|(left, _)| left)));
    left.and_then(|left| left.rsplit([',', '{']).next())
        .map_or(String::new(), |key| {
            key.trim().trim_matches('"').to_string()
        })
}

/// The key of `keys` named `key` (its last part, when dotted).
fn lookup<'k>(keys: &'k [Key], key: &str) -> Option<&'k Key> {
    let name = key.rsplit('.').next().unwrap_or(key).trim_matches('"');
    keys.iter().find(|k| k.name == name)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::messages::Lang;
    use serde::Deserialize;

    #[derive(Deserialize, Debug)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Sample {
        title: String,
        weight: Option<i64>,
        respondents: Option<u32>,
        draft: Option<bool>,
        date: Option<toml::Value>,
        software: Option<Vec<String>>,
    }

    /// The message for `text` in both languages, with the keys of front
    /// matter, or of a survey for a mistake in `respondents`.
    fn words(text: &str) -> (String, String) {
        let error = toml::from_str::<Sample>(text).expect_err("a mistake");
        let keys = if text.contains("respondents") {
            crate::load::data::SURVEY_KEYS
        } else {
            crate::load::content::KEYS
        };
        let message = describe(text, &error, keys);
        (message.text(Lang::Ja), message.text(Lang::En))
    }

    fn assert_words(text: &str, ja: &str, en: &str) {
        assert_eq!(words(text), (ja.to_string(), en.to_string()), "{text}");
    }

    #[test]
    fn an_era_date_gives_the_western_day() {
        assert_words(
            "title = \"a\"\ndate = 令和7年12月8日\n",
            "日付は `2025-12-08` の形で書きます（令和の年号は使えません）",
            "date 令和7年12月8日 must be a day such as 2025-12-08 (Japanese era years cannot be used)",
        );
        assert_words(
            "title = \"a\"\ndate = 平成31年4月1日\n",
            "日付は `2019-04-01` の形で書きます（平成の年号は使えません）",
            "date 平成31年4月1日 must be a day such as 2019-04-01 (Japanese era years cannot be used)",
        );
        assert_words(
            "title = \"a\"\ndate = 2025/12/8\n",
            "日付は `2025-12-08` の形で書きます（年-月-日 を半角の数字と - で）",
            "date 2025/12/8 must be a day such as 2025-12-08",
        );
        assert_words(
            "title = \"a\"\ndate = 2025-12-8\n",
            "日付は `2025-12-08` の形で書きます（年-月-日 を半角の数字と - で）",
            "date 2025-12-8 must be a day such as 2025-12-08",
        );
        assert_words(
            "title = \"a\"\ndate = そのうち\n",
            "日付は `2025-12-08` のように 年-月-日 の形で書きます（そのうち は日付として読めません）",
            "date そのうち must be a day such as 2025-11-30 or \"2025-11-30\"",
        );
    }

    #[test]
    fn a_quoted_number_is_written_without_quotes() {
        assert_words(
            "title = \"a\"\nweight = \"55\"\n",
            "`weight` は数値で書きます（例：`weight = 55`）",
            "weight must be a whole number, without quotes (for example `weight = 55`)",
        );
        assert_words(
            "title = \"a\"\nweight = ５５\n",
            "`weight` は数値で書きます（例：`weight = 55`）",
            "weight must be a whole number, without quotes (for example `weight = 55`)",
        );
        assert_words(
            "title = \"a\"\nweight = 5.5\n",
            "`weight` は数値で書きます（例：`weight = 5`）",
            "weight must be a whole number, without quotes (for example `weight = 5`)",
        );
        assert_words(
            "title = \"a\"\nweight = 99999999999999999999\n",
            "`weight` の 99999999999999999999 は大きすぎます。もっと小さい数で書きます",
            "weight 99999999999999999999 is too large",
        );
    }

    #[test]
    fn a_count_of_people_is_digits_only() {
        let ja = "人数は数字だけで書きます（例：`respondents = 100`）";
        let en = "respondents must be the number of people in digits only (for example `respondents = 100`)";
        assert_words("title = \"a\"\nrespondents = \"100人\"\n", ja, en);
        assert_words("title = \"a\"\nrespondents = 100人\n", ja, en);
        assert_words("title = \"a\"\nrespondents = -5\n", ja, en);
    }

    #[test]
    fn smart_quotes_are_named_and_dropped_from_the_example() {
        assert_words(
            "title = “導入”\n",
            "「“」「”」は全角の引用符で、文字の囲みになりません。半角の \" で囲んで書きます（例：`title = \"導入\"`）",
            "“ and ” are typographic quotes, which TOML does not read: quote with straight double quotes (for example `title = \"導入\"`)",
        );
    }

    #[test]
    fn a_full_width_equals_is_named() {
        assert_words(
            "title ＝ “導入”\n",
            "「＝」は全角です。項目と値の間は半角の `=` で書きます（例：`title = \"導入\"`）",
            "＝ is a full-width equals sign: write a plain `=` between the key and the value (for example `title = \"導入\"`)",
        );
    }

    #[test]
    fn text_is_quoted() {
        assert_words(
            "title = 導入\n",
            "文字は \"...\" で囲んで書きます（例：`title = \"導入\"`）",
            "string values must be quoted (for example `title = \"導入\"`)",
        );
        assert_words(
            "title = 5\n",
            "文字は \"...\" で囲んで書きます（例：`title = \"5\"`）",
            "string values must be quoted (for example `title = \"5\"`)",
        );
    }

    #[test]
    fn booleans_and_lists() {
        for text in [
            "title = \"a\"\ndraft = \"yes\"\n",
            "title = \"a\"\ndraft = True\n",
            "title = \"a\"\ndraft = yes\n",
        ] {
            assert_words(
                text,
                "`draft` は true か false で書きます（例：`draft = true`）",
                "draft must be true or false, without quotes (for example `draft = true`)",
            );
        }
        assert_words(
            "title = \"a\"\nsoftware = \"ほのぼの\"\n",
            "`software` は [ ] の中に \"...\" を並べて書きます（例：`software = [\"ほのぼの\"]`）",
            "software must be a list (for example `software = [\"ほのぼの\"]`)",
        );
        assert_words(
            "title = \"a\"\nsoftware = [\n  \"a\",\n  1,\n]\n",
            "`software` は [ ] の中に \"...\" を並べて書きます（例：`software = [\"1\"]`）",
            "software must be a list (for example `software = [\"1\"]`)",
        );
    }

    #[test]
    fn unknown_missing_and_doubled_keys_are_named() {
        assert_words(
            "title = \"a\"\nauthor = \"b\"\n",
            "`author` という項目はありません。書ける項目は `title`、`weight`、`respondents`、`draft`、`date`、`software` です（つづりを確かめてください）",
            "unknown field `author`, expected one of `title`, `weight`, `respondents`, `draft`, `date`, `software`",
        );
        assert_words(
            "weight = 1\n",
            "`title` がありません。書き足してください（例：`title = \"導入の流れ\"`）",
            "missing field `title` (for example `title = \"導入の流れ\"`)",
        );
        assert_words(
            "title = \"a\"\ntitle = \"b\"\n",
            "`title` が2回書かれています。1つだけにしてください",
            "duplicate key `title`: keep one",
        );
    }

    #[test]
    fn broken_lines_are_named() {
        assert_words(
            "title = \"a\"\nweight = \n",
            "`weight =` の後に値がありません。値を書くか、この行を消してください",
            "weight has no value after `=`: write one or remove the line",
        );
        assert_words(
            "title = \"a\n",
            "\" で始めた文字が \" で閉じられていません。文字の終わりに \" を書き足してください",
            "a string opened with \" is not closed: add the closing \"",
        );
        assert_words(
            "title: \"a\"\n",
            "項目の名前の後に `=` がありません。`項目 = 値` の形で書きます（例：`title = \"...\"`）",
            "key with no value, expected `=`",
        );
        assert_words(
            "title = \"a\" x\n",
            "値の後ろに余分な文字があります。1行に `項目 = 値` を1つだけ書きます（文字は \"...\" で囲みます）",
            "unexpected text after the value: write one `key = value` per line",
        );
    }

    #[test]
    fn brackets_and_backslashes() {
        assert_words(
            "title = \"a\"\nsoftware = [\"a\"\n",
            "`]` で閉じられていません。終わりに `]` を書き足してください",
            "not closed: add `]` at its end",
        );
        assert_words(
            "title = \"C:\\data\"\n",
            "文字の中の \\ は特別な意味を持ちます。\\ そのものを書くときは \\\\ と2つ続けるか、全体を '...' で囲みます",
            "a backslash in a string starts an escape: write \\\\ for a backslash itself, or put the text in '...'",
        );
    }

    #[test]
    fn other_shapes_keep_the_library_words_in_a_frame() {
        let (ja, en) = words("= 1\n");
        assert!(ja.starts_with("書き方に誤りがあります（"), "{ja}");
        assert!(
            en.ends_with("(write `key = value`, text in double quotes)"),
            "{en}"
        );
    }
}
