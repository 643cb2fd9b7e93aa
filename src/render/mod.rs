//! Stage 4: the whole site as bytes in memory, keyed by output path.
//!
//! Markdown becomes HTML here, after the figures exist, and pages render in
//! parallel. Nothing is written to disk: the write stage commits the result
//! only when everything rendered.

mod catalog;
mod charts;
mod feeds;
pub mod format;
pub mod map;
pub mod markdown;
pub mod opendata;
mod pages;
mod qr;
pub mod search;
pub mod views;
mod words;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::diag::{Diagnostic, Diagnostics};
use crate::figures::Figures;
use crate::messages::render::RenderMsg;
use crate::model::Site;
use crate::urls;
use pages::{Builder, Job};
use views::{Link, NavItem, SiteLinks, SiteView, Words};

/// Every file of the built site: output path (with `/`) to contents, sorted.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Output {
    pub files: BTreeMap<String, Vec<u8>>,
}

#[cfg(test)]
impl Output {
    /// An output of text files, for tests of the stages that consume one.
    pub fn from_texts(files: &[(&str, &str)]) -> Output {
        Output {
            files: files
                .iter()
                .map(|(p, b)| (p.to_string(), b.as_bytes().to_vec()))
                .collect(),
        }
    }
}

/// Renders the site; template errors are returned with the template's path.
pub fn render(site: &Site, figures: &Figures) -> Result<Output, Diagnostics> {
    let mut diags = Diagnostics::default();
    let tera = templates(site, &mut diags).ok_or_else(|| diags.clone())?;
    let search = search::Search::of(site, figures);
    let builder = Builder {
        search: &search,
        site,
        figures,
        site_view: site_view(site, figures),
        manual_of: site
            .content
            .products
            .iter()
            .flat_map(|p| {
                p.index.front.software.iter().map(|name| {
                    (
                        name.as_str(),
                        format!("{}{}", site.config.base_path, p.index.url),
                    )
                })
            })
            .collect(),
    };
    let data_files = opendata::files(site, figures);
    let described = catalog::describe(site, &data_files);
    let mut jobs = builder.jobs();
    jobs.push(builder.opendata(&described));
    let render_job = |job: Job| {
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
    };
    let mut rendered: Vec<Result<(String, Vec<u8>), Diagnostic>> =
        jobs.into_par_iter().map(render_job).collect();
    // A page per office: each is built and rendered in one step, so only
    // its bytes are kept, never every office's context at once.
    rendered.par_extend(
        site.offices
            .par_iter()
            .map(|o| render_job(builder.office_page(o.id))),
    );
    let mut output = Output::default();
    let generated = Path::new("(generated)");
    for result in rendered {
        match result {
            Ok((path, bytes)) => add(&mut output, path, bytes, generated, &mut diags),
            Err(d) => diags.push(d),
        }
    }
    let html_paths: Vec<String> = output
        .files
        .keys()
        .filter(|p| p.ends_with(".html") && p.as_str() != urls::NOT_FOUND)
        .cloned()
        .collect();
    let html_refs: Vec<&str> = html_paths.iter().map(String::as_str).collect();
    let news_bodies: Vec<String> = site
        .content
        .news
        .pages
        .iter()
        .map(|p| markdown::to_html(&p.body, |f| markdown::figure_text(f, figures)))
        .collect();
    let files = [
        (urls::NEWS_FEED.to_string(), feeds::atom(site, &news_bodies)),
        (urls::SITEMAP.to_string(), feeds::sitemap(site, &html_refs)),
    ]
    .into_iter()
    .chain(
        std::iter::once(site.places.own())
            .chain(site.places.municipalities())
            .map(|p| feeds::newly_adopted(site, figures, p.id)),
    )
    .chain(search::files(site, figures, &search, &builder.manual_of))
    .chain(data_files)
    .chain([(
        catalog::PATH.to_string(),
        catalog::json_ld(site, figures.current.date, &described),
    )]);
    for (path, bytes) in files {
        add(&mut output, path, bytes, generated, &mut diags);
    }
    for (path, bytes) in &site.theme.statics {
        add(
            &mut output,
            path.clone(),
            bytes.clone(),
            Path::new("static"),
            &mut diags,
        );
    }
    for asset in &site.assets {
        add(
            &mut output,
            asset.site_path(),
            asset.bytes.clone(),
            &asset.path,
            &mut diags,
        );
    }
    if diags.has_errors() {
        Err(diags)
    } else {
        Ok(output)
    }
}

/// Adds a file; a second file at the same path is an error, never a silent overwrite.
fn add(output: &mut Output, path: String, bytes: Vec<u8>, source: &Path, diags: &mut Diagnostics) {
    if output.files.contains_key(&path) {
        diags.push(Diagnostic::error(source, RenderMsg::Overwrite { path }));
        return;
    }
    output.files.insert(path, bytes);
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
