//! Normalisation: input bytes to the A-label and U-label forms of a name
//! ([`Normalized`]), with the format rules of [`crate::format`].
//!
//! Four paths, all producing exactly what `idna::uts46::Uts46::to_ascii`
//! produces under the strict flags of the design (the differential tests and
//! `tests/idna_test_v2.rs` hold them to it):
//!
//! 0. **Canonical name** (`ascii.rs`): one pass over the whole name checks
//!    that it is lowercase LDH labels of valid lengths and hyphens, with no
//!    `xn--` label. Such a name is its own A-label and U-label form: the
//!    result borrows it and nothing is written. Anything else, valid or not,
//!    takes the paths below, which also say what is wrong.
//! 1. **Plain IDN** (`plain.rs`): one pass over a name whose labels are all
//!    canonical ASCII or made of code points of the generated fast set
//!    (code points UTS #46 leaves unchanged and valid, NFC-stable, strong
//!    LTR, not marks or joiners; see `codegen/src/fast.rs`). No mapping,
//!    normalisation, bidi or CONTEXTJ rule can fire on such a label, so only
//!    the hyphen rules are checked before Punycode encoding.
//! 2. **Label by label** (`general.rs`): an ASCII label is scanned and, with
//!    upper case, written lowercased to the inline buffer (no `idna` call, no
//!    heap); a Unicode label of fast-set code points, fullwidth letters,
//!    digits and hyphens is mapped and encoded directly, and so is one with
//!    joiners, basic Hebrew and Arabic letters or a first mark (`kept`),
//!    which then gets the full validity criteria; a fullwidth form of
//!    disallowed ASCII is refused where it stands; an `xn--` label (`uts46.rs`) is
//!    decoded once, and if the decoded code points are all in the fast set
//!    only the hyphen rules remain;
//! 3. **UTS #46** (`uts46.rs`): anything else goes through the `idna`
//!    crate's own mapping and normalisation data (`idna_adapter`), followed
//!    by the full validity criteria in [`crate::format`].

use smallvec::SmallVec;

use crate::flags::{Flag, Flags};
use crate::format::{DNS_CANON, LDH_CANON, MAX_NAME};
use crate::labels::{input_label_span, strip_root_dot};
use crate::reason::{Reason, Rejection};
use general::Normalizer;
use plain::is_plain_idn;

mod ascii;
mod general;
mod plain;
mod uts46;

/// A name as the normalisation stage leaves it: its A-label and U-label
/// forms, borrowed from the input where the input already is that form
/// (the common case), else in one inline buffer; the flags of the input's
/// spelling; and the input, for the spans of later stages' refusals.
#[derive(Clone)]
pub(crate) struct Normalized<'h> {
    /// The A-label form when it is the input (without a root dot); else it is
    /// in `buf[..ascii_len]`.
    pub(crate) ascii_input: Option<&'h str>,
    pub(crate) unicode_at: UnicodeAt<'h>,
    /// The owned A-label form (`buf[..ascii_len]`), then the owned U-label
    /// form (`buf[ascii_len..]`).
    pub(crate) buf: NameBuf,
    pub(crate) ascii_len: usize,
    pub(crate) flags: Flags,
    /// The input.
    pub(crate) input: &'h [u8],
}

/// A name's owned forms: inline for any name of DNS size (a name has at
/// most 253 octets in ASCII form; the normaliser refuses it beyond), on the
/// heap only for a U-label form of long non-Latin names.
pub(crate) type NameBuf = SmallVec<[u8; NAME_ROOM]>;

/// The inline capacity of a [`NameBuf`].
pub(crate) const NAME_ROOM: usize = 256;

/// The U-label form while the normaliser builds it.
pub(crate) type UnicodeBuf = SmallVec<[u8; 256]>;

/// Where a name's U-label form is.
#[derive(Clone, Copy, Debug)]
pub(crate) enum UnicodeAt<'h> {
    /// The same as the A-label form (no internationalised label).
    Ascii,
    /// The input itself (without a root dot).
    Input(&'h str),
    /// The buffer, after the A-label form.
    Buffer,
}

