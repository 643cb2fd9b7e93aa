//! Every HTML page of the site as a template name and its context.
//!
//! This is where model and figures meet the views: one function per page kind
//! builds the view a template needs. Nothing here writes or formats by hand;
//! formats come from `format`, HTML from templates.

use std::collections::HashMap;

use rayon::prelude::*;
use serde::Serialize;

use super::charts;
use super::format;
use super::markdown::{Links, to_html};
use super::search;
use super::views::*;
use crate::figures::{Breakdown, Counts, DateFigures, Figures, Rate};
use crate::model::content::{Page, Section};
use crate::model::{Adoption, MunicipalityKind, Site, Survey};

/// A page to render: where it goes, with which template, seeing what.
pub struct Job {
    pub path: String,
    pub template: &'static str,
    pub context: tera::Context,
}

/// Shared by every page builder.
pub struct Builder<'a> {
    pub site: &'a Site,
    pub figures: &'a Figures,
    pub links: Links<'a>,
    pub site_view: SiteView,
    /// Care software name as reported → its manual's URL.
    pub manual_of: HashMap<&'a str, String>,
    /// What the office search covers, for `offices/`.
    pub search: &'a search::Search<'a>,
}

#[derive(Serialize)]
struct Common<'a, T: Serialize> {
    site: &'a SiteView,
    meta: Meta,
    #[serde(flatten)]
    page: T,
}

