//! What a build changed, for CI logs: `renkei build` compares the open data it
//! is about to publish with the previous output's, so a reviewer sees what a
//! data commit did (the site's rate and adopted count before → after, newly
//! adopted offices, the municipalities whose rate moved most).
//!
//! It compares published bytes (`data/municipalities.csv`,
//! `data/adopted-offices.csv`), not the model: the previous build's model is
//! gone, and its open data is exactly what readers saw. The previous files are
//! read by the command line before the new output is swapped in; no pipeline
//! stage reads them.

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::path::Path;

use crate::messages::summary::SummaryMsg;
use crate::messages::{Lang, Text};
use crate::render::Files;

const MUNICIPALITIES: &str = "data/municipalities.csv";
const ADOPTED: &str = "data/adopted-offices.csv";

/// How many municipalities "moved most" lists.
const MOVERS: usize = 3;

/// The previous output's open data, as far as the summary needs it.
#[derive(Debug, Default)]
pub struct Previous {
    municipalities: Option<Vec<u8>>,
    adopted: Option<Vec<u8>>,
}

impl Previous {
    /// Reads what the output directory `dest` holds now; missing files are
    /// simply absent (a first build).
    pub fn read(dest: &Path) -> Previous {
        Previous {
            municipalities: std::fs::read(dest.join(MUNICIPALITIES)).ok(),
            adopted: std::fs::read(dest.join(ADOPTED)).ok(),
        }
    }
}

/// One row of municipalities.csv: the figures the summary quotes.
#[derive(Debug, Clone, PartialEq)]
struct Row {
    code: String,
    name: String,
    as_of: String,
    adopted: u64,
    /// Tenths of a percent; `None` over zero offices.
    rate: Option<i64>,
}

/// The summary block, or why there is no comparison.
pub fn summarize(previous: &Previous, files: &Files) -> String {
    let Some(now) = files.get(MUNICIPALITIES).and_then(|b| rows(b)) else {
        return String::new();
    };
    let Some(site_now) = now.first() else {
        return String::new();
    };
    let figures_alone = |why: SummaryMsg| {
        let line = SummaryMsg::FiguresAlone {
            place: site_now.name.clone(),
            rate: rate_text(site_now.rate),
            adopted: site_now.adopted,
            why: why.into(),
        };
        format!("{line}\n")
    };
    let file = MUNICIPALITIES.to_string();
    let before = match previous.municipalities.as_deref().map(rows) {
        None => return figures_alone(SummaryMsg::NoPrevious { file }),
        Some(None) => return figures_alone(SummaryMsg::PreviousUnreadable { file }),
        Some(Some(before)) => before,
    };
    let mut out = String::new();
    let site_before = before.first().filter(|r| r.code == site_now.code);
    let _ = writeln!(out, "{}", SummaryMsg::Heading);
    let line = match site_before {
        Some(b) => SummaryMsg::SiteChanged {
            place: site_now.name.clone(),
            rate_before: rate_text(b.rate),
            rate: rate_text(site_now.rate),
            adopted_before: b.adopted,
            adopted: site_now.adopted,
            delta: format!("{:+}", site_now.adopted as i64 - b.adopted as i64),
            as_of_before: as_of(&b.as_of),
            as_of: as_of(&site_now.as_of),
        },
        None => SummaryMsg::OtherPlace {
            place: site_now.name.clone(),
            rate: rate_text(site_now.rate),
            adopted: site_now.adopted,
        },
    };
    let _ = writeln!(out, "{line}");
    if let Some(count) = newly_adopted(previous, files) {
        let _ = writeln!(out, "{}", SummaryMsg::NewlyAdopted { count });
    }
    let movers = movers(&before[1..], &now[1..]);
    if movers.is_empty() {
        let _ = writeln!(out, "{}", SummaryMsg::NoMover);
    } else {
        let items: Vec<SummaryMsg> = movers
            .iter()
            .map(|(b, n)| match (b.rate, n.rate) {
                (Some(before), Some(after)) => SummaryMsg::Mover {
                    name: n.name.clone(),
                    before: rate_text(b.rate),
                    after: rate_text(n.rate),
                    delta: format!("{:+.1}", (after - before) as f64 / 10.0),
                },
                (None, _) => SummaryMsg::MoverFirst {
                    name: n.name.clone(),
                    after: rate_text(n.rate),
                },
                (Some(_), None) => SummaryMsg::MoverGone {
                    name: n.name.clone(),
                    before: rate_text(b.rate),
                },
            })
            .collect();
        let join = |lang: Lang, separator: &str| {
            let texts: Vec<String> = items.iter().map(|item| item.text(lang)).collect();
            texts.join(separator)
        };
        let list = Text::new(join(Lang::Ja, "、"), join(Lang::En, ", "));
        let _ = writeln!(out, "{}", SummaryMsg::Movers { list });
    }
    out
}

