//! Rows whose label sits above the bar rather than beside it, for labels too
//! long to share a phone's width with a bar (service types, survey choices).

use super::svg::{Anchor, Canvas, Font, line_height, text_width, wrap};

/// Writes `label` from `y` down, wrapped to the canvas width, with `figure`
/// right-aligned on the label's last line when both fit, else on a line of
/// its own. Returns the y below the text.
pub fn label(canvas: &mut Canvas, y: f64, label: &str, figure: &str, font: Font) -> f64 {
    let width = canvas.width();
    let f = font.size;
    let figure_width = text_width(figure, f);
    let lines = wrap(label, f, width);
    let last_width = lines.last().map_or(0.0, |l| text_width(l, f));
    let shares_line = last_width + f + figure_width <= width;
    let baseline = y + f;
    canvas.lines(0.0, baseline, &lines, font);
    let mut figure_line = lines.len() as f64 - 1.0;
    if !shares_line {
        figure_line += 1.0;
    }
    let figure_baseline = baseline + figure_line * line_height(f);
    canvas.text(
        width,
        figure_baseline,
        figure,
        Font::new(f).anchor(Anchor::End),
    );
    figure_baseline + f * 0.45
}
