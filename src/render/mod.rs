//! Stage 4: the site as bytes, keyed by output path.
//!
//! Markdown becomes HTML here, after the figures exist, and pages render in
//! parallel. Nothing is written to disk here: every page but the office pages
//! is held in memory, and the office pages (a hundred times as many) render
//! one at a time where the write stage or the preview server consumes them.

mod catalog;
mod charts;
mod feeds;
pub mod format;
pub mod map;
pub mod markdown;
pub mod opendata;
mod pages;
mod phrases;
mod qr;
pub mod search;
pub mod views;
mod words;

use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};
use std::convert::Infallible;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::diag::{Diagnostic, Diagnostics};
use crate::figures::Figures;
use crate::messages::render::RenderMsg;
use crate::model::Site;
use crate::model::places::OfficeId;
use crate::urls;
use pages::{Builder, Job};
use views::{Link, NavItem, SiteLinks, SiteView, Words};

/// Files in memory: output path (with `/`) to contents, sorted.
pub type Files = BTreeMap<String, Vec<u8>>;

/// Files from texts, for tests of the stages that consume them.
#[cfg(test)]
pub fn files_of(texts: &[(&str, &str)]) -> Files {
    texts
        .iter()
        .map(|(p, b)| (p.to_string(), b.as_bytes().to_vec()))
        .collect()
}

/// The rendered site: every file but the office pages as bytes, and what
/// renders the office pages where they are consumed. `build` writes each one
/// to disk as it renders, so a site of 250,000 offices (5 GB of pages) is
/// never held in memory whole, and `serve` renders the one a browser asks
/// for, so a rebuild does not render a page per office.
pub struct Rendered {
    pub files: Files,
    offices: OfficeSources,
}

/// What office pages render from, kept with the rendered site.
struct OfficeSources {
    site: Site,
    figures: Figures,
    tera: tera::Tera,
    site_view: SiteView,
    manual_of: HashMap<String, String>,
    /// Output path (`offices/NUMBER/index.html`) of each office, by path.
    pages: Vec<(String, OfficeId)>,
}

impl Rendered {
    /// The site it was rendered from.
    pub fn site(&self) -> &Site {
        &self.offices.site
    }

    /// The office pages.
    pub fn offices(&self) -> OfficePages<'_> {
        let o = &self.offices;
        OfficePages {
            tera: &o.tera,
            builder: Builder {
                site: &o.site,
                figures: &o.figures,
                site_view: &o.site_view,
                manual_of: &o.manual_of,
            },
            pages: &o.pages,
        }
    }

    /// How many files the site has, office pages included.
    pub fn len(&self) -> usize {
        self.files.len() + self.offices.pages.len()
    }

    /// Whether the site has no file at all.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Whether the site has a file at `path`.
    pub fn contains(&self, path: &str) -> bool {
        self.files.contains_key(path) || self.offices().at(path).is_some()
    }

    /// The contents at an output path, an office page rendered when asked
    /// for (an office page that does not render reads as empty: its error
    /// is reported where the pages are consumed).
    pub fn file(&self, path: &str) -> Option<Cow<'_, [u8]>> {
        match self.files.get(path) {
            Some(bytes) => Some(Cow::Borrowed(bytes)),
            None => Some(Cow::Owned(self.office_page(path)?.unwrap_or_default())),
        }
    }

    /// The office page at `path`, rendered now; `None` when no office's
    /// page is there.
    pub fn office_page(&self, path: &str) -> Option<Result<Vec<u8>, Diagnostic>> {
        let offices = self.offices();
        offices.at(path).map(|id| offices.render(id))
    }

    /// Renders every office page once without keeping any (what `check`
    /// needs: the errors, not the bytes).
    pub fn check(&self, diags: &mut Diagnostics) {
        if let Err(Streamed::Render(d)) =
            self.offices().try_for_each(|_, _| Ok::<(), Infallible>(()))
        {
            diags.push(d);
        }
    }
}

