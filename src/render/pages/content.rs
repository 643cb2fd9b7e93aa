//! Pages written in Markdown and survey results: sections, manuals, the FAQ
//! page (with its structured data), surveys and the 404 page.

use serde::Serialize;

use super::{Builder, Job};
use crate::figures::QuestionFigures;
use crate::model::Survey;
use crate::model::content::Section;
use crate::render::views::{
    FaqCategoryView, FaqQuestionView, Link, PageItem, PageView, ProductView, SurveyItem,
    SurveyQuestionView, SurveyRowView,
};
use crate::render::{charts, format};
use crate::urls;

impl Builder<'_> {
    pub(super) fn not_found(&self) -> Job {
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

    pub(super) fn section(
        &self,
        section: &Section,
        name: &'static str,
        default_title: &str,
    ) -> Vec<Job> {
        #[derive(Serialize)]
        struct List {
            page: PageView,
            /// News lists show each item's date.
            dated: bool,
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
                dated: name == "news",
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

    pub(super) fn manuals(&self) -> Vec<Job> {
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
                    .manual_users
                    .get(&p.index.url)
                    .copied()
                    .unwrap_or_default(),
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

    pub(super) fn faq(&self) -> Job {
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
                id: c.id.clone(),
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

    pub(super) fn surveys(&self) -> Vec<Job> {
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
            url: self.url(&urls::survey(&s.slug)),
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
            let path = urls::survey(&survey.slug);
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
                    questions: survey_questions(survey, &self.figures.surveys[&survey.slug]),
                },
            ));
        }
        jobs
    }

    /// Pages directly under `content/` (contact, about…).
    pub(super) fn other_pages(&self) -> Vec<Job> {
        let mut jobs = Vec::new();
        // content/opendata.md introduces the generated open-data page instead.
        let others = self.site.content.others.iter();
        for page in others.filter(|p| p.slug != crate::render::catalog::PAGE) {
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
}

#[derive(Serialize)]
struct PageContext {
    page: PageView,
    prev: Option<Link>,
    next: Option<Link>,
    product: Option<Link>,
}

fn survey_questions(survey: &Survey, figures: &[QuestionFigures]) -> Vec<SurveyQuestionView> {
    survey
        .questions
        .iter()
        .zip(figures)
        .enumerate()
        .map(|(i, (q, f))| {
            let rows: Vec<SurveyRowView> = q
                .choices
                .iter()
                .zip(&f.choices)
                .map(|(choice, c)| SurveyRowView {
                    choice: choice.clone(),
                    counts: c.counts.clone(),
                    total: c.total,
                    share: c.share.map(format::percent).unwrap_or_default(),
                })
                .collect();
            let groups = if f.grouped {
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
