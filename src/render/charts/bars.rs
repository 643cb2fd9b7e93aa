//! Municipalities compared: every municipality's rate as a horizontal bar,
//! highest first, with the prefecture's rate as a dashed reference line and
//! group members marked with ◆.

use plotters::prelude::*;

use super::Size;
use super::palette;
use super::scale::{PercentAxis, tick_label};
use super::svg::{Anchor, Canvas, Font, Frame, Mark, Shape, line_height, text_width, wrap};
use crate::figures::Rate;
use crate::render::format;

/// One municipality's bar.
pub struct RateBar<'a> {
    pub label: &'a str,
    pub rate: Rate,
    pub adopted: u32,
    pub offices: u32,
    /// A member of a group (重点支援地域 and the like).
    pub marked: bool,
}

/// The bars with what they are compared against.
pub struct Comparison<'a> {
    /// In file order; the chart sorts them.
    pub bars: Vec<RateBar<'a>>,
    /// `大分県全体`.
    pub reference_name: &'a str,
    /// What the bars are: `市町村` or `市区町村`.
    pub unit: &'a str,
    pub reference: Rate,
    /// What ◆ means (a group's name); `None` when no bar is marked.
    pub mark_name: Option<String>,
}

/// The marker of a group member.
const MARK: &str = "◆";

impl Comparison<'_> {
    /// Highest rate first; areas without a rate last; ties in file order.
    fn sorted(&self) -> Vec<&RateBar<'_>> {
        let mut bars: Vec<&RateBar> = self.bars.iter().collect();
        bars.sort_by_key(|b| std::cmp::Reverse(b.rate.tenths().map(|t| t + 1).unwrap_or(0)));
        bars
    }
}