impl<'h> Normalized<'h> {
    /// Nothing normalised yet: where [`normalize`] writes.
    #[inline(always)]
    pub(crate) fn empty(input: &'h [u8]) -> Normalized<'h> {
        Normalized {
            ascii_input: None,
            unicode_at: UnicodeAt::Ascii,
            buf: NameBuf::new(),
            ascii_len: 0,
            flags: Flags::default(),
            input,
        }
    }

    /// The A-label form: lowercase, no root dot.
    #[inline]
    pub(crate) fn ascii(&self) -> &str {
        match self.ascii_input {
            Some(input) => input,
            // The normaliser writes only ASCII to the buffer.
            None => core::str::from_utf8(&self.buf[..self.ascii_len]).unwrap_or_default(),
        }
    }

    /// The U-label form.
    #[inline]
    pub(crate) fn unicode(&self) -> &str {
        match self.unicode_at {
            UnicodeAt::Ascii => self.ascii(),
            UnicodeAt::Input(input) => input,
            // The normaliser writes whole UTF-8 sequences to the buffer.
            UnicodeAt::Buffer => {
                core::str::from_utf8(&self.buf[self.ascii_len..]).unwrap_or_default()
            }
        }
    }

    /// [`unicode`](Self::unicode) as bytes, without a UTF-8 check.
    #[inline]
    pub(crate) fn unicode_bytes(&self) -> &[u8] {
        match self.unicode_at {
            UnicodeAt::Ascii => self.ascii().as_bytes(),
            UnicodeAt::Input(input) => input.as_bytes(),
            UnicodeAt::Buffer => &self.buf[self.ascii_len..],
        }
    }

    /// The forms, for the later stages.
    #[inline]
    pub(crate) fn forms(&self) -> Forms<'_> {
        Forms {
            ascii: self.ascii(),
            unicode: self.unicode(),
            input: self.input,
            idn: self.flags.contains(Flag::Idn),
        }
    }
}

/// IDNA2008 (the `registration` profile's rule, [`crate::idna2008`]) over
/// the U-label form of a name that has an internationalised label: every
/// code point PVALID, or CONTEXTO in its context. A refusal (`disallowed`,
/// `context`) is located at the input's code point that maps to the one at
/// fault, or at the whole label where none does alone (an `xn--` label).
///
/// One pass over the bytes, no copy: ASCII (LDH and dots) is PVALID by
/// construction, and so is the CJK block; only a name with a code point
/// that is neither PVALID nor a joiner (which UTS #46 checked) goes label by
/// label.
#[inline]
pub(crate) fn check_idna2008(name: &Normalized<'_>) -> Result<(), Rejection> {
    let u = name.unicode_bytes();
    let mut i = 0;
    while i < u.len() {
        if u[i] < 0x80 {
            i += 1;
            continue;
        }
        let (c, width) = crate::utf8::decode(u, i);
        if !CJK_UNIFIED.contains(&c) {
            let c = char::from_u32(c).unwrap_or_default();
            if !matches!(
                crate::idna2008::property(c),
                crate::idna2008::Property::Pvalid | crate::idna2008::Property::ContextJ
            ) {
                return idna2008_labels(name);
            }
        }
        i += width;
    }
    Ok(())
}

/// [`check_idna2008`] label by label, for a name with a code point that
/// needs a closer look.
#[cold]
#[inline(never)]
fn idna2008_labels(name: &Normalized<'_>) -> Result<(), Rejection> {
    let mut chars: SmallVec<[char; 64]> = SmallVec::new();
    for (index, label) in name.unicode().split('.').enumerate() {
        if label.is_ascii() {
            // LDH: PVALID by construction.
            continue;
        }
        chars.clear();
        chars.extend(label.chars());
        if let Err((reason, i)) = crate::idna2008::check_label(&chars) {
            let input = name.input;
            let span = uts46::locate_mapped(input, input_label_span(input, index), chars[i]);
            return Err(Rejection::new(reason, Some(index), span));
        }
    }
    Ok(())
}

pub(crate) use plain::CJK_UNIFIED;
#[cfg(test)]
pub(crate) use plain::{fullwidth_ldh, in_fast_table};
pub(crate) use plain::{is_fast, is_newer_than_pinned};

/// The stage's common case alone: the input is its own A-label and U-label
/// form (lowercase LDH labels of valid lengths and hyphens, no `xn--`
/// label), borrowed whole; `None` for any other input, which
/// [`normalize`] takes. Nothing is written: the caller builds its result
/// where it returns it.
///
/// `underscore` allows `_` in labels (the `dns` profile, RFC 2181 §11).
/// `text` is the input as a string when the caller had one, which saves
/// validating it again to borrow from it.
#[inline(always)]
pub(crate) fn canonical<'h>(
    input: &'h [u8],
    text: Option<&'h str>,
    underscore: bool,
) -> Option<Canonical<'h>> {
    let (ascii, root_dot) = ascii::canonical(input, text, underscore)?;
    let mut flags = Flags::default();
    if root_dot {
        flags.insert(Flag::RootDot);
    }
    Some(Canonical {
        ascii,
        flags,
        input,
    })
}

/// A name that is its own A-label and U-label form ([`canonical`]): the
/// small result of the common case. The caller makes it a [`Normalized`]
/// ([`Canonical::normalized`]) where it returns it, after the later stages
/// read its [`forms`](Canonical::forms): built before them, the large
/// `Normalized` would be copied whole into the return value.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Canonical<'h> {
    ascii: &'h str,
    pub(crate) flags: Flags,
    input: &'h [u8],
}

