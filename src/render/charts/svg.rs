//! The SVG document around a chart: the accessible wrapper, text set by hand,
//! and shapes drawn by plotters.
//!
//! plotters' SVG backend draws every shape (bars, lines, markers, grid). Its text
//! is not used: without a font backend it estimates widths from byte counts (a
//! Japanese character counts as three Latin ones) and it writes a font family
//! of its own. Text is written here instead as plain `<text>` that inherits the
//! page's font and colour, with widths estimated per character (full-width ≈
//! 1em, others ≈ 0.6em), so labels can be placed, wrapped and never clipped.

use crate::render::format::escape_into;
use std::fmt::Write as _;
use std::ops::Range;

use plotters::coord::Shift;
use plotters::coord::types::RangedCoordf64;
use plotters::prelude::*;
use unicode_width::UnicodeWidthChar;

/// Data coordinates of a plot, mapped by plotters onto a pixel rectangle.
pub type Coords = Cartesian2d<RangedCoordf64, RangedCoordf64>;

/// A plotters drawing area in a frame's data coordinates.
pub type Area<'a> = DrawingArea<SVGBackend<'a>, Coords>;

/// What drawing on an [`Area`] returns.
pub type Drawn = Result<(), DrawingAreaErrorKind<std::io::Error>>;

/// Height of the scratch backend: any height larger than a chart will do, as
/// plotters only uses it for sizes given in percent, which charts do not use.
const SCRATCH_HEIGHT: u32 = 100_000;

/// Where a frame's data land on the canvas.
#[derive(Clone)]
pub struct Frame {
    coords: Coords,
}

impl Frame {
    /// `x` and `y` (data) onto the pixels from `px.0` to `px.1` and from
    /// `py.0` to `py.1`; pixels may run backwards (`py` from bottom to top puts
    /// larger values higher).
    pub fn new(x: Range<f64>, y: Range<f64>, px: (i32, i32), py: (i32, i32)) -> Frame {
        Frame {
            coords: Cartesian2d::new(x, y, (px.0..px.1, py.0..py.1)),
        }
    }

    /// A frame whose data coordinates are the canvas's own pixels, for shapes
    /// placed by layout rather than by data (legends, rows of bars).
    pub fn pixels() -> Frame {
        let edge = f64::from(SCRATCH_HEIGHT);
        Frame::new(
            0.0..edge,
            0.0..edge,
            (0, SCRATCH_HEIGHT as i32),
            (0, SCRATCH_HEIGHT as i32),
        )
    }

    /// A frame for horizontal bars: `x` (data) onto the pixels from `px.0` to
    /// `px.1`, while y stays in the canvas's pixels, where layout put the rows.
    pub fn bars(x: Range<f64>, px: (i32, i32)) -> Frame {
        let edge = f64::from(SCRATCH_HEIGHT);
        Frame::new(x, 0.0..edge, px, (0, SCRATCH_HEIGHT as i32))
    }

    /// The pixel a data point falls on.
    pub fn at(&self, x: f64, y: f64) -> (i32, i32) {
        self.coords.translate(&(x, y))
    }
}

/// How a piece of text is set.
#[derive(Debug, Clone, Copy)]
pub struct Font {
    pub size: f64,
    pub anchor: Anchor,
    pub bold: bool,
}

impl Font {
    /// Regular text of `size`, starting at its point.
    pub fn new(size: f64) -> Font {
        Font {
            size,
            anchor: Anchor::Start,
            bold: false,
        }
    }

    /// The same text anchored differently.
    pub fn anchor(self, anchor: Anchor) -> Font {
        Font { anchor, ..self }
    }

    /// The same text in bold.
    pub fn bold(self) -> Font {
        Font { bold: true, ..self }
    }
}

/// Which end of the text its point is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anchor {
    Start,
    Middle,
    End,
}

/// One shape plotters draws as exactly one SVG element.
#[derive(Debug, Clone, Copy)]
pub enum Shape {
    /// A rectangle between two corners, in frame coordinates.
    Rect([(f64, f64); 2], ShapeStyle),
    /// A marker of `size` pixels from its centre, at a point in frame coordinates.
    Marker(MarkerKind, (f64, f64), i32, ShapeStyle),
}

/// The shape of a point marker.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MarkerKind {
    Circle,
    Square,
    Triangle,
}

