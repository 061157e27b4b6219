//! Format rules: the validity criteria of
//! [UTS #46 §4.1](https://www.unicode.org/reports/tr46/#Validity_Criteria)
//! with `CheckHyphens`, `UseSTD3ASCIIRules`, `CheckJoiners` and `CheckBidi`,
//! and the DNS length limits of
//! [RFC 1035 §2.3.4](https://www.rfc-editor.org/rfc/rfc1035#section-2.3.4).
//!
//! Each check answers with the [`Reason`] it breaks. They run on labels the
//! normaliser has already mapped; `normalize` decides which checks a label
//! needs (a label of fast-path code points needs only the hyphen rules).

use idna_adapter::{
    Adapter, BidiClassMask, FIRST_BC_MASK, LAST_LTR_MASK, LAST_RTL_MASK, LEFT_OR_DUAL_JOINING_MASK,
    MIDDLE_LTR_MASK, MIDDLE_RTL_MASK, RIGHT_OR_DUAL_JOINING_MASK, RTL_MASK,
};

use crate::reason::Reason;

/// Longest label in ASCII form.
pub(crate) const MAX_LABEL: usize = 63;
/// Longest name in ASCII form, without the root dot.
pub(crate) const MAX_NAME: usize = 253;

/// Maps an ASCII byte allowed in a label to its lowercase form: letters,
/// digits and `-`; 0 for every other byte (`.`, `_`, controls, non-ASCII).
pub(crate) static LDH_MAP: [u8; 256] = ascii_map(false);

/// [`LDH_MAP`] with `_` allowed, for the `dns` profile.
pub(crate) static DNS_MAP: [u8; 256] = ascii_map(true);

/// `true` for the bytes that are allowed in a label as they are: lowercase
/// letters, digits and `-`.
pub(crate) static LDH_CANON: [bool; 256] = canon(&LDH_MAP);

/// [`LDH_CANON`] with `_`, for the `dns` profile.
pub(crate) static DNS_CANON: [bool; 256] = canon(&DNS_MAP);

const fn canon(map: &[u8; 256]) -> [bool; 256] {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = map[b] != 0 && map[b] == b as u8;
        b += 1;
    }
    t
}

const fn ascii_map(underscore: bool) -> [u8; 256] {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 128 {
        t[b] = match b as u8 {
            c @ (b'a'..=b'z' | b'0'..=b'9' | b'-') => c,
            b'_' if underscore => b'_',
            c @ b'A'..=b'Z' => c + 32,
            _ => 0,
        };
        b += 1;
    }
    t
}

/// `true` for a (lowercase) byte allowed in a label: LDH, and `_` when
/// `underscore`. The same tables as the scans use.
#[inline(always)]
pub(crate) fn ascii_allowed(b: u8, underscore: bool) -> bool {
    let canon = if underscore { &DNS_CANON } else { &LDH_CANON };
    canon[usize::from(b)]
}

/// The hyphen rules (UTS #46 V2, V3) on a label of bytes or code points: no
/// leading or trailing `-`, no `--` at positions 3 and 4.
#[inline(always)]
pub(crate) fn check_hyphens<T: PartialEq + Copy>(label: &[T], hyphen: T) -> Result<(), Reason> {
    let n = label.len();
    if n > 0 && (label[0] == hyphen || label[n - 1] == hyphen) {
        return Err(Reason::Hyphen);
    }
    if n >= 4 && label[2] == hyphen && label[3] == hyphen {
        return Err(Reason::Hyphen);
    }
    Ok(())
}

/// The rules a label needs beyond the hyphen rules when it holds code points
/// outside the fast set: no leading mark (V6), CONTEXTJ (V8, RFC 5892
/// Appendix A.1 and A.2).
pub(crate) fn check_unicode_label(data: &Adapter, label: &[char]) -> Result<(), Reason> {
    if let Some(&first) = label.first() {
        if data.is_mark(first) {
            return Err(Reason::MarkStart);
        }
    }
    for (i, &c) in label.iter().enumerate() {
        if c != '\u{200C}' && c != '\u{200D}' {
            continue;
        }
        // Both joiners are allowed after a virama.
        match i.checked_sub(1).map(|p| label[p]) {
            None => return Err(Reason::Joiner),
            Some(prev) if data.is_virama(prev) => continue,
            Some(_) => {}
        }
        if c == '\u{200D}' {
            return Err(Reason::Joiner);
        }
        // ZWNJ: (Joining_Type L|D) T* ZWNJ T* (Joining_Type R|D).
        if !joins(data, label[..i].iter().rev(), LEFT_OR_DUAL_JOINING_MASK)
            || !joins(data, label[i + 1..].iter(), RIGHT_OR_DUAL_JOINING_MASK)
        {
            return Err(Reason::Joiner);
        }
    }
    Ok(())
}

fn joins<'a>(
    data: &Adapter,
    chars: impl Iterator<Item = &'a char>,
    required: idna_adapter::JoiningTypeMask,
) -> bool {
    for &c in chars {
        let jt = data.joining_type(c);
        if jt.to_mask().intersects(required) {
            return true;
        }
        if !jt.is_transparent() {
            return false;
        }
    }
    false
}

/// `true` if `c` makes the name a "bidi domain name" (RFC 5893 §1.4): its
/// Bidi_Class is R, AL or AN.
#[inline]
pub(crate) fn is_rtl(data: &Adapter, c: char) -> bool {
    // Code points below U+0590 (Hebrew) are never R, AL or AN.
    c >= '\u{0590}' && RTL_MASK.intersects(data.bidi_class(c).to_mask())
}

/// The bidi rule (RFC 5893 §2, UTS #46 V9) for one label of a bidi domain.
pub(crate) fn check_bidi_label(data: &Adapter, label: &[char]) -> Result<(), Reason> {
    let Some((&first, rest)) = label.split_first() else {
        return Ok(());
    };
    let first_bc = data.bidi_class(first);
    if !FIRST_BC_MASK.intersects(first_bc.to_mask()) {
        return Err(Reason::Bidi); // Rule 1.
    }
    let ltr = first_bc.is_ltr();
    // The last character that is not a non-spacing mark (rules 3 and 6).
    let mut end = rest.len();
    while end > 0 && data.bidi_class(rest[end - 1]).is_nonspacing_mark() {
        end -= 1;
    }
    if end == 0 {
        return Ok(());
    }
    let last_bc = data.bidi_class(rest[end - 1]);
    let in_mask = |c: char, m: BidiClassMask| m.intersects(data.bidi_class(c).to_mask());
    if ltr {
        // Rules 5 and 6.
        if !LAST_LTR_MASK.intersects(last_bc.to_mask()) {
            return Err(Reason::Bidi);
        }
        if !rest[..end - 1].iter().all(|&c| in_mask(c, MIDDLE_LTR_MASK)) {
            return Err(Reason::Bidi);
        }
        return Ok(());
    }
    // Rules 2, 3 and 4: no mixing of European and Arabic-Indic digits.
    if !LAST_RTL_MASK.intersects(last_bc.to_mask()) {
        return Err(Reason::Bidi);
    }
    let (mut en, mut an) = (false, false);
    for &c in &rest[..end] {
        let bc = data.bidi_class(c);
        if !MIDDLE_RTL_MASK.intersects(bc.to_mask()) {
            return Err(Reason::Bidi);
        }
        en |= bc.is_european_number();
        an |= bc.is_arabic_number();
    }
    if en && an {
        return Err(Reason::Bidi);
    }
    Ok(())
}
