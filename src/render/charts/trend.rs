//! The adoption trend: each area's rate on every snapshot date, one line per
//! series, told apart by colour, dashes, marker shape and a direct end label.

use plotters::prelude::*;

use super::Size;
use super::palette;
use super::scale::{PercentAxis, tick_label};
use super::svg::{
    Anchor, Area, Canvas, Font, Frame, Mark, MarkerKind, Shape, line_height, text_width,
};
use crate::date::Date;
use crate::figures::Rate;
use crate::render::format;

/// One line: an area's rate on each snapshot date, oldest first. A date
/// without a rate (an area with no offices) leaves a gap.
pub struct Series<'a> {
    pub name: &'a str,
    pub points: Vec<(Date, Rate)>,
}

/// The glyph that stands for a series' marker in text.
fn glyph(series: usize) -> &'static str {
    ["●", "■", "▲"][series % 3]
}

/// Draws the series at one size; returns the canvas and its height.
pub fn draw(series: &[Series], size: Size) -> (Canvas, f64) {
    let mut canvas = Canvas::new(size.width);
    let (f, ft) = (size.font, size.font - 1.0);
    let width = canvas.width();
    let narrow = size.is_narrow();

    let legend_bottom = legend(&mut canvas, series, f);

    let max = series
        .iter()
        .flat_map(|s| s.points.iter().filter_map(|(_, r)| r.tenths()))
        .max()
        .unwrap_or(0);
    let axis = PercentAxis::fit(max, if narrow { 4 } else { 5 });
    let tick_width = axis
        .ticks()
        .map(|t| text_width(&tick_label(t), ft))
        .fold(0.0, f64::max);
    let end_width = series
        .iter()
        .filter_map(|s| last_rate(s))
        .map(|(_, r)| text_width(&end_label(0, r), f))
        .fold(0.0, f64::max);
    let left = (tick_width + 8.0).ceil();
    let right = (width - end_width - 14.0).floor();
    canvas.text(0.0, legend_bottom + ft, "導入率", Font::new(ft));
    let top = (legend_bottom + ft * 2.2).ceil();
    let bottom = top + if narrow { 180.0 } else { 230.0 };

    let dates: Vec<Date> = series
        .first()
        .map(|s| s.points.iter().map(|(d, _)| *d).collect())
        .unwrap_or_default();
    let (first, last) = match (dates.first(), dates.last()) {
        (Some(a), Some(b)) => (day_number(*a) as f64, day_number(*b) as f64),
        _ => (0.0, 0.0),
    };
    let pad = ((last - first) * 0.04).max(15.0);
    let frame = Frame::new(
        (first - pad)..(last + pad),
        0.0..axis.top_percent(),
        (left as i32, right as i32),
        (bottom as i32, top as i32),
    );
    let x_of = |d: Date| day_number(d) as f64;

    canvas.draw(&frame, |area| {
        for t in axis.ticks() {
            let y = f64::from(t) / 10.0;
            area.draw(&PathElement::new(
                vec![(first - pad, y), (last + pad, y)],
                palette::GRID.stroke_width(1),
            ))?;
        }
        area.draw(&PathElement::new(
            vec![(first - pad, 0.0), (last + pad, 0.0)],
            palette::AXIS.stroke_width(1),
        ))?;
        for d in &dates {
            area.draw(
                &(EmptyElement::at((x_of(*d), 0.0))
                    + PathElement::new(vec![(0, 0), (0, 5)], palette::AXIS.stroke_width(1))),
            )?;
        }
        Ok(())
    });
    for t in axis.ticks() {
        let (_, y) = frame.at(first, f64::from(t) / 10.0);
        canvas.text(
            left - 6.0,
            f64::from(y) + ft * 0.35,
            &tick_label(t),
            Font::new(ft).anchor(Anchor::End),
        );
    }
    date_labels(&mut canvas, &frame, &dates, bottom + 8.0 + ft, ft);

    for (i, s) in series.iter().enumerate() {
        for segment in segments(s, x_of) {
            line(&mut canvas, &frame, i, segment);
        }
    }
    let mut points: Vec<Mark> = Vec::new();
    for (i, s) in series.iter().enumerate() {
        for (date, rate) in &s.points {
            let Some(value) = rate.as_f64() else { continue };
            points.push(Mark {
                class: "point",
                data: vec![
                    ("series", s.name.to_string()),
                    ("date", date.to_string()),
                    ("value", rate.to_string()),
                ],
                tooltip: format!(
                    "{}　{}　{}",
                    format::era(*date),
                    s.name,
                    format::percent(*rate)
                ),
                shapes: vec![marker(i, (x_of(*date), value))],
            });
        }
    }
    canvas.marks(&frame, &points);
    end_labels(&mut canvas, &frame, series, f, top, bottom);

    let height = bottom + 8.0 + ft + line_height(ft) + 6.0;
    (canvas, height)
}

