//! Pages: where each Markdown file is published, in which order, and whether
//! its `@/` links point at a page and heading that exist.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use super::markdown::{self, Heading};
use crate::diag::{Diagnostic, Diagnostics};
use crate::load::content::{FrontMatter, SourcePage};

/// A published Markdown page.
#[derive(Debug, Clone)]
pub struct Page {
    /// Relative to the site root (`content/guides/download.md`).
    pub source: std::path::PathBuf,
    pub slug: String,
    /// Output path relative to the site (`guides/download/`; empty for home).
    pub url: String,
    pub front: FrontMatter,
    pub body: String,
    pub body_line: usize,
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
    pub page: Page,
    /// Markdown before the first question.
    pub intro: String,
    pub questions: Vec<Question>,
}

/// A `##` heading of a FAQ file and the text under it.
#[derive(Debug, Clone)]
pub struct Question {
    pub id: String,
    pub question: String,
    pub answer: String,
    /// The line of the file on which `answer` starts.
    pub answer_line: usize,
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

/// Sorts pages into sections; drafts are left out.
pub fn build(sources: Vec<SourcePage>, diags: &mut Diagnostics) -> Content {
    let mut content = Content::default();
    let mut products: Vec<(String, Option<Page>, Vec<Page>)> = Vec::new();
    let mut faq_pages = Vec::new();
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
            diags.push(Diagnostic::error(
                &source.path,
                "pages go in content/ itself or in content/guides/, content/manuals/SOFTWARE/, content/faq/ or content/news/",
            ));
            continue;
        };
        let slug = Path::new(parts.last().expect("a file name"))
            .file_stem()
            .expect("a .md file")
            .to_string_lossy()
            .into_owned();
        if slug.contains(|c: char| c.is_whitespace() || "?#%&/\\\"'<>".contains(c)) {
            diags.push(Diagnostic::error(&source.path, format!("file name \"{slug}\" becomes part of the page's URL: use letters, digits and - only")));
            continue;
        }
        let url = match &place {
            Place::Home => String::new(),
            Place::SectionIndex(section) => format!("{section}/"),
            Place::Guide => format!("guides/{slug}/"),
            Place::ManualProduct(product) => format!("manuals/{product}/"),
            Place::ManualPage(product) => format!("manuals/{product}/{slug}/"),
            Place::FaqCategory => "faq/".to_string(),
            Place::News => format!("news/{slug}/"),
            Place::Other => format!("{slug}/"),
        };
        if matches!(place, Place::Other) && RESERVED.contains(&slug.as_str()) {
            diags.push(Diagnostic::error(
                &source.path,
                format!(
                    "\"{slug}/\" is a page the generator writes itself: choose another file name"
                ),
            ));
            continue;
        }
        if matches!(place, Place::News) && source.front.date.is_none() {
            diags.push(
                Diagnostic::error(
                    &source.path,
                    "news needs a date in its front matter, for example date = 2025-11-30",
                )
                .at_line(1),
            );
            continue;
        }
        let headings = markdown::scan(&source.body).headings;
        let page = Page {
            source: source.path,
            slug,
            url,
            front: source.front,
            body: source.body,
            body_line: source.body_line,
            headings,
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
            diags.push(Diagnostic::error(first, format!("manual pages need content/manuals/{product}/_index.md naming the product (title) and the software names offices report (software = [...])")));
            continue;
        };
        sort_by_weight(&mut pages);
        content.products.push(Product { index, pages });
    }
    content
        .products
        .sort_by_cached_key(|p| weight_key(&p.index));
    content.faq_categories = faq_categories(faq_pages, diags);
    content
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

