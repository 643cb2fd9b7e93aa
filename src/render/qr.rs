//! QR codes drawn at build time as SVG, so a printed flyer carries its
//! page's address without any script or image file.

use std::fmt::Write as _;

use qrcode::canvas::{Canvas, MaskPattern};
use qrcode::{Color, EcLevel, bits, ec};

/// Modules of white around the code, as the standard asks.
const QUIET: usize = 4;

/// An SVG QR code of `text`: one path of dark modules on a white square,
/// scaled by the page's CSS. `label` is its accessible name.
pub fn svg(text: &str, label: &str) -> String {
    let bits =
        bits::encode_auto(text.as_bytes(), EcLevel::M).expect("a page address fits in a QR code");
    let version = bits.version();
    let (data, correction) = ec::construct_codewords(&bits.into_bytes(), version, EcLevel::M)
        .expect("codewords of an encoded address");
    let mut canvas = Canvas::new(version, EcLevel::M);
    canvas.draw_all_functional_patterns();
    canvas.draw_data(&data, &correction);
    // One fixed mask rather than the best of eight: scoring all eight was a
    // third of a build's time with a page per office, and any mask decodes.
    canvas.apply_mask(MaskPattern::Checkerboard);
    let width = usize::try_from(version.width()).expect("a QR code is 21 to 177 modules wide");
    let size = width + 2 * QUIET;
    // One subpath per run of dark modules in a row, written into one buffer
    // without allocating per module (bench/README.md, "Build and scaling").
    let colors = canvas.into_colors();
    let mut path = String::with_capacity(colors.len() * 4);
    for (y, row) in colors.chunks(width).enumerate() {
        let mut x = 0;
        while x < width {
            if row[x] != Color::Dark {
                x += 1;
                continue;
            }
            let run = row[x..].iter().take_while(|&&c| c == Color::Dark).count();
            let _ = write!(path, "M{} {}h{run}v1h-{run}z", x + QUIET, y + QUIET);
            x += run;
        }
    }
    format!(
        "<svg class=\"qr\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {size} {size}\" role=\"img\" aria-label=\"{}\" shape-rendering=\"crispEdges\"><rect width=\"{size}\" height=\"{size}\" fill=\"#fff\"/><path d=\"{path}\" fill=\"#000\"/></svg>",
        super::format::escape(label)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn draws_a_square_code_with_a_quiet_zone() {
        let svg = svg("https://example.jp/careplan/offices/4470100001/", "QR");
        assert!(svg.starts_with("<svg class=\"qr\""), "{svg}");
        assert!(
            svg.contains("viewBox=\"0 0 41 41\""),
            "version 4 is 33 modules: {svg}"
        );
        assert!(
            svg.contains("M4 4h7v1h-7z"),
            "the finder pattern's top edge"
        );
        assert_eq!(
            svg,
            super::svg("https://example.jp/careplan/offices/4470100001/", "QR")
        );
    }
}