/// The legend above the plot: a sample of each series' line and marker and
/// its name, flowing onto more rows when the width runs out. Returns its bottom.
fn legend(canvas: &mut Canvas, series: &[Series], f: f64) -> f64 {
    let width = canvas.width();
    let row = f * 1.7;
    let (mut x, mut y) = (0.0, 0.0);
    for (i, s) in series.iter().enumerate() {
        let item = 34.0 + text_width(s.name, f);
        if x > 0.0 && x + item > width {
            x = 0.0;
            y += row;
        }
        let middle = y + row / 2.0;
        let pixels = Frame::pixels();
        line(
            canvas,
            &pixels,
            i,
            vec![(x + 1.0, middle), (x + 27.0, middle)],
        );
        canvas.draw(&pixels, |area| marker(i, (x + 14.0, middle)).draw(area));
        canvas.text(x + 34.0, middle + f * 0.35, s.name, Font::new(f));
        x += item + 18.0;
    }
    y + row
}

/// Month under every date that has room (the newest always), and on a
/// second line the era year under the first labelled date of each year.
fn date_labels(canvas: &mut Canvas, frame: &Frame, dates: &[Date], baseline: f64, ft: f64) {
    let months: Vec<(f64, f64, String)> = dates
        .iter()
        .map(|d| {
            let (x, _) = frame.at(day_number(*d) as f64, 0.0);
            let text = format!("{}月", d.month);
            (f64::from(x), text_width(&text, ft) / 2.0, text)
        })
        .collect();
    let gap = ft * 0.6;
    let apart = |a: &(f64, f64, String), b: &(f64, f64, String)| a.0 + a.1 + gap <= b.0 - b.1;
    let mut kept: Vec<usize> = Vec::new();
    for (i, month) in months.iter().enumerate() {
        if kept.last().is_none_or(|&k| apart(&months[k], month)) {
            kept.push(i);
        }
    }
    if let Some(newest) = months.len().checked_sub(1)
        && kept.last() != Some(&newest)
    {
        while kept
            .last()
            .is_some_and(|&k| !apart(&months[k], &months[newest]))
        {
            kept.pop();
        }
        kept.push(newest);
    }
    let font = Font::new(ft).anchor(Anchor::Middle);
    let mut shown_year: Option<(String, f64)> = None;
    for i in kept {
        let (x, _, month) = &months[i];
        canvas.text(*x, baseline, month, font);
        let year = format::era_year(dates[i]);
        let half = text_width(&year, ft) / 2.0;
        let new_year = shown_year.as_ref().is_none_or(|(y, _)| *y != year);
        let room = shown_year
            .as_ref()
            .is_none_or(|(_, right)| right + gap <= x - half);
        if new_year && room {
            canvas.text(*x, baseline + line_height(ft), &year, font);
            shown_year = Some((year, x + half));
        }
    }
}

/// Each series' newest rate at the end of its line, pushed apart when two
/// would overlap, with the series' marker glyph before it.
fn end_labels(
    canvas: &mut Canvas,
    frame: &Frame,
    series: &[Series],
    f: f64,
    top: f64,
    bottom: f64,
) {
    let mut labels: Vec<(usize, f64, f64, Rate)> = series
        .iter()
        .enumerate()
        .filter_map(|(i, s)| {
            let (date, rate) = last_rate(s)?;
            let (x, y) = frame.at(day_number(date) as f64, rate.as_f64()?);
            Some((i, f64::from(x) + 10.0, f64::from(y) + f * 0.35, rate))
        })
        .collect();
    labels.sort_by(|a, b| a.2.total_cmp(&b.2).then(a.0.cmp(&b.0)));
    let gap = f * 1.2;
    for k in 1..labels.len() {
        if labels[k].2 - labels[k - 1].2 < gap {
            labels[k].2 = labels[k - 1].2 + gap;
        }
    }
    let overflow = labels.last().map_or(0.0, |l| (l.2 - bottom - f).max(0.0));
    for (i, x, y, rate) in labels {
        let y = (y - overflow).max(top);
        let colour = palette::series(i);
        canvas.text_with(x, y, Font::new(f), |out| {
            out.push_str(&format!(
                "<tspan fill=\"#{:02X}{:02X}{:02X}\">{}</tspan> {}",
                colour.0,
                colour.1,
                colour.2,
                glyph(i),
                format::percent(rate)
            ));
        });
    }
}

