//! Every HTML page of the site as a template name and its context.
//!
//! This is where model and figures meet the views: one function per page kind
//! builds the view a template needs. Nothing here writes or formats by hand;
//! formats come from `format`, HTML from templates. The page kinds live in
//! `figures` (home and municipality pages), `offices` and `content`.

mod areas;
mod content;
mod figures;
mod office;
mod offices;
mod opendata;

use std::collections::HashMap;

use rayon::prelude::*;
use serde::Serialize;

use super::format;
use super::markdown::{figure_text, to_html};
use super::search;
use super::views::*;
use crate::figures::Figures;
use crate::model::Site;
use crate::model::content::Page;
use crate::model::markdown::Body;

/// A page to render: where it goes, with which template, seeing what.
pub struct Job {
    pub path: String,
    pub template: &'static str,
    pub context: tera::Context,
}

/// Shared by every page builder.
#[derive(Clone, Copy)]
pub struct Builder<'a> {
    pub site: &'a Site,
    pub figures: &'a Figures,
    pub site_view: &'a SiteView,
    /// Care software name as reported → its manual's URL.
    pub manual_of: &'a HashMap<String, String>,
}

#[derive(Serialize)]
struct Common<'a, T: Serialize> {
    site: &'a SiteView,
    meta: Meta,
    #[serde(flatten)]
    page: T,
}

impl<'a> Builder<'a> {
    /// The manual of a care software as offices report it; empty when the
    /// site has none.
    pub fn manual_url(&self, software: &str) -> String {
        self.manual_of.get(software).cloned().unwrap_or_default()
    }

    /// An absolute path on the site (`/careplan/guides/`).
    pub fn url(&self, path: &str) -> String {
        self.site.config.urls().path(path)
    }

    fn job<T: Serialize>(&self, path: &str, template: &'static str, meta: Meta, page: T) -> Job {
        let context = tera::Context::from_serialize(Common {
            site: self.site_view,
            meta,
            page,
        })
        .expect("views serialize to a JSON object");
        Job {
            path: crate::urls::file_of(path),
            template,
            context,
        }
    }

    fn meta(
        &self,
        path: &str,
        title: &str,
        description: Option<&str>,
        section: &str,
        trail: &[Link],
    ) -> Meta {
        let mut breadcrumbs = Vec::new();
        if !path.is_empty() {
            breadcrumbs.push(Link {
                title: "ホーム".to_string(),
                url: self.url(crate::urls::HOME),
            });
            breadcrumbs.extend_from_slice(trail);
        }
        let fallback = format!("{}｜{}", title, self.site.config.title);
        Meta {
            title: title.to_string(),
            description: description.map_or(fallback, str::to_string),
            canonical: self.site.config.urls().absolute(path),
            url: self.url(path),
            section: section.to_string(),
            breadcrumbs,
        }
    }

    fn html(&self, body: &Body) -> String {
        to_html(body, |figure| figure_text(figure, self.figures))
    }

    fn page_view(&self, page: &Page) -> PageView {
        PageView {
            title: page.front.title.clone(),
            description: page.front.description.clone().unwrap_or_default(),
            date: page.front.date.map(|d| d.to_string()).unwrap_or_default(),
            date_label: page.front.date.map(format::japanese).unwrap_or_default(),
            software: page.front.software.clone(),
            content: self.html(&page.body),
            toc: page
                .headings
                .iter()
                .filter(|h| h.level == 2)
                .map(|h| Link {
                    title: h.text.clone(),
                    url: format!("#{}", h.id),
                })
                .collect(),
        }
    }

    fn index_view(&self, page: Option<&Page>, default_title: &str) -> PageView {
        match page {
            Some(page) => self.page_view(page),
            None => PageView {
                title: default_title.to_string(),
                description: String::new(),
                date: String::new(),
                date_label: String::new(),
                software: Vec::new(),
                content: String::new(),
                toc: Vec::new(),
            },
        }
    }

    fn item(&self, page: &Page) -> PageItem {
        PageItem {
            title: page.front.title.clone(),
            url: self.url(&page.url),
            description: page.front.description.clone().unwrap_or_default(),
            date: page.front.date.map(|d| d.to_string()).unwrap_or_default(),
            date_label: page.front.date.map(format::japanese).unwrap_or_default(),
        }
    }

    fn crumb(&self, title: &str, path: &str) -> Link {
        Link {
            title: title.to_string(),
            url: self.url(path),
        }
    }

    /// Every HTML page of the site but the office pages, which render one
    /// at a time where they are consumed ([`Builder::office_page`]); `search`
    /// is what the office list covers.
    pub fn jobs(&self, search: &search::Search) -> Vec<Job> {
        let mut jobs = vec![
            self.home(),
            self.municipalities(),
            self.offices(search),
            self.not_found(),
        ];
        // One page per municipality, each with charts to draw: built in parallel.
        jobs.par_extend(
            self.site
                .places
                .municipalities()
                .par_iter()
                .map(|m| self.municipality(m)),
        );
        jobs.extend(self.area_pages());
        jobs.extend(self.section(&self.site.content.guides, "guides", "導入ガイド"));
        jobs.extend(self.section(&self.site.content.news, "news", "お知らせ"));
        jobs.extend(self.manuals());
        jobs.push(self.faq());
        jobs.extend(self.surveys());
        jobs.extend(self.other_pages());
        jobs
    }
}
