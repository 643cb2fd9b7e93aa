//! Every output path of the generated pages and files, made in one place.
//!
//! Paths are relative to the site root (`municipalities/442011/`); a page
//! links to one through [`Urls::path`] (under `base_url`'s path) and feeds and
//! sitemaps use [`Urls::absolute`]. Templates and `search.js` receive finished
//! URLs and never spell one out.

use crate::model::places::{AreaId, MunicipalityCode, OfficeNumber, Place, PlaceKind};

/// The home page.
pub const HOME: &str = "";
/// Every municipality and group.
pub const MUNICIPALITIES: &str = "municipalities/";
/// Every daily-life area (with `data/areas.csv`).
pub const AREAS: &str = "areas/";
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
/// The generated list of open-data files.
pub const OPEN_DATA_PAGE: &str = "opendata/";
/// The DCAT catalogue of the open-data files.
pub const CATALOG: &str = "data/catalog.jsonld";

/// The open-data files.
pub const MUNICIPALITIES_CSV: &str = "data/municipalities.csv";
pub const MUNICIPALITIES_JSON: &str = "data/municipalities.json";
pub const GROUPS_CSV: &str = "data/groups.csv";
pub const TREND_CSV: &str = "data/trend.csv";
pub const ADOPTED_OFFICES_CSV: &str = "data/adopted-offices.csv";
pub const OFFICE_STATUS_CSV: &str = "data/office-status.csv";
/// With `data/areas.csv`: one row per area.
pub const AREAS_CSV: &str = "data/areas.csv";

/// The open-data files by the key templates name them with.
pub const OPEN_DATA: &[(&str, &str)] = &[
    ("municipalities_csv", MUNICIPALITIES_CSV),
    ("municipalities_json", MUNICIPALITIES_JSON),
    ("groups_csv", GROUPS_CSV),
    ("trend_csv", TREND_CSV),
    ("adopted_offices_csv", ADOPTED_OFFICES_CSV),
    ("office_status_csv", OFFICE_STATUS_CSV),
    ("areas_csv", AREAS_CSV),
];

/// Newly adopted offices of the whole site.
pub const OFFICES_FEED: &str = "offices/atom.xml";

/// One municipality's page.
pub fn municipality(code: &MunicipalityCode) -> String {
    format!("{MUNICIPALITIES}{code}/")
}

/// One area's page.
pub fn area(id: &AreaId) -> String {
    format!("{AREAS}{id}/")
}

/// One municipality's feed of newly adopted offices.
pub fn municipality_feed(code: &MunicipalityCode) -> String {
    format!("{MUNICIPALITIES}{code}/atom.xml")
}

/// One office's page.
pub fn office(number: &OfficeNumber) -> String {
    format!("{OFFICES}{number}/")
}

/// The office list searched for the adopted offices of a municipality,
/// optionally offering one service (the search's `m` and `s` parameters).
pub fn office_search(municipality: &MunicipalityCode, service: Option<&str>) -> String {
    let mut url = format!("{OFFICES}?m={municipality}");
    if let Some(service) = service {
        url.push_str("&s=");
        for byte in service.bytes() {
            if byte.is_ascii_alphanumeric() || b"-_.~".contains(&byte) {
                url.push(char::from(byte));
            } else {
                url.push_str(&format!("%{byte:02X}"));
            }
        }
    }
    url
}

/// The pattern the office search turns into an office's page, with
/// `{number}` standing for the office number.
pub const OFFICE_PATTERN: &str = "offices/{number}/";

/// A place's page: the site's own place is summed up on the municipality list.
pub fn place(place: &Place) -> String {
    match place.kind {
        PlaceKind::Prefecture => MUNICIPALITIES.to_string(),
        PlaceKind::Area => area(&place.area.as_ref().expect("an area has its id").id),
        _ => municipality(&place.code),
    }
}

/// A guide, a news item or another page of `content/` (`slug` is its file
/// name without `.md`; `section` is `guides/`, `news/` or empty).
pub fn content_page(section: &str, slug: &str) -> String {
    format!("{section}{slug}/")
}

/// One care software product's manual.
pub fn manual(product: &str) -> String {
    format!("{MANUALS}{product}/")
}

/// A page of a product's manual.
pub fn manual_page(product: &str, slug: &str) -> String {
    format!("{MANUALS}{product}/{slug}/")
}

/// One survey's page.
pub fn survey(slug: &str) -> String {
    format!("{SURVEYS}{slug}/")
}

/// A part of the split office search index, relative to the index itself.
pub fn search_part(first: &str) -> String {
    format!("{first}.json")
}

/// A bucket of the split index's text grams (see `render::search::grams`),
/// relative to the index itself.
pub fn search_grams(bucket: usize) -> String {
    format!("g/{bucket}.json")
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

    #[test]
    fn a_filtered_search_encodes_its_service() {
        let code = MunicipalityCode::checked("442011".to_string());
        assert_eq!(
            office_search(&code, Some("居宅介護支援")),
            "offices/?m=442011&s=%E5%B1%85%E5%AE%85%E4%BB%8B%E8%AD%B7%E6%94%AF%E6%8F%B4"
        );
        assert_eq!(office_search(&code, None), "offices/?m=442011");
        let number = OfficeNumber::checked("4470100001".to_string());
        assert_eq!(
            office(&number),
            OFFICE_PATTERN.replace("{number}", "4470100001")
        );
    }
}
