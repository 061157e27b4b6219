//! A JSON writer into a byte buffer, for the CLI's records: strings escaped
//! exactly as `serde_json` escapes them, and no allocation per record.
//!
//! `serde_json` writes `"` and `\` escaped, the controls U+0000 to U+001F as
//! `\b \t \n \f \r` where JSON has a short form and `\u00xx` (lowercase hex)
//! otherwise, and everything else (DEL, non-ASCII, non-BMP) as its UTF-8
//! bytes. Invalid UTF-8 is written as `String::from_utf8_lossy` would make
//! it: one U+FFFD per maximal invalid sequence.
//!
//! This file uses only `std`, so the fuzz target `fuzz/fuzz_targets/json.rs`
//! includes it as it is (`#[path]`) and compares it with `serde_json`.

/// What a byte becomes in a JSON string: 0 as it is, `u` as `\u00xx`, else
/// the letter of a short escape.
const ESCAPE: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut b = 0;
    while b < 0x20 {
        table[b] = b'u';
        b += 1;
    }
    table[0x08] = b'b';
    table[0x09] = b't';
    table[0x0A] = b'n';
    table[0x0C] = b'f';
    table[0x0D] = b'r';
    table[b'"' as usize] = b'"';
    table[b'\\' as usize] = b'\\';
    table
};

const HEX: &[u8; 16] = b"0123456789abcdef";

/// Writes `s` as a JSON string, quotes included.
pub fn string(out: &mut Vec<u8>, s: &str) {
    out.push(b'"');
    string_body(out, s);
    out.push(b'"');
}

/// Writes `bytes` as a JSON string, quotes included, invalid UTF-8
/// replaced by U+FFFD as `String::from_utf8_lossy` replaces it.
pub fn lossy_string(out: &mut Vec<u8>, bytes: &[u8]) {
    out.push(b'"');
    for chunk in bytes.utf8_chunks() {
        string_body(out, chunk.valid());
        if !chunk.invalid().is_empty() {
            out.extend_from_slice("\u{FFFD}".as_bytes());
        }
    }
    out.push(b'"');
}

/// `s` escaped, without quotes. Eight bytes at a time where none needs
/// escaping (most of every string), byte by byte around those that do.
pub fn string_body(out: &mut Vec<u8>, s: &str) {
    let bytes = s.as_bytes();
    let mut clean = 0; // start of the run not yet written
    let mut i = 0;
    while i < bytes.len() {
        if let Some(chunk) = bytes.get(i..i + 8) {
            let word = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
            if !needs_escape(word) {
                i += 8;
                continue;
            }
        }
        let b = bytes[i];
        let escape = ESCAPE[usize::from(b)];
        i += 1;
        if escape == 0 {
            continue;
        }
        out.extend_from_slice(&bytes[clean..i - 1]);
        clean = i;
        if escape == b'u' {
            out.extend_from_slice(b"\\u00");
            out.push(HEX[usize::from(b >> 4)]);
            out.push(HEX[usize::from(b & 0xF)]);
        } else {
            out.push(b'\\');
            out.push(escape);
        }
    }
    out.extend_from_slice(&bytes[clean..]);
}

/// Whether some byte of `word` is below 0x20, `"` or `\\` (exact: the
/// borrows of the subtractions run only from bytes that match).
fn needs_escape(word: u64) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // A byte below n (n <= 0x80), for bytes without their high bit.
    let below = |x: u64, n: u8| x.wrapping_sub(ONES * u64::from(n)) & !x & HIGH;
    let zero = |x: u64| x.wrapping_sub(ONES) & !x & HIGH;
    below(word, 0x20)
        | zero(word ^ (ONES * u64::from(b'"')))
        | zero(word ^ (ONES * u64::from(b'\\')))
        != 0
}

/// `null` or the string.
pub fn opt_string(out: &mut Vec<u8>, s: Option<&str>) {
    match s {
        Some(s) => string(out, s),
        None => out.extend_from_slice(b"null"),
    }
}

/// An unsigned integer in decimal.
pub fn uint(out: &mut Vec<u8>, n: u64) {
    let mut digits = [0u8; 20];
    let mut i = digits.len();
    let mut n = n;
    loop {
        i -= 1;
        digits[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    out.extend_from_slice(&digits[i..]);
}

/// `null` or `[start,end]`.
pub fn opt_span(out: &mut Vec<u8>, span: Option<[usize; 2]>) {
    match span {
        Some([start, end]) => {
            out.push(b'[');
            uint(out, start as u64);
            out.push(b',');
            uint(out, end as u64);
            out.push(b']');
        }
        None => out.extend_from_slice(b"null"),
    }
}

/// `null` or the number.
pub fn opt_uint(out: &mut Vec<u8>, n: Option<usize>) {
    match n {
        Some(n) => uint(out, n as u64),
        None => out.extend_from_slice(b"null"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lossy(bytes: &[u8]) -> String {
        let mut out = Vec::new();
        lossy_string(&mut out, bytes);
        String::from_utf8(out).expect("the writer writes UTF-8")
    }

    #[test]
    fn escapes_as_serde_json() {
        let mut odd: Vec<Vec<u8>> = vec![
            b"".to_vec(),
            b"plain.example".to_vec(),
            b"\"quoted\" \\back\\slash/".to_vec(),
            b"\x7f del".to_vec(),
            "例子.中国 ｆｕｌｌ 😀 \u{10FFFF} \u{2028}\u{2029} \u{FEFF}"
                .as_bytes()
                .to_vec(),
            b"\xff\xfe bad \xe4\xbd utf8 \xf0\x9f\x98 \xc0\xaf \xed\xa0\x80".to_vec(),
            b"tail \xe4".to_vec(),
        ];
        odd.push((0u8..0x20).collect());
        odd.push((0u8..=255).collect());
        for bytes in &odd {
            let expected = serde_json::to_string(&String::from_utf8_lossy(bytes)).unwrap();
            assert_eq!(lossy(bytes), expected, "{bytes:?}");
            if let Ok(s) = std::str::from_utf8(bytes) {
                let mut out = Vec::new();
                string(&mut out, s);
                assert_eq!(out, expected.as_bytes());
            }
        }
    }

    #[test]
    fn every_byte_at_every_place_of_a_word() {
        // The eight-byte test against the table, for each byte value at
        // each of the eight places, among bytes that need no escaping.
        for b in 0u8..=255 {
            for place in 0..8 {
                let mut word = [b'a'; 8];
                word[place] = b;
                let expected = ESCAPE[usize::from(b)] != 0;
                assert_eq!(
                    needs_escape(u64::from_le_bytes(word)),
                    expected,
                    "{b:#x} at {place}"
                );
            }
        }
        // Borrows: a byte that needs escaping beside ones that do not.
        for w in [
            *b"\x00\xff\x00\xff\x01\x21\x23\x5d",
            *b"\x1f\x20\x21\x22\x5b\x5c\x5d\x80",
        ] {
            assert!(needs_escape(u64::from_le_bytes(w)));
        }
        let clean = *b" !#[]\x7f\x80\xff";
        assert!(!needs_escape(u64::from_le_bytes(clean)));
    }

    #[test]
    fn numbers() {
        for n in [0, 1, 9, 10, 99, 100, 12345, u64::MAX] {
            let mut out = Vec::new();
            uint(&mut out, n);
            assert_eq!(out, n.to_string().as_bytes());
        }
        let mut out = Vec::new();
        opt_span(&mut out, Some([3, 17]));
        opt_span(&mut out, None);
        assert_eq!(out, b"[3,17]null");
    }
}
