//! The data desk (`/_renkei/data/`): a list uploaded, checked against the
//! site as if it were in place, its effect shown, and only then registered
//! under its contract name.
//!
//! The file is read by the build's own readers (the mirror build of
//! [`store::check_with`]), so whatever `build` takes (CSV now, spreadsheets
//! once `src/load` reads them) the desk takes too.

use std::collections::BTreeMap;
use std::path::Path;

use crate::date::Date;
use crate::diag::Diagnostic;
use crate::figures::{self, Figures};
use crate::messages::desk::DeskMsg;
use crate::model::Site;
use crate::render::Rendered;

use super::store::{self, Change};

/// The inputs the data desk registers, with the form value of each.
pub const KINDS: &[(&str, DeskMsg)] = &[
    ("adoption", DeskMsg::DataAdoption),
    ("offices", DeskMsg::DataOffices),
    ("plans", DeskMsg::DataPlans),
    ("areas", DeskMsg::DataAreas),
];

/// Extensions the build reads a table from.
const TABLES: &[&str] = &["csv", "xlsx"];

/// The contract path of an uploaded file (`data/adoption/2025-12-01.csv`)
/// and the changes that put it in place of the input's previous file.
pub fn changes(
    root: &Path,
    kind: &str,
    date: &str,
    file_name: &str,
    bytes: Vec<u8>,
) -> Result<Vec<Change>, DeskMsg> {
    let ext = file_name
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .filter(|e| TABLES.contains(&e.as_str()))
        .ok_or(DeskMsg::DataNotTable)?;
    let stem = match kind {
        "adoption" => {
            let day = Some(date.trim())
                .filter(|d| !d.is_empty())
                .map(str::to_string)
                .or_else(|| date_in(file_name))
                .ok_or(DeskMsg::NeedDate)?;
            let day = Date::parse(&day).ok_or(DeskMsg::BadDate { value: day })?;
            format!("data/adoption/{day}")
        }
        "offices" | "plans" | "areas" => format!("data/{kind}"),
        _ => return Err(DeskMsg::DataNotTable),
    };
    let path = format!("{stem}.{ext}");
    store::writable(root, &path)?;
    let mut changes: Vec<Change> = TABLES
        .iter()
        .filter(|other| **other != ext)
        .map(|other| format!("{stem}.{other}"))
        .filter(|other| root.join(other).exists())
        .map(|other| Change {
            path: other,
            bytes: None,
        })
        .collect();
    changes.push(Change {
        path,
        bytes: Some(bytes),
    });
    Ok(changes)
}

/// A date `YYYY-MM-DD` in a file name, as the snapshots are named.
fn date_in(name: &str) -> Option<String> {
    let chars: Vec<char> = name.chars().collect();
    chars.windows(10).find_map(|w| {
        let text: String = w.iter().collect();
        Date::parse(&text).map(|_| text)
    })
}

/// What registering would change, for the page that asks.
#[derive(Debug, Default)]
pub struct Effect {
    /// The site's adopted count and rate (percent), before and after.
    pub site: ((u32, String), (u32, String)),
    /// Each place whose counts change: name, adopted/offices before, after.
    pub places: Vec<(String, String, String)>,
    /// Offices adopted after that were not before: number and name.
    pub adopted: Vec<(String, String)>,
    /// Offices adopted before that are not after.
    pub dropped: Vec<(String, String)>,
    /// Offices listed before that are gone from offices after.
    pub gone: Vec<(String, String)>,
}

/// The change between two builds of the site.
pub fn effect(before: &Rendered, after: &Rendered) -> Effect {
    let (old_site, new_site) = (before.site(), after.site());
    let (old, new) = (figures::compute(old_site), figures::compute(new_site));
    let own = |site: &Site, figures: &Figures| {
        let counts = &figures.current.places[site.places.own().id];
        (counts.adopted, counts.rate().to_string())
    };
    let counts = |site: &Site, figures: &Figures| -> BTreeMap<String, (String, String)> {
        site.places
            .all()
            .iter()
            .map(|place| {
                let c = &figures.current.places[place.id];
                (
                    place.name.clone(),
                    (format!("{}/{}", c.adopted, c.offices), c.rate().to_string()),
                )
            })
            .collect()
    };
    let (old_counts, new_counts) = (counts(old_site, &old), counts(new_site, &new));
    let places = new_site
        .places
        .all()
        .iter()
        .filter_map(|place| {
            let after = new_counts.get(&place.name)?;
            let before = old_counts.get(&place.name).cloned().unwrap_or_default();
            (before != *after).then(|| {
                (
                    place.name.clone(),
                    format!("{} ({}%)", before.0, before.1),
                    format!("{} ({}%)", after.0, after.1),
                )
            })
        })
        .collect();
    let adopted_numbers = |site: &Site, figures: &Figures| -> BTreeMap<String, String> {
        site.offices
            .iter()
            .filter(|o| figures.adoption[o.id].is_some())
            .map(|o| (o.number.to_string(), o.name.clone()))
            .collect()
    };
    let listed = |site: &Site| -> BTreeMap<String, String> {
        site.offices
            .iter()
            .map(|o| (o.number.to_string(), o.name.clone()))
            .collect()
    };
    let (was, now) = (
        adopted_numbers(old_site, &old),
        adopted_numbers(new_site, &new),
    );
    let only = |a: &BTreeMap<String, String>, b: &BTreeMap<String, String>| {
        a.iter()
            .filter(|(n, _)| !b.contains_key(*n))
            .map(|(n, name)| (n.clone(), name.clone()))
            .collect::<Vec<_>>()
    };
    Effect {
        site: (own(old_site, &old), own(new_site, &new)),
        places,
        adopted: only(&now, &was),
        dropped: only(&was, &now),
        gone: only(&listed(old_site), &listed(new_site)),
    }
}

/// Whether a finding stops the file from being registered: any error, and
/// any warning about the uploaded file itself (an unknown office, say).
pub fn blocks(finding: &Diagnostic, uploaded: &str) -> bool {
    finding.is_error() || super::page::desk_path(&finding.path) == uploaded
}
