//! What templates see: small serializable views, every value already
//! formatted, so a template only places them.

use serde::Serialize;

use super::format;
use crate::figures::Counts;

/// A link in navigation, lists and breadcrumbs.
#[derive(Debug, Clone, Serialize)]
pub struct Link {
    pub title: String,
    pub url: String,
}

/// The parts every page shares.
#[derive(Debug, Clone, Serialize)]
pub struct SiteView {
    pub title: String,
    pub base_url: String,
    pub base_path: String,
    pub prefecture_name: String,
    /// Words that follow the site's place.
    pub words: Words,
    /// The generated pages and files templates link to.
    pub links: SiteLinks,
    pub description: String,
    pub organization: String,
    /// `2025-11-30`, empty before the first snapshot.
    pub as_of: String,
    /// `令和7年11月30日`, empty before the first snapshot.
    pub as_of_era: String,
    pub nav: Vec<NavItem>,
    pub footer_links: Vec<Link>,
    /// The contact page, for the footer; empty when the site has none.
    pub contact_url: String,
}

/// An entry of the global navigation, with the section it leads to so the
/// page's own section can be marked as current.
#[derive(Debug, Clone, Serialize)]
pub struct NavItem {
    pub title: String,
    pub url: String,
    pub section: String,
}

/// What is particular to one page's head and trail.
#[derive(Debug, Clone, Serialize)]
pub struct Meta {
    pub title: String,
    pub description: String,
    /// Absolute URL of the page; empty where a page has no address of its
    /// own (the not-found page is served at any missing address).
    pub canonical: String,
    /// The page's path on the site (`/careplan/guides/`), to mark it in the navigation.
    pub url: String,
    /// The nav entry the page belongs to (`guides`, `municipalities`…).
    pub section: String,
    pub breadcrumbs: Vec<Link>,
}

/// Addresses of the generated pages and files every template may link to,
/// made by `crate::urls`.
#[derive(Debug, Clone, Serialize)]
pub struct SiteLinks {
    pub home: String,
    pub municipalities: String,
    pub offices: String,
    pub guides: String,
    pub faq: String,
    pub news: String,
    pub news_feed: String,
    pub sitemap: String,
    /// The open-data files, by file name without extension.
    pub data: std::collections::BTreeMap<&'static str, String>,
}

impl SiteLinks {
    /// The links of a site under its base path.
    pub fn of(urls: crate::urls::Urls<'_>) -> SiteLinks {
        use crate::urls;
        SiteLinks {
            home: urls.path(urls::HOME),
            municipalities: urls.path(urls::MUNICIPALITIES),
            offices: urls.path(urls::OFFICES),
            guides: urls.path(urls::GUIDES),
            faq: urls.path(urls::FAQ),
            news: urls.path(urls::NEWS),
            news_feed: urls.path(urls::NEWS_FEED),
            sitemap: urls.path(urls::SITEMAP),
            data: urls::OPEN_DATA
                .iter()
                .map(|&(key, path)| (key, urls.path(path)))
                .collect(),
        }
    }
}

/// Words that depend on the site's place (都, 道, 府 or 県; wards or not),
/// so no template writes `県全体` for 大阪府.
#[derive(Debug, Clone, Serialize)]
pub struct Words {
    /// The site's own place as a whole: `大分県全体`, `大阪府全体`.
    pub whole: String,
    /// `市町村`, or `市区町村` where the place has wards; in a city portal `区`
    /// (a designated city) or `圏域`.
    pub municipalities: &'static str,
}

/// One row of a figures table: a place or group and its counts, formatted.
#[derive(Debug, Clone, Serialize)]
pub struct FigureRow {
    pub code: String,
    pub name: String,
    /// The page the row's name links to; empty for rows that are not linked
    /// (groups, and the site's own row, which heads the table it is on).
    pub url: String,
    /// The row's style: `row-prefecture`, `row-group`, `row-municipality`,
    /// `row-designated_city`, `row-ward` or `row-area`.
    pub class: &'static str,
    pub offices: u32,
    pub adopted: u32,
    pub rate: String,
    pub cm_offices: u32,
    pub cm_adopted: u32,
    pub cm_rate: String,
    pub linking: u32,
    pub in_group: bool,
}

impl FigureRow {
    pub fn new(
        code: &str,
        name: &str,
        url: String,
        class: &'static str,
        counts: &Counts,
    ) -> FigureRow {
        FigureRow {
            code: code.to_string(),
            name: name.to_string(),
            url,
            class,
            offices: counts.offices,
            adopted: counts.adopted,
            rate: format::percent(counts.rate()),
            cm_offices: counts.cm_offices,
            cm_adopted: counts.cm_adopted,
            cm_rate: format::percent(counts.cm_rate()),
            linking: counts.linking,
            in_group: false,
        }
    }
}

