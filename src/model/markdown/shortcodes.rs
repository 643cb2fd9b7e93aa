//! `{{ figure(...) }}` and `{{ video(...) }}` in Markdown text: found, parsed
//! and checked in the model, so a misspelt value or place fails the build
//! with its line and render only fills in what is known to exist.
//!
//! The syntax is a small subset of Tera's, the one DESIGN.md names:
//! `{{ name(key="value", key="value") }}` on one line, outside code.

use crate::model::{Group, Municipality};

/// What a live figure shows, as DESIGN.md names the values.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FigureValue {
    Offices,
    Adopted,
    Rate,
    CmOffices,
    CmAdopted,
    CmRate,
    Linking,
    AsOf,
}

const VALUES: &[(&str, FigureValue)] = &[
    ("offices", FigureValue::Offices),
    ("adopted", FigureValue::Adopted),
    ("rate", FigureValue::Rate),
    ("cm_offices", FigureValue::CmOffices),
    ("cm_adopted", FigureValue::CmAdopted),
    ("cm_rate", FigureValue::CmRate),
    ("linking", FigureValue::Linking),
    ("as_of", FigureValue::AsOf),
];

/// Whose figure: the site's own place, a municipality or a group.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FigurePlace {
    Site,
    /// A code of data/municipalities.csv.
    Municipality(String),
    /// A group name of site.toml.
    Group(String),
}

/// A live figure, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FigureRef {
    pub value: FigureValue,
    pub place: FigurePlace,
}

/// What a place written in a figure can name: the site's own place and its
/// municipalities and groups.
pub struct Places<'a> {
    /// The site's own code (`440001`) and name (`大分県`), which also name it.
    pub site_code: &'a str,
    pub site_name: &'a str,
    pub municipalities: &'a [Municipality],
    pub groups: &'a [Group],
}

/// The one place a figure's `place` is resolved: left out or the site's own
/// code or name is the site; then a municipality code, a group name, a
/// municipality name.
pub fn figure_place(written: Option<&str>, places: &Places<'_>) -> Result<FigurePlace, String> {
    let Some(written) = written else {
        return Ok(FigurePlace::Site);
    };
    if written == places.site_code || written == places.site_name {
        return Ok(FigurePlace::Site);
    }
    if let Some(m) = places.municipalities.iter().find(|m| m.code == written) {
        return Ok(FigurePlace::Municipality(m.code.clone()));
    }
    if let Some(g) = places.groups.iter().find(|g| g.name == written) {
        return Ok(FigurePlace::Group(g.name.clone()));
    }
    let mut named = places.municipalities.iter().filter(|m| m.name == written);
    match (named.next(), named.next()) {
        (Some(m), None) => Ok(FigurePlace::Municipality(m.code.clone())),
        (Some(a), Some(b)) => Err(format!(
            "figure: place \"{written}\" names more than one municipality ({}, {}): write its code",
            a.code, b.code
        )),
        (None, _) => Err(format!(
            "figure: unknown place \"{written}\": expected a municipality code or name of data/municipalities.csv or a group name of site.toml"
        )),
    }
}

/// Checks the arguments of `figure(...)`.
pub fn figure(args: &[(String, String)], places: &Places<'_>) -> Result<FigureRef, String> {
    let [value, place] = arguments_of("figure", args, ["value", "place"])?;
    let value = match value {
        None => return Err(
            "figure: missing value=\"...\", for example figure(value=\"rate\", place=\"442011\")"
                .to_string(),
        ),
        Some("planned") => {
            return Err(
                "figure: value \"planned\" counts data/plans.csv, which is not supported yet"
                    .to_string(),
            );
        }
        Some(v) => VALUES
            .iter()
            .find(|(name, _)| *name == v)
            .map(|&(_, value)| value)
            .ok_or_else(|| {
                let names: Vec<&str> = VALUES.iter().map(|(name, _)| *name).collect();
                format!(
                    "figure: unknown value \"{v}\": expected one of {}",
                    names.join(", ")
                )
            })?,
    };
    Ok(FigureRef {
        value,
        place: figure_place(place, places)?,
    })
}

