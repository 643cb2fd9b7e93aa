//! Pages: where each Markdown file is published, in which order, and its
//! body parsed once with the ids and links of the page it is published on.
//!
//! Ids are settled per output page (all FAQ files share `faq/`), then `@/`
//! links against those final ids, then FAQ files are split into questions.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use super::markdown::ids::{IdPlace, PageIds};
use super::markdown::links::Target;
use super::markdown::{self, Body, File, Heading, LinkTarget, PageFile, Setup, Slots};
use crate::diag::{Diagnostic, Diagnostics};
use crate::load::content::{FrontMatter, SourcePage};
use crate::messages::model::ContentMsg;
use crate::urls;

/// A published Markdown page.
#[derive(Debug, Clone)]
pub struct Page {
    /// Relative to the site root (`content/guides/download.md`).
    pub source: PathBuf,
    pub slug: String,
    /// Output path relative to the site (`guides/download/`; empty for home).
    pub url: String,
    pub front: FrontMatter,
    /// Empty for a FAQ category, whose body is split into its questions.
    pub body: Body,
    /// Every heading with its final id, in order.
    pub headings: Vec<Heading>,
}

/// A section: optional `_index.md` text and its pages in order.
#[derive(Debug, Clone, Default)]
pub struct Section {
    pub index: Option<Page>,
    pub pages: Vec<Page>,
}

/// One care software product's manual.
#[derive(Debug, Clone)]
pub struct Product {
    pub index: Page,
    pub pages: Vec<Page>,
}

/// One FAQ category file, split into questions at its `##` headings.
#[derive(Debug, Clone)]
pub struct FaqCategory {
    /// Its id on the FAQ page: the file's name, numbered when a heading has it.
    pub id: String,
    pub page: Page,
    /// What comes before the first question.
    pub intro: Body,
    pub questions: Vec<Question>,
}

/// A `##` heading of a FAQ file and what is under it.
#[derive(Debug, Clone)]
pub struct Question {
    pub id: String,
    pub question: String,
    pub answer: Body,
}

/// All content of the site.
#[derive(Debug, Clone, Default)]
pub struct Content {
    pub home: Option<Page>,
    pub guides: Section,
    pub manuals: Option<Page>,
    pub products: Vec<Product>,
    pub faq: Option<Page>,
    pub faq_categories: Vec<FaqCategory>,
    pub news: Section,
    pub surveys: Option<Page>,
    pub others: Vec<Page>,
    /// Every internal address of every body, to look for in the rendered
    /// output (the check stage).
    pub targets: Vec<Target>,
    /// Every id a heading names itself, by output page (its URL), for the
    /// check stage to name when the rendered page has it twice.
    pub explicit_ids: Vec<(String, String, IdPlace)>,
}