/// Draws the bars at one size; returns the canvas and its height.
pub fn draw(comparison: &Comparison, size: Size) -> (Canvas, f64) {
    let mut canvas = Canvas::new(size.width);
    let width = canvas.width();
    let (f, ft) = (size.font, size.font - 1.0);
    let row = if size.large { f * 2.2 } else { f * 1.8 };
    let bars = comparison.sorted();
    let marked = comparison.mark_name.is_some() && bars.iter().any(|b| b.marked);

    let legend_bottom = legend(&mut canvas, comparison, marked, f);

    let mark_width = if marked {
        text_width(MARK, f) + 4.0
    } else {
        0.0
    };
    let label_width = bars
        .iter()
        .map(|b| text_width(b.label, f))
        .fold(0.0, f64::max)
        .min(width * 0.38)
        .ceil();
    let left = (mark_width + label_width + 10.0).ceil();
    let right = (width - text_width("100.0%", f) - 10.0).floor();
    let max = bars
        .iter()
        .filter_map(|b| b.rate.tenths())
        .chain(comparison.reference.tenths())
        .max()
        .unwrap_or(0);
    let axis = PercentAxis::fit(max, if size.is_narrow() { 4 } else { 5 });
    let frame = Frame::bars(0.0..axis.top_percent(), (left as i32, right as i32));
    let x_at = |percent: f64| f64::from(frame.at(percent, 0.0).0);

    let top = (legend_bottom + 8.0).ceil();
    let mut rows: Vec<(f64, f64, Vec<String>)> = Vec::new();
    let mut y = top;
    for bar in &bars {
        let lines = wrap(bar.label, f, label_width);
        let height = row.max(lines.len() as f64 * line_height(f) + 6.0);
        rows.push((y, height, lines));
        y += height;
    }
    let bottom = y.ceil();

    canvas.draw(&frame, |area| {
        for t in axis.ticks().skip(1) {
            let x = f64::from(t) / 10.0;
            area.draw(&PathElement::new(
                vec![(x, top), (x, bottom)],
                palette::GRID.stroke_width(1),
            ))?;
        }
        Ok(())
    });
    let bar_height = (row * 0.6).round();
    let mut value_labels: Vec<(f64, f64, String)> = Vec::new();
    let mut marks: Vec<Mark> = Vec::new();
    for (bar, (y, height, lines)) in bars.iter().zip(&rows) {
        let middle = y + height / 2.0;
        let first_baseline = middle - (lines.len() as f64 - 1.0) * line_height(f) / 2.0 + f * 0.35;
        if bar.marked && marked {
            canvas.text(0.0, first_baseline, MARK, Font::new(f));
        }
        canvas.lines(mark_width, first_baseline, lines, Font::new(f));
        let mut data = vec![
            ("label", bar.label.to_string()),
            ("value", bar.rate.to_string()),
            ("adopted", bar.adopted.to_string()),
            ("offices", bar.offices.to_string()),
        ];
        if bar.marked && marked {
            data.push(("marked", "true".to_string()));
        }
        let value = bar.rate.as_f64();
        marks.push(Mark {
            class: "bar",
            data,
            tooltip: format!(
                "{}　{}（{}事業所中{}事業所）",
                bar.label,
                format::percent(bar.rate),
                bar.offices,
                bar.adopted
            ),
            shapes: value
                .map(|v| {
                    let (y0, y1) = (middle - bar_height / 2.0, middle + bar_height / 2.0);
                    Shape::Rect([(0.0, y0), (v, y1)], palette::series(0).filled())
                })
                .into_iter()
                .collect(),
        });
        let end = value.map_or(left, x_at);
        value_labels.push((end + 5.0, middle + f * 0.35, format::percent(bar.rate)));
    }
    canvas.marks(&frame, &marks);
    canvas.draw(&frame, |area| {
        area.draw(&PathElement::new(
            vec![(0.0, top), (0.0, bottom)],
            palette::AXIS.stroke_width(1),
        ))
    });
    if let Some(r) = comparison.reference.as_f64() {
        canvas.draw_dashed(&frame, "6 4", |area| {
            area.draw(&PathElement::new(
                vec![(r, top - 4.0), (r, bottom)],
                palette::REFERENCE.stroke_width(2),
            ))
        });
    }
    // Value labels go on top, each on a patch of background, so the
    // reference line never runs through a number.
    let patches: Vec<Shape> = value_labels
        .iter()
        .map(|(x, y, text)| {
            let (x0, x1) = (x - 2.0, x + text_width(text, f) + 2.0);
            let (y0, y1) = (y - f * 0.95, y + f * 0.3);
            Shape::Rect([(x0, y0), (x1, y1)], palette::BACKGROUND.filled())
        })
        .collect();
    canvas.draw(&Frame::pixels(), |area| {
        for patch in &patches {
            patch.draw(area)?;
        }
        Ok(())
    });
    for (x, y, text) in value_labels {
        canvas.text(x, y, &text, Font::new(f));
    }
    let tick_baseline = bottom + 6.0 + ft;
    for t in axis.ticks() {
        canvas.text(
            x_at(f64::from(t) / 10.0),
            tick_baseline,
            &tick_label(t),
            Font::new(ft).anchor(Anchor::Middle),
        );
    }
    canvas.text(
        (left + right) / 2.0,
        tick_baseline + line_height(ft) + 2.0,
        "導入率",
        Font::new(ft).anchor(Anchor::Middle),
    );
    (canvas, tick_baseline + line_height(ft) + 8.0)
}

/// What the dashed line and ◆ mean, above the bars. Returns its bottom.
fn legend(canvas: &mut Canvas, comparison: &Comparison, marked: bool, f: f64) -> f64 {
    let width = canvas.width();
    let row = f * 1.7;
    let mut items: Vec<(bool, String)> = Vec::new();
    if comparison.reference.tenths().is_some() {
        items.push((
            true,
            format!(
                "{} {}",
                comparison.reference_name,
                format::percent(comparison.reference)
            ),
        ));
    }
    if let Some(name) = comparison.mark_name.as_deref().filter(|_| marked) {
        items.push((false, format!("{MARK} {name}")));
    }
    let (mut x, mut y) = (0.0, 0.0);
    for (line, text) in items {
        let sample = if line { 18.0 } else { 0.0 };
        let item = sample + text_width(&text, f);
        if x > 0.0 && x + item > width {
            x = 0.0;
            y += row;
        }
        if line {
            let (top, bottom) = (y + 3.0, y + row - 3.0);
            canvas.draw_dashed(&Frame::pixels(), "5 3", |area| {
                area.draw(&PathElement::new(
                    vec![(x + 6.0, top), (x + 6.0, bottom)],
                    palette::REFERENCE.stroke_width(2),
                ))
            });
        }
        canvas.text(x + sample, y + row / 2.0 + f * 0.35, &text, Font::new(f));
        x += item + 20.0;
    }
    y + row
}

