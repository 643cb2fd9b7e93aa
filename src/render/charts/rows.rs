//! Rows of a label, a bar and a figure (service types, survey choices).
//!
//! On a wide drawing the three sit side by side, the label wrapped in a
//! column; on a narrow one the label and figure go above the bar, since a
//! long label and a bar cannot share a phone's width.

use super::svg::{Anchor, Canvas, Font, line_height, text_width, wrap};

/// Where every row puts its label, bar and figure.
pub struct Rows {
    font: Font,
    width: f64,
    /// Width of the label column when labels sit beside the bars.
    beside: Option<f64>,
    /// Left and right end of the longest bar.
    pub bar: (f64, f64),
    pub bar_height: f64,
}

/// Where one row's bar goes and where the next row starts.
pub struct Row {
    pub bar_top: f64,
    pub next: f64,
}

impl Rows {
    /// Lays out rows for these labels and figures on a canvas `width` wide.
    pub fn new(width: f64, font: Font, beside: bool, labels: &[&str], figures: &[String]) -> Rows {
        let f = font.size;
        let bar_height = (f * 1.2).round();
        if !beside {
            return Rows {
                font,
                width,
                beside: None,
                bar: (0.0, width - 2.0),
                bar_height,
            };
        }
        let widest = |texts: &mut dyn Iterator<Item = &str>| {
            texts.map(|t| text_width(t, f)).fold(0.0, f64::max).ceil()
        };
        let label_width = widest(&mut labels.iter().copied()).min(width * 0.4);
        let figure_width = widest(&mut figures.iter().map(String::as_str));
        Rows {
            font,
            width,
            beside: Some(label_width),
            bar: (label_width + 12.0, width - figure_width - 12.0),
            bar_height,
        }
    }

    /// Writes a row's label and figure from `y` down.
    pub fn row(&self, canvas: &mut Canvas, y: f64, label: &str, figure: &str) -> Row {
        let f = self.font.size;
        let figure_font = Font::new(f).anchor(Anchor::End);
        match self.beside {
            Some(label_width) => {
                let lines = wrap(label, f, label_width);
                let text_height = lines.len() as f64 * line_height(f);
                let height = (self.bar_height + f * 0.9).max(text_height + 6.0);
                let middle = y + height / 2.0;
                let first = middle - text_height / 2.0 + line_height(f) / 2.0 + f * 0.35;
                canvas.lines(0.0, first, &lines, self.font);
                canvas.text(self.width, middle + f * 0.35, figure, figure_font);
                Row {
                    bar_top: middle - self.bar_height / 2.0,
                    next: y + height,
                }
            }
            None => {
                let lines = wrap(label, f, self.width);
                let last_width = lines.last().map_or(0.0, |l| text_width(l, f));
                let shares_line = last_width + f + text_width(figure, f) <= self.width;
                let baseline = y + f * 1.2;
                canvas.lines(0.0, baseline, &lines, self.font);
                let figure_line = lines.len() - usize::from(shares_line);
                let figure_baseline = baseline + figure_line as f64 * line_height(f);
                canvas.text(self.width, figure_baseline, figure, figure_font);
                let bar_top = figure_baseline + f * 0.45 + 2.0;
                Row {
                    bar_top,
                    next: bar_top + self.bar_height + f * 0.9,
                }
            }
        }
    }
}