/// The page of every office of offices.csv, rendered one at a time.
#[derive(Clone, Copy)]
pub struct OfficePages<'a> {
    tera: &'a tera::Tera,
    builder: Builder<'a>,
    pages: &'a [(String, OfficeId)],
}

/// Why streaming the office pages stopped: a page did not render, or the
/// consumer refused one (the disk, for `build`).
#[derive(Debug)]
pub enum Streamed<E> {
    Render(Diagnostic),
    Sink(E),
}

impl<'a> OfficePages<'a> {
    /// How many office pages there are.
    pub fn len(&self) -> usize {
        self.pages.len()
    }

    /// Whether the site has no office.
    pub fn is_empty(&self) -> bool {
        self.pages.is_empty()
    }

    /// The output paths of the pages, sorted.
    pub fn paths(&self) -> impl Iterator<Item = &'a str> + use<'a> {
        self.pages.iter().map(|(path, _)| path.as_str())
    }

    /// The office whose page is at `path`.
    pub fn at(&self, path: &str) -> Option<OfficeId> {
        self.pages
            .binary_search_by(|(p, _)| p.as_str().cmp(path))
            .ok()
            .map(|i| self.pages[i].1)
    }

    /// One office's page.
    pub fn render(&self, id: OfficeId) -> Result<Vec<u8>, Diagnostic> {
        render_job(self.tera, self.builder.site, self.builder.office_page(id))
            .map(|(_, bytes)| bytes)
    }

    /// Renders every page in parallel and hands each to `sink` with its
    /// path, stopping at the first failure. A page that does not render is
    /// reported as the first such page in path order, whichever thread met
    /// a failure first, so the message is the same on every run.
    pub fn try_for_each<E: Send>(
        &self,
        sink: impl Fn(&str, Vec<u8>) -> Result<(), E> + Sync,
    ) -> Result<(), Streamed<E>> {
        let streamed = self.pages.par_iter().try_for_each(|(path, id)| {
            let bytes = self.render(*id).map_err(Streamed::Render)?;
            sink(path, bytes).map_err(Streamed::Sink)
        });
        match streamed {
            Err(Streamed::Render(_)) => {
                let first = self
                    .pages
                    .iter()
                    .find_map(|(_, id)| self.render(*id).err())
                    .expect("a page failed to render above");
                Err(Streamed::Render(first))
            }
            other => other,
        }
    }
}

/// Renders the site; template errors are returned with the template's path.
pub fn render(site: Site, figures: Figures) -> Result<Rendered, Diagnostics> {
    let mut diags = Diagnostics::default();
    let tera = templates(&site, &mut diags).ok_or_else(|| diags.clone())?;
    let site_view = site_view(&site, &figures);
    let manual_of: HashMap<String, String> = site
        .content
        .products
        .iter()
        .flat_map(|p| {
            p.index.front.software.iter().map(|name| {
                (
                    name.clone(),
                    format!("{}{}", site.config.base_path, p.index.url),
                )
            })
        })
        .collect();
    let (files, pages) = eager_files(&site, &figures, &tera, &site_view, &manual_of, &mut diags);
    if diags.has_errors() {
        return Err(diags);
    }
    Ok(Rendered {
        files,
        offices: OfficeSources {
            site,
            figures,
            tera,
            site_view,
            manual_of,
            pages,
        },
    })
}

/// The catalogue's issued and modified dates: the oldest snapshot's and the
/// newest's; `None` before the first snapshot.
fn catalog_dates(figures: &Figures) -> Option<(crate::date::Date, crate::date::Date)> {
    let first = figures.trend.iter().find_map(|f| f.date)?;
    Some((first, figures.current.date?))
}

