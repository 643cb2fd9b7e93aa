//! Service types of one municipality: adopted, planned (導入予定) and not
//! adopted offices as a stacked bar per type, adopted solid, planned in a
//! second colour after it and not adopted outlined, so the parts differ in
//! more than colour. Planned offices are drawn only where the site has any.

use plotters::prelude::*;

use super::Size;
use super::palette;
use super::rows::Rows;
use super::svg::{Canvas, Font, Frame, Mark, Shape, text_width};
use crate::figures::Rate;
use crate::render::format;

/// One service type's counts.
pub struct ServiceBar<'a> {
    pub label: &'a str,
    pub adopted: u32,
    /// Of `data/plans.csv`, not adopted.
    pub planned: u32,
    pub offices: u32,
}

impl ServiceBar<'_> {
    fn rate(&self) -> Rate {
        Rate::of(self.adopted, self.offices)
    }

    fn name(&self) -> &str {
        if self.label.is_empty() {
            "（未設定）"
        } else {
            self.label
        }
    }
}

/// Draws the bars at one size; returns the canvas and its height.
pub fn draw(bars: &[ServiceBar], size: Size) -> (Canvas, f64) {
    let mut canvas = Canvas::new(size.width);
    let f = size.font;
    let figures: Vec<String> = bars
        .iter()
        .map(|b| {
            format!(
                "{} / {}（{}）",
                b.adopted,
                b.offices,
                format::percent(b.rate())
            )
        })
        .collect();
    let labels: Vec<&str> = bars.iter().map(ServiceBar::name).collect();
    let rows = Rows::new(
        canvas.width(),
        Font::new(f),
        !size.is_narrow(),
        &labels,
        &figures,
    );
    let max = bars.iter().map(|b| b.offices).max().unwrap_or(0).max(1);
    let frame = Frame::bars(0.0..f64::from(max), (rows.bar.0 as i32, rows.bar.1 as i32));
    let with_plans = bars.iter().any(|b| b.planned > 0);
    let per_pixel = f64::from(max) / (rows.bar.1 - rows.bar.0).max(1.0);
    let mut y = legend(&mut canvas, f, with_plans) + 4.0;
    let mut marks: Vec<Mark> = Vec::new();
    for (bar, figure) in bars.iter().zip(&figures) {
        let row = rows.row(&mut canvas, y, bar.name(), figure);
        let (y0, y1) = (row.bar_top, row.bar_top + rows.bar_height);
        let (adopted, offices) = (f64::from(bar.adopted), f64::from(bar.offices));
        // A planned part of one or two offices stays visible (at least 4 px).
        let planned = if bar.planned > 0 {
            (adopted + f64::from(bar.planned)).max(adopted + 4.0 * per_pixel)
        } else {
            adopted
        };
        let mut shapes = Vec::new();
        if bar.offices > bar.adopted {
            shapes.push(Shape::Rect(
                [(adopted, y0), (offices, y1)],
                palette::AXIS.stroke_width(1),
            ));
        }
        if bar.planned > 0 {
            shapes.push(Shape::Rect(
                [(adopted, y0), (planned, y1)],
                palette::series(2).filled(),
            ));
        }
        if bar.adopted > 0 {
            shapes.push(Shape::Rect(
                [(0.0, y0), (adopted, y1)],
                palette::series(0).filled(),
            ));
        }
        let mut data = vec![
            ("label", bar.label.to_string()),
            ("value", bar.rate().to_string()),
            ("adopted", bar.adopted.to_string()),
            ("offices", bar.offices.to_string()),
        ];
        let tooltip = if with_plans {
            data.push(("planned", bar.planned.to_string()));
            format!(
                "{}　導入済{}事業所・導入予定{}事業所・未導入{}事業所（導入率{}）",
                bar.name(),
                bar.adopted,
                bar.planned,
                bar.offices - bar.adopted - bar.planned,
                format::percent(bar.rate())
            )
        } else {
            format!(
                "{}　導入済{}事業所・未導入{}事業所（導入率{}）",
                bar.name(),
                bar.adopted,
                bar.offices - bar.adopted,
                format::percent(bar.rate())
            )
        };
        marks.push(Mark {
            class: "bar",
            data,
            tooltip,
            shapes,
        });
        y = row.next;
    }
    canvas.marks(&frame, &marks);
    (canvas, y)
}

/// Swatches for the parts of a bar (with `導入予定` where the site has
/// plans). Returns its bottom.
fn legend(canvas: &mut Canvas, f: f64, with_plans: bool) -> f64 {
    let row = f * 1.7;
    let middle = row / 2.0;
    let (s0, s1) = (middle - f * 0.45, middle + f * 0.45);
    let second = 22.0 + text_width("導入済", f) + 20.0;
    let third = second + 22.0 + text_width("導入予定", f) + 20.0;
    let outlined = if with_plans { third } else { second };
    canvas.draw(&Frame::pixels(), |area| {
        area.draw(&Rectangle::new(
            [(0.0, s0), (f, s1)],
            palette::series(0).filled(),
        ))?;
        if with_plans {
            area.draw(&Rectangle::new(
                [(second, s0), (second + f, s1)],
                palette::series(2).filled(),
            ))?;
        }
        area.draw(&Rectangle::new(
            [(outlined, s0), (outlined + f, s1)],
            palette::AXIS.stroke_width(1),
        ))
    });
    canvas.text(f + 6.0, middle + f * 0.35, "導入済", Font::new(f));
    if with_plans {
        canvas.text(
            second + f + 6.0,
            middle + f * 0.35,
            "導入予定",
            Font::new(f),
        );
    }
    canvas.text(
        outlined + f + 6.0,
        middle + f * 0.35,
        "未導入",
        Font::new(f),
    );
    row
}

/// What the chart shows, in words: the service types with the highest and
/// the lowest rate.
pub fn describe(bars: &[ServiceBar]) -> String {
    let mut rated: Vec<&ServiceBar> = bars.iter().filter(|b| b.offices > 0).collect();
    rated.sort_by_key(|b| std::cmp::Reverse(b.rate()));
    let said = |b: &ServiceBar| {
        format!(
            "{}の{}（{}事業所中{}事業所）",
            b.name(),
            format::percent(b.rate()),
            b.offices,
            b.adopted
        )
    };
    match (rated.first(), rated.last()) {
        (Some(only), _) if rated.len() == 1 => format!("サービス種類は{}です。", said(only)),
        (Some(high), Some(low)) => format!(
            "{}種類のサービスのうち、導入率が最も高いのは{}、最も低いのは{}です。",
            rated.len(),
            said(high),
            said(low)
        ),
        _ => "対象事業所がありません。".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn description_names_highest_and_lowest() {
        let bars = [
            ServiceBar {
                label: "訪問介護",
                adopted: 2,
                planned: 0,
                offices: 20,
            },
            ServiceBar {
                label: "居宅介護支援",
                adopted: 8,
                planned: 0,
                offices: 12,
            },
            ServiceBar {
                label: "通所介護",
                adopted: 0,
                planned: 0,
                offices: 9,
            },
        ];
        assert_eq!(
            describe(&bars),
            "3種類のサービスのうち、導入率が最も高いのは居宅介護支援の66.7%（12事業所中8事業所）、最も低いのは通所介護の0.0%（9事業所中0事業所）です。"
        );
    }
}