impl<'a> Builder<'a> {
    /// An absolute path on the site (`/careplan/guides/`).
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.site.config.base_path)
    }

    fn job<T: Serialize>(&self, path: &str, template: &'static str, meta: Meta, page: T) -> Job {
        let context = tera::Context::from_serialize(Common {
            site: &self.site_view,
            meta,
            page,
        })
        .expect("views serialize to a JSON object");
        let file = if path.is_empty() || path.ends_with('/') {
            format!("{path}index.html")
        } else {
            path.to_string()
        };
        Job {
            path: file,
            template,
            context,
        }
    }

    fn meta(
        &self,
        path: &str,
        title: &str,
        description: Option<&str>,
        section: &str,
        trail: &[Link],
    ) -> Meta {
        let mut breadcrumbs = Vec::new();
        if !path.is_empty() {
            breadcrumbs.push(Link {
                title: "ホーム".to_string(),
                url: self.url(""),
            });
            breadcrumbs.extend_from_slice(trail);
        }
        let fallback = format!("{}｜{}", title, self.site.config.title);
        Meta {
            title: title.to_string(),
            description: description.map_or(fallback, str::to_string),
            canonical: format!("{}{path}", self.site.config.base_url),
            url: self.url(path),
            section: section.to_string(),
            breadcrumbs,
        }
    }

    fn html(&self, markdown: &str) -> String {
        to_html(markdown, &self.links)
    }

    fn page_view(&self, page: &Page) -> PageView {
        PageView {
            title: page.front.title.clone(),
            description: page.front.description.clone().unwrap_or_default(),
            date: page.front.date.map(|d| d.to_string()).unwrap_or_default(),
            date_label: page.front.date.map(format::japanese).unwrap_or_default(),
            software: page.front.software.clone(),
            content: self.html(&page.body),
            toc: page
                .headings
                .iter()
                .filter(|h| h.level == 2)
                .map(|h| Link {
                    title: h.text.clone(),
                    url: format!("#{}", h.id),
                })
                .collect(),
        }
    }

    fn index_view(&self, page: Option<&Page>, default_title: &str) -> PageView {
        match page {
            Some(page) => self.page_view(page),
            None => PageView {
                title: default_title.to_string(),
                description: String::new(),
                date: String::new(),
                date_label: String::new(),
                software: Vec::new(),
                content: String::new(),
                toc: Vec::new(),
            },
        }
    }

    fn item(&self, page: &Page) -> PageItem {
        PageItem {
            title: page.front.title.clone(),
            url: self.url(&page.url),
            description: page.front.description.clone().unwrap_or_default(),
            date: page.front.date.map(|d| d.to_string()).unwrap_or_default(),
            date_label: page.front.date.map(format::japanese).unwrap_or_default(),
        }
    }

    fn municipality_row(&self, index: usize, counts: &Counts) -> FigureRow {
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

    fn prefecture_row(&self, figures: &DateFigures) -> FigureRow {
        FigureRow::new(
            &self.site.prefecture_code,
            &self.site.config.prefecture_name,
            self.url("municipalities/"),
            "prefecture",
            &figures.prefecture,
        )
    }

    fn group_rows(&self) -> Vec<FigureRow> {
        let current = &self.figures.current;
        self.site
            .groups
            .iter()
            .zip(&current.groups)
            .map(|(g, c)| FigureRow::new("", &g.name, String::new(), "group", c))
            .collect()
    }

    fn municipality_rows(&self) -> Vec<FigureRow> {
        self.figures
            .current
            .municipalities
            .iter()
            .enumerate()
            .map(|(i, c)| self.municipality_row(i, c))
            .collect()
    }

    fn trend_rows(&self, counts_on: impl Fn(&DateFigures) -> Counts) -> Vec<TrendRow> {
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

    fn breakdown_rows(&self, list: &[Breakdown]) -> Vec<BreakdownRow> {
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

    /// Adopted offices of the newest snapshot, optionally of one municipality row
    /// (a designated city includes its wards).
    fn adopted_offices(&self, municipality: Option<usize>) -> Vec<OfficeView> {
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

    fn office_view(&self, a: &Adoption) -> OfficeView {
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

    /// Every municipality's current rate against the prefecture's.
    fn comparison_chart(&self, large: bool) -> ChartView {
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
    fn trend_chart(&self, title: &str, series: &[(&str, RateOn)]) -> Option<ChartView> {
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

    fn crumb(&self, title: &str, path: &str) -> Link {
        Link {
            title: title.to_string(),
            url: self.url(path),
        }
    }

    /// Every HTML page of the site.
    pub fn jobs(&self) -> Vec<Job> {
        let mut jobs = vec![
            self.home(),
            self.municipalities(),
            self.offices(),
            self.not_found(),
        ];
        // One page per municipality, each with charts to draw: built in parallel.
        jobs.par_extend(
            (0..self.site.municipalities.len())
                .into_par_iter()
                .map(|i| self.municipality(i)),
        );
        jobs.extend(self.section(&self.site.content.guides, "guides", "導入ガイド"));
        jobs.extend(self.section(&self.site.content.news, "news", "お知らせ"));
        jobs.extend(self.manuals());
        jobs.push(self.faq());
        jobs.extend(self.surveys());
        for page in &self.site.content.others {
            let view = self.page_view(page);
            let meta = self.meta(
                &page.url,
                &view.title,
                page.front.description.as_deref(),
                &page.slug,
                &[self.crumb(&view.title, &page.url)],
            );
            jobs.push(self.job(
                &page.url,
                "page.html",
                meta,
                PageContext {
                    page: view,
                    prev: None,
                    next: None,
                    product: None,
                },
            ));
        }
        jobs
    }

    fn home(&self) -> Job {
        #[derive(Serialize)]
        struct Home {
            page: PageView,
            prefecture: FigureRow,
            groups: Vec<FigureRow>,
            municipalities: Vec<FigureRow>,
            trend: Vec<TrendRow>,
            trend_chart: Option<ChartView>,
            municipality_chart: ChartView,
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

    fn municipalities(&self) -> Job {
        #[derive(Serialize)]
        struct List {
            prefecture: FigureRow,
            groups: Vec<FigureRow>,
            municipalities: Vec<FigureRow>,
            chart: ChartView,
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
            },
        )
    }

    fn municipality(&self, index: usize) -> Job {
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

    fn offices(&self) -> Job {
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

    fn not_found(&self) -> Job {
        #[derive(Serialize)]
        struct Empty {}
        let title = "ページが見つかりません";
        let mut meta = self.meta(
            "404.html",
            title,
            None,
            "",
            &[self.crumb(title, "404.html")],
        );
        meta.canonical.clear();
        self.job("404.html", "404.html", meta, Empty {})
    }

    fn section(&self, section: &Section, name: &'static str, default_title: &str) -> Vec<Job> {
        #[derive(Serialize)]
        struct List {
            page: PageView,
            kind: &'static str,
            items: Vec<PageItem>,
        }
        let path = format!("{name}/");
        let view = self.index_view(section.index.as_ref(), default_title);
        let title = view.title.clone();
        let section_crumb = self.crumb(&title, &path);
        let description = section
            .index
            .as_ref()
            .and_then(|p| p.front.description.as_deref());
        let meta = self.meta(
            &path,
            &title,
            description,
            name,
            std::slice::from_ref(&section_crumb),
        );
        let mut jobs = vec![self.job(
            &path,
            "section.html",
            meta,
            List {
                page: view,
                kind: name,
                items: section.pages.iter().map(|p| self.item(p)).collect(),
            },
        )];
        for (i, page) in section.pages.iter().enumerate() {
            let neighbour = |j: Option<usize>| {
                j.and_then(|j| section.pages.get(j))
                    .map(|p| self.crumb(&p.front.title, &p.url))
            };
            let view = self.page_view(page);
            let meta = self.meta(
                &page.url,
                &view.title,
                page.front.description.as_deref(),
                name,
                &[section_crumb.clone(), self.crumb(&view.title, &page.url)],
            );
            let context = PageContext {
                page: view,
                prev: neighbour(i.checked_sub(1)),
                next: neighbour(Some(i + 1)),
                product: None,
            };
            jobs.push(self.job(&page.url, "page.html", meta, context));
        }
        jobs
    }

    fn manuals(&self) -> Vec<Job> {
        #[derive(Serialize)]
        struct List {
            page: PageView,
            products: Vec<ProductView>,
        }
        #[derive(Serialize)]
        struct One {
            page: PageView,
            product: ProductView,
        }
        let content = &self.site.content;
        let view = self.index_view(content.manuals.as_ref(), "介護ソフト別操作マニュアル");
        let section_crumb = self.crumb(&view.title, "manuals/");
        let products: Vec<ProductView> = content
            .products
            .iter()
            .map(|p| ProductView {
                title: p.index.front.title.clone(),
                url: self.url(&p.index.url),
                description: p.index.front.description.clone().unwrap_or_default(),
                software: p.index.front.software.clone(),
                adopted: self
                    .figures
                    .software
                    .iter()
                    .filter(|b| p.index.front.software.contains(&b.label))
                    .map(|b| b.counts.adopted)
                    .sum(),
                pages: p.pages.iter().map(|page| self.item(page)).collect(),
            })
            .collect();
        let description = content
            .manuals
            .as_ref()
            .and_then(|p| p.front.description.as_deref());
        let meta = self.meta(
            "manuals/",
            &view.title,
            description,
            "manuals",
            std::slice::from_ref(&section_crumb),
        );
        let mut jobs = vec![self.job(
            "manuals/",
            "manuals.html",
            meta,
            List {
                page: view,
                products: products.clone(),
            },
        )];
        for (product, view_of_product) in content.products.iter().zip(products) {
            let product_crumb = self.crumb(&view_of_product.title, &product.index.url);
            let trail = [section_crumb.clone(), product_crumb.clone()];
            let meta = self.meta(
                &product.index.url,
                &view_of_product.title,
                product.index.front.description.as_deref(),
                "manuals",
                &trail,
            );
            jobs.push(self.job(
                &product.index.url,
                "product.html",
                meta,
                One {
                    page: self.page_view(&product.index),
                    product: view_of_product,
                },
            ));
            for (i, page) in product.pages.iter().enumerate() {
                let neighbour = |j: Option<usize>| {
                    j.and_then(|j| product.pages.get(j))
                        .map(|p| self.crumb(&p.front.title, &p.url))
                };
                let view = self.page_view(page);
                let trail = [
                    section_crumb.clone(),
                    product_crumb.clone(),
                    self.crumb(&view.title, &page.url),
                ];
                // Products share page names (初期設定…): the product keeps titles unique.
                let title = format!("{}（{}）", view.title, product_crumb.title);
                let meta = self.meta(
                    &page.url,
                    &title,
                    page.front.description.as_deref(),
                    "manuals",
                    &trail,
                );
                let context = PageContext {
                    page: view,
                    prev: neighbour(i.checked_sub(1)),
                    next: neighbour(Some(i + 1)),
                    product: Some(product_crumb.clone()),
                };
                jobs.push(self.job(&page.url, "page.html", meta, context));
            }
        }
        jobs
    }

    fn faq(&self) -> Job {
        #[derive(Serialize)]
        struct Faq {
            page: PageView,
            categories: Vec<FaqCategoryView>,
            /// `FAQPage` structured data, safe to print inside `<script>`.
            json_ld: String,
        }
        let content = &self.site.content;
        let view = self.index_view(content.faq.as_ref(), "よくある質問");
        let categories: Vec<FaqCategoryView> = content
            .faq_categories
            .iter()
            .map(|c| FaqCategoryView {
                id: c.page.slug.clone(),
                title: c.page.front.title.clone(),
                intro: self.html(&c.intro),
                questions: c
                    .questions
                    .iter()
                    .map(|q| FaqQuestionView {
                        id: q.id.clone(),
                        question: q.question.clone(),
                        answer: self.html(&q.answer),
                    })
                    .collect(),
            })
            .collect();
        let description = content
            .faq
            .as_ref()
            .and_then(|p| p.front.description.as_deref());
        let meta = self.meta(
            "faq/",
            &view.title,
            description,
            "faq",
            &[self.crumb(&view.title, "faq/")],
        );
        self.job(
            "faq/",
            "faq.html",
            meta,
            Faq {
                page: view,
                json_ld: faq_json_ld(&categories),
                categories,
            },
        )
    }

    fn surveys(&self) -> Vec<Job> {
        #[derive(Serialize)]
        struct List {
            page: PageView,
            surveys: Vec<SurveyItem>,
        }
        #[derive(Serialize)]
        struct One {
            survey: SurveyItem,
            questions: Vec<SurveyQuestionView>,
        }
        let view = self.index_view(self.site.content.surveys.as_ref(), "アンケート結果");
        let section_crumb = self.crumb(&view.title, "surveys/");
        let item = |s: &Survey| SurveyItem {
            title: s.title.clone(),
            url: self.url(&format!("surveys/{}/", s.slug)),
            description: s.description.clone().unwrap_or_default(),
            date_label: s.date.map(format::era).unwrap_or_default(),
            respondents: s.respondents,
        };
        let meta = self.meta(
            "surveys/",
            &view.title,
            None,
            "surveys",
            std::slice::from_ref(&section_crumb),
        );
        let mut jobs = vec![self.job(
            "surveys/",
            "surveys.html",
            meta,
            List {
                page: view,
                surveys: self.site.surveys.iter().map(item).collect(),
            },
        )];
        for survey in &self.site.surveys {
            let path = format!("surveys/{}/", survey.slug);
            let meta = self.meta(
                &path,
                &survey.title,
                survey.description.as_deref(),
                "surveys",
                &[section_crumb.clone(), self.crumb(&survey.title, &path)],
            );
            jobs.push(self.job(
                &path,
                "survey.html",
                meta,
                One {
                    survey: item(survey),
                    questions: survey_questions(survey),
                },
            ));
        }
        jobs
    }
}

/// How a trend series picks its rate out of one snapshot's figures.
type RateOn<'a> = &'a dyn Fn(&DateFigures) -> Rate;

#[derive(Serialize)]
struct PageContext {
    page: PageView,
    prev: Option<Link>,
    next: Option<Link>,
    product: Option<Link>,
}

fn survey_questions(survey: &Survey) -> Vec<SurveyQuestionView> {
    survey
        .questions
        .iter()
        .enumerate()
        .map(|(i, q)| {
            let grouped = q.groups.iter().any(|g| !g.is_empty());
            let rows: Vec<SurveyRowView> = q
                .choices
                .iter()
                .enumerate()
                .map(|(c, choice)| {
                    let counts: Vec<u32> = (0..q.groups.len())
                        .map(|g| {
                            q.counts
                                .iter()
                                .find(|&&(cc, gg, _)| cc == c && gg == g)
                                .map_or(0, |&(_, _, n)| n)
                        })
                        .collect();
                    let total = counts.iter().sum();
                    let share = survey
                        .respondents
                        .filter(|_| !grouped)
                        .map(|r| format::percent(Rate::of(total, r)))
                        .unwrap_or_default();
                    SurveyRowView {
                        choice: choice.clone(),
                        counts,
                        total,
                        share,
                    }
                })
                .collect();
            let groups = if grouped {
                q.groups.clone()
            } else {
                Vec::new()
            };
            let id = format!("q{}", i + 1);
            let chart = charts::survey(
                &format!("chart-{id}"),
                &charts::Answers {
                    question: &q.question,
                    groups: &groups,
                    rows: &rows,
                },
                survey.date,
            );
            SurveyQuestionView {
                id,
                question: q.question.clone(),
                groups,
                rows,
                chart,
            }
        })
        .collect()
}

/// schema.org `FAQPage` for the FAQ page, so search engines can show the
/// questions; answers keep their HTML, which the vocabulary allows.
#[derive(Serialize)]
struct FaqPageLd<'a> {
    #[serde(rename = "@context")]
    context: &'static str,
    #[serde(rename = "@type")]
    kind: &'static str,
    #[serde(rename = "mainEntity")]
    main_entity: Vec<QuestionLd<'a>>,
}

#[derive(Serialize)]
struct QuestionLd<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    name: &'a str,
    #[serde(rename = "acceptedAnswer")]
    accepted_answer: AnswerLd<'a>,
}

#[derive(Serialize)]
struct AnswerLd<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    text: &'a str,
}

fn faq_json_ld(categories: &[FaqCategoryView]) -> String {
    let page = FaqPageLd {
        context: "https://schema.org",
        kind: "FAQPage",
        main_entity: categories
            .iter()
            .flat_map(|c| &c.questions)
            .map(|q| QuestionLd {
                kind: "Question",
                name: &q.question,
                accepted_answer: AnswerLd {
                    kind: "Answer",
                    text: &q.answer,
                },
            })
            .collect(),
    };
    let json = serde_json::to_string(&page).expect("plain strings serialize");
    script_safe(&json)
}

/// JSON that can stand inside `<script>`: `</` would end the element and
/// `<!--` would change how the rest is parsed, so both are escaped the way
/// JSON allows (`<\/`, `\u003c!--`), leaving the parsed value unchanged.
fn script_safe(json: &str) -> String {
    json.replace("</", "<\\/").replace("<!--", "\\u003c!--")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn script_safe_json_cannot_close_the_script_and_parses_the_same() {
        let value = serde_json::json!({ "text": "<p>a</p></script><!-- x -->" });
        let safe = script_safe(&value.to_string());
        assert!(!safe.contains("</"), "{safe}");
        assert!(!safe.contains("<!--"), "{safe}");
        let back: serde_json::Value = serde_json::from_str(&safe).expect("still JSON");
        assert_eq!(back, value);
    }

    #[test]
    fn faq_json_ld_lists_every_question_in_order() {
        let question = |id: &str, q: &str, a: &str| FaqQuestionView {
            id: id.to_string(),
            question: q.to_string(),
            answer: a.to_string(),
        };
        let categories = vec![
            FaqCategoryView {
                id: "cost".to_string(),
                title: "費用".to_string(),
                intro: String::new(),
                questions: vec![question("fee", "費用は？", "<p>年21,000円です。</p>\n")],
            },
            FaqCategoryView {
                id: "setup".to_string(),
                title: "準備".to_string(),
                intro: String::new(),
                questions: vec![question(
                    "pc",
                    "必要なパソコンは？",
                    "<p>Windowsです。</p>\n",
                )],
            },
        ];
        let value: serde_json::Value =
            serde_json::from_str(&faq_json_ld(&categories)).expect("JSON");
        assert_eq!(value["@context"], "https://schema.org");
        assert_eq!(value["@type"], "FAQPage");
        let questions = value["mainEntity"].as_array().expect("a list");
        assert_eq!(questions.len(), 2);
        assert_eq!(questions[0]["@type"], "Question");
        assert_eq!(questions[0]["name"], "費用は？");
        assert_eq!(questions[0]["acceptedAnswer"]["@type"], "Answer");
        assert_eq!(
            questions[0]["acceptedAnswer"]["text"],
            "<p>年21,000円です。</p>\n"
        );
        assert_eq!(questions[1]["name"], "必要なパソコンは？");
    }
}