impl Shape {
    /// Draws the shape on a plotters area.
    pub fn draw(&self, area: &Area) -> Drawn {
        match *self {
            Shape::Rect(corners, style) => area.draw(&Rectangle::new(corners, style)),
            Shape::Marker(kind, at, size, style) => {
                let at = EmptyElement::at(at);
                match kind {
                    MarkerKind::Circle => area.draw(&(at + Circle::new((0, 0), size, style))),
                    MarkerKind::Square => {
                        area.draw(&(at + Rectangle::new([(-size, -size), (size, size)], style)))
                    }
                    MarkerKind::Triangle => {
                        area.draw(&(at + TriangleMarker::new((0, 0), size, style)))
                    }
                }
            }
        }
    }
}

/// A data point: the figures that identify it (`data-*` attributes), a
/// `<title>` a pointer shows, and the shapes that draw it.
pub struct Mark {
    pub class: &'static str,
    pub data: Vec<(&'static str, String)>,
    pub tooltip: String,
    pub shapes: Vec<Shape>,
}

impl Mark {
    fn open(&self, out: &mut String) {
        let _ = write!(out, "<g class=\"{}\"", self.class);
        for (key, value) in &self.data {
            let _ = write!(out, " data-{key}=\"");
            escape_into(out, value);
            out.push('"');
        }
        out.push_str("><title>");
        escape_into(out, &self.tooltip);
        out.push_str("</title>");
    }
}

/// A chart being drawn: the markup inside the `<svg>` element, in paint order.
pub struct Canvas {
    width: u32,
    body: String,
    /// Where plotters writes each batch of shapes before it joins the body.
    scratch: String,
}

impl Canvas {
    /// An empty canvas `width` user units wide.
    pub fn new(width: u32) -> Canvas {
        Canvas {
            width,
            body: String::new(),
            scratch: String::new(),
        }
    }

    /// Width in user units.
    pub fn width(&self) -> f64 {
        f64::from(self.width)
    }

    /// One line of text with its baseline at `y`.
    pub fn text(&mut self, x: f64, y: f64, text: &str, font: Font) {
        self.text_with(x, y, font, |out| escape_into(out, text));
    }

    /// One line of text whose inside is written by `inner` (for `<tspan>`s).
    pub fn text_with(&mut self, x: f64, y: f64, font: Font, inner: impl FnOnce(&mut String)) {
        let out = &mut self.body;
        out.push_str("<text x=\"");
        push_num(out, x);
        out.push_str("\" y=\"");
        push_num(out, y);
        out.push('"');
        match font.anchor {
            Anchor::Start => {}
            Anchor::Middle => out.push_str(" text-anchor=\"middle\""),
            Anchor::End => out.push_str(" text-anchor=\"end\""),
        }
        out.push_str(" font-size=\"");
        push_num(out, font.size);
        out.push('"');
        if font.bold {
            out.push_str(" font-weight=\"bold\"");
        }
        out.push('>');
        inner(out);
        out.push_str("</text>");
    }

    /// Lines of text one under another, the first baseline at `y`.
    pub fn lines(&mut self, x: f64, y: f64, lines: &[String], font: Font) {
        for (i, line) in lines.iter().enumerate() {
            self.text(x, y + i as f64 * line_height(font.size), line, font);
        }
    }

    /// Draws shapes with plotters in `frame`'s coordinates.
    pub fn draw(&mut self, frame: &Frame, shapes: impl FnOnce(&Area) -> Drawn) {
        self.plot(frame, shapes);
        self.body.push_str(inside_svg(&self.scratch));
    }

    /// Draws lines with plotters and dashes them (`dash` is SVG's
    /// `stroke-dasharray`): one element per line, where plotters' own dashed
    /// path would write one per dash.
    pub fn draw_dashed(&mut self, frame: &Frame, dash: &str, shapes: impl FnOnce(&Area) -> Drawn) {
        self.plot(frame, shapes);
        for element in inside_svg(&self.scratch).split_inclusive('\n') {
            match element.strip_prefix("<polyline") {
                Some(rest) => {
                    let _ = write!(self.body, "<polyline stroke-dasharray=\"{dash}\"{rest}");
                }
                None => self.body.push_str(element),
            }
        }
    }

    /// Draws data points in one plotters pass, each point's shapes in a
    /// group of its own that carries its figures.
    pub fn marks(&mut self, frame: &Frame, marks: &[Mark]) {
        self.plot(frame, |area| {
            for shape in marks.iter().flat_map(|m| &m.shapes) {
                shape.draw(area)?;
            }
            Ok(())
        });
        // plotters' SVG backend writes every shape as one line.
        let mut elements = inside_svg(&self.scratch).split_inclusive('\n');
        for mark in marks {
            mark.open(&mut self.body);
            for element in elements.by_ref().take(mark.shapes.len()) {
                self.body.push_str(element);
            }
            self.body.push_str("</g>");
        }
    }