fn end_label(series: usize, rate: Rate) -> String {
    format!("{} {}", glyph(series), format::percent(rate))
}

fn last_rate(series: &Series) -> Option<(Date, Rate)> {
    series
        .points
        .iter()
        .rev()
        .find(|(_, r)| r.tenths().is_some())
        .copied()
}

/// Runs of consecutive points that have a rate.
fn segments(series: &Series, x_of: impl Fn(Date) -> f64) -> Vec<Vec<(f64, f64)>> {
    let mut runs: Vec<Vec<(f64, f64)>> = vec![Vec::new()];
    for (date, rate) in &series.points {
        match rate.as_f64() {
            Some(v) => runs.last_mut().expect("never empty").push((x_of(*date), v)),
            None => runs.push(Vec::new()),
        }
    }
    runs.retain(|r| !r.is_empty());
    runs
}

/// Series 0 solid, 1 dashed (and so on alternately).
fn line(canvas: &mut Canvas, frame: &Frame, series: usize, points: Vec<(f64, f64)>) {
    let style = palette::series(series).stroke_width(2);
    let path = |area: &Area| area.draw(&PathElement::new(points, style));
    if series.is_multiple_of(2) {
        canvas.draw(frame, path);
    } else {
        canvas.draw_dashed(frame, "10 5", path);
    }
}

/// Series 0 a circle, 1 a square, 2 a triangle.
fn marker(series: usize, at: (f64, f64)) -> Shape {
    let kind = [MarkerKind::Circle, MarkerKind::Square, MarkerKind::Triangle][series % 3];
    let size = if kind == MarkerKind::Triangle { 6 } else { 4 };
    Shape::Marker(kind, at, size, palette::series(series).filled())
}

/// What the chart shows, in words: each series from its first rate to its newest.
pub fn describe(series: &[Series]) -> String {
    let mut text = String::new();
    for s in series {
        let rated: Vec<&(Date, Rate)> = s
            .points
            .iter()
            .filter(|(_, r)| r.tenths().is_some())
            .collect();
        match (rated.first(), rated.last()) {
            (Some((d0, r0)), Some((d1, r1))) if d0 == d1 => text.push_str(&format!(
                "{}時点の{}の導入率は{}です。",
                format::era(*d1),
                s.name,
                format::percent(*r1)
            )),
            (Some((d0, r0)), Some((d1, r1))) => {
                let change = match r1.cmp(r0) {
                    std::cmp::Ordering::Greater => "に上がりました",
                    std::cmp::Ordering::Less => "に下がりました",
                    std::cmp::Ordering::Equal => "で、変わっていません",
                };
                text.push_str(&format!(
                    "{}の導入率は{}の{}から{}の{}{}。",
                    s.name,
                    format::era(*d0),
                    format::percent(*r0),
                    format::era(*d1),
                    format::percent(*r1),
                    change
                ));
            }
            _ => text.push_str(&format!(
                "{}は対象事業所がないため、導入率はありません。",
                s.name
            )),
        }
    }
    text
}

/// Days since 1970-01-01, so that dates are spaced by the time between them.
fn day_number(date: Date) -> i64 {
    let (y, m, d) = (
        i64::from(date.year),
        i64::from(date.month),
        i64::from(date.day),
    );
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let year_of_era = y - era * 400;
    let day_of_year = (153 * ((m + 9) % 12) + 2) / 5 + d - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> Date {
        Date::parse(text).unwrap()
    }

    #[test]
    fn day_numbers_count_real_days() {
        assert_eq!(day_number(date("1970-01-01")), 0);
        assert_eq!(
            day_number(date("2025-11-30")) - day_number(date("2025-09-30")),
            61
        );
        assert_eq!(
            day_number(date("2024-03-01")) - day_number(date("2024-02-28")),
            2
        );
    }

    #[test]
    fn description_says_where_the_rate_went() {
        let series = [
            Series {
                name: "全事業所",
                points: vec![
                    (date("2024-09-30"), Rate::of(12, 1000)),
                    (date("2025-11-30"), Rate::of(105, 1000)),
                ],
            },
            Series {
                name: "空の町",
                points: vec![(date("2025-11-30"), Rate::of(0, 0))],
            },
        ];
        assert_eq!(
            describe(&series),
            "全事業所の導入率は令和6年9月30日の1.2%から令和7年11月30日の10.5%に上がりました。空の町は対象事業所がないため、導入率はありません。"
        );
    }
}
