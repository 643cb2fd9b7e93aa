//! The adopted offices: as listed on municipality pages and on the
//! searchable office list.

use serde::Serialize;

use super::{Builder, Job};
use crate::model::Adoption;
use crate::render::search;
use crate::render::views::{OfficeGroup, OfficeView, SearchOption, SearchView};

impl Builder<'_> {
    /// Adopted offices of the newest snapshot, optionally of one municipality row
    /// (a designated city includes its wards).
    pub(super) fn adopted_offices(&self, municipality: Option<usize>) -> Vec<OfficeView> {
        let Some(snapshot) = self.site.snapshots.last() else {
            return Vec::new();
        };
        let mut list: Vec<(usize, OfficeView)> = snapshot
            .adoptions
            .iter()
            .filter(|a| {
                let m = self.site.offices[a.office].municipality;
                municipality.is_none_or(|want| {
                    m == want || self.site.municipalities[m].parent == Some(want)
                })
            })
            .map(|a| {
                (
                    self.site.offices[a.office].municipality,
                    self.office_view(a),
                )
            })
            .collect();
        list.sort_by(|(ma, a), (mb, b)| ma.cmp(mb).then_with(|| a.number.cmp(&b.number)));
        list.into_iter().map(|(_, v)| v).collect()
    }

    pub(super) fn office_view(&self, a: &Adoption) -> OfficeView {
        let o = &self.site.offices[a.office];
        let m = &self.site.municipalities[o.municipality];
        let software = a.software.clone().unwrap_or_default();
        let rest = search::address_rest(&o.address, &self.site.config.prefecture_name, &m.name);
        OfficeView {
            number: o.number.clone(),
            name: o.name.clone(),
            name_kana: o.name_kana.clone(),
            corporation: o.corporation.clone(),
            address: o.address.clone(),
            municipality: m.name.clone(),
            municipality_url: self.url(&format!("municipalities/{}/", m.code)),
            service_types: o.service_types.clone(),
            care_manager: o.care_manager,
            linking: a.linking,
            manual_url: self
                .manual_of
                .get(software.as_str())
                .cloned()
                .unwrap_or_default(),
            software,
            location: if rest.is_empty() {
                String::new()
            } else {
                format!("{}{rest}", m.name)
            },
        }
    }

    pub(super) fn offices(&self) -> Job {
        #[derive(Serialize)]
        struct List {
            /// Adopted offices.
            total: usize,
            groups: Vec<OfficeGroup>,
            /// Too many offices for one page: groups link to municipality pages.
            long_list: bool,
            search: SearchView,
        }
        let site = self.site;
        let adopted: Vec<&Adoption> = self
            .search
            .entries
            .iter()
            .filter_map(|e| e.adoption)
            .collect();
        let long_list = adopted.len() > search::FULL_LIST_LIMIT;
        let mut groups: Vec<OfficeGroup> = Vec::new();
        let mut current = None;
        for a in &adopted {
            let m = site.offices[a.office].municipality;
            if current != Some(m) {
                current = Some(m);
                let municipality = &site.municipalities[m];
                groups.push(OfficeGroup {
                    code: municipality.code.clone(),
                    name: municipality.name.clone(),
                    url: self.url(&format!("municipalities/{}/", municipality.code)),
                    count: 0,
                    offices: Vec::new(),
                });
            }
            let group = groups.last_mut().expect("pushed above");
            group.count += 1;
            if !long_list {
                group.offices.push(self.office_view(a));
            }
        }
        let search = SearchView {
            index_url: self.url(search::MANIFEST),
            all: self.search.all,
            total: self.search.entries.len(),
            municipalities: site
                .municipalities
                .iter()
                .map(|m| SearchOption {
                    value: m.code.clone(),
                    label: m.name.clone(),
                    ward: m.parent.is_some(),
                })
                .collect(),
            services: self.search.services.clone(),
            software: self.search.software.clone(),
        };
        let title = "導入事業所一覧";
        let meta = self.meta("offices/", title, Some("ケアプランデータ連携システムを導入している事業所の一覧です。事業所名・よみがな・事業所番号・所在地で検索でき、連携先が導入済みかどうかを確認できます。"), "offices", &[self.crumb(title, "offices/")]);
        self.job(
            "offices/",
            "offices.html",
            meta,
            List {
                total: adopted.len(),
                groups,
                long_list,
                search,
            },
        )
    }
}