/// A snapshot date in a trend table.
#[derive(Debug, Clone, Serialize)]
pub struct TrendRow {
    pub date: String,
    pub date_era: String,
    pub offices: u32,
    pub adopted: u32,
    pub rate: String,
    pub cm_offices: u32,
    pub cm_adopted: u32,
    pub cm_rate: String,
    pub linking: u32,
    /// The prefecture's rate on the same date, for comparison.
    pub prefecture_rate: String,
}

/// A labelled breakdown row (service type, area, care software).
#[derive(Debug, Clone, Serialize)]
pub struct BreakdownRow {
    pub label: String,
    pub url: String,
    pub offices: u32,
    pub adopted: u32,
    /// Of `data/plans.csv`, not adopted (導入予定).
    pub planned: u32,
    /// Neither adopted nor planned.
    pub not_adopted: u32,
    pub rate: String,
    pub linking: u32,
}

/// A breakdown table: its rows, and whether it has a 導入予定 column (when
/// any row has a planned office, as its chart then draws them).
#[derive(Debug, Clone, Serialize)]
pub struct BreakdownTable {
    pub rows: Vec<BreakdownRow>,
    pub planned: bool,
}

/// An adopted office as listed on pages.
#[derive(Debug, Clone, Serialize)]
pub struct OfficeView {
    pub number: String,
    pub name: String,
    /// The office's own page.
    pub url: String,
    pub name_kana: String,
    pub corporation: String,
    pub address: String,
    pub municipality: String,
    pub municipality_url: String,
    pub service_types: Vec<String>,
    pub care_manager: bool,
    pub linking: bool,
    pub software: String,
    /// The manual of the office's software, when the site has one.
    pub manual_url: String,
    /// The municipality's name and the address after it, without the
    /// prefecture: how the office list shows where an office is.
    pub location: String,
}

/// The offices of an area with one status, as a list to print.
#[derive(Debug, Clone, Serialize)]
pub struct StatusListView {
    /// `adopted`, `planned` or `not-adopted`: the list's anchor.
    pub id: &'static str,
    /// `導入済み`, `導入予定` or `未導入`.
    pub title: &'static str,
    pub offices: Vec<AreaOfficeView>,
}

/// An office in an area's printable list.
#[derive(Debug, Clone, Serialize)]
pub struct AreaOfficeView {
    pub name: String,
    pub url: String,
    pub number: String,
    pub service_types: Vec<String>,
    pub phone: String,
    /// `導入済み（令和7年5月31日から）`, `導入予定` or `未導入`.
    pub status: String,
}

/// An office's own page: what it is, where it stands, and its partners.
#[derive(Debug, Clone, Serialize)]
pub struct OfficePageView {
    pub number: String,
    pub name: String,
    pub name_kana: String,
    pub corporation: String,
    pub address: String,
    pub phone: String,
    pub service_types: Vec<String>,
    pub municipality: Link,
    pub area: String,
    /// `導入済み`, `導入予定` or `未導入`.
    pub status_label: &'static str,
    pub adopted: bool,
    pub planned: bool,
    /// No snapshot yet and no plan: whether the office has adopted is not
    /// known, so the page says the data is to come instead of `未導入`.
    pub no_data: bool,
    /// `2025-05-31` and `令和7年5月31日` for an adopted office: the start of
    /// its current run of snapshots.
    pub since: String,
    pub since_era: String,
    /// When a planned office means to adopt (`令和8年3月31日ごろ`, or that
    /// the date has passed), when the plans file gives a date.
    pub plan_when: String,
    pub linking: bool,
    pub software: String,
    pub manual_url: String,
    /// Who the partners are: `居宅介護支援事業所` or `サービス事業所`.
    pub partner_kind: &'static str,
    /// Where they were looked for: the area, or the municipality.
    pub partner_place: String,
    pub partners: Vec<PartnerView>,
    pub partners_total: usize,
    /// The office search for the partners not listed; empty when all are.
    pub partners_more_url: String,
    /// The page's full address, which the flyer's QR code holds.
    pub page_url: String,
    pub qr_svg: String,
    /// Adopted partners nearby, for the invitation a not-adopted office prints.
    pub partners_adopted_note: String,
}

/// An adopted partner as an office page lists it.
#[derive(Debug, Clone, Serialize)]
pub struct PartnerView {
    pub name: String,
    pub url: String,
    pub service_types: Vec<String>,
    pub linking: bool,
}

/// An office newly adopted on a snapshot date, as lists and feeds name it.
#[derive(Debug, Clone, Serialize)]
pub struct NewOfficeView {
    pub name: String,
    pub url: String,
    pub municipality: String,
    pub service_types: Vec<String>,
}