/// Splits FAQ files at their `##` headings; ids must be unique on the FAQ page.
fn faq_categories(pages: Vec<Page>, diags: &mut Diagnostics) -> Vec<FaqCategory> {
    let mut ids: HashMap<String, std::path::PathBuf> = HashMap::new();
    let mut categories = Vec::new();
    for page in pages {
        if let Some(other) = ids.insert(page.slug.clone(), page.source.clone()) {
            diags.push(Diagnostic::error(
                &page.source,
                format!(
                    "anchor \"{}\" is also used in {}",
                    page.slug,
                    other.display()
                ),
            ));
        }
        let questions_at: Vec<&Heading> = page.headings.iter().filter(|h| h.level == 2).collect();
        let intro_end = questions_at.first().map_or(page.body.len(), |h| h.start);
        let mut questions = Vec::new();
        for (i, heading) in questions_at.iter().enumerate() {
            let end = questions_at
                .get(i + 1)
                .map_or(page.body.len(), |next| next.start);
            let line = markdown::line_at(&page.body, heading.start, page.body_line);
            if let Some(other) = ids.insert(heading.id.clone(), page.source.clone()) {
                diags.push(
                    Diagnostic::error(&page.source, format!("question anchor \"{}\" is also used in {}: all FAQ files share one page", heading.id, other.display()))
                        .at_line(line),
                );
            }
            questions.push(Question {
                id: heading.id.clone(),
                question: heading.text.clone(),
                answer: page.body[heading.end..end].to_string(),
                answer_line: markdown::line_at(&page.body, heading.end, page.body_line),
            });
        }
        let intro = page.body[..intro_end].to_string();
        categories.push(FaqCategory {
            page,
            intro,
            questions,
        });
    }
    categories
}

/// Where a source path (`guides/download.md`) is published and which anchors it has.
pub struct LinkTarget {
    pub url: String,
    pub anchors: HashSet<String>,
}

/// Every page a `@/` link can point at, by its path under `content/`.
pub fn link_targets(content: &Content) -> HashMap<String, LinkTarget> {
    let mut targets = HashMap::new();
    let mut add = |page: &Page, anchors: HashSet<String>| {
        let key = page
            .source
            .strip_prefix(crate::load::content::DIR)
            .unwrap_or(&page.source)
            .to_string_lossy()
            .replace('\\', "/");
        targets.insert(
            key,
            LinkTarget {
                url: page.url.clone(),
                anchors,
            },
        );
    };
    let heading_ids = |page: &Page| {
        page.headings
            .iter()
            .map(|h| h.id.clone())
            .collect::<HashSet<_>>()
    };
    for page in all_pages(content) {
        add(page, heading_ids(page));
    }
    for category in &content.faq_categories {
        let mut anchors = heading_ids(&category.page);
        anchors.insert(category.page.slug.clone());
        add(&category.page, anchors);
    }
    targets
}

/// Every page with a body of its own, FAQ categories excepted.
pub fn all_pages(content: &Content) -> impl Iterator<Item = &Page> {
    content
        .home
        .iter()
        .chain(&content.guides.index)
        .chain(&content.guides.pages)
        .chain(&content.manuals)
        .chain(
            content
                .products
                .iter()
                .flat_map(|p| std::iter::once(&p.index).chain(&p.pages)),
        )
        .chain(&content.faq)
        .chain(&content.news.index)
        .chain(&content.news.pages)
        .chain(&content.surveys)
        .chain(&content.others)
}

/// Checks every `@/` link of every page (FAQ files included).
pub fn check_links(content: &Content, drafts: &HashSet<String>, diags: &mut Diagnostics) {
    let targets = link_targets(content);
    let pages = all_pages(content).chain(content.faq_categories.iter().map(|c| &c.page));
    for page in pages {
        for link in markdown::scan(&page.body).links {
            if let Err(problem) = resolve(&link.target, &targets, drafts) {
                let line = markdown::line_at(&page.body, link.offset, page.body_line);
                diags.push(
                    Diagnostic::error(&page.source, format!("link \"{}\": {problem}", link.target))
                        .at_line(line),
                );
            }
        }
    }
}

/// The output path (with `#anchor`) of a `@/` link, relative to the site root.
pub fn resolve(
    target: &str,
    targets: &HashMap<String, LinkTarget>,
    drafts: &HashSet<String>,
) -> Result<String, String> {
    let path = target.strip_prefix("@/").unwrap_or(target);
    let (path, anchor) = match path.split_once('#') {
        Some((path, anchor)) => (path, Some(anchor)),
        None => (path, None),
    };
    let Some(found) = targets.get(path) else {
        if drafts.contains(path) {
            return Err(format!(
                "content/{path} is a draft (draft = true), so it is not published"
            ));
        }
        return Err(format!("there is no page content/{path}"));
    };
    match anchor {
        None => Ok(found.url.clone()),
        Some(anchor) if found.anchors.contains(anchor) => Ok(format!("{}#{anchor}", found.url)),
        Some(anchor) => Err(format!(
            "content/{path} has no heading with id \"{anchor}\""
        )),
    }
}
