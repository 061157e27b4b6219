//! Scripts of a label (UTS #39): mixed scripts by the "Highly Restrictive"
//! level, and whole-script confusables (a Cyrillic or Greek label whose
//! skeleton is ASCII). Script data: the `unicode-script` crate
//! (Script_Extensions), answered for most of the BMP by a table generated
//! from it (`src/generated/scripts.rs`: a look-up instead of two binary
//! searches a code point); skeletons: the `unicode-security` crate
//! (`confusables.txt`), answered by tables for a text of ASCII and of the
//! characters that are their own skeleton. Both `no_std`.
//!
//! A leaf module: it judges labels in U-label form; the checker decides
//! which labels (those left of the public suffix) and what to do.

use unicode_script::{Script, ScriptExtension, UnicodeScript};

use crate::flags::{Flag, Flags};
use crate::generated::scripts::{
    ASCII_SKELETONS, BLOCKS, BLOCK_BITS, MASKS, OWN_SKELETON, PALETTE,
};
use crate::registry::serves_script;

/// The script of `c` as Script and as the only script of
/// Script_Extensions, if its block of the BMP has one for it (the generated
/// table: the script of the block's assigned code points but for its
/// exceptions).
#[inline]
fn block_script(c: char) -> Option<Script> {
    let entry = *BLOCKS.get((c as u32 >> BLOCK_BITS) as usize)?;
    let exceptions = MASKS[usize::from(entry >> 8)];
    if exceptions >> (c as u32 & ((1 << BLOCK_BITS) - 1)) & 1 != 0 {
        return None;
    }
    PALETTE.get(usize::from(entry & 0xFF)).copied()
}

/// The Script property of `c`, as the `unicode-script` crate gives it (for
/// a code point assigned in the pinned Unicode version).
#[inline]
fn script_of(c: char) -> Script {
    block_script(c).unwrap_or_else(|| c.script())
}

/// The Script_Extensions property of `c`, as the `unicode-script` crate
/// gives it (for a code point assigned in the pinned Unicode version).
#[inline]
fn script_extension(c: char) -> ScriptExtension {
    match block_script(c) {
        Some(s) => ScriptExtension::from(s),
        None => c.script_extension(),
    }
}

/// The script sets that UTS #39 §5.2 "Highly Restrictive" allows beyond a
/// single script: Latin with Han and Bopomofo (Chinese), with Han,
/// Hiragana and Katakana (Japanese), with Han and Hangul (Korean).
fn allowed_sets() -> [ScriptExtension; 3] {
    let set = |scripts: &[Script]| {
        scripts
            .iter()
            .fold(ScriptExtension::from(Script::Unknown), |acc, &s| {
                acc.union(ScriptExtension::from(s))
            })
    };
    [
        set(&[Script::Latin, Script::Han, Script::Bopomofo]),
        set(&[
            Script::Latin,
            Script::Han,
            Script::Hiragana,
            Script::Katakana,
        ]),
        set(&[Script::Latin, Script::Han, Script::Hangul]),
    ]
}

/// `true` if the label mixes scripts beyond UTS #39 "Highly Restrictive":
/// its characters (Common and Inherited ones aside, by Script_Extensions)
/// share no script, and do not all fall in one of the allowed sets.
/// `pаypal` (Cyrillic `а`) is mixed; `例子abc`, `東京タワー`, `서울` are not.
///
/// Most labels are of one script, each character of a block of that one
/// script: they are answered without set operations; the others by
/// [`mixed_by_extensions`].
pub(crate) fn is_mixed_script(label: &str) -> bool {
    let mut only = None;
    for c in label.chars() {
        let s = if c.is_ascii_lowercase() {
            Script::Latin
        } else if c.is_ascii() {
            continue; // digits and `-`: Common
        } else if is_cjk_unified(c) {
            Script::Han
        } else {
            match block_script(c) {
                Some(Script::Common | Script::Inherited) => continue,
                Some(s) => s,
                None => return mixed_by_extensions(label),
            }
        };
        match only {
            Some(t) if t != s => return mixed_by_extensions(label),
            _ => only = Some(s),
        }
    }
    false
}

