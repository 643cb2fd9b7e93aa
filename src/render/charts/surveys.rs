//! Survey answers: one bar per choice, or, when the survey is split by
//! `group`, a cluster of bars per group with one numbered bar per choice
//! (①②… in the legend and beside every bar, so colour is never the only cue).

use plotters::prelude::*;

use super::Size;
use super::palette;
use super::rows::Rows;
use super::svg::{Canvas, Font, Frame, Mark, Shape, line_height, text_width, wrap};
use crate::render::views::SurveyRowView;

/// One question's answers, as its table shows them.
pub struct Answers<'a> {
    pub question: &'a str,
    /// Group names when the survey has `group`; empty otherwise.
    pub groups: &'a [String],
    /// One row per choice, with one count per group.
    pub rows: &'a [SurveyRowView],
}

/// ①, ②, … for the first twenty choices, then `(21)`.
fn number(choice: usize) -> String {
    u32::try_from(choice)
        .ok()
        .filter(|&c| c < 20)
        .and_then(|c| char::from_u32(0x2460 + c))
        .map_or_else(|| format!("({})", choice + 1), String::from)
}

/// Draws one question at one size; returns the canvas and its height.
pub fn draw(question: &Answers, size: Size) -> (Canvas, f64) {
    if question.groups.is_empty() {
        simple(question, size)
    } else {
        grouped(question, size)
    }
}

fn simple(question: &Answers, size: Size) -> (Canvas, f64) {
    let mut canvas = Canvas::new(size.width);
    let f = size.font;
    let figures: Vec<String> = question
        .rows
        .iter()
        .map(|r| {
            if r.share.is_empty() {
                format!("{}件", r.total)
            } else {
                format!("{}件（{}）", r.total, r.share)
            }
        })
        .collect();
    let labels: Vec<&str> = question.rows.iter().map(|r| r.choice.as_str()).collect();
    let rows = Rows::new(
        canvas.width(),
        Font::new(f),
        !size.is_narrow(),
        &labels,
        &figures,
    );
    let max = question
        .rows
        .iter()
        .map(|r| r.total)
        .max()
        .unwrap_or(0)
        .max(1);
    let frame = Frame::bars(0.0..f64::from(max), (rows.bar.0 as i32, rows.bar.1 as i32));
    let mut y = 0.0;
    let mut marks: Vec<Mark> = Vec::new();
    for (answer, figure) in question.rows.iter().zip(&figures) {
        let row = rows.row(&mut canvas, y, &answer.choice, figure);
        let (y0, y1) = (row.bar_top, row.bar_top + rows.bar_height);
        marks.push(Mark {
            class: "bar",
            data: vec![
                ("label", answer.choice.clone()),
                ("value", answer.total.to_string()),
            ],
            tooltip: format!("{}　{}", answer.choice, figure),
            shapes: (answer.total > 0)
                .then(|| {
                    Shape::Rect(
                        [(0.0, y0), (f64::from(answer.total), y1)],
                        palette::series(0).filled(),
                    )
                })
                .into_iter()
                .collect(),
        });
        y = row.next;
    }
    canvas.marks(&frame, &marks);
    (canvas, y)
}