/// What the chart shows, in words: the highest and lowest municipality, the
/// prefecture's rate and how many municipalities are above it.
pub fn describe(comparison: &Comparison) -> String {
    let rated: Vec<&RateBar> = comparison
        .sorted()
        .into_iter()
        .filter(|b| b.rate.tenths().is_some())
        .collect();
    let (Some(high), Some(low)) = (rated.first(), rated.last()) else {
        return format!("導入率を示せる{}はまだありません。", comparison.unit);
    };
    let names = |rate: Rate| {
        let tied: Vec<&str> = rated
            .iter()
            .filter(|b| b.rate == rate)
            .map(|b| b.label)
            .collect();
        if tied.len() <= 3 {
            tied.join("・")
        } else {
            format!("{}など{}{}", tied[0], tied.len(), comparison.unit)
        }
    };
    let mut text = if high.rate == low.rate {
        format!(
            "{}{}の導入率はどこも{}です。",
            rated.len(),
            comparison.unit,
            format::percent(high.rate)
        )
    } else {
        format!(
            "導入率が最も高いのは{}の{}、最も低いのは{}の{}です。",
            names(high.rate),
            format::percent(high.rate),
            names(low.rate),
            format::percent(low.rate)
        )
    };
    if comparison.reference.tenths().is_some() {
        let above = rated
            .iter()
            .filter(|b| b.rate > comparison.reference)
            .count();
        text.push_str(&format!(
            "{}は{}で、{}{unit}のうち{}{unit}がこれを上回っています。",
            comparison.reference_name,
            format::percent(comparison.reference),
            comparison.bars.len(),
            above,
            unit = comparison.unit
        ));
    }
    if let Some(name) = comparison.mark_name.as_deref()
        && rated.iter().any(|b| b.marked)
    {
        text.push_str(&format!(
            "{name}の{}には{MARK}を付けています。",
            comparison.unit
        ));
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bar(label: &str, adopted: u32, offices: u32) -> RateBar<'_> {
        RateBar {
            label,
            rate: Rate::of(adopted, offices),
            adopted,
            offices,
            marked: label == "杵築市",
        }
    }

    fn comparison() -> Comparison<'static> {
        Comparison {
            bars: vec![
                bar("大分市", 100, 1000),
                bar("空の村", 0, 0),
                bar("杵築市", 59, 86),
                bar("姫島村", 0, 5),
            ],
            reference_name: "大分県全体",
            unit: "市町村",
            reference: Rate::of(159, 1091),
            mark_name: Some("重点支援地域".to_string()),
        }
    }

    #[test]
    fn bars_run_highest_first_and_empty_last() {
        let c = comparison();
        let order: Vec<&str> = c.sorted().iter().map(|b| b.label).collect();
        assert_eq!(order, vec!["杵築市", "大分市", "姫島村", "空の村"]);
    }

    #[test]
    fn description_names_highest_lowest_and_the_prefecture() {
        assert_eq!(
            describe(&comparison()),
            "導入率が最も高いのは杵築市の68.6%、最も低いのは姫島村の0.0%です。大分県全体は14.6%で、4市町村のうち1市町村がこれを上回っています。重点支援地域の市町村には◆を付けています。"
        );
    }

    #[test]
    fn bar_lengths_are_proportional_to_the_rates() {
        let (canvas, height) = draw(&comparison(), Size::PHONE);
        let svg = canvas.finish(height, "t", "c", "題", "説明");
        let width_of = |label: &str| -> f64 {
            let mark = &svg[svg.find(&format!("data-label=\"{label}\"")).unwrap()..];
            let rect = &mark[mark.find("<rect").unwrap()..];
            let at = rect.find(" width=\"").unwrap() + 8;
            rect[at..].split('"').next().unwrap().parse().unwrap()
        };
        assert!(svg.contains("data-label=\"杵築市\" data-value=\"68.6\" data-adopted=\"59\" data-offices=\"86\" data-marked=\"true\""));
        let ratio = width_of("大分市") / width_of("杵築市");
        assert!((ratio - 10.0 / 68.6).abs() < 0.01, "{ratio}");
    }
}