    /// Runs plotters on the scratch buffer, which then holds an SVG document.
    fn plot(&mut self, frame: &Frame, shapes: impl FnOnce(&Area) -> Drawn) {
        self.scratch.clear();
        let root: DrawingArea<SVGBackend, Shift> =
            SVGBackend::with_string(&mut self.scratch, (self.width, SCRATCH_HEIGHT))
                .into_drawing_area();
        let area = root.apply_coord_spec(frame.coords.clone());
        shapes(&area).expect("drawing into a string cannot fail");
        root.present().expect("drawing into a string cannot fail");
    }

    /// The finished `<svg>`: sized in user units, scaling down with its
    /// container through `viewBox`, an image to assistive technology named by
    /// its title and described by `desc`.
    pub fn finish(self, height: f64, id: &str, class: &str, title: &str, desc: &str) -> String {
        let height = height.ceil() as u32;
        let mut out = String::with_capacity(self.body.len() + 512);
        let _ = write!(
            out,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"{class}\" width=\"{w}\" height=\"{height}\" viewBox=\"0 0 {w} {height}\" role=\"img\" aria-labelledby=\"{id}-title\" aria-describedby=\"{id}-desc\" fill=\"currentColor\" font-size=\"14\"><title id=\"{id}-title\">",
            w = self.width,
        );
        escape_into(&mut out, title);
        let _ = write!(out, "</title><desc id=\"{id}-desc\">");
        escape_into(&mut out, desc);
        out.push_str("</desc>");
        out.push_str(&self.body);
        out.push_str("</svg>");
        out
    }
}

/// The elements plotters wrote, without the `<svg …>` and `</svg>` its backend
/// puts around them.
fn inside_svg(document: &str) -> &str {
    let start = document.find(">\n").map_or(0, |i| i + 2);
    let end = document.rfind("</svg>").unwrap_or(document.len());
    document.get(start..end).unwrap_or_default()
}

/// Distance between baselines of wrapped lines.
pub fn line_height(size: f64) -> f64 {
    size * 1.35
}

/// Estimated width of `text` in em: full-width characters (kanji, kana,
/// full-width forms, and symbols a Japanese font draws wide) 1em, `%` 0.9em,
/// others 0.6em.
pub fn em_width(text: &str) -> f64 {
    text.chars()
        .map(|c| match c {
            '%' => 0.9,
            c if c.width_cjk() == Some(2) => 1.0,
            _ => 0.6,
        })
        .sum()
}

/// Estimated width of `text` in user units at `size`.
pub fn text_width(text: &str, size: f64) -> f64 {
    em_width(text) * size
}

/// Breaks `text` into lines no wider than `max` user units at `size`.
///
/// Japanese breaks between any two characters, except that closing
/// punctuation never starts a line (it stays at the end of the line before,
/// even past `max`) and runs of Latin letters and digits stay whole.
pub fn wrap(text: &str, size: f64, max: f64) -> Vec<String> {
    let max_em = (max / size).max(1.0);
    if em_width(text) <= max_em {
        return vec![text.to_string()];
    }
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    let mut width = 0.0;
    for unit in units(text) {
        let w = em_width(unit);
        let closing = unit.chars().next().is_some_and(no_line_start);
        if !line.is_empty() && width + w > max_em && !closing {
            lines.push(std::mem::take(&mut line));
            width = 0.0;
        }
        line.push_str(unit);
        width += w;
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

/// Pieces a line may break between: a run of Latin letters and digits, or one
/// other character.
fn units(text: &str) -> Vec<&str> {
    let mut units = Vec::new();
    let mut start = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c.is_ascii_alphanumeric() {
            while chars
                .peek()
                .is_some_and(|&(_, n)| n.is_ascii_alphanumeric() || n == '.' || n == '%')
            {
                chars.next();
            }
        }
        let end = chars.peek().map_or(text.len(), |&(j, _)| j);
        units.push(&text[start.max(i)..end]);
        start = end;
    }
    units
}

fn no_line_start(c: char) -> bool {
    "、。，．,.）)」』】〕・ー～ぁぃぅぇぉっゃゅょァィゥェォッャュョ！？!?：:；;%％".contains(c)
}

/// Writes a coordinate as SVG does: at most one decimal, no trailing `.0`.
pub fn push_num(out: &mut String, value: f64) {
    let tenths = (value * 10.0).round() as i64;
    if tenths < 0 {
        out.push('-');
    }
    let t = tenths.unsigned_abs();
    let _ = write!(out, "{}", t / 10);
    if !t.is_multiple_of(10) {
        let _ = write!(out, ".{}", t % 10);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_count_full_width_as_one_em() {
        assert_eq!(em_width("杵築市"), 3.0);
        assert!((em_width("68.6%") - 3.3).abs() < 1e-9);
        assert_eq!(em_width("◆①"), 2.0);
    }

    #[test]
    fn wrap_keeps_closing_punctuation_and_latin_words() {
        assert_eq!(wrap("杵築市", 10.0, 100.0), vec!["杵築市"]);
        assert_eq!(
            wrap("あいうえお、かきく", 10.0, 50.0),
            vec!["あいうえお、", "かきく"]
        );
        assert_eq!(wrap("FAXや郵送", 10.0, 20.0), vec!["FAX", "や郵", "送"]);
        assert_eq!(wrap("", 10.0, 50.0), vec![""]);
    }

    #[test]
    fn numbers_have_one_decimal_at_most() {
        let num = |v: f64| {
            let mut out = String::new();
            push_num(&mut out, v);
            out
        };
        assert_eq!(num(12.0), "12");
        assert_eq!(num(12.25), "12.3");
        assert_eq!(num(-0.5), "-0.5");
        assert_eq!(num(-3.5), "-3.5");
        assert_eq!(num(0.04), "0");
    }

    #[test]
    fn every_mark_holds_its_own_shapes() {
        let mut canvas = Canvas::new(100);
        let frame = Frame::new(0.0..10.0, 0.0..10.0, (0, 100), (100, 0));
        let mark = |value: &str, shapes: Vec<Shape>| Mark {
            class: "bar",
            data: vec![("value", value.to_string())],
            tooltip: format!("値 {value}"),
            shapes,
        };
        let rect = |x: f64| Shape::Rect([(0.0, 0.0), (x, 1.0)], BLACK.filled());
        let dot = Shape::Marker(MarkerKind::Circle, (5.0, 5.0), 3, BLACK.filled());
        canvas.marks(
            &frame,
            &[mark("1", vec![rect(1.0), dot]), mark("2", vec![rect(2.0)])],
        );
        let svg = canvas.finish(100.0, "t", "c", "題", "説明");
        let first =
            &svg[svg.find("data-value=\"1\"").unwrap()..svg.find("data-value=\"2\"").unwrap()];
        assert_eq!(first.matches("<rect").count(), 1);
        assert_eq!(first.matches("<circle").count(), 1);
        assert!(first.ends_with("</g><g class=\"bar\" "), "{first}");
        let second = &svg[svg.find("data-value=\"2\"").unwrap()..];
        assert!(
            second.contains("<title>値 2</title><rect x=\"0\" y=\"90\" width=\"20\""),
            "{second}"
        );
        assert!(second.ends_with("/>\n</g></svg>"), "{second}");
    }

    #[test]
    fn dashed_lines_are_one_element_each() {
        let mut canvas = Canvas::new(100);
        let frame = Frame::new(0.0..10.0, 0.0..10.0, (0, 100), (100, 0));
        canvas.draw_dashed(&frame, "6 4", |area| {
            area.draw(&PathElement::new(
                vec![(0.0, 0.0), (10.0, 10.0)],
                BLACK.stroke_width(2),
            ))
        });
        let svg = canvas.finish(100.0, "t", "c", "題", "説明");
        assert_eq!(
            svg.matches("<polyline stroke-dasharray=\"6 4\" ").count(),
            1,
            "{svg}"
        );
    }

    #[test]
    fn plotters_shapes_come_without_their_svg_wrapper() {
        let mut canvas = Canvas::new(100);
        let frame = Frame::new(0.0..10.0, 0.0..10.0, (0, 100), (100, 0));
        canvas.draw(&frame, |area| {
            area.draw(&Rectangle::new([(0.0, 0.0), (5.0, 5.0)], BLACK.filled()))
        });
        let svg = canvas.finish(100.0, "t", "c", "題", "説明");
        assert_eq!(svg.matches("<svg").count(), 1);
        assert!(
            svg.contains("<rect x=\"0\" y=\"50\" width=\"50\" height=\"50\""),
            "{svg}"
        );
        assert!(svg.contains("<title id=\"t-title\">題</title><desc id=\"t-desc\">説明</desc>"));
    }
}
