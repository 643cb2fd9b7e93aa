//! Turning the bytes of an input file into text.
//!
//! Prefectures receive CSVs saved by Excel on Windows (Shift_JIS, CRLF) as often
//! as UTF-8 ones, so every file is sniffed: valid UTF-8 (BOM or not) is UTF-8,
//! anything else is read as CP932. A file that is neither is refused with the
//! line of the first bad byte rather than read as mojibake.
//!
//! Every text renkei reads (CSV, Markdown, TOML) comes through [`read`], so
//! this is also where text is made safe for what follows: a line longer
//! than [`MAX_LINE`] is refused while the file is read (a file without line
//! breaks never fills the memory), old Mac line ends (a lone CR) become LF,
//! and control characters, which break XML feeds and the terminal, are
//! removed with a warning naming their line.

use std::io::{BufRead, BufReader};
use std::path::Path;

use encoding_rs::{DecoderResult, Encoding, SHIFT_JIS, UTF_16BE, UTF_16LE};

use super::limits::{self, MAX_CONTROL_WARNINGS, MAX_LINE};
use crate::diag::{Diagnostic, Diagnostics};
use crate::messages::common;
use crate::messages::load::ReadMsg;

/// Reads a file relative to the site root and decodes and cleans it; every
/// finding goes to `diags`, and `None` means the file is unusable.
pub fn read(root: &Path, rel: &Path, diags: &mut Diagnostics) -> Option<String> {
    read_file(&root.join(rel), rel, diags)
}

/// [`read`] for a file anywhere, named `shown` in findings.
///
/// The bytes are read once and, when they are UTF-8, become the text without
/// a copy: a 200 MB file costs 200 MB, not twice that.
pub fn read_file(path: &Path, shown: &Path, diags: &mut Diagnostics) -> Option<String> {
    let bytes = match read_lines_bounded(path) {
        Ok(bytes) => bytes,
        Err(Unread::Io(e)) => {
            diags.push(Diagnostic::error(shown, unreadable(&e)));
            return None;
        }
        Err(Unread::LongLine(line)) => {
            diags.push(
                Diagnostic::error(
                    shown,
                    ReadMsg::LongLine {
                        limit: limits::size(MAX_LINE as u64),
                    },
                )
                .at_line(line),
            );
            return None;
        }
    };
    match decode_owned(bytes) {
        Ok(text) => Some(clean(text, shown, diags)),
        Err((line, message)) => {
            diags.push(Diagnostic::error(shown, message).at_line(line));
            None
        }
    }
}

/// A file the operating system would not let renkei read, in words.
pub fn unreadable(error: &std::io::Error) -> ReadMsg {
    ReadMsg::FileUnreadable {
        reason: common::io(error),
    }
}

/// Why a file's bytes were not read.
enum Unread {
    Io(std::io::Error),
    /// The 1-based line that is longer than [`MAX_LINE`].
    LongLine(usize),
}

/// The bytes of a file, read in chunks that are checked as they come, so a
/// line over [`MAX_LINE`] stops the reading there.
fn read_lines_bounded(path: &Path) -> Result<Vec<u8>, Unread> {
    let file = std::fs::File::open(path).map_err(Unread::Io)?;
    let size = file.metadata().map_or(0, |m| m.len());
    let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
    let mut reader = BufReader::with_capacity(64 * 1024, file);
    let (mut line, mut length, mut after_cr) = (1, 0, false);
    loop {
        let chunk = reader.fill_buf().map_err(Unread::Io)?;
        if chunk.is_empty() {
            return Ok(bytes);
        }
        for &b in chunk {
            match b {
                b'\n' => {
                    line += usize::from(!after_cr);
                    length = 0;
                }
                b'\r' => {
                    line += 1;
                    length = 0;
                }
                _ => {
                    length += 1;
                    if length > MAX_LINE {
                        return Err(Unread::LongLine(line));
                    }
                }
            }
            after_cr = b == b'\r';
        }
        let read = chunk.len();
        bytes.extend_from_slice(chunk);
        reader.consume(read);
    }
}

/// Whether a character is removed from every text: control characters
/// (C0 but tab, line feed and carriage return; DEL; C1) and noncharacters
/// (U+FFFE, U+FFFF, U+FDD0..U+FDEF and their kin in every plane), none of
/// which may appear in XML or be shown on a page.
pub fn is_unwanted(c: char) -> bool {
    match c {
        '\t' | '\n' | '\r' => false,
        '\u{fdd0}'..='\u{fdef}' => true,
        c => c.is_control() || (c as u32) & 0xfffe == 0xfffe,
    }
}

