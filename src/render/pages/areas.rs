//! The pages of the daily-life areas (with `data/areas.csv`): every area,
//! and one area like a municipality page plus its offices in the three
//! printable lists a community support center takes to its meetings.

use serde::Serialize;

use super::{Builder, Job};
use crate::figures::Status;
use crate::model::places::{OfficeId, Place, PlaceId};
use crate::render::format;
use crate::render::views::{
    AreaOfficeView, BreakdownTable, ChartView, FigureRow, Link, NoDataView, StatusListView,
    TrendRow,
};
use crate::urls;

/// The title of the area list and its breadcrumb.
const LIST_TITLE: &str = "圏域別の導入状況";

/// The title of the area list of a city portal without wards, whose
/// `municipalities/` page already gives the areas' figures: there `areas/`
/// leads to each area's office lists instead of repeating them.
const LISTS_TITLE: &str = "圏域別の事業所一覧";

/// An area's offices by status, counted, each count linking to its list.
#[derive(Serialize)]
struct AreaListsRow {
    name: String,
    url: String,
    adopted: usize,
    planned: usize,
    not_adopted: usize,
}

impl Builder<'_> {
    /// The rows of the areas inside a place, in file order.
    pub(super) fn area_rows(&self, place: PlaceId) -> Vec<FigureRow> {
        self.site
            .places
            .areas_in(place)
            .map(|a| self.place_row(a))
            .collect()
    }

    /// `areas/` and one page per area; nothing without `data/areas.csv`.
    pub(super) fn area_pages(&self) -> Vec<Job> {
        if !self.site.places.has_area_file() {
            return Vec::new();
        }
        std::iter::once(self.area_list())
            .chain(self.site.places.areas().iter().map(|a| self.area(a)))
            .collect()
    }

    /// Whether `municipalities/` already is the areas' figures (a city
    /// portal without wards), so `areas/` lists their offices instead.
    fn areas_are_the_breakdown(&self) -> bool {
        let places = &self.site.places;
        places.is_city() && places.municipalities().is_empty()
    }

    fn area_list_title(&self) -> &'static str {
        if self.areas_are_the_breakdown() {
            LISTS_TITLE
        } else {
            LIST_TITLE
        }
    }

    fn area_list(&self) -> Job {
        #[derive(Serialize)]
        struct List {
            prefecture: FigureRow,
            areas: Vec<FigureRow>,
            chart: Option<ChartView>,
            /// On a city portal without wards: each area's office lists
            /// counted, in place of the figures `municipalities/` gives.
            lists: Vec<AreaListsRow>,
            /// Before the first snapshot, the panel in place of the figures.
            no_data: Option<NoDataView>,
        }
        let title = self.area_list_title();
        let meta = self.meta(
            urls::AREAS,
            title,
            None,
            "areas",
            &[self.crumb(title, urls::AREAS)],
        );
        let lists_only = self.areas_are_the_breakdown();
        self.job(
            urls::AREAS,
            "areas.html",
            meta,
            List {
                prefecture: self.own_row(),
                areas: self.area_rows(self.site.places.own().id),
                chart: if lists_only {
                    None
                } else {
                    self.place_comparison("chart-areas", self.site.places.areas(), "圏域", true)
                },
                lists: if lists_only {
                    self.site
                        .places
                        .areas()
                        .iter()
                        .map(|a| {
                            let l = &self.figures.area_lists[a.id];
                            AreaListsRow {
                                name: a.name.clone(),
                                url: self.url(&urls::place(a)),
                                adopted: l.adopted.len(),
                                planned: l.planned.len(),
                                not_adopted: l.not_adopted.len(),
                            }
                        })
                        .collect()
                } else {
                    Vec::new()
                },
                no_data: self.no_data(self.site.places.own()),
            },
        )
    }

    fn area(&self, a: &Place) -> Job {
        #[derive(Serialize)]
        struct One {
            area: FigureRow,
            /// Offices of `data/plans.csv` not adopted yet.
            planned: u32,
            center: String,
            municipality: Link,
            trend: Vec<TrendRow>,
            trend_chart: Option<ChartView>,
            service_types: BreakdownTable,
            service_chart: Option<ChartView>,
            lists: Vec<StatusListView>,
            /// Before the first snapshot, the panel in place of the figures.
            no_data: Option<NoDataView>,
        }
        let site = self.site;
        let info = a.area.as_ref().expect("an area has its id");
        let parent = site.places.get(a.parent.expect("an area has a parent"));
        let path = urls::place(a);
        let trail = [
            self.crumb(self.area_list_title(), urls::AREAS),
            self.crumb(&a.name, &path),
        ];
        let title = format!("{}の導入状況", a.name);
        let description = format!(
            "{}（{}）のケアプランデータ連携システム導入事業所数と導入率、導入済み・導入予定・未導入の事業所の一覧。",
            a.name, parent.name
        );
        let meta = self.meta(&path, &title, Some(&description), "areas", &trail);
        let current = &self.figures.current;
        let services = &self.figures.service_types[a.id];
        let lists = &self.figures.area_lists[a.id];
        self.job(
            &path,
            "area.html",
            meta,
            One {
                area: self.place_row(a),
                planned: current.places[a.id].planned,
                center: info.center.clone(),
                municipality: self.crumb(&parent.name, &urls::place(parent)),
                trend: self.trend_rows(a.id),
                trend_chart: self.compared_trend(a),
                service_types: self.breakdown_table(services),
                service_chart: self.service_chart(a),
                lists: vec![
                    self.status_list("adopted", "導入済み", &lists.adopted),
                    self.status_list("planned", "導入予定", &lists.planned),
                    self.status_list("not-adopted", "未導入", &lists.not_adopted),
                ],
                no_data: self.no_data(a),
            },
        )
    }

    fn status_list(
        &self,
        id: &'static str,
        title: &'static str,
        ids: &[OfficeId],
    ) -> StatusListView {
        StatusListView {
            id,
            title,
            offices: ids
                .iter()
                .map(|&id| {
                    let o = self.site.office(id);
                    AreaOfficeView {
                        name: o.name.clone(),
                        url: self.url(&urls::office(&o.number)),
                        number: o.number.to_string(),
                        service_types: o.service_types.clone(),
                        phone: o.phone.clone(),
                        status: match self.figures.status[id] {
                            Status::Adopted { since } => format!(
                                "{}（{}から）",
                                format::status_label(Status::Adopted { since }),
                                format::era(since)
                            ),
                            Status::Planned => match self.plan_when(id) {
                                Some(when) => {
                                    format!("{}（{when}）", format::status_label(Status::Planned))
                                }
                                None => format::status_label(Status::Planned).to_string(),
                            },
                            Status::NotAdopted => {
                                format::status_label(Status::NotAdopted).to_string()
                            }
                        },
                    }
                })
                .collect(),
        }
    }
}