/// Every file but the office pages, and the office pages' paths.
fn eager_files(
    site: &Site,
    figures: &Figures,
    tera: &tera::Tera,
    site_view: &SiteView,
    manual_of: &HashMap<String, String>,
    diags: &mut Diagnostics,
) -> (Files, Vec<(String, OfficeId)>) {
    let search = search::Search::of(site, figures);
    let builder = Builder {
        site,
        figures,
        site_view,
        manual_of,
    };
    let data_files = opendata::files(site, figures);
    let described = catalog::describe(site, &data_files);
    let mut jobs = builder.jobs(&search);
    jobs.push(builder.opendata(&described));
    let rendered: Vec<Result<(String, Vec<u8>), Diagnostic>> = jobs
        .into_par_iter()
        .map(|job| render_job(tera, site, job))
        .collect();
    let mut files = Files::new();
    let generated = Path::new("(generated)");
    for result in rendered {
        match result {
            Ok((path, bytes)) => add(&mut files, path, bytes, generated, diags),
            Err(d) => diags.push(d),
        }
    }
    let mut pages: Vec<(String, OfficeId)> = site
        .offices
        .iter()
        .map(|o| (urls::file_of(&urls::office(&o.number)), o.id))
        .collect();
    pages.sort_unstable();
    let mut html_paths: Vec<&str> = files
        .keys()
        .map(String::as_str)
        .filter(|p| p.ends_with(".html") && *p != urls::NOT_FOUND)
        .chain(pages.iter().map(|(path, _)| path.as_str()))
        .collect();
    html_paths.sort_unstable();
    let news_bodies: Vec<String> = site
        .content
        .news
        .pages
        .iter()
        .map(|p| markdown::to_html(&p.body, |f| markdown::figure_text(f, figures)))
        .collect();
    let sitemap = feeds::sitemap(site, &html_paths);
    let generated_files = [
        (
            urls::NEWS_FEED.to_string(),
            feeds::atom(site, figures, &news_bodies),
        ),
        (urls::SITEMAP.to_string(), sitemap),
    ]
    .into_iter()
    .chain(
        std::iter::once(site.places.own())
            .chain(site.places.municipalities())
            .map(|p| feeds::newly_adopted(site, figures, p.id)),
    )
    .chain(search::files(site, figures, &search, manual_of))
    .chain(data_files)
    .chain([(
        catalog::PATH.to_string(),
        catalog::json_ld(site, catalog_dates(figures), &described),
    )]);
    for (path, bytes) in generated_files {
        add(&mut files, path, bytes, generated, diags);
    }
    for (path, bytes) in &site.theme.statics {
        add(
            &mut files,
            path.clone(),
            bytes.clone(),
            Path::new("static"),
            diags,
        );
    }
    for asset in &site.assets {
        add(
            &mut files,
            asset.site_path(),
            asset.bytes.clone(),
            &asset.path,
            diags,
        );
    }
    for (path, _) in &pages {
        if files.contains_key(path) {
            let source = site
                .assets
                .iter()
                .find(|a| a.site_path() == *path)
                .map_or(generated, |a| a.path.as_path());
            let message = RenderMsg::Overwrite { path: path.clone() };
            diags.push(Diagnostic::error(source, message));
        }
    }
    (files, pages)
}

/// One page through its template.
fn render_job(tera: &tera::Tera, site: &Site, job: Job) -> Result<(String, Vec<u8>), Diagnostic> {
    tera.render(job.template, &job.context)
        .map(|html| (job.path.clone(), html.into_bytes()))
        .map_err(|e| {
            let message = RenderMsg::PageFailed {
                template: job.template.to_string(),
                page: job.path.clone(),
                detail: chain(&e),
            };
            Diagnostic::error(template_source(site, job.template), message)
        })
}

/// Adds a file; a second file at the same path is an error, never a silent overwrite.
fn add(files: &mut Files, path: String, bytes: Vec<u8>, source: &Path, diags: &mut Diagnostics) {
    if files.contains_key(&path) {
        diags.push(Diagnostic::error(source, RenderMsg::Overwrite { path }));
        return;
    }
    files.insert(path, bytes);
}

