//! The `punycode` target: the encoder and the decoder against `idna`'s.

use super::*;

/// Every invariant of the `punycode` target on one input.
pub fn punycode_input(data: &[u8]) {
    let Ok(text) = core::str::from_utf8(data) else {
        return;
    };
    if text.chars().count() <= MAX_ROUND_TRIP_CHARS {
        punycode_round_trip(text);
    }
    if text.is_ascii() && !text.bytes().any(|b| b.is_ascii_uppercase()) {
        punycode_decode_agrees(text);
    }
}

/// Encoding agrees with `idna` and decodes back to the string.
fn punycode_round_trip(s: &str) {
    use dncheck::__private::{punycode_decode, punycode_encode};
    let encoded = punycode_encode(s).unwrap_or_else(|| panic!("{s:?}: encoding failed"));
    assert_eq!(
        Some(&encoded),
        idna::punycode::encode_str(s).as_ref(),
        "{s:?}: dncheck and idna encode differently"
    );
    assert!(
        encoded.is_ascii(),
        "{s:?}: encoded as non-ASCII {encoded:?}"
    );
    assert_eq!(
        punycode_decode(&encoded).as_deref(),
        Some(s),
        "{s:?}: {encoded:?} does not decode back"
    );
}

/// Decoding lowercase ASCII agrees with `idna`, and what decodes re-encodes
/// to the same string (the encoding is unique).
fn punycode_decode_agrees(s: &str) {
    use dncheck::__private::{punycode_decode, punycode_encode};
    let ours = punycode_decode(s);
    if s.len() > MAX_DECODE_INPUT {
        assert_eq!(ours, None, "{s:?}: decoded past the length limit");
        return;
    }
    assert_eq!(
        ours,
        idna::punycode::decode_to_string(s),
        "{s:?}: dncheck and idna decode differently"
    );
    if let Some(decoded) = ours {
        if decoded.chars().count() <= MAX_ROUND_TRIP_CHARS {
            assert_eq!(
                punycode_encode(&decoded).as_deref(),
                Some(s),
                "{s:?}: decodes to {decoded:?}, which encodes otherwise"
            );
        }
    }
}
