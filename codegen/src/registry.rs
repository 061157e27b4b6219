//! Registry data the policy stage reads outside the suffix table (whose
//! node words have no free bit): the restricted suffixes
//! (`data/restricted_suffixes.txt`) and the registry repertoires
//! (`data/repertoires.txt`), as sorted arrays of A-label suffixes.

use crate::{fnv1a, header, Output};
use std::fmt::Write as _;

/// The lines of a data file: `#` comments and blank lines dropped, fields
/// split at tabs.
fn lines(text: &str) -> Vec<Vec<&str>> {
    text.lines()
        .filter_map(|l| {
            let l = l.split('#').next().unwrap().trim();
            (!l.is_empty()).then(|| l.split('\t').map(str::trim).collect())
        })
        .collect()
}

fn a_label(name: &str) -> String {
    let hosts = dncheck::Checker::builder()
        .profile(dncheck::Profile::Hostname)
        .build();
    hosts
        .normalize(name)
        .unwrap_or_else(|e| panic!("{name}: {e}"))
        .ascii()
        .to_owned()
}

pub fn generate(root: &std::path::Path) -> Output {
    let read = |name: &str| {
        let path = root.join(name);
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
    };
    let restricted_text = read("data/restricted_suffixes.txt");
    let repertoire_text = read("data/repertoires.txt");
    let mut restricted: Vec<String> = lines(&restricted_text)
        .iter()
        .map(|f| {
            assert_eq!(f.len(), 1, "{f:?}");
            a_label(f[0])
        })
        .collect();
    restricted.sort();
    restricted.dedup();
    let mut repertoires: Vec<(String, u8)> = lines(&repertoire_text)
        .iter()
        .map(|f| {
            assert_eq!(f.len(), 2, "{f:?}");
            let r = match f[1] {
                "han" => 0,
                "cyrillic" => 1,
                other => panic!("unknown repertoire {other}"),
            };
            (a_label(f[0]), r)
        })
        .collect();
    repertoires.sort();
    let mut s = header(
        "data/restricted_suffixes.txt, data/repertoires.txt",
        fnv1a((restricted_text + &repertoire_text).as_bytes()),
    );
    writeln!(
        s,
        "\n/// Suffixes only eligible registrants may register under, in A-label\n\
         /// form, sorted (`data/restricted_suffixes.txt`).\n\
         pub(crate) static RESTRICTED_SUFFIXES: [&str; {}] = [",
        restricted.len()
    )
    .unwrap();
    for r in &restricted {
        writeln!(s, "    {r:?},").unwrap();
    }
    let mut endings: Vec<u16> = restricted
        .iter()
        .map(|r| u16::from_be_bytes([r.as_bytes()[r.len() - 2], r.as_bytes()[r.len() - 1]]))
        .collect();
    endings.sort_unstable();
    endings.dedup();
    writeln!(
        s,
        "];\n\n/// The last two bytes (big-endian) of every restricted suffix: a suffix\n\
         /// ending otherwise is not restricted.\n\
         pub(crate) static RESTRICTED_ENDINGS: [u16; {}] = {endings:#06x?};",
        endings.len()
    )
    .unwrap();
    writeln!(
        s,
        "\n/// Registry repertoires of labels registered under a suffix, in A-label\n\
         /// form, sorted (`data/repertoires.txt`): 0 `han`, 1 `cyrillic`.\n\
         pub(crate) static REPERTOIRES: [(&str, u8); {}] = [",
        repertoires.len()
    )
    .unwrap();
    for (suffix, r) in &repertoires {
        writeln!(s, "    ({suffix:?}, {r}),").unwrap();
    }
    writeln!(s, "];").unwrap();
    Output {
        path: "src/generated/registry.rs",
        text: s,
    }
}
