//! Pages of figures: the home page, the municipality list and each
//! municipality, with their tables and charts.

use serde::Serialize;

use super::{Builder, Job};
use crate::figures::{Breakdown, Counts, DateFigures, Rate};
use crate::model::places::{Place, PlaceId, PlaceKind};
use crate::render::map::{self, MapPlace, MapView};
use crate::render::views::{
    BreakdownRow, BreakdownTable, ChartView, FigureRow, Link, NewlyAdoptedView, NoDataView,
    OfficeView, PageItem, PageView, TrendRow,
};
use crate::render::{charts, format};
use crate::urls;

impl Builder<'_> {
    /// A place's row as of the newest snapshot.
    pub(super) fn place_row(&self, place: &Place) -> FigureRow {
        let (class, url) = match place.kind {
            PlaceKind::Prefecture => ("row-prefecture", String::new()),
            PlaceKind::Municipality => ("row-municipality", self.url(&urls::place(place))),
            PlaceKind::DesignatedCity => ("row-designated_city", self.url(&urls::place(place))),
            PlaceKind::Ward => ("row-ward", self.url(&urls::place(place))),
            PlaceKind::Area => ("row-area", self.url(&urls::place(place))),
        };
        let mut row = FigureRow::new(
            place.code.as_str(),
            &place.name,
            url,
            class,
            &self.figures.current.places[place.id],
        );
        row.in_group = self.in_a_group(place.id);
        row
    }

    /// Whether the site has an adoption snapshot yet; before the first,
    /// pages show the no-data panel instead of charts of zeros.
    pub(super) fn published(&self) -> bool {
        self.figures.current.date.is_some()
    }

    /// The panel of a page about `place` before the first snapshot; `None`
    /// once there are figures to show.
    pub(super) fn no_data(&self, place: &Place) -> Option<NoDataView> {
        if self.published() {
            return None;
        }
        let counts = &self.figures.current.places[place.id];
        Some(NoDataView {
            place: place.name.clone(),
            offices: counts.offices,
            cm_offices: counts.cm_offices,
            no_offices: self.site.offices.is_empty(),
        })
    }

    fn in_a_group(&self, place: PlaceId) -> bool {
        self.site.groups.iter().any(|g| g.members.contains(&place))
    }

    pub(super) fn own_row(&self) -> FigureRow {
        self.place_row(self.site.places.own())
    }

    pub(super) fn group_rows(&self) -> Vec<FigureRow> {
        self.site
            .groups
            .iter()
            .map(|g| {
                FigureRow::new(
                    "",
                    &g.name,
                    String::new(),
                    "row-group",
                    &self.figures.current.groups[g.id],
                )
            })
            .collect()
    }

    /// The places the site is broken down into: its municipalities (a
    /// designated city's wards), or in a city portal without wards its areas.
    fn breakdown(&self) -> &[Place] {
        let places = &self.site.places;
        if places.is_city() && places.municipalities().is_empty() {
            places.areas()
        } else {
            places.municipalities()
        }
    }

    pub(super) fn municipality_rows(&self) -> Vec<FigureRow> {
        self.breakdown().iter().map(|m| self.place_row(m)).collect()
    }

    pub(super) fn trend_rows(&self, place: PlaceId) -> Vec<TrendRow> {
        let own = self.site.places.own().id;
        self.figures
            .trend
            .iter()
            .map(|f| {
                let c: Counts = f.places[place];
                TrendRow {
                    date: f.date.map(|d| d.to_string()).unwrap_or_default(),
                    date_era: f.date.map(format::era).unwrap_or_default(),
                    offices: c.offices,
                    adopted: c.adopted,
                    rate: format::percent(c.rate()),
                    cm_offices: c.cm_offices,
                    cm_adopted: c.cm_adopted,
                    cm_rate: format::percent(c.cm_rate()),
                    linking: c.linking,
                    prefecture_rate: format::percent(f.places[own].rate()),
                }
            })
            .collect()
    }

    pub(super) fn breakdown_rows(&self, list: &[Breakdown]) -> Vec<BreakdownRow> {
        list.iter()
            .map(|b| BreakdownRow {
                label: b.label.clone(),
                url: self.manual_url(&b.label),
                offices: b.counts.offices,
                adopted: b.counts.adopted,
                planned: b.counts.planned,
                not_adopted: b.counts.offices - b.counts.adopted - b.counts.planned,
                rate: format::percent(b.counts.rate()),
                linking: b.counts.linking,
            })
            .collect()
    }

    /// A breakdown as a table, with a 導入予定 column when it has planned offices.
    pub(super) fn breakdown_table(&self, list: &[Breakdown]) -> BreakdownTable {
        BreakdownTable {
            rows: self.breakdown_rows(list),
            planned: list.iter().any(|b| b.counts.planned > 0),
        }
    }

    /// Every municipality's (or a city's area's) current rate against the
    /// site's own; `None` before the first snapshot.
    pub(super) fn comparison_chart(&self, large: bool) -> Option<ChartView> {
        self.place_comparison(
            "chart-municipalities",
            self.breakdown(),
            self.site_view.words.municipalities,
            large,
        )
    }

    /// Each of `places`' current rate against the site's own, the bars
    /// named by `unit` (`市町村`, `圏域`); `None` before the first snapshot,
    /// when every bar would be zero.
    pub(super) fn place_comparison(
        &self,
        id: &str,
        places: &[Place],
        unit: &str,
        large: bool,
    ) -> Option<ChartView> {
        if !self.published() {
            return None;
        }
        let site = self.site;
        let current = &self.figures.current;
        let words = &self.site_view.words;
        let comparison = charts::Comparison {
            bars: places
                .iter()
                .map(|m| {
                    let c = &current.places[m.id];
                    charts::RateBar {
                        label: &m.name,
                        rate: c.rate(),
                        adopted: c.adopted,
                        offices: c.offices,
                        marked: self.in_a_group(m.id),
                    }
                })
                .collect(),
            reference_name: &words.whole,
            reference: current.places[site.places.own().id].rate(),
            unit,
            mark_name: (!site.groups.is_empty()).then(|| {
                site.groups
                    .iter()
                    .map(|g| g.name.as_str())
                    .collect::<Vec<_>>()
                    .join("・")
            }),
        };
        Some(charts::comparison(id, &comparison, current.date, large))
    }

    /// Rates over the snapshots, one series per `(name, snapshot → rate)`;
    /// `None` when there is no snapshot.
    pub(super) fn trend_chart(&self, title: &str, series: &[(&str, RateOn)]) -> Option<ChartView> {
        if self.figures.trend.is_empty() {
            return None;
        }
        let series: Vec<charts::Series> = series
            .iter()
            .map(|(name, rate_on)| charts::Series {
                name,
                points: self
                    .figures
                    .trend
                    .iter()
                    .filter_map(|f| Some((f.date?, rate_on(f))))
                    .collect(),
            })
            .collect();
        Some(charts::trend("chart-trend", title, &series))
    }

    /// A place's rate over the snapshots beside the site's own.
    pub(super) fn compared_trend(&self, p: &Place) -> Option<ChartView> {
        let own = self.site.places.own().id;
        let whole = &self.site_view.words.whole;
        self.trend_chart(
            &format!("{}と{whole}の導入率の推移", p.name),
            &[
                (&p.name, &|f| f.places[p.id].rate()),
                (whole, &|f| f.places[own].rate()),
            ],
        )
    }

    /// A place's adopted, planned and not adopted offices per service type;
    /// `None` before the first snapshot.
    pub(super) fn service_chart(&self, p: &Place) -> Option<ChartView> {
        if !self.published() {
            return None;
        }
        let bars: Vec<charts::ServiceBar> = self.figures.service_types[p.id]
            .iter()
            .map(|b| charts::ServiceBar {
                label: &b.label,
                adopted: b.counts.adopted,
                planned: b.counts.planned,
                offices: b.counts.offices,
            })
            .collect();
        Some(charts::services(
            "chart-services",
            &p.name,
            &bars,
            self.figures.current.date,
        ))
    }

    /// The page of the municipalities and the site's own figures, titled by
    /// the place words (`市町村別の導入状況`).
    fn list_title(&self) -> String {
        format!("{}別の導入状況", self.site_view.words.municipalities)
    }

    /// The adoption map of every municipality, designated city and ward
    /// (`render::map`); the one place the map meets the model. None before
    /// the first snapshot, when every shape would be the same.
    pub(super) fn map(&self) -> Option<MapView> {
        if !self.published() {
            return None;
        }
        let site = self.site;
        let places: Vec<MapPlace> = site
            .places
            .municipalities()
            .iter()
            .map(|m| {
                let c = &self.figures.current.places[m.id];
                MapPlace {
                    code: m.code.as_str(),
                    name: &m.name,
                    rate: c.rate(),
                    offices: c.offices,
                    url: self.url(&urls::place(m)),
                }
            })
            .collect();
        let title = format!(
            "{}の{}別の導入率",
            site.places.own().name,
            self.site_view.words.municipalities
        );
        map::draw(&site.config.prefecture_code, &title, &places)
    }

    pub(super) fn home(&self) -> Job {
        #[derive(Serialize)]
        struct Home {
            page: PageView,
            prefecture: FigureRow,
            groups: Vec<FigureRow>,
            municipalities: Vec<FigureRow>,
            /// The municipality list's page.
            municipalities_url: String,
            trend: Vec<TrendRow>,
            trend_chart: Option<ChartView>,
            municipality_chart: Option<ChartView>,
            map: Option<MapView>,
            news: Vec<PageItem>,
            guides: Vec<PageItem>,
            software: Vec<BreakdownRow>,
            newly_adopted: Option<NewlyAdoptedView>,
            /// Before the first snapshot, the panel in place of the figures.
            no_data: Option<NoDataView>,
        }
        let content = &self.site.content;
        let own = self.site.places.own();
        let page = self.index_view(content.home.as_ref(), &self.site.config.title);
        let meta = self.meta(
            urls::HOME,
            &self.site.config.title,
            self.site.config.description.as_deref(),
            "home",
            &[],
        );
        self.job(
            urls::HOME,
            "index.html",
            meta,
            Home {
                page,
                prefecture: self.own_row(),
                groups: self.group_rows(),
                municipalities: self.municipality_rows(),
                municipalities_url: self.url(urls::MUNICIPALITIES),
                trend: self.trend_rows(own.id),
                trend_chart: self.trend_chart(
                    &format!("{}の導入率の推移", own.name),
                    &[
                        ("全事業所", &|f| f.places[own.id].rate()),
                        ("居宅介護支援・介護予防支援事業所", &|f| {
                            f.places[own.id].cm_rate()
                        }),
                    ],
                ),
                municipality_chart: self.comparison_chart(false),
                map: self.map(),
                news: content
                    .news
                    .pages
                    .iter()
                    .take(5)
                    .map(|p| self.item(p))
                    .collect(),
                guides: content.guides.pages.iter().map(|p| self.item(p)).collect(),
                software: self.breakdown_rows(&self.figures.software),
                newly_adopted: self.newly_adopted(own.id, urls::OFFICES_FEED),
                no_data: self.no_data(own),
            },
        )
    }

    pub(super) fn municipalities(&self) -> Job {
        #[derive(Serialize)]
        struct List {
            prefecture: FigureRow,
            groups: Vec<FigureRow>,
            municipalities: Vec<FigureRow>,
            chart: Option<ChartView>,
            map: Option<MapView>,
            /// Some row carries the 重点 badge (is in a group).
            marked: bool,
            /// Some row is a designated city (the sum of its wards).
            designated: bool,
            /// Before the first snapshot, the panel in place of the figures.
            no_data: Option<NoDataView>,
        }
        let title = self.list_title();
        let rows = self.breakdown();
        let meta = self.meta(
            urls::MUNICIPALITIES,
            &title,
            None,
            "municipalities",
            &[self.crumb(&title, urls::MUNICIPALITIES)],
        );
        self.job(
            urls::MUNICIPALITIES,
            "municipalities.html",
            meta,
            List {
                prefecture: self.own_row(),
                groups: self.group_rows(),
                municipalities: self.municipality_rows(),
                chart: self.comparison_chart(true),
                map: self.map(),
                marked: rows.iter().any(|m| self.in_a_group(m.id)),
                designated: rows.iter().any(|m| m.kind == PlaceKind::DesignatedCity),
                no_data: self.no_data(self.site.places.own()),
            },
        )
    }

    pub(super) fn municipality(&self, m: &Place) -> Job {
        #[derive(Serialize)]
        struct One {
            municipality: FigureRow,
            parent: Option<Link>,
            wards: Vec<FigureRow>,
            groups: Vec<String>,
            trend: Vec<TrendRow>,
            trend_chart: Option<ChartView>,
            service_types: BreakdownTable,
            service_chart: Option<ChartView>,
            areas: BreakdownTable,
            /// With `data/areas.csv`: its areas, each linked to its page.
            area_rows: Vec<FigureRow>,
            offices: Vec<OfficeView>,
            /// The head of the office list's municipality column; empty
            /// (no column) unless the offices lie in several wards.
            municipality_column: &'static str,
            newly_adopted: Option<NewlyAdoptedView>,
            /// The municipality's feed of newly adopted offices.
            feed_url: String,
            /// Before the first snapshot, the panel in place of the figures.
            no_data: Option<NoDataView>,
        }
        let site = self.site;
        let path = urls::place(m);
        let mut trail = vec![self.crumb(&self.list_title(), urls::MUNICIPALITIES)];
        let parent = m
            .parent
            .map(|p| site.places.get(p))
            .filter(|p| p.kind != PlaceKind::Prefecture)
            .map(|city| self.crumb(&city.name, &urls::place(city)));
        trail.extend(parent.clone());
        trail.push(self.crumb(&m.name, &path));
        let title = format!("{}の導入状況", m.name);
        let description = format!(
            "{}のケアプランデータ連携システム導入事業所数と導入率、サービス種類別・圏域別の内訳、導入事業所の一覧。",
            m.name
        );
        let meta = self.meta(&path, &title, Some(&description), "municipalities", &trail);
        let services = &self.figures.service_types[m.id];
        self.job(
            &path,
            "municipality.html",
            meta,
            One {
                municipality: self.place_row(m),
                parent,
                wards: site
                    .places
                    .wards_of(m.id)
                    .map(|w| self.place_row(w))
                    .collect(),
                groups: site
                    .groups
                    .iter()
                    .filter(|g| g.members.contains(&m.id))
                    .map(|g| g.name.clone())
                    .collect(),
                trend: self.trend_rows(m.id),
                trend_chart: self.compared_trend(m),
                service_types: self.breakdown_table(services),
                service_chart: self.service_chart(m),
                areas: self.breakdown_table(&self.figures.areas[m.id]),
                area_rows: self.area_rows(m.id),
                offices: self.adopted_offices(m.id),
                municipality_column: if site.places.wards_of(m.id).next().is_some() {
                    self.site_view.words.municipalities
                } else {
                    ""
                },
                newly_adopted: self.newly_adopted(m.id, &urls::municipality_feed(&m.code)),
                feed_url: self.url(&urls::municipality_feed(&m.code)),
                no_data: self.no_data(m),
            },
        )
    }
}

/// How a trend series picks its rate out of one snapshot's figures.
type RateOn<'a> = &'a dyn Fn(&DateFigures) -> Rate;
