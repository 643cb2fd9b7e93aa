//! Stage 2: the validated site, built from the inputs and checked across files.
//!
//! After this stage every office has a known municipality, every snapshot
//! names known offices, every group names known municipalities and every
//! `@/` link points at a page: later stages never see raw rows.

pub mod content;
pub mod markdown;
pub mod municipalities;
pub mod offices;
pub mod surveys;

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use crate::date::Date;
use crate::diag::{Diagnostic, Diagnostics};
use crate::load::Inputs;
use crate::load::config::Config;
use crate::load::content::Asset;
use crate::load::theme::Theme;

/// A municipality, ward or designated city, in output order.
#[derive(Debug, Clone)]
pub struct Municipality {
    pub code: String,
    pub name: String,
    pub kana: String,
    pub kind: MunicipalityKind,
    /// For a ward: the index of its designated city.
    pub parent: Option<usize>,
    /// False for a designated city added because its wards are listed.
    pub listed: bool,
}

/// What kind of row a municipality is in the figures.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MunicipalityKind {
    Municipality,
    DesignatedCity,
    Ward,
}

/// A target office.
#[derive(Debug, Clone)]
pub struct Office {
    pub number: String,
    pub name: String,
    pub name_kana: String,
    pub corporation: String,
    pub address: String,
    pub phone: String,
    pub area: String,
    /// Index into `Site::municipalities`.
    pub municipality: usize,
    pub service_types: Vec<String>,
    /// 居宅介護支援・介護予防支援事業所.
    pub care_manager: bool,
}

/// License holders on one date.
#[derive(Debug, Clone)]
pub struct Snapshot {
    pub date: Date,
    pub path: PathBuf,
    /// Sorted by office index, each office once.
    pub adoptions: Vec<Adoption>,
}

/// One office holding a license.
#[derive(Debug, Clone)]
pub struct Adoption {
    pub office: usize,
    pub linking: bool,
    pub software: Option<String>,
}

/// A named subtotal of municipalities from `site.toml`.
#[derive(Debug, Clone)]
pub struct Group {
    pub name: String,
    /// Indexes into `Site::municipalities`.
    pub members: Vec<usize>,
}

/// A survey's results.
#[derive(Debug, Clone)]
pub struct Survey {
    pub slug: String,
    pub title: String,
    pub date: Option<Date>,
    pub respondents: Option<u32>,
    pub description: Option<String>,
    pub questions: Vec<SurveyQuestion>,
}

/// One question: its choices and groups in file order, and the counts given.
#[derive(Debug, Clone)]
pub struct SurveyQuestion {
    pub question: String,
    pub choices: Vec<String>,
    /// `[""]` when the survey has no groups for this question.
    pub groups: Vec<String>,
    /// (choice index, group index, count).
    pub counts: Vec<(usize, usize, u32)>,
}

/// The validated site.
#[derive(Debug, Clone)]
pub struct Site {
    pub root: PathBuf,
    pub config: Config,
    pub prefecture_code: String,
    pub municipalities: Vec<Municipality>,
    pub offices: Vec<Office>,
    /// Oldest first.
    pub snapshots: Vec<Snapshot>,
    pub groups: Vec<Group>,
    pub content: content::Content,
    pub surveys: Vec<Survey>,
    pub assets: Vec<Asset>,
    pub theme: Theme,
}

/// Builds the site; `None` when any error was found.
pub fn build(inputs: Inputs, diags: &mut Diagnostics) -> Option<Site> {
    let errors_before = diags.error_count();
    let config = inputs.config;
    let prefecture_code =
        crate::gov_codes::prefecture_code(&config.prefecture_code).expect("checked by load");
    let municipalities =
        municipalities::build(&inputs.data.municipalities, &config.prefecture_code, diags);
    let offices = offices::build(
        inputs.data.offices,
        &municipalities,
        &config.prefecture_code,
        diags,
    );
    let snapshots = offices::snapshots(&inputs.data.snapshots, &offices, diags);
    let groups = groups(&config, &municipalities, diags);
    let assets: HashSet<String> = inputs.assets.iter().map(|a| a.site_path()).collect();
    let setup = markdown::Setup {
        base_path: &config.base_path,
        unsafe_html: config.markdown.unsafe_html,
        assets: &assets,
        places: markdown::shortcodes::Places {
            site_code: &prefecture_code,
            site_name: &config.prefecture_name,
            municipalities: &municipalities,
            groups: &groups,
        },
    };
    let content = content::build(inputs.pages, &setup, diags);
    let surveys = surveys::build(&inputs.data.surveys, diags);
    if diags.error_count() > errors_before {
        return None;
    }
    Some(Site {
        root: inputs.root,
        config,
        prefecture_code,
        municipalities,
        offices,
        snapshots,
        groups,
        content,
        surveys,
        assets: inputs.assets,
        theme: inputs.theme,
    })
}

fn groups(config: &Config, municipalities: &[Municipality], diags: &mut Diagnostics) -> Vec<Group> {
    let rel = Path::new(crate::load::config::FILE);
    config
        .groups
        .iter()
        .map(|g| {
            let mut members = Vec::new();
            for (code, line) in &g.municipalities {
                match municipalities.iter().position(|m| &m.code == code) {
                    Some(i) if members.contains(&i) => diags.push(
                        Diagnostic::warning(rel, format!("group \"{}\" lists \"{code}\" twice", g.name)).at_line(*line),
                    ),
                    Some(i) => members.push(i),
                    None => {
                        let hint = municipalities::code_problem(code, &config.prefecture_code)
                            .map(|problem| format!(": {problem}"))
                            .unwrap_or_default();
                        diags.push(
                            Diagnostic::error(rel, format!("group \"{}\": municipality \"{code}\" is not in data/municipalities.csv{hint}", g.name)).at_line(*line),
                        )
                    }
                }
            }
            if g.municipalities.is_empty() {
                diags.push(Diagnostic::error(rel, format!("group \"{}\" lists no municipalities", g.name)).at_line(g.line));
            }
            Group { name: g.name.clone(), members }
        })
        .collect()
}
