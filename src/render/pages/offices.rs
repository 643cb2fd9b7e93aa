//! The adopted offices: as listed on municipality pages and on the
//! searchable office list.

use serde::Serialize;

use super::{Builder, Job};
use crate::model::places::{OfficeId, PlaceId, PlaceKind};
use crate::render::search;
use crate::render::views::{NoDataView, OfficeGroup, OfficeView, SearchOption, SearchView};
use crate::urls;

impl Builder<'_> {
    /// The adopted offices of a place in the newest snapshot (a designated
    /// city's include its wards'), by municipality then office number.
    pub(super) fn adopted_offices(&self, place: PlaceId) -> Vec<OfficeView> {
        self.figures.adopted[place]
            .iter()
            .map(|&id| self.office_view(id))
            .collect()
    }

    /// An adopted office as lists show it.
    pub(super) fn office_view(&self, id: OfficeId) -> OfficeView {
        let o = self.site.office(id);
        let m = self.site.places.get(o.municipality);
        let adoption = self.figures.adoption[id].as_ref();
        let software = adoption
            .and_then(|a| a.software.clone())
            .unwrap_or_default();
        let rest = search::address_rest(&o.address, &self.site.config.prefecture_name, &m.name);
        OfficeView {
            number: o.number.to_string(),
            name: o.name.clone(),
            url: self.url(&urls::office(&o.number)),
            name_kana: o.name_kana.clone(),
            corporation: o.corporation.clone(),
            address: o.address.clone(),
            municipality: m.name.clone(),
            municipality_url: self.url(&urls::place(m)),
            service_types: o.service_types.clone(),
            care_manager: o.care_manager,
            linking: adoption.is_some_and(|a| a.linking),
            manual_url: self.manual_url(&software),
            software,
            location: if rest.is_empty() {
                String::new()
            } else {
                format!("{}{rest}", m.name)
            },
        }
    }

    pub(super) fn offices(&self, covered: &search::Search) -> Job {
        #[derive(Serialize)]
        struct List {
            /// Adopted offices.
            total: usize,
            groups: Vec<OfficeGroup>,
            /// Too many offices for one page: groups link to municipality pages.
            long_list: bool,
            search: SearchView,
            /// Whether the search form is there: not before the first
            /// snapshot unless it covers the not-adopted offices too.
            show_search: bool,
            /// Before the first snapshot, the panel in place of the list.
            no_data: Option<NoDataView>,
            /// The feed of newly adopted offices.
            feed_url: String,
        }
        let site = self.site;
        let adopted: Vec<OfficeId> = covered
            .entries
            .iter()
            .copied()
            .filter(|&id| self.figures.adoption[id].is_some())
            .collect();
        let long_list = adopted.len() > search::FULL_LIST_LIMIT;
        let mut groups: Vec<OfficeGroup> = Vec::new();
        let mut current = None;
        for &id in &adopted {
            let m = site.office(id).municipality;
            if current != Some(m) {
                current = Some(m);
                let municipality = site.places.get(m);
                groups.push(OfficeGroup {
                    code: municipality.code.to_string(),
                    name: municipality.name.clone(),
                    url: self.url(&urls::place(municipality)),
                    count: self.figures.adopted_coded[m],
                    offices: Vec::new(),
                });
            }
            let group = groups.last_mut().expect("pushed above");
            if !long_list {
                group.offices.push(self.office_view(id));
            }
        }
        let search = SearchView {
            index_url: self.url(urls::SEARCH_INDEX),
            office_pattern: self.url(urls::OFFICE_PATTERN),
            all: covered.all,
            planned: covered.all && !site.plans.is_empty(),
            total: covered.entries.len(),
            municipalities: covered
                .places
                .iter()
                .map(|&p| site.places.get(p))
                .map(|m| SearchOption {
                    value: search::filter_value(m).to_string(),
                    label: m.name.clone(),
                    ward: m.kind == PlaceKind::Ward,
                })
                .collect(),
            areas: covered
                .areas
                .iter()
                .map(|&a| {
                    let area = site.places.get(a);
                    let parent = site.places.get(area.parent.expect("an area has a parent"));
                    SearchOption {
                        value: search::filter_value(area).to_string(),
                        label: format!("{}（{}）", area.name, parent.name),
                        ward: false,
                    }
                })
                .collect(),
            services: self.figures.facets.services.clone(),
            software: self.figures.facets.software.clone(),
        };
        let title = "導入事業所一覧";
        let meta = self.meta(urls::OFFICES, title, Some("ケアプランデータ連携システムを導入している事業所の一覧です。事業所名・よみがな・事業所番号・所在地で検索でき、連携先が導入済みかどうかを確認できます。"), "offices", &[self.crumb(title, urls::OFFICES)]);
        self.job(
            urls::OFFICES,
            "offices.html",
            meta,
            List {
                total: adopted.len(),
                groups,
                long_list,
                show_search: self.published() || (search.all && search.total > 0),
                search,
                no_data: self.no_data(site.places.own()),
                feed_url: self.url(urls::OFFICES_FEED),
            },
        )
    }
}
