//! The map's colours, each a Digital Agency design token of the theme
//! (`themes/default/static/css/tokens.css`; a test keeps them equal).
//!
//! Five blues from light to dark for the rate classes, a grey for no data.
//! Every shape and legend swatch is outlined in a grey with 3:1 against the
//! page, so even the lightest class is a visible shape; hatching is drawn in
//! black or white, whichever keeps 3:1 against the class it crosses. Colour is
//! never the only cue: every link names its rate, and the table has them all.

use plotters::style::RGBColor;

/// A colour of the map.
#[derive(Debug, Clone, Copy)]
pub struct Colour(pub RGBColor);

impl Colour {
    /// `#rrggbb`, as SVG attributes take it (and tokens.css spells it).
    pub fn hex(self) -> String {
        let RGBColor(r, g, b) = self.0;
        format!("#{r:02x}{g:02x}{b:02x}")
    }
}

/// The rate classes, lowest first.
pub const CLASSES: [Colour; 5] = [
    // --color-primitive-blue-200
    Colour(RGBColor(0xc5, 0xd7, 0xfb)),
    // --color-primitive-blue-400
    Colour(RGBColor(0x70, 0x96, 0xf8)),
    // --color-primitive-blue-600
    Colour(RGBColor(0x34, 0x60, 0xfb)),
    // --color-primitive-blue-900
    Colour(RGBColor(0x00, 0x17, 0xc1)),
    // --color-primitive-blue-1200
    Colour(RGBColor(0x00, 0x00, 0x60)),
];

/// A place with no offices, so no rate.
pub const NO_DATA: Colour = Colour(RGBColor(0xe6, 0xe6, 0xe6)); // --color-neutral-solid-gray-100

/// Borders between shapes and around legend swatches.
pub const OUTLINE: Colour = Colour(RGBColor(0x66, 0x66, 0x66)); // --color-neutral-solid-gray-600

const HATCH_ON_LIGHT: Colour = Colour(RGBColor(0x1a, 0x1a, 0x1a)); // --color-neutral-solid-gray-900
const HATCH_ON_DARK: Colour = Colour(RGBColor(0xff, 0xff, 0xff)); // --color-neutral-white

/// The hatch lines drawn over class `class`.
pub fn hatch(class: usize) -> Colour {
    if class < 2 {
        HATCH_ON_LIGHT
    } else {
        HATCH_ON_DARK
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::charts::palette::{BACKGROUND, contrast};

    const TOKENS: &str = include_str!("../../../themes/default/static/css/tokens.css");

    #[test]
    fn every_colour_is_its_design_token() {
        let all = CLASSES
            .iter()
            .chain([&NO_DATA, &OUTLINE, &HATCH_ON_LIGHT, &HATCH_ON_DARK]);
        for colour in all {
            let value = format!(": {};", colour.hex());
            assert!(
                TOKENS.contains(&value),
                "{} is not a design token",
                colour.hex()
            );
        }
    }

    #[test]
    fn outlines_and_hatching_keep_3_to_1() {
        assert!(contrast(OUTLINE.0, BACKGROUND) >= 3.0);
        for (class, colour) in CLASSES.iter().enumerate() {
            let ratio = contrast(hatch(class).0, colour.0);
            assert!(ratio >= 3.0, "class {class}: {ratio:.2}:1");
        }
    }
}
