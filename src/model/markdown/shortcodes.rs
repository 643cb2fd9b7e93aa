//! `{{ figure(...) }}` and `{{ video(...) }}` in Markdown text: found, parsed
//! and checked in the model, so a misspelt value or place fails the build
//! with its line and render only fills in what is known to exist.
//!
//! The syntax is a small subset of Tera's, the one DESIGN.md names:
//! `{{ name(key="value", key="value") }}` on one line, outside code.

use crate::messages::Text;
use crate::messages::model::MarkdownMsg;
use crate::model::Group;
use crate::model::places::{GroupId, PlaceId, Places};

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
    Planned,
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
    ("planned", FigureValue::Planned),
    ("as_of", FigureValue::AsOf),
];

/// Whose figure: a place of the tree (the site's own or a municipality)
/// or a group.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FigurePlace {
    Place(PlaceId),
    Group(GroupId),
}

/// A live figure, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FigureRef {
    pub value: FigureValue,
    pub place: FigurePlace,
}

/// What a place written in a figure can name: the place tree (the site's
/// own code `440001` and name `大分県` name it too) and the groups.
pub struct Named<'a> {
    pub places: &'a Places,
    pub groups: &'a [Group],
}

/// The one place a figure's `place` is resolved: left out or the site's own
/// code or name is the site; then a municipality code, a group name, a
/// municipality name.
pub fn figure_place(written: Option<&str>, named: &Named<'_>) -> Result<FigurePlace, MarkdownMsg> {
    let own = named.places.own();
    let Some(written) = written else {
        return Ok(FigurePlace::Place(own.id));
    };
    if written == own.code.as_str() || written == own.name {
        return Ok(FigurePlace::Place(own.id));
    }
    if let Some(m) = named.places.municipality_by_code(written) {
        return Ok(FigurePlace::Place(m.id));
    }
    if let Some(area) = named.places.area_by_id(written) {
        return Ok(FigurePlace::Place(area.id));
    }
    if let Some(g) = named.groups.iter().find(|g| g.name == written) {
        return Ok(FigurePlace::Group(g.id));
    }
    let mut same_name = named
        .places
        .municipalities()
        .iter()
        .filter(|m| m.name == written);
    match (same_name.next(), same_name.next()) {
        (Some(m), None) => Ok(FigurePlace::Place(m.id)),
        (Some(a), Some(b)) => Err(MarkdownMsg::FigurePlaceTwice {
            written: written.to_string(),
            a: a.code.as_str().to_string(),
            b: b.code.as_str().to_string(),
        }),
        (None, _) => Err(MarkdownMsg::FigurePlaceUnknown {
            written: written.to_string(),
        }),
    }
}

/// Checks the arguments of `figure(...)`.
pub fn figure(args: &[(String, String)], named: &Named<'_>) -> Result<FigureRef, MarkdownMsg> {
    let [value, place] = arguments_of("figure", args, ["value", "place"])?;
    let value = match value {
        None => return Err(MarkdownMsg::FigureNoValue),
        Some(v) => VALUES
            .iter()
            .find(|(name, _)| *name == v)
            .map(|&(_, value)| value)
            .ok_or_else(|| {
                let names: Vec<&str> = VALUES.iter().map(|(name, _)| *name).collect();
                MarkdownMsg::FigureValue {
                    value: v.to_string(),
                    expected: names.join(", "),
                }
            })?,
    };
    Ok(FigureRef {
        value,
        place: figure_place(place, named)?,
    })
}

/// The values of `keys` in a call's arguments, in that order; any other
/// argument is an error.
pub fn arguments_of<'a, const N: usize>(
    name: &str,
    args: &'a [(String, String)],
    keys: [&str; N],
) -> Result<[Option<&'a str>; N], MarkdownMsg> {
    let mut values = [None; N];
    for (key, value) in args {
        let Some(i) = keys.iter().position(|k| k == key) else {
            let expected: Vec<String> = keys.iter().map(|k| format!("{k}=\"...\"")).collect();
            return Err(MarkdownMsg::UnknownArgument {
                name: name.to_string(),
                key: key.clone(),
                expected: Text::new(expected.join("、"), expected.join(" and ")),
            });
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
    Bad(MarkdownMsg),
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
            pieces.push(Piece::Bad(MarkdownMsg::NotClosed {
                name: name.to_string(),
            }));
            return pieces;
        };
        let call = after[..end].trim();
        pieces.push(match arguments(call[name_len..].trim_start()) {
            Some(args) => Piece::Call { name, args },
            None => Piece::Bad(MarkdownMsg::Unreadable {
                call: call.to_string(),
                name: name.to_string(),
            }),
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
    use crate::model::places::Id;

    fn resolve(written: Option<&str>) -> Result<FigurePlace, MarkdownMsg> {
        let places = crate::model::places::oita_for_test();
        let groups = [Group {
            id: GroupId::from_index(0),
            name: "北部".to_string(),
            members: vec![places.municipality_by_code("442038").expect("listed").id],
        }];
        figure_place(
            written,
            &Named {
                places: &places,
                groups: &groups,
            },
        )
    }

    #[test]
    fn places_by_code_group_name_or_none() {
        let places = crate::model::places::oita_for_test();
        let id = |code: &str| places.municipality_by_code(code).expect("listed").id;
        let own = FigurePlace::Place(places.own().id);
        assert_eq!(resolve(None), Ok(own));
        assert_eq!(resolve(Some("大分県")), Ok(own));
        assert_eq!(resolve(Some("440001")), Ok(own));
        assert_eq!(
            resolve(Some("442011")),
            Ok(FigurePlace::Place(id("442011")))
        );
        assert_eq!(
            resolve(Some("中津市")),
            Ok(FigurePlace::Place(id("442038")))
        );
        assert_eq!(
            resolve(Some("北部")),
            Ok(FigurePlace::Group(GroupId::from_index(0)))
        );
        assert_eq!(
            resolve(Some("999999")),
            Err(MarkdownMsg::FigurePlaceUnknown {
                written: "999999".into()
            })
        );
    }

    #[test]
    fn a_name_two_municipalities_share_needs_the_code() {
        let city = |code: &str| crate::model::places::NewPlace {
            code: crate::model::places::MunicipalityCode::checked(code.to_string()),
            name: "北区".to_string(),
            kana: String::new(),
            kind: crate::model::places::PlaceKind::Municipality,
            city: None,
            listed: true,
        };
        let places = Places::new(
            crate::model::places::MunicipalityCode::checked("010006".to_string()),
            "北海道".to_string(),
            vec![city("012025"), city("131172")],
        );
        let place = figure_place(
            Some("北区"),
            &Named {
                places: &places,
                groups: &[],
            },
        );
        assert_eq!(
            place.unwrap_err().text(crate::messages::Lang::Ja),
            "figure：place の「北区」に当たる市区町村が2つ以上あります（012025、131172）。コードで書いてください"
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
            [Piece::Bad(MarkdownMsg::Unreadable {
                call: "figure(value=\"rate\"".into(),
                name: "figure".into()
            })]
        );
        assert_eq!(
            split("{{ video(src=\"a\""),
            [Piece::Bad(MarkdownMsg::NotClosed {
                name: "video".into()
            })]
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