/// [`is_mixed_script`] by the Script_Extensions sets of every character.
fn mixed_by_extensions(label: &str) -> bool {
    let mut common = ScriptExtension::from(Script::Common);
    let mut first = true;
    let mut sets = allowed_sets();
    let mut fits = [true; 3];
    for c in label.chars() {
        // ASCII LDH: Latin letters, Common digits and hyphen.
        let ext = if c.is_ascii_lowercase() {
            ScriptExtension::from(Script::Latin)
        } else if c.is_ascii() {
            continue;
        } else if is_cjk_unified(c) {
            // Script_Extensions=Han for the whole block: no lookup.
            ScriptExtension::from(Script::Han)
        } else {
            let ext = script_extension(c);
            if ext.is_common() || ext.is_inherited() {
                continue;
            }
            ext
        };
        if first {
            common = ext;
            first = false;
        } else {
            common.intersect_with(ext);
        }
        for (fit, set) in fits.iter_mut().zip(&mut sets) {
            *fit &= !set.intersection(ext).is_empty();
        }
    }
    !(first || !common.is_empty() || fits.iter().any(|&f| f))
}

/// `true` if the UTS #39 skeleton of `label` is ASCII.
fn skeleton_is_ascii(label: &str) -> bool {
    unicode_security::skeleton(label).all(|c| c.is_ascii())
}

/// The script of a label written entirely in Cyrillic or entirely in Greek
/// (Common and Inherited characters aside, at least one letter of it): the
/// candidate for a whole-script look-alike of an ASCII label, which it is
/// if its UTS #39 skeleton is ASCII (`аррӏе` -> `appie`, `ѕсоре` ->
/// `scope`).
fn whole_script(label: &str) -> Option<Script> {
    let mut script = None;
    for c in label.chars() {
        if c.is_ascii() {
            if c.is_ascii_lowercase() {
                return None;
            }
            continue;
        }
        if is_cjk_unified(c) {
            return None;
        }
        let s = script_of(c);
        match s {
            Script::Common | Script::Inherited => continue,
            Script::Cyrillic | Script::Greek if script.is_none() || script == Some(s) => {
                script = Some(s);
            }
            _ => return None,
        }
    }
    script
}

/// Both questions of [`classify`] about one label in one pass: whether it
/// mixes scripts ([`is_mixed_script`]), and if not, the script it is
/// entirely written in when that is Cyrillic or Greek ([`whole_script`]).
/// A label whose characters are all of one script by the block table (most
/// are) is answered here; any other by those two functions.
fn label_scripts(label: &str) -> (bool, Option<Script>) {
    let slow = || match is_mixed_script(label) {
        true => (true, None),
        false => (false, whole_script(label)),
    };
    let mut only = None;
    for c in label.chars() {
        let s = if c.is_ascii_lowercase() {
            Script::Latin
        } else if c.is_ascii() {
            continue; // digits and `-`: Common
        } else if is_cjk_unified(c) {
            Script::Han
        } else {
            match block_script(c) {
                Some(Script::Common | Script::Inherited) => continue,
                Some(s) => s,
                None => return slow(),
            }
        };
        match only {
            Some(t) if t != s => return slow(),
            _ => only = Some(s),
        }
    }
    (
        false,
        only.filter(|s| matches!(s, Script::Cyrillic | Script::Greek)),
    )
}

/// The CJK Unified Ideographs block (Script=Han, Script_Extensions=Han),
/// where most characters of Chinese names are.
#[inline(always)]
fn is_cjk_unified(c: char) -> bool {
    ('\u{4E00}'..='\u{9FFF}').contains(&c)
}

