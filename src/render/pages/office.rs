//! One page per office of offices.csv: its facts, where it stands, its
//! partners nearby, and the flyer (or invitation) its print stylesheet makes.

use serde::Serialize;

use super::{Builder, Job};
use crate::figures::Status;
use crate::model::offices::CARE_MANAGER_SERVICES;
use crate::model::places::{OfficeId, PlaceId};
use crate::render::views::{NewOfficeView, NewlyAdoptedView, OfficePageView, PartnerView};
use crate::render::{format, qr};
use crate::urls;

/// How many newly adopted offices a page lists before folding the rest away.
const NEW_SHOWN: usize = 10;

impl Builder<'_> {
    /// When a planned office means to adopt, as pages say it: `令和8年3月31日ごろ`,
    /// or, once the as-of date has passed that date (and the office is still not
    /// in the newest snapshot), that it has passed; `None` without a date.
    pub(super) fn plan_when(&self, id: OfficeId) -> Option<String> {
        let plans = &self.site.plans;
        let date = plans
            .binary_search_by_key(&id, |p| p.office)
            .ok()
            .and_then(|i| plans[i].date)?;
        let era = format::era(date);
        Some(match self.figures.current.date {
            Some(as_of) if date < as_of => format!("予定日の{era}を過ぎています"),
            _ => format!("{era}ごろ"),
        })
    }

    /// The page of one office of offices.csv.
    pub fn office_page(&self, id: OfficeId) -> Job {
        #[derive(Serialize)]
        struct One {
            office: OfficePageView,
        }
        let site = self.site;
        let o = site.office(id);
        let m = site.places.get(o.municipality);
        let path = urls::office(&o.number);
        let status = self.figures.status[id];
        let adoption = self.figures.adoption[id].as_ref();
        let software = adoption
            .and_then(|a| a.software.clone())
            .unwrap_or_default();
        let partners = &self.figures.partners[id];
        let partner_place = if o.area.is_empty() {
            m.name.clone()
        } else {
            o.area.clone()
        };
        let status_label = format::status_label(status);
        let since = match status {
            Status::Adopted { since } => Some(since),
            Status::Planned | Status::NotAdopted => None,
        };
        let partner_kind = if o.care_manager {
            "サービス事業所"
        } else {
            "居宅介護支援事業所"
        };
        let page_url = site.config.urls().absolute(&path);
        let view = OfficePageView {
            number: o.number.to_string(),
            name: o.name.clone(),
            name_kana: o.name_kana.clone(),
            corporation: o.corporation.clone(),
            address: o.address.clone(),
            phone: o.phone.clone(),
            service_types: o.service_types.clone(),
            municipality: self.crumb(&m.name, &urls::place(m)),
            area: o.area.clone(),
            status_label,
            adopted: since.is_some(),
            planned: status == Status::Planned,
            no_data: !self.published() && status == Status::NotAdopted,
            since: since.map(|d| d.to_string()).unwrap_or_default(),
            since_era: since.map(format::era).unwrap_or_default(),
            plan_when: self.plan_when(id).unwrap_or_default(),
            linking: adoption.is_some_and(|a| a.linking),
            manual_url: self.manual_url(&software),
            software,
            partner_kind,
            partner_place: partner_place.clone(),
            partners: partners
                .shown
                .iter()
                .map(|&p| {
                    let partner = site.office(p);
                    PartnerView {
                        name: partner.name.clone(),
                        url: self.url(&urls::office(&partner.number)),
                        service_types: partner.service_types.clone(),
                        linking: self.figures.adoption[p].as_ref().is_some_and(|a| a.linking),
                    }
                })
                .collect(),
            partners_total: partners.total,
            partners_more_url: if partners.total > partners.shown.len() {
                let service = (!o.care_manager).then_some(CARE_MANAGER_SERVICES[0]);
                self.url(&urls::office_search(&m.code, service))
            } else {
                String::new()
            },
            qr_svg: qr::svg(
                &page_url,
                &format!("{}のページ（{page_url}）のQRコード", o.name),
            ),
            page_url,
            partners_adopted_note: format!(
                "{partner_place}では、{partner_kind}{}件が導入済みです。",
                partners.total
            ),
        };
        // Office names repeat across a prefecture; the number keeps titles unique.
        let title = format!("{}（事業所番号{}）", o.name, o.number);
        let description = format!(
            "{}（事業所番号{}）のケアプランデータ連携システムの導入状況：{status_label}。",
            o.name, o.number
        );
        let trail = [
            self.crumb("導入事業所一覧", urls::OFFICES),
            self.crumb(&o.name, &path),
        ];
        let meta = self.meta(&path, &title, Some(&description), "offices", &trail);
        self.job(&path, "office.html", meta, One { office: view })
    }

    /// The offices of a place new on the newest snapshot date, with the
    /// place's feed; `None` when the newest snapshot added none there.
    pub(super) fn newly_adopted(&self, place: PlaceId, feed: &str) -> Option<NewlyAdoptedView> {
        let newest = self.figures.current.date?;
        let on = self.figures.newly_adopted[place].first()?;
        (on.date == newest).then(|| {
            let mut offices: Vec<NewOfficeView> = on
                .offices
                .iter()
                .map(|&id| {
                    let o = self.site.office(id);
                    NewOfficeView {
                        name: o.name.clone(),
                        url: self.url(&urls::office(&o.number)),
                        municipality: self.site.places.get(o.municipality).name.clone(),
                        service_types: o.service_types.clone(),
                    }
                })
                .collect();
            let more = offices.split_off(offices.len().min(NEW_SHOWN));
            NewlyAdoptedView {
                date_era: format::era(on.date),
                total: on.offices.len(),
                offices,
                more,
                feed_url: self.url(feed),
            }
        })
    }
}
