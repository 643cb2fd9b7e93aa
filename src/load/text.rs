//! Turning the bytes of an input file into text.
//!
//! Prefectures receive CSVs saved by Excel on Windows (Shift_JIS, CRLF) as often
//! as UTF-8 ones, so every file is sniffed: valid UTF-8 (BOM or not) is UTF-8,
//! anything else is read as CP932. A file that is neither is refused with the
//! line of the first bad byte rather than read as mojibake.

use std::path::Path;

use encoding_rs::SHIFT_JIS;

use crate::diag::Diagnostic;

/// Reads a file relative to the site root and decodes it.
pub fn read(root: &Path, rel: &Path) -> Result<String, Diagnostic> {
    let bytes = std::fs::read(root.join(rel))
        .map_err(|e| Diagnostic::error(rel, format!("cannot read the file: {e}")))?;
    decode(&bytes).map_err(|(line, message)| Diagnostic::error(rel, message).at_line(line))
}

/// Decodes UTF-8 (with or without BOM) or CP932; the error carries its line.
pub fn decode(bytes: &[u8]) -> Result<String, (usize, String)> {
    if let Some(at) = bytes.iter().position(|&b| b == 0) {
        return Err((
            line_of(bytes, at),
            "the file contains NUL bytes: it is not a text file (expected UTF-8 or Shift_JIS text)"
                .to_string(),
        ));
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let utf8_error = match std::str::from_utf8(bytes) {
        Ok(text) => return Ok(text.to_owned()),
        Err(e) => e,
    };
    let valid = &bytes[..utf8_error.valid_up_to()];
    // Japanese text already read as UTF-8 before the bad byte means the file
    // is UTF-8 with damage (or mixes encodings), not Shift_JIS.
    if !valid.is_ascii() {
        return Err((
            line_of(bytes, valid.len()),
            "the file is UTF-8 up to this line but has bytes here that are not UTF-8 (mixed encodings?); save the whole file as UTF-8".to_string(),
        ));
    }
    let (text, had_errors) = SHIFT_JIS.decode_without_bom_handling(bytes);
    if !had_errors {
        return Ok(text.into_owned());
    }
    let line = bytes
        .split(|&b| b == b'\n')
        .position(|line| SHIFT_JIS.decode_without_bom_handling(line).1)
        .map_or(1, |index| index + 1);
    Err((
        line,
        "bytes here are valid neither as UTF-8 nor as Shift_JIS (CP932); save the file as UTF-8"
            .to_string(),
    ))
}

/// The 1-based line of a byte offset.
fn line_of(bytes: &[u8], offset: usize) -> usize {
    bytes[..offset].iter().filter(|&&b| b == b'\n').count() + 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_utf8_with_bom() {
        assert_eq!(decode("\u{feff}大分市".as_bytes()).unwrap(), "大分市");
    }

    #[test]
    fn reads_cp932_extensions() {
        let (bytes, _, _) = SHIFT_JIS.encode("髙橋①～");
        assert_eq!(decode(&bytes).unwrap(), "髙橋①～");
    }

    #[test]
    fn refuses_utf8_damaged_on_a_later_line() {
        let mut bytes = "a,b\n大分,1\n".as_bytes().to_vec();
        bytes.extend_from_slice(b"\xff\xfe,2\n");
        let (line, message) = decode(&bytes).unwrap_err();
        assert_eq!(line, 3);
        assert!(message.contains("mixed encodings"));
    }

    #[test]
    fn refuses_nul_bytes_with_their_line() {
        let (line, message) = decode(b"a\nb\0").unwrap_err();
        assert_eq!(line, 2);
        assert!(message.contains("NUL"));
    }

    #[test]
    fn refuses_bytes_valid_in_neither() {
        let (line, _) = decode(b"a,b\n\x82\xa0ok\n\x85\xff\n").unwrap_err();
        assert_eq!(line, 3);
    }
}