/// The text with lone CRs made LF and [unwanted](is_unwanted) characters
/// removed, each line that had one reported. No copy when there is nothing
/// to change.
pub fn clean(text: String, rel: &Path, diags: &mut Diagnostics) -> String {
    let bytes = text.as_bytes();
    let lone_cr = bytes
        .iter()
        .enumerate()
        .any(|(i, &b)| b == b'\r' && bytes.get(i + 1) != Some(&b'\n'));
    let text = if lone_cr { lone_crs_to_lf(&text) } else { text };
    if !text.chars().any(is_unwanted) {
        return text;
    }
    let mut reported = 0;
    // The first line beyond the warnings shown, and how many lines there are.
    let mut more: Option<(usize, usize)> = None;
    for (index, line) in text.split('\n').enumerate() {
        let Some(column) = line.chars().position(is_unwanted) else {
            continue;
        };
        if reported == MAX_CONTROL_WARNINGS {
            match &mut more {
                Some((_, count)) => *count += 1,
                None => more = Some((index + 1, 1)),
            }
            continue;
        }
        reported += 1;
        let mut found: Vec<String> = line
            .chars()
            .filter(|&c| is_unwanted(c))
            .map(|c| format!("U+{:04X}", c as u32))
            .collect();
        found.sort();
        found.dedup();
        diags.push(
            Diagnostic::warning(
                rel,
                ReadMsg::ControlChars {
                    found: found.join(", "),
                },
            )
            .at_line(index + 1)
            .at_column(column + 1),
        );
    }
    if let Some((first, count)) = more {
        diags.push(Diagnostic::warning(rel, ReadMsg::ControlCharsMore { count }).at_line(first));
    }
    text.chars().filter(|&c| !is_unwanted(c)).collect()
}

/// A string read from TOML, whose escapes (`\u001b`) can make any
/// character, with [unwanted](is_unwanted) ones removed and reported as
/// being in `key` (on `line` when known).
pub fn clean_value(
    value: String,
    rel: &Path,
    line: Option<usize>,
    key: &str,
    diags: &mut Diagnostics,
) -> String {
    if !value.chars().any(is_unwanted) {
        return value;
    }
    let mut d = Diagnostic::warning(
        rel,
        ReadMsg::ControlCharsInValue {
            key: key.to_string(),
        },
    );
    if let Some(line) = line {
        d = d.at_line(line);
    }
    diags.push(d);
    value.chars().filter(|&c| !is_unwanted(c)).collect()
}

/// Lone CRs replaced by LF; CRLF stays CRLF.
fn lone_crs_to_lf(text: &str) -> String {
    let mut fixed = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\r' && chars.peek() != Some(&'\n') {
            fixed.push('\n');
        } else {
            fixed.push(c);
        }
    }
    fixed
}

const BOM: &[u8] = b"\xEF\xBB\xBF";

/// Decodes UTF-8 (with or without BOM), UTF-16 with its BOM (Excel's
/// 「Unicode テキスト」) or CP932; the error carries its line.
pub fn decode(bytes: &[u8]) -> Result<String, (usize, ReadMsg)> {
    if let Some(utf16) = utf16(bytes) {
        return utf16;
    }
    check_nul(bytes)?;
    let bytes = bytes.strip_prefix(BOM).unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(text.to_owned()),
        Err(e) => decode_not_utf8(bytes, e.valid_up_to()),
    }
}

