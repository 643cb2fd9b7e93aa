//! Stage 2: the validated site, built from the inputs and checked across files.
//!
//! After this stage every office has a known municipality, every snapshot
//! names known offices, every group names known municipalities and every
//! `@/` link points at a page: later stages never see raw rows.

pub mod areas;
pub mod content;
pub mod markdown;
pub mod municipalities;
pub mod offices;
pub mod placeholders;
pub mod places;
pub mod plans;
pub mod rejected;
pub mod spelling;
pub mod surveys;

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use crate::date::Date;
use crate::diag::{Diagnostic, Diagnostics};
use crate::load::Inputs;
use crate::load::config::Config;
use crate::load::content::Asset;
use crate::load::theme::Theme;
use crate::messages::model::GroupMsg;
use places::{GroupId, Id, OfficeId, OfficeNumber, PlaceId, Places};

/// A target office.
#[derive(Debug, Clone)]
pub struct Office {
    pub id: OfficeId,
    pub number: OfficeNumber,
    pub name: String,
    pub name_kana: String,
    pub corporation: String,
    pub address: String,
    pub phone: String,
    pub area: String,
    /// Its municipality or ward.
    pub municipality: PlaceId,
    /// Where it counts: its area of `data/areas.csv`, or its municipality
    /// when it names none (or the site has no areas.csv).
    pub place: PlaceId,
    pub service_types: Vec<String>,
    /// 居宅介護支援・介護予防支援事業所.
    pub care_manager: bool,
}

/// License holders on one date.
#[derive(Debug, Clone)]
pub struct Snapshot {
    pub date: Date,
    pub path: PathBuf,
    /// Sorted by office, each office once.
    pub adoptions: Vec<Adoption>,
}

/// One office holding a license.
#[derive(Debug, Clone)]
pub struct Adoption {
    pub office: OfficeId,
    pub linking: bool,
    pub software: Option<String>,
}

/// An office that has declared it will adopt and does not hold a license yet.
#[derive(Debug, Clone)]
pub struct Plan {
    pub office: OfficeId,
    pub date: Option<Date>,
    pub note: String,
}

/// A named subtotal of municipalities from `site.toml`.
#[derive(Debug, Clone)]
pub struct Group {
    pub id: GroupId,
    pub name: String,
    pub members: Vec<PlaceId>,
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

impl Site {
    /// The office an id names.
    pub fn office(&self, id: OfficeId) -> &Office {
        &self.offices[id.index()]
    }

    /// Whether an office counts in a place (its municipality, the city of its
    /// ward, or the site's own place).
    pub fn office_in(&self, office: OfficeId, place: PlaceId) -> bool {
        self.places.contains(place, self.office(office).place)
    }
}

/// The validated site.
#[derive(Debug, Clone)]
pub struct Site {
    pub root: PathBuf,
    pub config: Config,
    pub places: Places,
    /// In file order: `offices[id.index()]` is the office `id`.
    pub offices: Vec<Office>,
    /// Oldest first.
    pub snapshots: Vec<Snapshot>,
    /// Sorted by office, none of them adopted in the newest snapshot.
    pub plans: Vec<Plan>,
    pub groups: Vec<Group>,
    pub content: content::Content,
    pub surveys: Vec<Survey>,
    pub assets: Vec<Asset>,
    pub theme: Theme,
}

/// Builds the site; `None` when any error was found.
pub fn build(inputs: Inputs, diags: &mut Diagnostics) -> Option<Site> {
    // The model names each data input by its CSV name; its findings go
    // to the file actually read (a spreadsheet, say) and its sheet.
    let sources = inputs.data.sources.clone();
    let mut found = Diagnostics::default();
    let site = build_site(inputs, &mut found);
    sources.place(found, diags);
    site
}

fn build_site(inputs: Inputs, diags: &mut Diagnostics) -> Option<Site> {
    let errors_before = diags.error_count();
    let config = inputs.config;
    let mut rejected = rejected::Rejected::default();
    let places = municipalities::build(&inputs.data.municipalities, &config, &mut rejected, diags);
    let places = areas::build(
        places,
        inputs.data.areas.as_deref(),
        &config.prefecture_code,
        diags,
    );
    let offices = offices::build(
        inputs.data.offices,
        &places,
        &config.prefecture_code,
        &mut rejected,
        diags,
    );
    let snapshots = offices::snapshots(&inputs.data.snapshots, &offices, &mut rejected, diags);
    let plans = plans::build(
        &inputs.data.plans,
        &offices,
        snapshots.last(),
        &mut rejected,
        diags,
    );
    rejected.report(diags);
    let groups = groups(&config, &places, diags);
    let assets: HashSet<String> = inputs.assets.iter().map(|a| a.site_path()).collect();
    let theme_ids = inputs.theme.ids();
    let setup = markdown::Setup {
        base_path: &config.base_path,
        theme_ids: &theme_ids,
        unsafe_html: config.markdown.unsafe_html,
        assets: &assets,
        places: markdown::shortcodes::Named {
            places: &places,
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
        places,
        offices,
        snapshots,
        plans,
        groups,
        content,
        surveys,
        assets: inputs.assets,
        theme: inputs.theme,
    })
}

fn groups(config: &Config, places: &Places, diags: &mut Diagnostics) -> Vec<Group> {
    let rel = Path::new(crate::load::config::FILE);
    config
        .groups
        .iter()
        .enumerate()
        .map(|(i, g)| {
            let mut members = Vec::new();
            for (code, line) in &g.municipalities {
                let code = spelling::code(code);
                let group = g.name.clone();
                match places.municipality_by_code(&code) {
                    Some(m) if members.contains(&m.id) => {
                        let message = GroupMsg::Twice { group, code };
                        diags.push(Diagnostic::warning(rel, message).at_line(*line));
                    }
                    Some(m) => members.push(m.id),
                    None => {
                        let problem = municipalities::not_listed(
                            "municipality",
                            &code,
                            &config.prefecture_code,
                        );
                        let message = GroupMsg::Unknown { group, problem };
                        diags.push(Diagnostic::error(rel, message).at_line(*line));
                    }
                }
            }
            if g.municipalities.is_empty() {
                let message = GroupMsg::Empty {
                    group: g.name.clone(),
                };
                diags.push(Diagnostic::error(rel, message).at_line(g.line));
            }
            Group {
                id: GroupId::from_index(i),
                name: g.name.clone(),
                members,
            }
        })
        .collect()
}
