//! The invariants of the CLI's fuzz targets (`fuzz_targets/lines.rs`,
//! `fuzz_targets/json.rs`), in one copy shared with `tests/fuzz_corpus.rs`.
//! The code under test is the binary's own, included by path: the including
//! crate declares `mod lines;` (`src/cli/lines.rs`) and `mod jsonw;`
//! (`src/cli/jsonw.rs`) at its root.

use crate::jsonw;
use crate::lines;

/// `lines`, for input `CAPACITY MAX_LINE TEXT`: the lines of `TEXT` read
/// through a buffer of `1 + CAPACITY % 64` bytes with a line limit of
/// `MAX_LINE % 48` (so that straddling reads, CRs at buffer edges and long
/// lines all happen on short inputs) are exactly those of the plain
/// definition (`lines::reference_lines`); a line promised as buffered needs
/// no read; every byte is counted as consumed. Then the same with the real
/// limits over the whole input.
pub fn lines_input(data: &[u8]) {
    let (capacity, max_line, text) = match data {
        [c, m, text @ ..] => (1 + usize::from(*c) % 64, usize::from(*m) % 48, text),
        _ => (1, 0, data),
    };
    assert_eq!(
        lines::read_all(text, capacity, max_line),
        lines::reference_lines(text, max_line),
        "capacity {capacity}, max_line {max_line}"
    );
    assert_eq!(
        lines::read_all(data, lines::BUF, lines::MAX_LINE),
        lines::reference_lines(data, lines::MAX_LINE)
    );
}

/// `json`: any bytes written as a JSON string by the CLI's writer are
/// exactly what `serde_json` writes for the same bytes made UTF-8 by
/// `String::from_utf8_lossy`, and parse back to that string; valid UTF-8
/// written as text gives the same.
pub fn json_input(data: &[u8]) {
    let lossy = String::from_utf8_lossy(data);
    let expected = serde_json::to_string(&lossy).expect("a string serialises");
    let mut out = Vec::new();
    jsonw::lossy_string(&mut out, data);
    assert_eq!(String::from_utf8_lossy(&out), expected, "input {data:?}");
    let back: String = serde_json::from_slice(&out).expect("valid JSON");
    assert_eq!(back, lossy);
    if let Ok(text) = std::str::from_utf8(data) {
        let mut out = Vec::new();
        jsonw::string(&mut out, text);
        assert_eq!(out, expected.as_bytes());
    }
}