/// [`decode`] taking the bytes by value, so UTF-8 is not copied.
pub fn decode_owned(mut bytes: Vec<u8>) -> Result<String, (usize, ReadMsg)> {
    if let Some(utf16) = utf16(&bytes) {
        return utf16;
    }
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

/// Text that starts with a UTF-16 byte order mark, decoded; `None` for
/// any other text. A lone surrogate is an error on its line.
fn utf16(bytes: &[u8]) -> Option<Result<String, (usize, ReadMsg)>> {
    let (encoding, bom_length) = Encoding::for_bom(bytes)?;
    if encoding != UTF_16LE && encoding != UTF_16BE {
        return None;
    }
    let (text, malformed) = encoding.decode_without_bom_handling(&bytes[bom_length..]);
    if malformed {
        let bad = text.find('\u{fffd}').unwrap_or(0);
        let line = text[..bad].matches('\n').count() + 1;
        return Some(Err((line, ReadMsg::Utf16Damaged)));
    }
    Some(Ok(text.into_owned()))
}

fn check_nul(bytes: &[u8]) -> Result<(), (usize, ReadMsg)> {
    match bytes.iter().position(|&b| b == 0) {
        Some(at) => Err((line_of(bytes, at), ReadMsg::NulBytes)),
        None => Ok(()),
    }
}

/// Bytes that are not UTF-8 from `valid_up_to` on: CP932, or an error.
fn decode_not_utf8(bytes: &[u8], valid_up_to: usize) -> Result<String, (usize, ReadMsg)> {
    let valid = &bytes[..valid_up_to];
    // Japanese text already read as UTF-8 before the bad byte means the file
    // is UTF-8 with damage (or mixes encodings), not Shift_JIS.
    if !valid.is_ascii() {
        return Err((line_of(bytes, valid.len()), ReadMsg::Utf8Damaged));
    }
    // Shift_JIS and UTF-8 lines in one file: a line that is Japanese in
    // UTF-8 gives the UTF-8 part away (Shift_JIS text practically never is).
    if let Some(utf8_line) = utf8_japanese_line(bytes) {
        return Err((
            line_of(bytes, valid_up_to),
            ReadMsg::MixedEncodings { utf8_line },
        ));
    }
    if let Some(text) = SHIFT_JIS.decode_without_bom_handling_and_without_replacement(bytes) {
        return Ok(text.into_owned());
    }
    Err((
        line_of(bytes, shift_jis_error_offset(bytes)),
        ReadMsg::NeitherEncoding,
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
        assert_eq!(message, ReadMsg::Utf8Damaged);
    }

    #[test]
    fn refuses_shift_jis_followed_by_utf8() {
        let mut bytes = SHIFT_JIS.encode("code,name\n1,大分市\n").0.into_owned();
        bytes.extend_from_slice("2,別府市\n".as_bytes());
        let (line, message) = decode(&bytes).unwrap_err();
        assert_eq!(line, 2);
        assert_eq!(message, ReadMsg::MixedEncodings { utf8_line: 3 });
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
    fn reads_utf16_with_either_byte_order() {
        let text = "事業所番号\t連携実績\r\n4471000011\t○\r\n";
        let little: Vec<u8> = [0xff, 0xfe]
            .into_iter()
            .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        let big: Vec<u8> = [0xfe, 0xff]
            .into_iter()
            .chain(text.encode_utf16().flat_map(u16::to_be_bytes))
            .collect();
        assert_eq!(decode(&little).unwrap(), text);
        assert_eq!(decode_owned(big).unwrap(), text);
        let mut damaged = little.clone();
        damaged.extend_from_slice(&[0x00, 0xd8, 0x41, 0x00]);
        assert_eq!(decode(&damaged).unwrap_err(), (3, ReadMsg::Utf16Damaged));
    }

    #[test]
    fn refuses_nul_bytes_with_their_line() {
        let (line, message) = decode(b"a\nb\0").unwrap_err();
        assert_eq!(line, 2);
        assert_eq!(message, ReadMsg::NulBytes);
    }

    fn cleaned(text: &str) -> (String, Vec<String>) {
        let mut diags = Diagnostics::default();
        let text = clean(text.to_string(), Path::new("content/a.md"), &mut diags);
        (text, diags.into_iter().map(|d| d.to_string()).collect())
    }

    #[test]
    fn lone_carriage_returns_become_line_feeds() {
        assert_eq!(
            cleaned("+++\rtitle = \"a\"\r+++\r").0,
            "+++\ntitle = \"a\"\n+++\n"
        );
        assert_eq!(cleaned("a\r\nb\rc\r\n").0, "a\r\nb\nc\r\n");
        assert_eq!(
            cleaned("a\r\n\tb\n"),
            ("a\r\n\tb\n".to_string(), Vec::new())
        );
    }

    #[test]
    fn control_characters_are_removed_and_their_lines_named() {
        let (text, warnings) = cleaned("ok\n\u{1b}[31m赤\u{7}\u{1b}\nx\u{fffe}\u{85}y\n");
        assert_eq!(text, "ok\n[31m赤\nxy\n");
        assert_eq!(
            warnings,
            [
                "warning: content/a.md:2:1: removed the control character U+0007, U+001B from this line: it cannot be shown on a page or in a feed (pasted from another program?)",
                "warning: content/a.md:3:2: removed the control character U+0085, U+FFFE from this line: it cannot be shown on a page or in a feed (pasted from another program?)",
            ]
        );
        let many = "\u{1}\n".repeat(MAX_CONTROL_WARNINGS + 5);
        let (text, warnings) = cleaned(&many);
        assert_eq!(text, "\n".repeat(MAX_CONTROL_WARNINGS + 5));
        assert_eq!(warnings.len(), MAX_CONTROL_WARNINGS + 1);
        assert_eq!(
            warnings[MAX_CONTROL_WARNINGS],
            "warning: content/a.md:21: removed control characters from 5 more line(s), from this one on"
        );
    }

    #[test]
    fn a_line_over_the_limit_stops_the_reading_with_its_line() {
        let dir = tempfile::tempdir().unwrap();
        let mut bytes = b"a\r\nb\rc\n".to_vec();
        bytes.extend(std::iter::repeat_n(b'x', MAX_LINE + 1));
        std::fs::write(dir.path().join("big.csv"), &bytes).unwrap();
        let mut diags = Diagnostics::default();
        assert!(read(dir.path(), Path::new("big.csv"), &mut diags).is_none());
        assert_eq!(
            diags.into_iter().map(|d| d.to_string()).collect::<Vec<_>>(),
            [
                "error: big.csv:4: this line is longer than 1.0 MB, the most renkei reads in one line: is the file saved without line breaks, or not a text file?"
            ]
        );
        bytes.truncate(bytes.len() - 1);
        std::fs::write(dir.path().join("big.csv"), &bytes).unwrap();
        let mut diags = Diagnostics::default();
        assert!(read(dir.path(), Path::new("big.csv"), &mut diags).is_some());
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