/// Offices in the new adopted-offices.csv that the previous one lacked.
fn newly_adopted(previous: &Previous, files: &Files) -> Option<usize> {
    let before = office_numbers(previous.adopted.as_deref()?)?;
    let now = office_numbers(files.get(ADOPTED)?)?;
    Some(now.difference(&before).count())
}

/// The municipalities whose rate changed most (by absolute change, then
/// output order), matched by code; a rate appearing or vanishing counts from 0.
fn movers<'a>(before: &'a [Row], now: &'a [Row]) -> Vec<(&'a Row, &'a Row)> {
    let mut moved: Vec<(usize, i64, (&Row, &Row))> = now
        .iter()
        .enumerate()
        .filter_map(|(i, n)| {
            let b = before.iter().find(|b| b.code == n.code)?;
            let delta = (n.rate.unwrap_or(0) - b.rate.unwrap_or(0)).abs();
            (b.rate != n.rate).then_some((i, delta, (b, n)))
        })
        .collect();
    moved.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    moved
        .into_iter()
        .take(MOVERS)
        .map(|(_, _, pair)| pair)
        .collect()
}

/// The rows of an open-data municipalities.csv, or `None` when it is not one.
fn rows(bytes: &[u8]) -> Option<Vec<Row>> {
    let mut reader = csv::Reader::from_reader(strip_bom(bytes));
    let headers = reader.headers().ok()?.clone();
    let column = |name: &str| headers.iter().position(|h| h == name);
    let (code, name, as_of, adopted, rate) = (
        column("code")?,
        column("name")?,
        column("as_of")?,
        column("adopted")?,
        column("rate")?,
    );
    reader
        .records()
        .map(|record| {
            let record = record.ok()?;
            Some(Row {
                code: record.get(code)?.to_string(),
                name: record.get(name)?.to_string(),
                as_of: record.get(as_of)?.to_string(),
                adopted: record.get(adopted)?.parse().ok()?,
                rate: tenths(record.get(rate)?)?,
            })
        })
        .collect()
}

fn office_numbers(bytes: &[u8]) -> Option<BTreeSet<String>> {
    let mut reader = csv::Reader::from_reader(strip_bom(bytes));
    let column = reader
        .headers()
        .ok()?
        .iter()
        .position(|h| h == "office_number")?;
    reader
        .records()
        .map(|r| Some(r.ok()?.get(column)?.to_string()))
        .collect()
}

fn strip_bom(bytes: &[u8]) -> &[u8] {
    bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes)
}

/// `14.6` → `Some(Some(146))`, empty → `Some(None)`, anything else → `None`.
fn tenths(text: &str) -> Option<Option<i64>> {
    if text.is_empty() {
        return Some(None);
    }
    let (whole, tenth) = text.split_once('.').unwrap_or((text, "0"));
    if tenth.len() != 1 {
        return None;
    }
    Some(Some(
        whole.parse::<i64>().ok()? * 10 + tenth.parse::<i64>().ok()?,
    ))
}

fn rate_text(rate: Option<i64>) -> String {
    rate.map_or_else(|| "–".to_string(), |t| format!("{}.{}%", t / 10, t % 10))
}

