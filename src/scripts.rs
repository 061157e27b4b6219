//! Scripts of a label (UTS #39): mixed scripts by the "Highly Restrictive"
//! level, and whole-script confusables (a Cyrillic or Greek label whose
//! skeleton is ASCII). Script data: the `unicode-script` crate
//! (Script_Extensions); skeletons: the `unicode-security` crate
//! (`confusables.txt`). Both `no_std`.
//!
//! A leaf module: it judges labels in U-label form; the checker decides
//! which labels (those left of the public suffix) and what to do.

use unicode_script::{Script, ScriptExtension, UnicodeScript};

use crate::flags::{Flag, Flags};
use crate::registry::serves_script;

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
pub(crate) fn is_mixed_script(label: &str) -> bool {
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
            let ext = c.script_extension();
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

/// The script of a label written entirely in Cyrillic or entirely in Greek
/// (Common and Inherited characters aside, at least one letter of it) whose
/// UTS #39 skeleton is ASCII: a whole-script look-alike of an ASCII label
/// (`аррӏе` -> `appie`, `ѕсоре` -> `scope`). `None` for any other label.
pub(crate) fn whole_script_confusable(label: &str) -> Option<Script> {
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
        let s = c.script();
        match s {
            Script::Common | Script::Inherited => continue,
            Script::Cyrillic | Script::Greek if script.is_none() || script == Some(s) => {
                script = Some(s);
            }
            _ => return None,
        }
    }
    let script = script?;
    unicode_security::skeleton(label)
        .all(|c| c.is_ascii())
        .then_some(script)
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
    let tld = unicode.rsplit('.').next().unwrap_or_default();
    let mut flags = Flags::default();
    let mut mixed = None;
    for (i, label) in unicode.split('.').take(left).enumerate() {
        // ASCII, or Han of the CJK block with LDH (the common Chinese
        // label): Latin with Han is allowed, and no look-alike of ASCII.
        if label.chars().all(|c| c.is_ascii() || is_cjk_unified(c)) {
            continue;
        }
        if is_mixed_script(label) {
            flags.insert(Flag::MixedScript);
            mixed.get_or_insert(i);
        } else if let Some(script) = whole_script_confusable(label) {
            if !serves_script(tld, script) {
                flags.insert(Flag::Confusable);
            }
        }
    }
    (flags, mixed)
}

/// The UTS #39 skeleton of `text`, appended to `out`.
pub(crate) fn push_skeleton(out: &mut alloc::string::String, text: &str) {
    out.extend(unicode_security::skeleton(text));
}

#[cfg(test)]
mod tests {
    use super::*;

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