/// The values of `keys` in a call's arguments, in that order; any other
/// argument is an error.
pub fn arguments_of<'a, const N: usize>(
    name: &str,
    args: &'a [(String, String)],
    keys: [&str; N],
) -> Result<[Option<&'a str>; N], String> {
    let mut values = [None; N];
    for (key, value) in args {
        let Some(i) = keys.iter().position(|k| k == key) else {
            let expected: Vec<String> = keys.iter().map(|k| format!("{k}=\"...\"")).collect();
            return Err(format!(
                "{name}: unknown argument \"{key}\": expected {}",
                expected.join(" and ")
            ));
        };
        values[i] = Some(value.as_str());
    }
    Ok(values)
}

/// An embedded video, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Video {
    pub title: String,
    pub source: VideoSource,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum VideoSource {
    /// Embedded through youtube-nocookie.com; `link` is the address as written.
    YouTube { id: String, link: String },
    /// A file published with the site, at this URL.
    File { url: String },
}

/// The video id of a YouTube address (`youtube.com/watch?v=ID`, `youtu.be/ID`).
pub fn youtube_id(src: &str) -> Option<String> {
    let rest = src
        .strip_prefix("https://")
        .or_else(|| src.strip_prefix("http://"))?;
    let rest = rest.strip_prefix("www.").unwrap_or(rest);
    let id = if let Some(path) = rest.strip_prefix("youtu.be/") {
        path.split(['?', '#', '/']).next()?
    } else {
        let rest = rest.strip_prefix("m.").unwrap_or(rest);
        let query = rest.strip_prefix("youtube.com/watch?")?;
        query
            .split(['&', '#'])
            .find_map(|pair| pair.strip_prefix("v="))?
    };
    let valid = !id.is_empty()
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
    valid.then(|| id.to_string())
}

/// A `{{ name(args) }}` found in text, or the reason it could not be read.
#[derive(Debug, PartialEq, Eq)]
pub enum Piece<'a> {
    Text(&'a str),
    Call {
        name: &'a str,
        args: Vec<(String, String)>,
    },
    Bad(String),
}

/// Splits text into plain text and shortcodes. Only `{{` followed by a name
/// and `(` starts one, so other braces in prose stay text.
pub fn split(text: &str) -> Vec<Piece<'_>> {
    let mut pieces = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find("{{") {
        let after = &rest[start + 2..];
        let inner = after.trim_start();
        let name_len = inner
            .find(|c: char| !(c.is_ascii_lowercase() || c == '_'))
            .unwrap_or(inner.len());
        let name = &inner[..name_len];
        if name.is_empty() || !inner[name_len..].trim_start().starts_with('(') {
            pieces.push(Piece::Text(&rest[..start + 2]));
            rest = after;
            continue;
        }
        if start > 0 {
            pieces.push(Piece::Text(&rest[..start]));
        }
        let Some(end) = after.find("}}") else {
            pieces.push(Piece::Bad(format!(
                "{{{{ {name}(...) is not closed with }}}} on the same line"
            )));
            return pieces;
        };
        let call = after[..end].trim();
        pieces.push(match arguments(call[name_len..].trim_start()) {
            Some(args) => Piece::Call { name, args },
            None => Piece::Bad(format!(
                "cannot read {{{{ {call} }}}}: expected {name}(key=\"value\", key=\"value\")"
            )),
        });
        rest = &after[end + 2..];
    }
    if !rest.is_empty() {
        pieces.push(Piece::Text(rest));
    }
    pieces
}