/// The offices new on the newest snapshot date.
#[derive(Debug, Clone, Serialize)]
pub struct NewlyAdoptedView {
    /// `令和7年11月30日`.
    pub date_era: String,
    /// The first few, shown as they are.
    pub offices: Vec<NewOfficeView>,
    /// The rest, folded away so a long list does not push the page down.
    pub more: Vec<NewOfficeView>,
    pub total: usize,
    /// The feed to subscribe to.
    pub feed_url: String,
}

/// The adopted offices of one municipality.
#[derive(Debug, Clone, Serialize)]
pub struct OfficeGroup {
    pub code: String,
    pub name: String,
    pub url: String,
    /// How many offices the group has, listed or not.
    pub count: u32,
    /// Empty when the list is too long to show on one page.
    pub offices: Vec<OfficeView>,
}

/// The office search form: where its index is and what its filters offer.
#[derive(Debug, Clone, Serialize)]
pub struct SearchView {
    pub index_url: String,
    /// An office's page with `{number}` for its number, for result links.
    pub office_pattern: String,
    /// Not-adopted offices are searchable too.
    pub all: bool,
    /// Some of them plan to adopt: the status filter offers 導入予定.
    pub planned: bool,
    /// Offices in the index.
    pub total: usize,
    pub municipalities: Vec<SearchOption>,
    /// The area filter's choices; empty: no area filter.
    pub areas: Vec<SearchOption>,
    pub services: Vec<String>,
    pub software: Vec<String>,
}

/// A choice of a filter.
#[derive(Debug, Clone, Serialize)]
pub struct SearchOption {
    pub value: String,
    pub label: String,
    /// A ward, listed under its designated city.
    pub ward: bool,
}

/// A page in a section list.
#[derive(Debug, Clone, Serialize)]
pub struct PageItem {
    pub title: String,
    pub url: String,
    pub description: String,
    pub date: String,
    pub date_label: String,
}

/// A rendered Markdown page.
#[derive(Debug, Clone, Serialize)]
pub struct PageView {
    pub title: String,
    pub description: String,
    pub date: String,
    pub date_label: String,
    pub software: Vec<String>,
    pub content: String,
    /// Headings of level 2 for an in-page table of contents.
    pub toc: Vec<Link>,
}

/// A FAQ category as a section of the FAQ page.
#[derive(Debug, Clone, Serialize)]
pub struct FaqCategoryView {
    pub id: String,
    pub title: String,
    pub intro: String,
    pub questions: Vec<FaqQuestionView>,
}

/// One question and its answer.
#[derive(Debug, Clone, Serialize)]
pub struct FaqQuestionView {
    pub id: String,
    pub question: String,
    pub answer: String,
}

/// A care software product with its manual and its users.
#[derive(Debug, Clone, Serialize)]
pub struct ProductView {
    pub title: String,
    pub url: String,
    pub description: String,
    pub software: Vec<String>,
    pub adopted: u32,
    pub pages: Vec<PageItem>,
}

/// One survey question as a chart and a table.
#[derive(Debug, Clone, Serialize)]
pub struct SurveyQuestionView {
    pub id: String,
    pub question: String,
    /// Column heads when the question is answered per group; empty otherwise.
    pub groups: Vec<String>,
    pub rows: Vec<SurveyRowView>,
    pub chart: ChartView,
}

/// A choice with its count (or one count per group).
#[derive(Debug, Clone, Serialize)]
pub struct SurveyRowView {
    pub choice: String,
    pub counts: Vec<u32>,
    pub total: u32,
    /// Share of respondents (`38.8%`) when the survey says how many answered.
    pub share: String,
}

/// A survey in the survey list.
#[derive(Debug, Clone, Serialize)]
pub struct SurveyItem {
    pub title: String,
    pub url: String,
    pub description: String,
    pub date_label: String,
    pub respondents: Option<u32>,
}

/// A chart as a page shows it: its SVG drawings (one for phones, one for
/// wider screens; charts.css shows one) and the caption above them.
#[derive(Debug, Clone, Serialize)]
pub struct ChartView {
    pub svg: String,
    pub caption: String,
}

/// The one panel a page shows before the first adoption snapshot, in place
/// of figures that would all be zero: what visitors will see here, and what
/// the editors have to add.
#[derive(Debug, Clone, Serialize)]
pub struct NoDataView {
    /// The place the page is about: `北海道`, `札幌市中央区`.
    pub place: String,
    /// Its target offices (offices.csv), already meaningful without a snapshot.
    pub offices: u32,
    /// Its care-manager offices among them.
    pub cm_offices: u32,
    /// `data/offices.csv` lists no office at all yet.
    pub no_offices: bool,
}