/// Where a Markdown file belongs, from its path under `content/`.
enum Place {
    Home,
    SectionIndex(&'static str),
    Guide,
    ManualProduct(String),
    ManualPage(String),
    FaqCategory,
    News,
    Other,
}

/// Output paths the generator itself writes; a page there would be overwritten.
const RESERVED: &[&str] = &[
    "municipalities",
    "offices",
    "data",
    "static",
    "news",
    "guides",
    "manuals",
    "faq",
    "surveys",
    "404",
];

/// Sorts pages into sections and parses their bodies; drafts are left out.
pub fn build(sources: Vec<SourcePage>, setup: &Setup<'_>, diags: &mut Diagnostics) -> Content {
    let mut content = Content::default();
    let mut products: Vec<(String, Option<Page>, Vec<Page>)> = Vec::new();
    let mut faq_pages = Vec::new();
    let mut slots: HashMap<PathBuf, Slots> = HashMap::new();
    let drafts: HashSet<String> = sources
        .iter()
        .filter(|p| p.front.draft)
        .map(|p| key(&p.path))
        .collect();
    for source in sources {
        if source.front.draft {
            continue;
        }
        let rel = source
            .path
            .strip_prefix(crate::load::content::DIR)
            .unwrap_or(&source.path)
            .to_path_buf();
        let parts: Vec<String> = rel
            .iter()
            .map(|p| p.to_string_lossy().into_owned())
            .collect();
        let Some(place) = place_of(&parts) else {
            diags.push(Diagnostic::error(&source.path, ContentMsg::Folder));
            continue;
        };
        let slug = Path::new(parts.last().expect("a file name"))
            .file_stem()
            .expect("a .md file")
            .to_string_lossy()
            .into_owned();
        if slug.contains(|c: char| c.is_whitespace() || "?#%&/\\\"'<>".contains(c)) {
            diags.push(Diagnostic::error(&source.path, ContentMsg::Slug { slug }));
            continue;
        }
        let url = match &place {
            Place::Home => String::new(),
            Place::SectionIndex(section) => format!("{section}/"),
            Place::Guide => urls::content_page(urls::GUIDES, &slug),
            Place::ManualProduct(product) => urls::manual(product),
            Place::ManualPage(product) => urls::manual_page(product, &slug),
            Place::FaqCategory => urls::FAQ.to_string(),
            Place::News => urls::content_page(urls::NEWS, &slug),
            Place::Other => urls::content_page("", &slug),
        };
        if matches!(place, Place::Other) && RESERVED.contains(&slug.as_str()) {
            diags.push(Diagnostic::error(
                &source.path,
                ContentMsg::Reserved { slug },
            ));
            continue;
        }
        if matches!(place, Place::News) && source.front.date.is_none() {
            diags.push(Diagnostic::error(&source.path, ContentMsg::NewsDate).at_line(1));
            continue;
        }
        let file = File {
            path: &source.path,
            body: &source.body,
            body_line: source.body_line,
            url: &url,
        };
        let parsed = markdown::parse(&file, setup, diags);
        content.targets.extend(parsed.targets);
        slots.insert(source.path.clone(), parsed.slots);
        let page = Page {
            source: source.path,
            slug,
            url,
            front: source.front,
            body: parsed.body,
            headings: Vec::new(),
        };
        match place {
            Place::Home => content.home = Some(page),
            Place::SectionIndex("guides") => content.guides.index = Some(page),
            Place::SectionIndex("manuals") => content.manuals = Some(page),
            Place::SectionIndex("faq") => content.faq = Some(page),
            Place::SectionIndex("news") => content.news.index = Some(page),
            Place::SectionIndex(_) => content.surveys = Some(page),
            Place::Guide => content.guides.pages.push(page),
            Place::ManualProduct(product) => product_entry(&mut products, &product).1 = Some(page),
            Place::ManualPage(product) => product_entry(&mut products, &product).2.push(page),
            Place::FaqCategory => faq_pages.push(page),
            Place::News => content.news.pages.push(page),
            Place::Other => content.others.push(page),
        }
    }
    sort_by_weight(&mut content.guides.pages);
    sort_by_weight(&mut content.others);
    sort_by_weight(&mut faq_pages);
    content.news.pages.sort_by(|a, b| {
        b.front
            .date
            .cmp(&a.front.date)
            .then_with(|| a.slug.cmp(&b.slug))
    });
    for (product, index, mut pages) in products {
        let Some(index) = index else {
            let first = &pages[0].source;
            diags.push(Diagnostic::error(
                first,
                ContentMsg::ManualIndex { product },
            ));
            continue;
        };
        sort_by_weight(&mut pages);
        content.products.push(Product { index, pages });
    }
    content
        .products
        .sort_by_cached_key(|p| weight_key(&p.index));
    let (pages, category_ids) =
        settle_ids(&mut content, &mut faq_pages, &slots, setup.theme_ids, diags);
    for page in pages_mut(&mut content)
        .into_iter()
        .chain(faq_pages.iter_mut())
    {
        markdown::settle_links(
            &page.source,
            &mut page.body,
            &slots[&page.source],
            setup.base_path,
            &pages,
            &drafts,
            diags,
        );
    }
    content.faq_categories = faq_pages
        .into_iter()
        .zip(category_ids)
        .map(|(mut page, id)| {
            let body = std::mem::take(&mut page.body);
            let (intro, questions) =
                markdown::split_questions(body, &slots[&page.source], &page.headings);
            let questions = questions
                .into_iter()
                .map(|(heading, answer)| Question {
                    id: heading.id,
                    question: heading.text,
                    answer,
                })
                .collect();
            FaqCategory {
                id,
                page,
                intro,
                questions,
            }
        })
        .collect();
    content
}

/// A page's path under `content/` (`faq/general.md`), as `@/` links name it.
fn key(source: &Path) -> String {
    source
        .strip_prefix(crate::load::content::DIR)
        .unwrap_or(source)
        .to_string_lossy()
        .replace('\\', "/")
}

impl Content {
    /// Every page made from a Markdown file, FAQ categories included: what
    /// the desk names a file by.
    pub fn pages(&self) -> impl Iterator<Item = &Page> {
        self.home
            .iter()
            .chain(self.guides.index.iter())
            .chain(self.guides.pages.iter())
            .chain(self.manuals.iter())
            .chain(
                self.products
                    .iter()
                    .flat_map(|p| std::iter::once(&p.index).chain(p.pages.iter())),
            )
            .chain(self.faq.iter())
            .chain(self.faq_categories.iter().map(|c| &c.page))
            .chain(self.news.index.iter())
            .chain(self.news.pages.iter())
            .chain(self.surveys.iter())
            .chain(self.others.iter())
    }
}

/// Every page with a body of its own (`faq/_index.md` included, FAQ
/// category files not).
fn pages_mut(content: &mut Content) -> Vec<&mut Page> {
    content
        .home
        .iter_mut()
        .chain(content.guides.index.iter_mut())
        .chain(content.guides.pages.iter_mut())
        .chain(content.manuals.iter_mut())
        .chain(
            content
                .products
                .iter_mut()
                .flat_map(|p| std::iter::once(&mut p.index).chain(p.pages.iter_mut())),
        )
        .chain(content.faq.iter_mut())
        .chain(content.news.index.iter_mut())
        .chain(content.news.pages.iter_mut())
        .chain(content.surveys.iter_mut())
        .chain(content.others.iter_mut())
        .collect()
}

/// Settles the ids of every output page: each page alone, and `faq/`, which
/// `faq/_index.md`, every category's id (its file name) and every category
/// file share. Returns where each page is and which ids its output page has,
/// and the final id of each FAQ category.
fn settle_ids(
    content: &mut Content,
    faq_pages: &mut [Page],
    slots: &HashMap<PathBuf, Slots>,
    theme_ids: &HashSet<String>,
    diags: &mut Diagnostics,
) -> (HashMap<String, LinkTarget>, Vec<String>) {
    let mut targets = HashMap::new();
    let mut explicit = Vec::new();
    let (mut shared, alone): (Vec<&mut Page>, Vec<&mut Page>) = pages_mut(content)
        .into_iter()
        .partition(|p| p.url == urls::FAQ);
    let mut keep = |url: &str, ids: &PageIds| {
        let named = ids
            .explicit()
            .map(|(id, place)| (url.to_string(), id.clone(), place.clone()));
        explicit.extend(named);
        ids.all()
    };
    for page in alone {
        let mut ids = PageIds::new(theme_ids);
        settle_page(&mut ids, &mut [&mut *page], &[], slots, diags);
        let anchors = keep(&page.url, &ids);
        targets.insert(
            key(&page.source),
            LinkTarget {
                url: page.url.clone(),
                anchors,
            },
        );
    }
    let mut ids = PageIds::new(theme_ids);
    let slugs: Vec<String> = faq_pages.iter().map(|p| p.slug.clone()).collect();
    let slugs: Vec<&str> = slugs.iter().map(String::as_str).collect();
    shared.extend(faq_pages.iter_mut());
    let category_ids = settle_page(&mut ids, &mut shared, &slugs, slots, diags);
    let anchors = keep(urls::FAQ, &ids);
    for page in shared {
        targets.insert(
            key(&page.source),
            LinkTarget {
                url: page.url.clone(),
                anchors: anchors.clone(),
            },
        );
    }
    explicit.sort_by(|a, b| (&a.2.source, a.2.line).cmp(&(&b.2.source, b.2.line)));
    content.explicit_ids = explicit;
    (targets, category_ids)
}

fn settle_page(
    ids: &mut PageIds,
    pages: &mut [&mut Page],
    own: &[&str],
    slots: &HashMap<PathBuf, Slots>,
    diags: &mut Diagnostics,
) -> Vec<String> {
    let mut files: Vec<PageFile<'_>> = pages
        .iter_mut()
        .map(|page| {
            let Page {
                source,
                body,
                headings,
                ..
            } = &mut **page;
            PageFile {
                path: source.as_path(),
                slots: &slots[source.as_path()],
                body,
                headings,
            }
        })
        .collect();
    markdown::settle_ids(ids, &mut files, own, diags)
}

fn product_entry<'a>(
    products: &'a mut Vec<(String, Option<Page>, Vec<Page>)>,
    product: &str,
) -> &'a mut (String, Option<Page>, Vec<Page>) {
    if let Some(i) = products.iter().position(|p| p.0 == product) {
        return &mut products[i];
    }
    products.push((product.to_string(), None, Vec::new()));
    products.last_mut().expect("just pushed")
}