/// `(key="value", key="value")` into its pairs; `None` when malformed.
fn arguments(text: &str) -> Option<Vec<(String, String)>> {
    let mut rest = text.strip_prefix('(')?.strip_suffix(')')?.trim();
    let mut args = Vec::new();
    while !rest.is_empty() {
        let (key, after) = rest.split_once('=')?;
        let key = key.trim();
        if key.is_empty() || !key.bytes().all(|b| b.is_ascii_lowercase() || b == b'_') {
            return None;
        }
        let after = after.trim_start().strip_prefix('"')?;
        let (value, after) = after.split_once('"')?;
        args.push((key.to_string(), value.to_string()));
        let after = after.trim_start();
        rest = match after.strip_prefix(',') {
            Some(next) => next.trim_start(),
            None if after.is_empty() => after,
            None => return None,
        };
    }
    Some(args)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::MunicipalityKind;

    fn municipality(code: &str, name: &str) -> Municipality {
        Municipality {
            code: code.to_string(),
            name: name.to_string(),
            kana: String::new(),
            kind: MunicipalityKind::Municipality,
            parent: None,
            listed: true,
        }
    }

    fn resolve(written: Option<&str>) -> Result<FigurePlace, String> {
        let municipalities = [
            municipality("442011", "大分市"),
            municipality("442038", "中津市"),
        ];
        let groups = [Group {
            name: "北部".to_string(),
            members: vec![1],
        }];
        figure_place(
            written,
            &Places {
                site_code: "440001",
                site_name: "大分県",
                municipalities: &municipalities,
                groups: &groups,
            },
        )
    }

    #[test]
    fn places_by_code_group_name_or_none() {
        assert_eq!(resolve(None), Ok(FigurePlace::Site));
        assert_eq!(resolve(Some("大分県")), Ok(FigurePlace::Site));
        assert_eq!(
            resolve(Some("442011")),
            Ok(FigurePlace::Municipality("442011".into()))
        );
        assert_eq!(
            resolve(Some("中津市")),
            Ok(FigurePlace::Municipality("442038".into()))
        );
        assert_eq!(resolve(Some("北部")), Ok(FigurePlace::Group("北部".into())));
        assert_eq!(
            resolve(Some("999999")),
            Err("figure: unknown place \"999999\": expected a municipality code or name of data/municipalities.csv or a group name of site.toml".into())
        );
    }

    #[test]
    fn a_name_two_municipalities_share_needs_the_code() {
        let municipalities = [
            municipality("012025", "北区"),
            municipality("131172", "北区"),
        ];
        let place = figure_place(
            Some("北区"),
            &Places {
                site_code: "440001",
                site_name: "大分県",
                municipalities: &municipalities,
                groups: &[],
            },
        );
        assert_eq!(
            place,
            Err("figure: place \"北区\" names more than one municipality (012025, 131172): write its code".into())
        );
    }

    #[test]
    fn splits_text_and_calls() {
        assert_eq!(
            split("率は{{ figure(value=\"rate\", place=\"442011\") }}です{{ x }}"),
            [
                Piece::Text("率は"),
                Piece::Call {
                    name: "figure",
                    args: vec![
                        ("value".into(), "rate".into()),
                        ("place".into(), "442011".into())
                    ]
                },
                Piece::Text("です{{"),
                Piece::Text(" x }}"),
            ]
        );
        assert_eq!(
            split("{{ figure(value=\"rate\" }}"),
            [Piece::Bad(
                "cannot read {{ figure(value=\"rate\" }}: expected figure(key=\"value\", key=\"value\")"
                    .into()
            )]
        );
        assert_eq!(
            split("{{ video(src=\"a\""),
            [Piece::Bad(
                "{{ video(...) is not closed with }} on the same line".into()
            )]
        );
    }

    #[test]
    fn youtube_addresses() {
        assert_eq!(
            youtube_id("https://www.youtube.com/watch?v=abc_DEF-123&t=10").as_deref(),
            Some("abc_DEF-123")
        );
        assert_eq!(
            youtube_id("https://youtu.be/abc123?si=x").as_deref(),
            Some("abc123")
        );
        assert_eq!(youtube_id("https://vimeo.com/1"), None);
        assert_eq!(youtube_id("https://www.youtube.com/watch?v=<x>"), None);
    }
}