/// An as-of date as shown: the date, or the word for none.
fn as_of(date: &str) -> Text {
    if date.is_empty() {
        SummaryMsg::NoDate.into()
    } else {
        Text::same(date)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::files_of;

    const HEADER: &str =
        "\u{feff}code,name,as_of,offices,adopted,rate,cm_offices,cm_adopted,cm_rate,linking\n";

    fn output(municipalities: &str, adopted: &str) -> Files {
        files_of(&[(MUNICIPALITIES, municipalities), (ADOPTED, adopted)])
    }

    fn previous(municipalities: &str, adopted: &str) -> Previous {
        Previous {
            municipalities: Some(municipalities.as_bytes().to_vec()),
            adopted: Some(adopted.as_bytes().to_vec()),
        }
    }

    #[test]
    fn compares_site_offices_and_movers() {
        let before = format!(
            "{HEADER}440001,大分県,2025-09-30,100,10,10.0,,,,\n442011,大分市,2025-09-30,50,5,10.0,,,,\n442020,別府市,2025-09-30,30,3,10.0,,,,\n442038,中津市,2025-09-30,20,2,10.0,,,,\n"
        );
        let now = format!(
            "{HEADER}440001,大分県,2025-11-30,100,14,14.0,,,,\n442011,大分市,2025-11-30,50,6,12.0,,,,\n442020,別府市,2025-11-30,30,6,20.0,,,,\n442038,中津市,2025-11-30,20,2,10.0,,,,\n"
        );
        let summary = summarize(
            &previous(&before, "office_number\n4400000001\n4400000002\n"),
            &output(&now, "office_number\n4400000001\n4400000003\n4400000004\n"),
        );
        assert_eq!(
            summary,
            "changes since the previous build:\n  \
             大分県: rate 10.0% → 14.0%, adopted 10 → 14 (+4), as of 2025-09-30 → 2025-11-30\n  \
             newly adopted offices: 2\n  \
             rate moved most: 別府市 10.0% → 20.0% (+10.0), 大分市 10.0% → 12.0% (+2.0)\n"
        );
    }

    #[test]
    fn the_summary_reads_in_japanese() {
        let before = format!(
            "{HEADER}440001,大分県,2025-09-30,100,10,10.0,,,,\n442011,大分市,2025-09-30,50,5,10.0,,,,\n442020,別府市,,30,3,10.0,,,,\n"
        );
        let now = format!(
            "{HEADER}440001,大分県,2025-11-30,100,14,14.0,,,,\n442011,大分市,2025-11-30,50,6,12.0,,,,\n442020,別府市,2025-11-30,30,6,20.0,,,,\n"
        );
        let summary = crate::messages::rendering(Lang::Ja, || {
            summarize(
                &previous(&before, "office_number\n4400000001\n"),
                &output(&now, "office_number\n4400000001\n4400000003\n"),
            )
        });
        assert_eq!(
            summary,
            "前回のビルドからの変化:\n  \
             大分県: 導入率 10.0% → 14.0%、導入 10 → 14 件（+4）、時点 2025-09-30 → 2025-11-30\n  \
             新たに導入した事業所: 1 件\n  \
             導入率が最も動いた市区町村: 別府市 10.0% → 20.0%（+10.0ポイント）、大分市 10.0% → 12.0%（+2.0ポイント）\n"
        );
        let first = crate::messages::rendering(Lang::Ja, || {
            summarize(&Previous::default(), &output(&now, "office_number\n"))
        });
        assert_eq!(
            first,
            "数値: 大分県 導入率 14.0%、導入 14 件（比べる前回の data/municipalities.csv がありません）\n"
        );
    }

    #[test]
    fn a_first_build_states_the_figures_only() {
        let now = format!("{HEADER}440001,大分県,2025-11-30,100,14,14.0,,,,\n");
        let summary = summarize(&Previous::default(), &output(&now, "office_number\n"));
        assert_eq!(
            summary,
            "figures: 大分県 rate 14.0%, adopted 14 (no previous data/municipalities.csv to compare with)\n"
        );
    }

    #[test]
    fn an_unreadable_previous_file_is_said_not_compared() {
        let now = format!("{HEADER}440001,大分県,2025-11-30,100,14,14.0,,,,\n");
        let summary = summarize(
            &previous("something else\n1\n", ""),
            &output(&now, "office_number\n"),
        );
        assert!(
            summary.contains("could not be read: no comparison"),
            "{summary}"
        );
    }

    #[test]
    fn unchanged_figures_say_so() {
        let now = format!(
            "{HEADER}440001,大分県,2025-11-30,0,0,,,,,\n442011,大分市,2025-11-30,0,0,,,,,\n"
        );
        let summary = summarize(
            &previous(&now, "office_number\n"),
            &output(&now, "office_number\n"),
        );
        assert_eq!(
            summary,
            "changes since the previous build:\n  \
             大分県: rate – → –, adopted 0 → 0 (+0), as of 2025-11-30 → 2025-11-30\n  \
             newly adopted offices: 0\n  \
             no municipality's rate moved\n"
        );
    }
}