/// `true` if a name in U-label form (UTF-8 bytes) is only ASCII and Han of
/// the CJK block (the common Chinese name): no label of it mixes scripts
/// beyond Latin with Han, and none is a Cyrillic or Greek look-alike. One
/// pass over the bytes, no `str` validation.
#[inline]
pub(crate) fn ascii_or_cjk(u: &[u8]) -> bool {
    let mut i = 0;
    while i < u.len() {
        if u[i] < 0x80 {
            i += 1;
            continue;
        }
        if i + 3 > u.len() {
            return false;
        }
        let (c, width) = crate::utf8::decode(u, i);
        if width != 3 || !(0x4E00..=0x9FFF).contains(&c) {
            return false;
        }
        i += 3;
    }
    true
}

/// The script flags of a name in U-label form, over its first `left`
/// labels (those left of the public suffix): [`Flag::MixedScript`] and
/// [`Flag::Confusable`] (not under a TLD whose registry serves the
/// look-alike's script, `data/script_tlds.txt`), with the index of the first
/// mixed-script label.
pub(crate) fn classify(unicode: &str, left: usize) -> (Flags, Option<usize>) {
    let mut flags = Flags::default();
    let mut mixed = None;
    let mut start = 0;
    for i in 0..left {
        // Labels are split at `.` (ASCII, so every split is a character
        // boundary), without `str::split`'s searcher.
        let end = unicode.as_bytes()[start..]
            .iter()
            .position(|&b| b == b'.')
            .map_or(unicode.len(), |at| start + at);
        let label = &unicode[start..end];
        start = (end + 1).min(unicode.len());
        // ASCII, or Han of the CJK block with LDH (the common Chinese
        // label): Latin with Han is allowed, and no look-alike of ASCII.
        if ascii_or_cjk(label.as_bytes()) {
            continue;
        }
        match label_scripts(label) {
            (true, _) => {
                flags.insert(Flag::MixedScript);
                mixed.get_or_insert(i);
            }
            (false, Some(script)) if skeleton_is_ascii(label) => {
                let tld = unicode.rsplit('.').next().unwrap_or_default();
                if !serves_script(tld, script) {
                    flags.insert(Flag::Confusable);
                }
            }
            _ => {}
        }
    }
    (flags, mixed)
}

