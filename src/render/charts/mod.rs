//! Charts drawn at build time as inline SVG, so pages show adoption at a
//! glance with no JavaScript and print as sharply as text.
//!
//! Each chart is drawn twice from the same figures: a narrow drawing whose
//! text is legible on a 375 px phone, and a wide one for larger screens
//! (charts.css shows one). One drawing scaled from a phone to a desktop would
//! make its text either tiny on the phone or huge on the desktop. Both
//! drawings are images to assistive technology, named by a `<title>` and
//! described in words by a `<desc>`; the table beside them has every figure.
//! Every data point is a `<g>` with `data-*` attributes and a `<title>`, so
//! tests and readers can check it against the figures.

mod bars;
pub(super) mod palette;
mod rows;
mod scale;
mod services;
mod surveys;
mod svg;
mod trend;

pub use bars::{Comparison, RateBar};
pub use services::ServiceBar;
pub use surveys::Answers;
pub use trend::Series;

use super::format;
use super::views::ChartView;
use crate::date::Date;
use svg::Canvas;

/// One drawing size of a chart: its width in user units (which are CSS
/// pixels when the chart is not scaled down) and its text size.
#[derive(Debug, Clone, Copy)]
pub struct Size {
    /// `narrow` or `wide`: the CSS class suffix and the id suffix.
    pub name: &'static str,
    pub width: u32,
    pub font: f64,
    /// Taller rows and larger text, for a page that is mostly this chart.
    pub large: bool,
}

impl Size {
    /// Fits a 375 px phone's content width (375 less 2 × 16 px padding).
    pub const PHONE: Size = Size {
        name: "narrow",
        width: 343,
        font: 13.0,
        large: false,
    };
    /// Beside text on a desktop.
    pub const DESKTOP: Size = Size {
        name: "wide",
        width: 720,
        font: 14.0,
        large: false,
    };
    /// A chart that is the point of its page.
    pub const DESKTOP_LARGE: Size = Size {
        name: "wide",
        width: 960,
        font: 15.0,
        large: true,
    };

    fn is_narrow(self) -> bool {
        self.width < 480
    }
}

/// Draws a chart at both sizes into one view.
fn chart(
    id: &str,
    title: &str,
    desc: &str,
    caption: String,
    wide: Size,
    draw: impl Fn(Size) -> (Canvas, f64),
) -> ChartView {
    let svg = [Size::PHONE, wide]
        .into_iter()
        .map(|size| {
            let (canvas, height) = draw(size);
            canvas.finish(
                height,
                &format!("{id}-{}", size.name),
                &format!("chart-svg chart-{}", size.name),
                title,
                desc,
            )
        })
        .collect();
    ChartView { svg, caption }
}

/// ` （令和7年11月30日時点）`, or nothing before the first snapshot.
fn as_of(date: Option<Date>) -> String {
    date.map(|d| format!("（{}時点）", format::era(d)))
        .unwrap_or_default()
}

/// Rates over the snapshot dates, one line per series.
pub fn trend(id: &str, title: &str, series: &[Series]) -> ChartView {
    let dates: Vec<Date> = series
        .first()
        .map(|s| s.points.iter().map(|(d, _)| *d).collect())
        .unwrap_or_default();
    let span = match (dates.first(), dates.last()) {
        (Some(a), Some(b)) if a != b => {
            format!("（{}〜{}）", format::era(*a), format::era(*b))
        }
        (Some(a), _) => as_of(Some(*a)),
        _ => String::new(),
    };
    let caption = format!("{title}{span}");
    chart(
        id,
        &caption,
        &trend::describe(series),
        caption.clone(),
        Size::DESKTOP,
        |size| trend::draw(series, size),
    )
}

/// Every municipality's rate, sorted, against the prefecture's.
pub fn comparison(id: &str, comparison: &Comparison, date: Option<Date>, large: bool) -> ChartView {
    let caption = format!("{}別の導入率{}", comparison.unit, as_of(date));
    chart(
        id,
        &caption,
        &bars::describe(comparison),
        caption.clone(),
        if large {
            Size::DESKTOP_LARGE
        } else {
            Size::DESKTOP
        },
        |size| bars::draw(comparison, size),
    )
}

/// Adopted and not adopted offices per service type of one municipality.
pub fn services(
    id: &str,
    municipality: &str,
    bars: &[ServiceBar],
    date: Option<Date>,
) -> ChartView {
    let caption = format!("{municipality}のサービス種類別の導入状況{}", as_of(date));
    chart(
        id,
        &caption,
        &services::describe(bars),
        caption.clone(),
        Size::DESKTOP,
        |size| services::draw(bars, size),
    )
}

/// The answers to one survey question.
pub fn survey(id: &str, answers: &Answers, date: Option<Date>) -> ChartView {
    let title = format!("{}（回答数）", answers.question);
    let caption = match date {
        Some(d) => format!("回答数（{}実施の調査）", format::era(d)),
        None => "回答数".to_string(),
    };
    chart(
        id,
        &title,
        &surveys::describe(answers),
        caption,
        Size::DESKTOP,
        |size| surveys::draw(answers, size),
    )
}
