//! Every output path of the generated pages and files, made in one place.
//!
//! Paths are relative to the site root (`municipalities/442011/`); a page
//! links to one through [`Urls::path`] (under `base_url`'s path) and feeds and
//! sitemaps use [`Urls::absolute`]. Templates and `search.js` receive finished
//! URLs and never spell one out.

use crate::model::places::{MunicipalityCode, Place, PlaceKind};

/// The home page.
pub const HOME: &str = "";
/// Every municipality and group.
pub const MUNICIPALITIES: &str = "municipalities/";
/// The searchable office list.
pub const OFFICES: &str = "offices/";
/// The page served for any missing address.
pub const NOT_FOUND: &str = "404.html";
/// The sections of Markdown pages.
pub const GUIDES: &str = "guides/";
pub const MANUALS: &str = "manuals/";
pub const FAQ: &str = "faq/";
pub const NEWS: &str = "news/";
/// The news feed.
pub const NEWS_FEED: &str = "news/atom.xml";
/// The sitemap.
pub const SITEMAP: &str = "sitemap.xml";
/// The office search's entry point.
pub const SEARCH_INDEX: &str = "search/index.json";
/// Survey results.
pub const SURVEYS: &str = "surveys/";

/// The open-data files.
pub const MUNICIPALITIES_CSV: &str = "data/municipalities.csv";
pub const MUNICIPALITIES_JSON: &str = "data/municipalities.json";
pub const GROUPS_CSV: &str = "data/groups.csv";
pub const TREND_CSV: &str = "data/trend.csv";
pub const ADOPTED_OFFICES_CSV: &str = "data/adopted-offices.csv";

/// The open-data files by the key templates name them with.
pub const OPEN_DATA: &[(&str, &str)] = &[
    ("municipalities_csv", MUNICIPALITIES_CSV),
    ("municipalities_json", MUNICIPALITIES_JSON),
    ("groups_csv", GROUPS_CSV),
    ("trend_csv", TREND_CSV),
    ("adopted_offices_csv", ADOPTED_OFFICES_CSV),
];

/// One municipality's page.
pub fn municipality(code: &MunicipalityCode) -> String {
    format!("{MUNICIPALITIES}{code}/")
}

/// A place's page: the site's own place is summed up on the municipality list.
pub fn place(place: &Place) -> String {
    match place.kind {
        PlaceKind::Prefecture => MUNICIPALITIES.to_string(),
        _ => municipality(&place.code),
    }
}

/// One survey's page.
pub fn survey(slug: &str) -> String {
    format!("{SURVEYS}{slug}/")
}

/// A part of the split office search index, relative to the index itself.
pub fn search_part(first: &MunicipalityCode) -> String {
    format!("{first}.json")
}

/// The file a page path is written to (`guides/` → `guides/index.html`).
pub fn file_of(path: &str) -> String {
    if path.is_empty() || path.ends_with('/') {
        format!("{path}index.html")
    } else {
        path.to_string()
    }
}

/// Turns site paths into addresses under the site's `base_url`.
#[derive(Debug, Clone, Copy)]
pub struct Urls<'a> {
    /// `https://example.jp/careplan/`.
    pub base_url: &'a str,
    /// `/careplan/`.
    pub base_path: &'a str,
}

impl Urls<'_> {
    /// The address a page links to (`/careplan/offices/`).
    pub fn path(&self, path: &str) -> String {
        format!("{}{path}", self.base_path)
    }

    /// The full address, for feeds, sitemaps and canonical links.
    pub fn absolute(&self, path: &str) -> String {
        format!("{}{path}", self.base_url)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_are_directories_written_as_index_files() {
        assert_eq!(file_of(""), "index.html");
        assert_eq!(file_of("guides/"), "guides/index.html");
        assert_eq!(file_of(NOT_FOUND), "404.html");
        let urls = Urls {
            base_url: "https://example.jp/careplan/",
            base_path: "/careplan/",
        };
        assert_eq!(urls.path(OFFICES), "/careplan/offices/");
        assert_eq!(
            urls.absolute(NEWS_FEED),
            "https://example.jp/careplan/news/atom.xml"
        );
    }
}
