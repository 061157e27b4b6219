//! Han variants of a name: its variant key (traditional Han folded to
//! simplified with the words stage's [`simplify_han`], so that `中國.cn`
//! and `中国.cn` are one name to a registry's duplicate check) and its
//! variant spellings.
//!
//! A leaf over plain strings: the verdict calls it on its forms.

use alloc::string::String;
use alloc::vec::Vec;

use crate::generated::fold::{HAN_BMP, HAN_WIDE};
use crate::words::simplify_han;

/// The most spellings [`Verdict::variants`](crate::Verdict::variants)
/// returns.
///
/// # Example
///
/// ```
/// // 八 characters with 2 spellings each would make 256.
/// let v = dncheck::Checker::default().check("國際經濟貿易發展.cn").unwrap();
/// assert_eq!(v.variants().len(), dncheck::VARIANTS_MAX);
/// ```
pub const VARIANTS_MAX: usize = 64;

/// Appends the A-label form of a label in U-label form (ASCII as is).
/// `false` where Punycode cannot encode it (never for a checked label).
fn push_a_label(out: &mut String, label: &[char]) -> bool {
    if label.iter().all(char::is_ascii) {
        out.extend(label);
        return true;
    }
    let mut buf = [0u8; 4 * 64 + 16];
    match crate::punycode::encode::encode(label, &mut buf) {
        Some(n) => {
            out.push_str("xn--");
            out.extend(buf[..n].iter().map(|&b| char::from(b)));
            true
        }
        None => false,
    }
}

/// The variant key of a name in U-label form whose A-label form is `ascii`:
/// `None` where folding changes nothing (the key is `ascii` itself).
pub(crate) fn variant_key(unicode: &str, ascii: &str) -> Option<String> {
    if unicode.is_ascii() || !unicode.chars().any(|c| simplify_han(c) != c) {
        return None;
    }
    let mut out = String::with_capacity(ascii.len());
    let mut chars: Vec<char> = Vec::new();
    for (i, label) in unicode.split('.').enumerate() {
        if i > 0 {
            out.push('.');
        }
        chars.clear();
        chars.extend(label.chars().map(simplify_han));
        if !push_a_label(&mut out, &chars) {
            return None;
        }
    }
    Some(out)
}

/// Every spelling of `c` a reader of Chinese takes for the same character:
/// its simplified form first, then the traditional forms that fold to it
/// (`国` -> `国`, `國`, `囯`, ...). Just `c` for a character without
/// variants.
fn spellings(c: char) -> Vec<char> {
    let simplified = simplify_han(c);
    let mut out = alloc::vec![simplified];
    let s = simplified as u32;
    let bmp = HAN_BMP
        .iter()
        .filter(|&&[_, to]| u32::from(to) == s)
        .map(|&[from, _]| u32::from(from));
    let wide = HAN_WIDE
        .iter()
        .filter(|&&[_, to]| to == s)
        .map(|&[from, _]| from);
    for from in bmp.chain(wide) {
        if let Some(t) = char::from_u32(from) {
            if !out.contains(&t) {
                out.push(t);
            }
        }
    }
    if !out.contains(&c) {
        out.push(c);
    }
    out
}

/// The variant spellings of a registrable label (U-label form) under
/// `suffix` (A-label form), as A-label forms of the registrable domain: the
/// simplified spelling first, the label's own always included, at most
/// [`VARIANTS_MAX`].
pub(crate) fn variants(label: &str, suffix: &str) -> Vec<String> {
    let choices: Vec<Vec<char>> = label.chars().map(spellings).collect();
    let own: Vec<char> = label.chars().collect();
    let mut index = alloc::vec![0usize; choices.len()];
    let mut out: Vec<String> = Vec::new();
    let mut spelled: Vec<char> = Vec::with_capacity(choices.len());
    let spell = |chars: &[char]| {
        let mut s = String::new();
        push_a_label(&mut s, chars).then(|| {
            s.push('.');
            s.push_str(suffix);
            s
        })
    };
    // An odometer over the choices, the last character turning fastest.
    loop {
        if out.len() == VARIANTS_MAX {
            break;
        }
        spelled.clear();
        spelled.extend(index.iter().zip(&choices).map(|(&i, c)| c[i]));
        if let Some(s) = spell(&spelled) {
            out.push(s);
        }
        let mut k = choices.len();
        loop {
            if k == 0 {
                return out;
            }
            k -= 1;
            index[k] += 1;
            if index[k] < choices[k].len() {
                break;
            }
            index[k] = 0;
        }
    }
    // At the bound: the label's own spelling is kept, in the last place.
    if let Some(own) = spell(&own) {
        if !out.contains(&own) {
            out.pop();
            out.push(own);
        }
    }
    out
}