impl<'h> Canonical<'h> {
    /// The forms: the A-label form is the U-label form.
    #[inline(always)]
    pub(crate) fn forms(&self) -> Forms<'h> {
        Forms {
            ascii: self.ascii,
            unicode: self.ascii,
            input: self.input,
            idn: false,
        }
    }

    /// The stage's result, borrowing the input.
    #[inline(always)]
    pub(crate) fn normalized(self) -> Normalized<'h> {
        Normalized {
            ascii_input: Some(self.ascii),
            unicode_at: UnicodeAt::Ascii,
            buf: NameBuf::new(),
            ascii_len: 0,
            flags: self.flags,
            input: self.input,
        }
    }
}

/// The forms of a normalised name, borrowed: what the later stages read of
/// it (from a [`Normalized`], or straight from the input on the canonical
/// path).
#[derive(Clone, Copy, Debug)]
pub(crate) struct Forms<'a> {
    /// The A-label form: lowercase, no root dot.
    pub(crate) ascii: &'a str,
    /// The U-label form.
    pub(crate) unicode: &'a str,
    /// The input, for the spans of refusals.
    pub(crate) input: &'a [u8],
    /// A label is internationalised ([`Flag::Idn`]).
    pub(crate) idn: bool,
}

/// Normalises and format-checks `input` into `out`, which is
/// [`Normalized::empty`], for an input that [`canonical`] did not take (any
/// input is fine). The result is written in place: it is large (an inline
/// buffer), and a value returned through calls is copied whole.
///
/// `underscore` and `text` are as for [`canonical`].
#[inline]
pub(crate) fn normalize<'h>(
    input: &'h [u8],
    text: Option<&'h str>,
    underscore: bool,
    verdict: &mut Normalized<'h>,
) -> Result<(), Rejection> {
    if input.is_empty() {
        return Err(Rejection::new(Reason::Empty, None, 0..0));
    }
    let (body, root_dot) = strip_root_dot(input);
    if root_dot {
        verdict.flags.insert(Flag::RootDot);
    }
    // The common case, a name that is its own A-label form, the caller
    // has already tried ([`canonical`]).
    let canon = if underscore { &DNS_CANON } else { &LDH_CANON };
    // A name within the DNS limits is at most 1,012 bytes in U-label form
    // (four UTF-8 bytes per Punycode digit at most): only then is the pass
    // worth trying, which keeps a megabyte line from being scanned whole.
    if body.len() <= 4 * MAX_NAME && !body.is_ascii() {
        if let Some(stops) = is_plain_idn(body, canon, verdict) {
            // Every label is canonical ASCII or fast-path Unicode: the
            // A-label form is written; the U-label form is the input, or the
            // input with `。．｡` written as `.`.
            verdict.ascii_len = verdict.buf.len();
            let text = text.and_then(|t| t.get(..body.len()));
            if let Some(text) = text.or_else(|| core::str::from_utf8(body).ok()) {
                if stops.count > 0 {
                    stops.push_u_label(&mut verdict.buf, body);
                    verdict.unicode_at = UnicodeAt::Buffer;
                    verdict.flags.insert(Flag::Mapped);
                } else {
                    verdict.unicode_at = UnicodeAt::Input(text);
                }
                verdict.flags.insert(Flag::Idn);
                return Ok(());
            }
        }
    }
    verdict.buf.clear();
    let mut unicode = UnicodeBuf::new();
    let mut n = Normalizer::new(body, underscore, verdict, &mut unicode);
    n.run()?;
    let (ascii_owned, unicode_owned, idn, mapped) =
        (n.ascii_owned, n.unicode_owned, n.idn, n.mapped);
    // One buffer holds both owned forms: the A-label form, then the U-label
    // form. Keeping the verdict small keeps returning it cheap.
    verdict.ascii_len = verdict.buf.len();
    if idn && unicode_owned {
        verdict.buf.extend_from_slice(&unicode);
        verdict.unicode_at = UnicodeAt::Buffer;
    }
    // Where a form is the input itself, borrow it. An accepted body is UTF-8:
    // every label was checked, and the separators between them are UTF-8;
    // `body.len()` is a char boundary, as the root dot is a whole character.
    if !ascii_owned || (idn && !unicode_owned) {
        let text = match text {
            Some(text) => text.get(..body.len()).unwrap_or_default(),
            None => core::str::from_utf8(body).unwrap_or_default(),
        };
        if !ascii_owned {
            verdict.ascii_input = Some(text);
        }
        if idn && !unicode_owned {
            verdict.unicode_at = UnicodeAt::Input(text);
        }
    }
    for (set, flag) in [
        (root_dot, Flag::RootDot),
        (idn, Flag::Idn),
        (mapped, Flag::Mapped),
    ] {
        if set {
            verdict.flags.insert(flag);
        }
    }
    Ok(())
}