fn grouped(question: &Answers, size: Size) -> (Canvas, f64) {
    let mut canvas = Canvas::new(size.width);
    let width = canvas.width();
    let f = size.font;
    let swatch = f * 0.9;
    let number_width = text_width(&number(0), f) + 4.0;
    let legend_indent = swatch + 6.0 + number_width;
    let mut y = 0.0;
    for (c, row) in question.rows.iter().enumerate() {
        let lines = wrap(&row.choice, f, width - legend_indent);
        let middle = y + f * 0.85;
        canvas.draw(&Frame::pixels(), |area| {
            area.draw(&Rectangle::new(
                [
                    (0.0, middle - swatch / 2.0),
                    (swatch, middle + swatch / 2.0),
                ],
                palette::series(c).filled(),
            ))
        });
        canvas.text(swatch + 6.0, middle + f * 0.35, &number(c), Font::new(f));
        canvas.lines(legend_indent, middle + f * 0.35, &lines, Font::new(f));
        y += lines.len() as f64 * line_height(f) + f * 0.3;
    }
    y += f * 0.6;

    let max = question
        .rows
        .iter()
        .flat_map(|r| r.counts.iter().copied())
        .max()
        .unwrap_or(0)
        .max(1);
    let count_width = text_width(&max.to_string(), f) + 8.0;
    let left = number_width.ceil();
    let right = (width - count_width).floor();
    let frame = Frame::bars(0.0..f64::from(max), (left as i32, right as i32));
    let bar_height = (f * 1.05).round();
    let step = bar_height + 4.0;
    let mut marks: Vec<Mark> = Vec::new();
    for (g, group) in question.groups.iter().enumerate() {
        y += f * 0.4;
        let lines = wrap(group, f, width);
        canvas.lines(0.0, y + f, &lines, Font::new(f).bold());
        y += lines.len() as f64 * line_height(f) + 4.0;
        for (c, row) in question.rows.iter().enumerate() {
            let count = row.counts.get(g).copied().unwrap_or(0);
            let baseline = y + bar_height / 2.0 + f * 0.35;
            let end = f64::from(frame.at(f64::from(count), 0.0).0);
            canvas.text(0.0, baseline, &number(c), Font::new(f));
            canvas.text(end + 5.0, baseline, &count.to_string(), Font::new(f));
            marks.push(Mark {
                class: "bar",
                data: vec![
                    ("group", group.clone()),
                    ("label", row.choice.clone()),
                    ("value", count.to_string()),
                ],
                tooltip: format!("{}　{}　{}件", group, row.choice, count),
                shapes: (count > 0)
                    .then(|| {
                        Shape::Rect(
                            [(0.0, y), (f64::from(count), y + bar_height)],
                            palette::series(c).filled(),
                        )
                    })
                    .into_iter()
                    .collect(),
            });
            y += step;
        }
        y += f * 0.4;
    }
    canvas.marks(&frame, &marks);
    (canvas, y)
}

/// What the chart shows, in words: the most and the least chosen answers
/// (over all groups when the survey has them).
pub fn describe(question: &Answers) -> String {
    let mut order: Vec<usize> = (0..question.rows.len()).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(question.rows[i].total));
    let (Some(&most), Some(&least)) = (order.first(), order.last()) else {
        return "回答はありません。".to_string();
    };
    let (most, least) = (&question.rows[most], &question.rows[least]);
    let scope = if question.groups.is_empty() {
        String::new()
    } else {
        format!(
            "{}区分ごとの回答数です。{}区分の合計で",
            question.groups.len(),
            question.groups.len()
        )
    };
    if question.rows.len() == 1 {
        return format!("{scope}回答は「{}」の{}件です。", most.choice, most.total);
    }
    format!(
        "{scope}最も多い回答は「{}」の{}件、最も少ない回答は「{}」の{}件です。",
        most.choice, most.total, least.choice, least.total
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(choice: &str, counts: Vec<u32>) -> SurveyRowView {
        SurveyRowView {
            choice: choice.to_string(),
            total: counts.iter().sum(),
            counts,
            share: String::new(),
        }
    }

    #[test]
    fn choices_are_numbered_in_circles() {
        assert_eq!(number(0), "①");
        assert_eq!(number(19), "⑳");
        assert_eq!(number(20), "(21)");
    }

    #[test]
    fn grouped_bars_carry_group_choice_and_count() {
        let groups = ["北部".to_string(), "南部".to_string()];
        let rows = [
            row("導入している", vec![8, 3]),
            row("導入しない", vec![1, 0]),
        ];
        let question = Answers {
            question: "導入状況",
            groups: &groups,
            rows: &rows,
        };
        let (canvas, height) = draw(&question, Size::PHONE);
        let svg = canvas.finish(height, "t", "c", "題", "説明");
        assert!(svg.contains("data-group=\"南部\" data-label=\"導入している\" data-value=\"3\""));
        assert_eq!(svg.matches("class=\"bar\"").count(), 4);
        assert_eq!(
            describe(&question),
            "2区分ごとの回答数です。2区分の合計で最も多い回答は「導入している」の11件、最も少ない回答は「導入しない」の1件です。"
        );
    }
}