fn place_of(parts: &[String]) -> Option<Place> {
    let is_index = |name: &str| name == "_index.md";
    match parts {
        [name] if is_index(name) => Some(Place::Home),
        [_] => Some(Place::Other),
        [section, name] if is_index(name) => match section.as_str() {
            "guides" => Some(Place::SectionIndex("guides")),
            "manuals" => Some(Place::SectionIndex("manuals")),
            "faq" => Some(Place::SectionIndex("faq")),
            "news" => Some(Place::SectionIndex("news")),
            "surveys" => Some(Place::SectionIndex("surveys")),
            _ => None,
        },
        [section, _] => match section.as_str() {
            "guides" => Some(Place::Guide),
            "faq" => Some(Place::FaqCategory),
            "news" => Some(Place::News),
            _ => None,
        },
        [manuals, product, name] if manuals == "manuals" => Some(if is_index(name) {
            Place::ManualProduct(product.clone())
        } else {
            Place::ManualPage(product.clone())
        }),
        _ => None,
    }
}

/// Weight first (pages without one last), then title, then file name.
fn weight_key(page: &Page) -> (i64, String, String) {
    (
        page.front.weight.unwrap_or(i64::MAX),
        page.front.title.clone(),
        page.slug.clone(),
    )
}

fn sort_by_weight(pages: &mut [Page]) {
    pages.sort_by_cached_key(weight_key);
}
