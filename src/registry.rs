//! What registries publish: special-use names (`data/reserved.txt`: RFC
//! 2606, 6761, 6762, 7686, 8375, 9476 and `.internal`), per-suffix rules
//! (`data/suffix_rules.txt`: the [`RegistryRule`]s) and the TLDs that serve
//! a non-Latin script (`data/script_tlds.txt`), compiled in.
//!
//! A leaf module: it reads the two files and gives each name its marks
//! ([`marked_names`]). The suffix builder merges the marked names into every
//! table it makes, the embedded one and those loaded at run time, and the
//! table carries the marks, so that the lookup that finds a name's suffix
//! also gathers the marks of the names above it, in the same walk.

use alloc::vec::Vec;
use core::fmt;

use crate::generated::registry::{REPERTOIRES, RESTRICTED_ENDINGS, RESTRICTED_SUFFIXES};

/// The reserved names, one a line.
const RESERVED_NAMES: &str = include_str!("../data/reserved.txt");
/// The per-suffix registry rules: a name, a tab and the rule's name.
const SUFFIX_RULES: &str = include_str!("../data/suffix_rules.txt");

/// `true` if `suffix` (a public suffix, A-label form) or a suffix above it
/// is one that only eligible registrants may register under
/// (`data/restricted_suffixes.txt`: `arpa`, `int`, `gov`, `mil`, `edu`,
/// `gov.cn`, `edu.cn`, `mil.cn`).
#[inline]
pub(crate) fn is_restricted_suffix(mut suffix: &str) -> bool {
    // Most suffixes end in two bytes no restricted suffix ends in (`com`,
    // `org`, `net`): a few compares, no search.
    let ending = match suffix.as_bytes() {
        [.., a, b] => u16::from_be_bytes([*a, *b]),
        _ => return false,
    };
    if !RESTRICTED_ENDINGS.contains(&ending) {
        return false;
    }
    // A few short names: compared by length first, most never byte by byte.
    loop {
        if RESTRICTED_SUFFIXES.contains(&suffix) {
            return true;
        }
        match suffix.bytes().position(|b| b == b'.') {
            Some(i) => suffix = &suffix[i + 1..],
            None => return false,
        }
    }
}

/// The characters a registry accepts in a label registered directly under
/// its suffix (`data/repertoires.txt`), beyond IDNA.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Repertoire {
    /// At least one Han character (`中国`, `中國`, `公司`, `网络`).
    Han,
    /// Cyrillic letters, digits and hyphens, at least one Cyrillic letter
    /// (`рф`).
    Cyrillic,
}

/// The repertoire of labels registered under the public suffix `suffix`
/// (A-label form), if its registry has one.
#[inline]
pub(crate) fn repertoire(suffix: &str) -> Option<Repertoire> {
    // Every suffix of the file is an IDN TLD.
    if !suffix.starts_with("xn--") {
        return None;
    }
    // A few names: compared by length first.
    let &(_, repertoire) = REPERTOIRES.iter().find(|&&(s, _)| s == suffix)?;
    Some(match repertoire {
        0 => Repertoire::Han,
        _ => Repertoire::Cyrillic,
    })
}

/// The TLDs whose registry serves a non-Latin script: a TLD, a tab, the
/// script's name.
const SCRIPT_TLDS: &str = include_str!("../data/script_tlds.txt");

/// `true` if the registry of `tld` (its U-label, or ASCII) serves `script`
/// (`data/script_tlds.txt`): a whole-script look-alike in that script is
/// ordinary there (`аррӏе.рф`).
pub(crate) fn serves_script(tld: &str, script: unicode_script::Script) -> bool {
    policy_lines(SCRIPT_TLDS)
        .any(|(_, fields)| fields[0] == tld && fields.get(1).copied() == Some(script.full_name()))
}

/// Mark: the name and every name under it are reserved (`data/reserved.txt`).
pub(crate) const RESERVED: u32 = 1 << 0;
/// Mark: names under the name follow [`RegistryRule::Chinese`]
/// (`data/suffix_rules.txt`).
pub(crate) const CHINESE_RULE: u32 = 1 << 1;
/// How many mark bits there are: every set of marks is below
/// `1 << MARK_BITS`.
pub(crate) const MARK_BITS: u32 = 2;

/// A registry's rule for the labels registered under its suffixes
/// (`data/suffix_rules.txt`).
///
/// # Example
///
/// ```
/// assert_eq!(dncheck::RegistryRule::Chinese.as_str(), "chinese");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum RegistryRule {
    /// `cn`, `中国`, `中國`, `公司`, `网络`: an internationalised registrable
    /// label holds at least one Han character, otherwise only letters,
    /// digits and hyphens, no `--` anywhere, and at most 20 characters.
    Chinese,
}

impl RegistryRule {
    /// The rule's name, as `data/suffix_rules.txt` writes it.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(dncheck::RegistryRule::Chinese.to_string(), "chinese");
    /// ```
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            RegistryRule::Chinese => "chinese",
        }
    }
}

impl fmt::Display for RegistryRule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The lines of a policy data file: `#` starts a comment, blank lines are
/// skipped, and the rest is split at tabs.
fn policy_lines(text: &'static str) -> impl Iterator<Item = (usize, Vec<&'static str>)> {
    text.lines().enumerate().filter_map(|(i, line)| {
        let line = line.split('#').next().unwrap_or_default().trim();
        (!line.is_empty()).then(|| (i + 1, line.split('\t').map(str::trim).collect()))
    })
}

/// The names of `data/reserved.txt`, then those of `data/suffix_rules.txt`,
/// as the files write them (U-labels or A-labels, in file order), each with
/// its marks. A rule line whose rule is not known is skipped; both files are
/// compiled in and checked whole by the test `policy_data_is_valid`.
pub(crate) fn marked_names() -> impl Iterator<Item = (&'static str, u32)> {
    let reserved = policy_lines(RESERVED_NAMES).map(|(_, fields)| (fields[0], RESERVED));
    let rules = policy_lines(SUFFIX_RULES).filter_map(|(_, fields)| {
        let mark = match fields.get(1).copied()? {
            "chinese" => CHINESE_RULE,
            _ => return None,
        };
        Some((fields[0], mark))
    });
    reserved.chain(rules)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::suffix::builder::to_ascii;

    #[test]
    fn policy_data_is_valid() {
        let lines = policy_lines(RESERVED_NAMES).count() + policy_lines(SUFFIX_RULES).count();
        assert_eq!(
            marked_names()
                .filter(|&(name, _)| to_ascii(name).is_some())
                .count(),
            lines,
            "a policy line does not parse"
        );
        assert_eq!(
            lines, 40,
            "data/reserved.txt: 35 names, data/suffix_rules.txt: 5 rules"
        );
        for (_, fields) in policy_lines(RESERVED_NAMES) {
            assert_eq!(fields.len(), 1, "{fields:?}");
        }
        for (_, fields) in policy_lines(SUFFIX_RULES) {
            assert_eq!(fields.len(), 2, "{fields:?}");
        }
        for (_, fields) in policy_lines(SCRIPT_TLDS) {
            assert_eq!(fields.len(), 2, "{fields:?}");
            assert!(to_ascii(fields[0]).is_some(), "{fields:?}");
            assert!(
                unicode_script::Script::from_full_name(fields[1]).is_some(),
                "{fields:?}"
            );
        }
        assert!(serves_script("рф", unicode_script::Script::Cyrillic));
        assert!(!serves_script("com", unicode_script::Script::Cyrillic));
        assert!(!serves_script("gr", unicode_script::Script::Cyrillic));
    }
}
