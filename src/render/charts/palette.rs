//! The one palette every chart draws with.
//!
//! Series colours are the Okabe–Ito colours that keep at least 3:1 contrast
//! against the white page (its orange, sky blue and yellow do not), then two
//! darker neutrals. Colour is never the only cue: charts add markers, dashes,
//! outlines or numbered labels. Text is never coloured: it takes the page's
//! text colour.

use plotters::style::RGBColor;

/// Series colours, in the order series take them.
pub const SERIES: [RGBColor; 6] = [
    RGBColor(0x00, 0x72, 0xB2),
    RGBColor(0xD5, 0x5E, 0x00),
    RGBColor(0x00, 0x9E, 0x73),
    RGBColor(0xCC, 0x79, 0xA7),
    RGBColor(0x59, 0x59, 0x59),
    RGBColor(0x8F, 0x64, 0x00),
];

/// The colour of series `index` (the palette repeats after its last colour).
pub fn series(index: usize) -> RGBColor {
    SERIES[index % SERIES.len()]
}

/// Axis lines and outlines of empty parts (the not-adopted part of a bar).
pub const AXIS: RGBColor = RGBColor(0x59, 0x59, 0x59);

/// The reference line (the prefecture's rate).
pub const REFERENCE: RGBColor = RGBColor(0x1A, 0x1A, 0x1C);

/// Grid lines: a light aid to reading values, not information of their own.
pub const GRID: RGBColor = RGBColor(0xD4, 0xD4, 0xD8);

/// The page background the contrast is measured against.
pub const BACKGROUND: RGBColor = RGBColor(0xFF, 0xFF, 0xFF);

/// WCAG contrast ratio of two colours (1 to 21), for the tests of every
/// palette (the charts' and the map's).
#[cfg(test)]
pub fn contrast(a: RGBColor, b: RGBColor) -> f64 {
    let luminance = |RGBColor(r, g, b): RGBColor| {
        let channel = |c: u8| {
            let c = f64::from(c) / 255.0;
            if c <= 0.040_45 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)
    };
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_colour_that_carries_data_has_3_to_1_against_the_page() {
        for colour in SERIES.iter().chain([&AXIS, &REFERENCE]) {
            let ratio = contrast(*colour, BACKGROUND);
            assert!(ratio >= 3.0, "{colour:?} has only {ratio:.2}:1");
        }
    }

    #[test]
    fn the_reference_line_stands_out_on_a_bar() {
        assert!(contrast(REFERENCE, SERIES[0]) >= 3.0);
    }
}
