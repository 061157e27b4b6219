//! IDNA2008 (RFC 5891-5893) for the `registration` profile: every code point
//! of a U-label PVALID, or CONTEXTJ/CONTEXTO with its rule of RFC 5892
//! Appendix A satisfied. UTS #46 has already mapped the input (case, width,
//! `。．｡`) and checked the joiners (A.1, A.2) and the bidi rule; this adds
//! the derived property (`src/generated/idna2008.rs`, from IANA's tables,
//! `data/idnadata.py`) and the CONTEXTO rules A.3-A.9.
//!
//! A leaf module: it judges one label's code points and says which one is
//! at fault; the checker locates it in the input.

use unicode_script::{Script, UnicodeScript};

use crate::generated::idna2008::IDNA2008;
use crate::reason::Reason;

/// The derived property of a code point (RFC 5892 §2), as the table has it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Property {
    Pvalid,
    ContextJ,
    ContextO,
    /// DISALLOWED or UNASSIGNED.
    Disallowed,
}

/// The derived property of `c`.
#[inline]
pub(crate) fn property(c: char) -> Property {
    let cp = c as u32;
    // LDH and the CJK Unified Ideographs (all PVALID: the generator checks
    // it) without a lookup.
    if c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || (0x4E00..=0x9FFF).contains(&cp) {
        return Property::Pvalid;
    }
    let found = IDNA2008.binary_search_by(|&(lo, hi, _)| {
        if hi < cp {
            core::cmp::Ordering::Less
        } else if lo > cp {
            core::cmp::Ordering::Greater
        } else {
            core::cmp::Ordering::Equal
        }
    });
    match found.map(|i| IDNA2008[i].2) {
        Ok(0) => Property::Pvalid,
        Ok(1) => Property::ContextJ,
        Ok(_) => Property::ContextO,
        Err(_) => Property::Disallowed,
    }
}

/// Checks one U-label (mapped, NFC, already valid under UTS #46): `Err` with
/// the reason (`disallowed` or `context`) and the index of the code point at
/// fault.
pub(crate) fn check_label(label: &[char]) -> Result<(), (Reason, usize)> {
    for (i, &c) in label.iter().enumerate() {
        match property(c) {
            Property::Pvalid => {}
            // The joiners' rules (A.1, A.2) are UTS #46's CheckJoiners,
            // which the normaliser applied.
            Property::ContextJ => {}
            Property::ContextO => {
                if !context_o(label, i) {
                    return Err((Reason::Context, i));
                }
            }
            Property::Disallowed => return Err((Reason::Disallowed, i)),
        }
    }
    Ok(())
}

/// The CONTEXTO rule (RFC 5892 Appendix A.3-A.9) for `label[i]`.
fn context_o(label: &[char], i: usize) -> bool {
    let before = i.checked_sub(1).map(|p| label[p]);
    let after = label.get(i + 1).copied();
    match label[i] {
        // A.3 MIDDLE DOT: between two `l` (Catalan `l·l`).
        '\u{00B7}' => before == Some('l') && after == Some('l'),
        // A.4 GREEK LOWER NUMERAL SIGN (KERAIA): before a Greek character.
        '\u{0375}' => after.is_some_and(|c| c.script() == Script::Greek),
        // A.5, A.6 HEBREW PUNCTUATION GERESH and GERSHAYIM: after a Hebrew
        // character.
        '\u{05F3}' | '\u{05F4}' => before.is_some_and(|c| c.script() == Script::Hebrew),
        // A.7 KATAKANA MIDDLE DOT: the label holds a Hiragana, Katakana or
        // Han character.
        '\u{30FB}' => label.iter().any(|c| {
            matches!(
                c.script(),
                Script::Hiragana | Script::Katakana | Script::Han
            )
        }),
        // A.8 ARABIC-INDIC DIGITS: no Extended Arabic-Indic digit in the
        // label.
        '\u{0660}'..='\u{0669}' => !label.iter().any(|c| ('\u{06F0}'..='\u{06F9}').contains(c)),
        // A.9 EXTENDED ARABIC-INDIC DIGITS: no Arabic-Indic digit.
        '\u{06F0}'..='\u{06F9}' => !label.iter().any(|c| ('\u{0660}'..='\u{0669}').contains(c)),
        // A CONTEXTO code point without a rule: RFC 5891 §5.4 says no.
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(s: &str) -> Result<(), (Reason, usize)> {
        let chars: alloc::vec::Vec<char> = s.chars().collect();
        check_label(&chars)
    }

    /// A.8 and A.9, which the bidi rule (no AN with EN in an RTL label)
    /// already refuses on whole names: the rule itself, on labels.
    #[test]
    fn arabic_indic_digits_do_not_mix() {
        assert_eq!(check("\u{0628}\u{0661}\u{0662}"), Ok(()));
        assert_eq!(check("\u{0628}\u{06F1}\u{06F2}"), Ok(()));
        assert_eq!(check("\u{0628}\u{0661}\u{06F2}"), Err((Reason::Context, 1)));
        assert_eq!(check("\u{0628}\u{06F1}\u{0662}"), Err((Reason::Context, 1)));
    }

    #[test]
    fn properties() {
        assert_eq!(property('a'), Property::Pvalid);
        assert_eq!(property('中'), Property::Pvalid);
        assert_eq!(property('ß'), Property::Pvalid);
        assert_eq!(property('\u{200D}'), Property::ContextJ);
        assert_eq!(property('·'), Property::ContextO);
        assert_eq!(property('☃'), Property::Disallowed);
        assert_eq!(property('A'), Property::Disallowed);
        assert_eq!(property('\u{0640}'), Property::Disallowed);
        assert_eq!(check("゠"), Err((Reason::Disallowed, 0)));
        assert_eq!(check("l·l"), Ok(()));
        assert_eq!(check("·l"), Err((Reason::Context, 0)));
    }
}
