//! QR codes drawn at build time as SVG, so a printed flyer carries its
//! page's address without any script or image file.

use qrcode::{Color, EcLevel, QrCode};

/// Modules of white around the code, as the standard asks.
const QUIET: usize = 4;

/// An SVG QR code of `text`: one path of dark modules on a white square,
/// scaled by the page's CSS. `label` is its accessible name.
pub fn svg(text: &str, label: &str) -> String {
    let code = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::M)
        .expect("a page address fits in a QR code");
    let width = code.width();
    let size = width + 2 * QUIET;
    let mut path = String::new();
    for (i, color) in code.to_colors().into_iter().enumerate() {
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
