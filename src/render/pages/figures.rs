//! Pages of figures: the home page, the municipality list and each
//! municipality, with their tables and charts.

use serde::Serialize;

use super::{Builder, Job};
use crate::figures::{Breakdown, Counts, DateFigures, Rate};
use crate::model::MunicipalityKind;
use crate::render::map::{self, MapPlace, MapView};
use crate::render::views::{
    BreakdownRow, ChartView, FigureRow, Link, OfficeView, PageItem, PageView, TrendRow,
};
use crate::render::{charts, format};

impl Builder<'_> {
    pub(super) fn municipality_row(&self, index: usize, counts: &Counts) -> FigureRow {
        let m = &self.site.municipalities[index];
        let kind = match m.kind {
            MunicipalityKind::Municipality => "municipality",
            MunicipalityKind::DesignatedCity => "designated_city",
            MunicipalityKind::Ward => "ward",
        };
        let mut row = FigureRow::new(
            &m.code,
            &m.name,
            self.url(&format!("municipalities/{}/", m.code)),
            kind,
            counts,
        );
        row.in_group = self.site.groups.iter().any(|g| g.members.contains(&index));
        row
    }

    pub(super) fn prefecture_row(&self, figures: &DateFigures) -> FigureRow {
        FigureRow::new(
            &self.site.prefecture_code,
            &self.site.config.prefecture_name,
            self.url("municipalities/"),
            "prefecture",
            &figures.prefecture,
        )
    }

    pub(super) fn group_rows(&self) -> Vec<FigureRow> {
        let current = &self.figures.current;
        self.site
            .groups
            .iter()
            .zip(&current.groups)
            .map(|(g, c)| FigureRow::new("", &g.name, String::new(), "group", c))
            .collect()
    }

    pub(super) fn municipality_rows(&self) -> Vec<FigureRow> {
        self.figures
            .current
            .municipalities
            .iter()
            .enumerate()
            .map(|(i, c)| self.municipality_row(i, c))
            .collect()
    }

    pub(super) fn trend_rows(&self, counts_on: impl Fn(&DateFigures) -> Counts) -> Vec<TrendRow> {
        self.figures
            .trend
            .iter()
            .map(|f| {
                let c = counts_on(f);
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
                    prefecture_rate: format::percent(f.prefecture.rate()),
                }
            })
            .collect()
    }

    pub(super) fn breakdown_rows(&self, list: &[Breakdown]) -> Vec<BreakdownRow> {
        list.iter()
            .map(|b| BreakdownRow {
                label: b.label.clone(),
                url: self
                    .manual_of
                    .get(b.label.as_str())
                    .cloned()
                    .unwrap_or_default(),
                offices: b.counts.offices,
                adopted: b.counts.adopted,
                not_adopted: b.counts.offices - b.counts.adopted,
                rate: format::percent(b.counts.rate()),
                linking: b.counts.linking,
            })
            .collect()
    }

    /// Every municipality's current rate against the prefecture's.
    pub(super) fn comparison_chart(&self, large: bool) -> ChartView {
        let site = self.site;
        let current = &self.figures.current;
        let reference_name = format!("{}全体", site.config.prefecture_name);
        let comparison = charts::Comparison {
            bars: site
                .municipalities
                .iter()
                .zip(&current.municipalities)
                .enumerate()
                .map(|(i, (m, c))| charts::RateBar {
                    label: &m.name,
                    rate: c.rate(),
                    adopted: c.adopted,
                    offices: c.offices,
                    marked: site.groups.iter().any(|g| g.members.contains(&i)),
                })
                .collect(),
            reference_name: &reference_name,
            reference: current.prefecture.rate(),
            mark_name: (!site.groups.is_empty()).then(|| {
                site.groups
                    .iter()
                    .map(|g| g.name.as_str())
                    .collect::<Vec<_>>()
                    .join("・")
            }),
        };
        charts::comparison("chart-municipalities", &comparison, current.date, large)
    }

    /// Rates over the snapshots, one series per `(name, counts → rate)`;
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

    /// The adoption map of every municipality (`render::map`); the one place
    /// the map meets the model.
    pub(super) fn map(&self) -> Option<MapView> {
        let site = self.site;
        let places: Vec<MapPlace> = site
            .municipalities
            .iter()
            .zip(&self.figures.current.municipalities)
            .map(|(m, c)| MapPlace {
                code: &m.code,
                name: &m.name,
                rate: c.rate(),
                offices: c.offices,
                url: self.url(&format!("municipalities/{}/", m.code)),
            })
            .collect();
        let title = format!("{}の市町村別の導入率", site.config.prefecture_name);
        map::draw(&site.config.prefecture_code, &title, &places)
    }

    pub(super) fn home(&self) -> Job {
        #[derive(Serialize)]
        struct Home {
            page: PageView,
            prefecture: FigureRow,
            groups: Vec<FigureRow>,
            municipalities: Vec<FigureRow>,
            trend: Vec<TrendRow>,
            trend_chart: Option<ChartView>,
            municipality_chart: ChartView,
            map: Option<MapView>,
            news: Vec<PageItem>,
            guides: Vec<PageItem>,
            software: Vec<BreakdownRow>,
        }
        let content = &self.site.content;
        let page = self.index_view(content.home.as_ref(), &self.site.config.title);
        let meta = self.meta(
            "",
            &self.site.config.title,
            self.site.config.description.as_deref(),
            "home",
            &[],
        );
        self.job(
            "",
            "index.html",
            meta,
            Home {
                page,
                prefecture: self.prefecture_row(&self.figures.current),
                groups: self.group_rows(),
                municipalities: self.municipality_rows(),
                trend: self.trend_rows(|f| f.prefecture),
                trend_chart: self.trend_chart(
                    &format!("{}の導入率の推移", self.site.config.prefecture_name),
                    &[
                        ("全事業所", &|f| f.prefecture.rate()),
                        ("居宅介護支援・介護予防支援事業所", &|f| {
                            f.prefecture.cm_rate()
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
            },
        )
    }

    pub(super) fn municipalities(&self) -> Job {
        #[derive(Serialize)]
        struct List {
            prefecture: FigureRow,
            groups: Vec<FigureRow>,
            municipalities: Vec<FigureRow>,
            chart: ChartView,
            map: Option<MapView>,
        }
        let title = "市町村別の導入状況";
        let meta = self.meta(
            "municipalities/",
            title,
            None,
            "municipalities",
            &[self.crumb(title, "municipalities/")],
        );
        self.job(
            "municipalities/",
            "municipalities.html",
            meta,
            List {
                prefecture: self.prefecture_row(&self.figures.current),
                groups: self.group_rows(),
                municipalities: self.municipality_rows(),
                chart: self.comparison_chart(true),
                map: self.map(),
            },
        )
    }

    pub(super) fn municipality(&self, index: usize) -> Job {
        #[derive(Serialize)]
        struct One {
            municipality: FigureRow,
            parent: Option<Link>,
            wards: Vec<FigureRow>,
            groups: Vec<String>,
            trend: Vec<TrendRow>,
            trend_chart: Option<ChartView>,
            service_types: Vec<BreakdownRow>,
            service_chart: ChartView,
            areas: Vec<BreakdownRow>,
            offices: Vec<OfficeView>,
        }
        let site = self.site;
        let m = &site.municipalities[index];
        let path = format!("municipalities/{}/", m.code);
        let mut trail = vec![self.crumb("市町村別の導入状況", "municipalities/")];
        let parent = m.parent.map(|p| {
            let city = &site.municipalities[p];
            self.crumb(&city.name, &format!("municipalities/{}/", city.code))
        });
        trail.extend(parent.clone());
        trail.push(self.crumb(&m.name, &path));
        let title = format!("{}の導入状況", m.name);
        let description = format!(
            "{}のケアプランデータ連携システム導入事業所数と導入率、サービス種類別・圏域別の内訳、導入事業所の一覧。",
            m.name
        );
        let meta = self.meta(&path, &title, Some(&description), "municipalities", &trail);
        let current = &self.figures.current;
        let prefecture_whole = format!("{}全体", site.config.prefecture_name);
        let service_bars: Vec<charts::ServiceBar> = self.figures.service_types[index]
            .iter()
            .map(|b| charts::ServiceBar {
                label: &b.label,
                adopted: b.counts.adopted,
                offices: b.counts.offices,
            })
            .collect();
        self.job(
            &path,
            "municipality.html",
            meta,
            One {
                municipality: self.municipality_row(index, &current.municipalities[index]),
                parent,
                wards: (0..site.municipalities.len())
                    .filter(|&w| site.municipalities[w].parent == Some(index))
                    .map(|w| self.municipality_row(w, &current.municipalities[w]))
                    .collect(),
                groups: site
                    .groups
                    .iter()
                    .filter(|g| g.members.contains(&index))
                    .map(|g| g.name.clone())
                    .collect(),
                trend: self.trend_rows(|f| f.municipalities[index]),
                trend_chart: self.trend_chart(
                    &format!("{}と{prefecture_whole}の導入率の推移", m.name),
                    &[
                        (&m.name, &|f| f.municipalities[index].rate()),
                        (&prefecture_whole, &|f| f.prefecture.rate()),
                    ],
                ),
                service_types: self.breakdown_rows(&self.figures.service_types[index]),
                service_chart: charts::services(
                    "chart-services",
                    &m.name,
                    &service_bars,
                    current.date,
                ),
                areas: self.breakdown_rows(&self.figures.areas[index]),
                offices: self.adopted_offices(Some(index)),
            },
        )
    }
}

/// How a trend series picks its rate out of one snapshot's figures.
type RateOn<'a> = &'a dyn Fn(&DateFigures) -> Rate;
