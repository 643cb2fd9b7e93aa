//! Turning the bytes of an input file into text.
//!
//! Prefectures receive CSVs saved by Excel on Windows (Shift_JIS, CRLF) as often
//! as UTF-8 ones, so every file is sniffed: valid UTF-8 (BOM or not) is UTF-8,
//! anything else is read as CP932. A file that is neither is refused with the
//! line of the first bad byte rather than read as mojibake.

use std::path::Path;

use encoding_rs::{DecoderResult, SHIFT_JIS};

use crate::diag::Diagnostic;

/// Reads a file relative to the site root and decodes it.
///
/// The bytes are read once and, when they are UTF-8, become the text without
/// a copy: a 200 MB file costs 200 MB, not twice that.
pub fn read(root: &Path, rel: &Path) -> Result<String, Diagnostic> {
    let bytes = std::fs::read(root.join(rel))
        .map_err(|e| Diagnostic::error(rel, format!("cannot read the file: {e}")))?;
    decode_owned(bytes).map_err(|(line, message)| Diagnostic::error(rel, message).at_line(line))
}

const BOM: &[u8] = b"\xEF\xBB\xBF";

/// Decodes UTF-8 (with or without BOM) or CP932; the error carries its line.
pub fn decode(bytes: &[u8]) -> Result<String, (usize, String)> {
    check_nul(bytes)?;
    let bytes = bytes.strip_prefix(BOM).unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(text.to_owned()),
        Err(e) => decode_not_utf8(bytes, e.valid_up_to()),
    }
}

/// [`decode`] taking the bytes by value, so UTF-8 is not copied.
pub fn decode_owned(mut bytes: Vec<u8>) -> Result<String, (usize, String)> {
    check_nul(&bytes)?;
    if bytes.starts_with(BOM) {
        bytes.drain(..BOM.len());
    }
    match String::from_utf8(bytes) {
        Ok(text) => Ok(text),
        Err(e) => {
            let valid_up_to = e.utf8_error().valid_up_to();
            decode_not_utf8(e.as_bytes(), valid_up_to)
        }
    }
}

fn check_nul(bytes: &[u8]) -> Result<(), (usize, String)> {
    match bytes.iter().position(|&b| b == 0) {
        Some(at) => Err((
            line_of(bytes, at),
            "the file contains NUL bytes: it is not a text file (expected UTF-8 or Shift_JIS text)"
                .to_string(),
        )),
        None => Ok(()),
    }
}

/// Bytes that are not UTF-8 from `valid_up_to` on: CP932, or an error.
fn decode_not_utf8(bytes: &[u8], valid_up_to: usize) -> Result<String, (usize, String)> {
    let valid = &bytes[..valid_up_to];
    // Japanese text already read as UTF-8 before the bad byte means the file
    // is UTF-8 with damage (or mixes encodings), not Shift_JIS.
    if !valid.is_ascii() {
        return Err((
            line_of(bytes, valid.len()),
            "the file is UTF-8 up to this line but has bytes here that are not UTF-8 (mixed encodings?); save the whole file as UTF-8".to_string(),
        ));
    }
    // Shift_JIS and UTF-8 lines in one file: a line that is Japanese in
    // UTF-8 gives the UTF-8 part away (Shift_JIS text practically never is).
    if let Some(utf8_line) = utf8_japanese_line(bytes) {
        return Err((
            line_of(bytes, valid_up_to),
            format!(
                "this line is not UTF-8 (Shift_JIS?) but line {utf8_line} is UTF-8: the file mixes encodings; save the whole file as UTF-8"
            ),
        ));
    }
    if let Some(text) = SHIFT_JIS.decode_without_bom_handling_and_without_replacement(bytes) {
        return Ok(text.into_owned());
    }
    Err((
        line_of(bytes, shift_jis_error_offset(bytes)),
        "bytes here are valid neither as UTF-8 nor as Shift_JIS (CP932); save the file as UTF-8"
            .to_string(),
    ))
}

/// The offset of the first byte sequence that is not Shift_JIS, found by
/// decoding through a small buffer (no second copy of a large file).
fn shift_jis_error_offset(bytes: &[u8]) -> usize {
    let mut decoder = SHIFT_JIS.new_decoder_without_bom_handling();
    let mut buffer = [0u8; 8192];
    let mut at = 0;
    loop {
        let (result, read, _) =
            decoder.decode_to_utf8_without_replacement(&bytes[at..], &mut buffer, true);
        at += read;
        match result {
            DecoderResult::OutputFull => {}
            DecoderResult::InputEmpty => return bytes.len(),
            DecoderResult::Malformed(bad, after) => {
                return at.saturating_sub(usize::from(bad) + usize::from(after));
            }
        }
    }
}

/// The first line (1-based) that is valid UTF-8 with at least two Japanese
/// characters: Shift_JIS text practically never is.
fn utf8_japanese_line(bytes: &[u8]) -> Option<usize> {
    let japanese = |c: char| matches!(c, '\u{3040}'..='\u{30ff}' | '\u{4e00}'..='\u{9fff}' | '\u{ff01}'..='\u{ff5e}');
    bytes
        .split(|&b| b == b'\n')
        .position(|line| {
            !line.is_ascii()
                && std::str::from_utf8(line)
                    .is_ok_and(|s| s.chars().filter(|&c| japanese(c)).count() >= 2)
        })
        .map(|index| index + 1)
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
    fn refuses_shift_jis_followed_by_utf8() {
        let mut bytes = SHIFT_JIS.encode("code,name\n1,大分市\n").0.into_owned();
        bytes.extend_from_slice("2,別府市\n".as_bytes());
        let (line, message) = decode(&bytes).unwrap_err();
        assert_eq!(line, 2);
        assert!(message.contains("line 3 is UTF-8"), "{message}");
    }

    #[test]
    fn owned_decoding_matches_borrowed() {
        for bytes in [
            "\u{feff}a,b\n大分\n".as_bytes().to_vec(),
            SHIFT_JIS.encode("髙橋①").0.into_owned(),
            b"a\n\x85\xff".to_vec(),
        ] {
            assert_eq!(decode(&bytes), decode_owned(bytes.clone()));
        }
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
        let mut long = b"a\n".repeat(10_000);
        long.extend_from_slice(b"\x82\xa0\n\x82\n");
        assert_eq!(decode(&long).unwrap_err().0, 10_002);
    }
}
