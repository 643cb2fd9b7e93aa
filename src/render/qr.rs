//! QR codes drawn at build time as SVG, so a printed flyer carries its
//! page's address without any script or image file.

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
    let mut path = String::new();
    for (i, color) in canvas.into_colors().into_iter().enumerate() {
        if color == Color::Dark {
            let (x, y) = (i % width + QUIET, i / width + QUIET);
            path.push_str(&format!("M{x} {y}h1v1h-1z"));
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
        assert!(svg.contains("M4 4h1v1h-1z"), "the finder pattern's corner");
        assert_eq!(
            svg,
            super::svg("https://example.jp/careplan/offices/4470100001/", "QR")
        );
    }
}