/// The UTS #39 skeleton of `text`, appended to `out`.
///
/// The skeleton is the NFD of the characters' prototypes after NFD. A text
/// of canonical starters that are their own NFD (ASCII, most Han and kana)
/// is its own NFD, and where each character's skeleton is made of starters
/// too (ASCII letters, digits, `-`, `_`, `.`; the characters that are their
/// own skeleton) so is the concatenation of the skeletons: a table look-up
/// a character (`src/generated/scripts.rs`), not the crate's two
/// normalisations.
pub(crate) fn push_skeleton(out: &mut alloc::string::String, text: &str) {
    let start = out.len();
    let fast = text.chars().all(|c| match c {
        '\0'..='\x7F' => ASCII_SKELETONS[c as usize]
            .map(|s| out.push_str(s))
            .is_some(),
        _ => {
            let own = OWN_SKELETON
                .get(c as usize / 64)
                .is_some_and(|w| w >> (c as usize % 64) & 1 != 0);
            if own {
                out.push(c);
            }
            own
        }
    });
    if !fast {
        out.truncate(start);
        out.extend(unicode_security::skeleton(text));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A whole-script look-alike of an ASCII label: its script.
    fn whole_script_confusable(label: &str) -> Option<Script> {
        whole_script(label).filter(|_| skeleton_is_ascii(label))
    }

    /// The generated table agrees with the crate on every code point of the
    /// BMP that can reach this stage (assigned in the pinned version).
    #[test]
    fn block_table_agrees_with_the_crate() {
        let mut fast = 0;
        for c in ('\0'..='\u{FFFF}').filter(|&c| c.script() != Script::Unknown) {
            if crate::normalize::is_newer_than_pinned(c) {
                continue;
            }
            assert_eq!(script_of(c), c.script(), "{c:?}");
            assert_eq!(script_extension(c), c.script_extension(), "{c:?}");
            fast += usize::from(block_script(c).is_some());
        }
        // Most of the BMP is answered by the table.
        assert!(fast > 40_000, "{fast}");
    }

    /// The one-script fast paths answer as the sets and the whole-script
    /// test do, on every label of up to three characters from a pool of
    /// scripts, marks and Common ones.
    #[test]
    fn fast_path_agrees_with_the_sets() {
        let pool = [
            'a', 'z', '1', '-', 'é', 'ß', 'а', 'я', 'ӏ', '\u{483}', 'ο', 'β', '中', '㐀', 'ひ',
            'カ', 'ー', '・', '서', 'ㄅ', 'م', '٣', 'ש', '\u{301}', '\u{200D}', 'ก', '𝒶', '𠀀',
        ];
        let mut label = alloc::string::String::new();
        for &a in &pool {
            for &b in &pool {
                for &c in &pool {
                    for len in 1..=3 {
                        label.clear();
                        label.extend([a, b, c].into_iter().take(len));
                        let mixed = mixed_by_extensions(&label);
                        assert_eq!(is_mixed_script(&label), mixed, "{label}");
                        // The one pass answers as the two functions do.
                        let whole = if mixed { None } else { whole_script(&label) };
                        assert_eq!(label_scripts(&label), (mixed, whole), "{label}");
                    }
                }
            }
        }
    }

    /// The tables' skeletons are the crate's: every ASCII character alone,
    /// every character of the BMP the tables call its own skeleton, alone
    /// and between ASCII letters, and names.
    #[test]
    fn ascii_skeletons_are_the_crates() {
        let crate_skeleton =
            |s: &str| unicode_security::skeleton(s).collect::<alloc::string::String>();
        let mut names: alloc::vec::Vec<alloc::string::String> =
            (0u8..128).map(|b| char::from(b).into()).collect();
        for name in [
            "apple.com",
            "rn-m.example",
            "l1I0o.xn--p1ai",
            "a_b.c%d",
            "",
            "mm",
        ] {
            names.push(name.into());
        }
        for c in ('\u{80}'..='\u{FFFF}')
            .filter(|&c| OWN_SKELETON[c as usize / 64] >> (c as usize % 64) & 1 != 0)
        {
            let mut own = alloc::string::String::new();
            own.extend([c]);
            assert_eq!(crate_skeleton(&own), own, "{c:?}");
            names.push(alloc::format!("ab{c}cd"));
        }
        for name in &names {
            let mut ours = alloc::string::String::from("x");
            push_skeleton(&mut ours, name);
            assert_eq!(&ours[1..], crate_skeleton(name), "{name:?}");
        }
    }

    #[test]
    fn mixed_scripts() {
        for label in ["pаypal", "gοοgle", "аβ", "中文а", "한ひ"] {
            assert!(is_mixed_script(label), "{label}");
        }
        for label in [
            "example",
            "例子abc",
            "東京タワー",
            "テレビ・ゲーム",
            "서울",
            "서울abc中",
            "bücher",
            "аррӏе",
            "123",
            "a-1",
            "ㄅ中a",
        ] {
            assert!(!is_mixed_script(label), "{label}");
        }
    }

    #[test]
    fn confusables() {
        assert_eq!(whole_script_confusable("аррӏе"), Some(Script::Cyrillic));
        assert_eq!(whole_script_confusable("ѕсоре"), Some(Script::Cyrillic));
        assert_eq!(whole_script_confusable("ορο"), Some(Script::Greek));
        assert_eq!(whole_script_confusable("пример"), None);
        assert_eq!(whole_script_confusable("pаypal"), None);
        assert_eq!(whole_script_confusable("example"), None);
        assert_eq!(whole_script_confusable("例子"), None);
    }
}