fn site_view(site: &Site, figures: &Figures) -> SiteView {
    let config = &site.config;
    let urls = config.urls();
    let words = Words::of(&site.places);
    let link = |title: &str, section: &str, path: &str| NavItem {
        title: title.to_string(),
        url: urls.path(path),
        section: section.to_string(),
    };
    let mut nav = vec![
        link("ホーム", "home", urls::HOME),
        link("導入ガイド", "guides", urls::GUIDES),
        link("操作マニュアル", "manuals", urls::MANUALS),
        link("よくある質問", "faq", urls::FAQ),
        link(
            &format!("{}別の導入状況", words.municipalities),
            "municipalities",
            urls::MUNICIPALITIES,
        ),
        link("導入事業所一覧", "offices", urls::OFFICES),
        link("お知らせ", "news", urls::NEWS),
    ];
    // A city without wards is broken down by its areas on the municipality
    // list already, which the link above names `圏域別の導入状況`.
    let own_breakdown = site.places.is_city() && site.places.municipalities().is_empty();
    if site.places.has_area_file() && !own_breakdown {
        nav.insert(5, link("圏域別の導入状況", "areas", urls::AREAS));
    }
    if !site.surveys.is_empty() {
        nav.push(link("アンケート結果", "surveys", urls::SURVEYS));
    }
    let contact_url = site
        .content
        .others
        .iter()
        .find(|p| p.slug == "contact")
        .map(|p| urls.path(&p.url))
        .unwrap_or_default();
    let mut footer_links: Vec<Link> = site
        .content
        .others
        .iter()
        .map(|p| Link {
            title: p.front.title.clone(),
            url: urls.path(&p.url),
        })
        .collect();
    // The open-data page is generated even without content/opendata.md.
    if !site.content.others.iter().any(|p| p.slug == catalog::PAGE) {
        footer_links.push(Link {
            title: catalog::TITLE.to_string(),
            url: urls.path(urls::OPEN_DATA_PAGE),
        });
    }
    SiteView {
        title: config.title.clone(),
        base_url: config.base_url.clone(),
        base_path: config.base_path.clone(),
        prefecture_name: site.places.own().name.clone(),
        words,
        links: SiteLinks::of(urls),
        description: config.description.clone().unwrap_or_default(),
        organization: config.organization.clone().unwrap_or_default(),
        as_of: figures
            .current
            .date
            .map(|d| d.to_string())
            .unwrap_or_default(),
        as_of_era: figures.current.date.map(format::era).unwrap_or_default(),
        nav,
        footer_links,
        contact_url,
    }
}

/// Loads the theme's templates into Tera (autoescaping `.html` and `.xml`).
fn templates(site: &Site, diags: &mut Diagnostics) -> Option<tera::Tera> {
    let mut tera = tera::Tera::default();
    tera.set_escape_fn(format::escape);
    tera.register_filter("phrases", phrases::Filter);
    let sources = site
        .theme
        .templates
        .iter()
        .map(|(name, t)| (name.as_str(), t.text.as_str()));
    match tera.add_raw_templates(sources) {
        Ok(()) => Some(tera),
        Err(e) => {
            let detail = chain(&e);
            let named = site
                .theme
                .templates
                .keys()
                .find(|name| detail.contains(&format!("'{name}'")));
            let diagnostic = match named {
                Some(name) => {
                    let template = name.clone();
                    let message = RenderMsg::TemplateUnreadable { template, detail };
                    Diagnostic::error(template_source(site, name), message)
                }
                None => Diagnostic::error("themes", RenderMsg::TemplatesUnreadable { detail }),
            };
            diags.push(diagnostic);
            None
        }
    }
}

fn template_source(site: &Site, name: &str) -> PathBuf {
    site.theme
        .templates
        .get(name)
        .map_or_else(|| PathBuf::from(name), |t| t.source.clone())
}

/// An error with its causes, as Tera keeps the useful part in the source chain.
fn chain(error: &dyn std::error::Error) -> String {
    let mut message = error.to_string();
    let mut source = error.source();
    while let Some(cause) = source {
        message.push_str(": ");
        message.push_str(&cause.to_string());
        source = cause.source();
    }
    message
}
