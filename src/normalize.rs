//! Normalisation: input bytes to the A-label and U-label forms of a name.
//!
//! Four paths, all producing exactly what `idna::uts46::Uts46::to_ascii`
//! produces under the strict flags of the design (the differential tests and
//! `tests/idna_test_v2.rs` hold them to it):
//!
//! 0. **Canonical name**: one pass over the whole name checks that it is
//!    lowercase LDH labels of valid lengths and hyphens, with no `xn--`
//!    label. Such a name is its own A-label and U-label form: the verdict
//!    borrows it and nothing is written. Anything else, valid or not, takes
//!    the per-label paths below, which also say what is wrong.
//! 1. **ASCII label**: the same scan per label; a label with upper case is
//!    written lowercased to the verdict's inline buffer. No `idna` call, no
//!    heap.
//! 2. **Unicode fast path**: every code point is ASCII, a fullwidth letter,
//!    digit or hyphen (mapped to ASCII), or in the generated fast set (code
//!    points UTS #46 leaves unchanged and valid, NFC-stable, strong LTR, not
//!    marks or joiners; see `codegen/src/fast.rs`). No mapping,
//!    normalisation, bidi or CONTEXTJ rule can fire on such a label, so only
//!    the hyphen rules are checked before Punycode encoding.
//! 3. **UTS #46 slow path**: anything else goes through the `idna` crate's own
//!    mapping and normalisation data (`idna_adapter`), followed by the full
//!    validity criteria in [`crate::format`].
//!
//! An `xn--` label is decoded once; if the decoded code points are all in the
//! fast set only the hyphen rules remain, else the decoded label gets the full
//! validity check.

use idna_adapter::Adapter;
use smallvec::SmallVec;

use crate::bytes::{head, read64, HIGH, ONES};
use crate::flags::Flag;
use crate::format::{
    self, ascii_allowed, check_hyphens, DNS_CANON, DNS_MAP, LDH_CANON, LDH_MAP, MAX_LABEL, MAX_NAME,
};
use crate::generated::idna_tables::{FAST_BLOCKS, FAST_INDEX, FAST_LIMIT, NEWER_THAN_PINNED};
use crate::idn_tlds;
use crate::labels::{dot_len, input_label_span, label_end, strip_root_dot};
use crate::punycode;
use crate::reason::{Reason, Rejection};
use crate::verdict::{NameBuf, UnicodeAt, UnicodeBuf, Verdict, NAME_ROOM};

/// The UTS #46 data of the `idna` crate (ICU4X compiled data; no start-up work).
static DATA: Adapter = Adapter::new();

/// `true` if `c` is in the generated fast set.
#[inline(always)]
pub(crate) fn is_fast(c: char) -> bool {
    let c = c as u32;
    // Most code points of Chinese names, and all in the set
    // (`cjk_unified_ideographs_are_all_in_the_fast_table`): no table lookup.
    CJK_UNIFIED.contains(&c) || in_fast_table(c)
}

/// The CJK Unified Ideographs block, all assigned since Unicode 14.
pub(crate) const CJK_UNIFIED: core::ops::RangeInclusive<u32> = 0x4E00..=0x9FFF;

/// The generated fast-set table.
#[inline(always)]
pub(crate) fn in_fast_table(c: u32) -> bool {
    if c >= FAST_LIMIT {
        return false;
    }
    let block = &FAST_BLOCKS[usize::from(FAST_INDEX[(c >> 8) as usize])];
    (block[((c >> 6) & 3) as usize] >> (c & 63)) & 1 != 0
}

/// `true` if `c` is unassigned in the pinned Unicode version (that of
/// IdnaTestV2.txt), which UTS #46 therefore disallows, but the `idna` crate's
/// newer data allows. See `tests/idna_test_v2.rs`, `newer_unicode_is_refused`.
pub(crate) fn is_newer_than_pinned(c: char) -> bool {
    let c = c as u32;
    NEWER_THAN_PINNED
        .binary_search_by(|&(lo, hi)| {
            if hi < c {
                core::cmp::Ordering::Less
            } else if lo > c {
                core::cmp::Ordering::Greater
            } else {
                core::cmp::Ordering::Equal
            }
        })
        .is_ok()
}

/// The ASCII character a fullwidth letter, digit or hyphen maps to under
/// UTS #46 (lowercase for letters).
#[inline(always)]
pub(crate) fn fullwidth_ldh(c: char) -> Option<u8> {
    let c = c as u32;
    let b = match c {
        0xFF10..=0xFF19 => b'0' + (c - 0xFF10) as u8,
        0xFF21..=0xFF3A => b'a' + (c - 0xFF21) as u8,
        0xFF41..=0xFF5A => b'a' + (c - 0xFF41) as u8,
        0xFF0D => b'-',
        _ => return None,
    };
    Some(b)
}

/// The one-pass check alone: the A-label form (without a root dot) if the
/// input already is it, and whether it had a root dot. The caller builds
/// the verdict itself, where it returns it.
#[inline(always)]
pub(crate) fn canonical<'h>(
    input: &'h [u8],
    text: Option<&'h str>,
    underscore: bool,
) -> Option<(&'h str, bool)> {
    let (body, root_dot) = strip_root_dot(input);
    let canonical = if underscore {
        is_canonical_ascii::<true>(body)
    } else {
        is_canonical_ascii::<false>(body)
    };
    if !canonical {
        return None;
    }
    let ascii = match text {
        Some(t) => t.get(..body.len()),
        None => core::str::from_utf8(body).ok(),
    }?;
    Some((ascii, root_dot))
}

/// Normalises and format-checks `input` into `verdict`, which is empty, for
/// an input that [`canonical`] did not take.
///
/// `underscore` allows `_` in ASCII labels (the `dns` profile, RFC 2181 §11).
/// `text` is the input as a string when the caller had one, which saves
/// validating it again to borrow from it.
#[inline]
pub(crate) fn normalize<'h>(
    input: &'h [u8],
    text: Option<&'h str>,
    underscore: bool,
    verdict: &mut Verdict<'h>,
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
    let mut n = Normalizer {
        body,
        underscore,
        map: if underscore { &DNS_MAP } else { &LDH_MAP },
        canon,
        out: verdict,
        unicode: &mut unicode,
        label_apos: 0,
        ascii_owned: false,
        unicode_owned: false,
        idn: false,
        rtl: false,
        mapped: false,
    };
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

/// `true` if `body` is a valid name exactly as it stands, made of
/// lowercase LDH labels (and `_` where `UNDERSCORE`) with no `xn--` label:
/// its own A-label and U-label form. One pass with no writes; any other
/// name, valid or not, is left to the general path, which also says what is
/// wrong.
///
/// The bytes are classified eight at a time ([`canonical_bytes`], the same
/// sets as `LDH_CANON` and `DNS_CANON`); the label rules are checked once
/// per label, at the dots the classification finds.
#[inline(always)]
fn is_canonical_ascii<const UNDERSCORE: bool>(body: &[u8]) -> bool {
    let n = body.len();
    // An internationalised name most often starts with a non-ASCII byte:
    // no need to classify its first word.
    if n == 0 || n > MAX_NAME || body[0] >= 0x80 {
        return false;
    }
    // A label is `body[start..end]`: 1 to 63 octets, no hyphen first or
    // last, no `--` at positions 3-4 (which also sends `xn--` elsewhere).
    let label_ok = |start: usize, end: usize| {
        let label = &body[start..end];
        !label.is_empty() && label.len() <= MAX_LABEL && check_hyphens(label, b'-').is_ok()
    };
    let mut start = 0;
    let mut i = 0;
    loop {
        // The next (up to) 8 bytes in the low lanes of a word, and a mask of
        // the lanes that hold them.
        let (w, lanes) = match n - i {
            0 => break,
            rest @ 1..=7 => {
                let w = if n >= 8 {
                    // The name's last word, less what was already read.
                    read64(body, n - 8) >> (8 * (8 - rest))
                } else {
                    head(body)
                };
                (w, HIGH >> (8 * (8 - rest)))
            }
            _ => (read64(body, i), HIGH),
        };
        let (allowed, mut dots) = canonical_bytes(w, UNDERSCORE);
        // A name that starts with an A-label (`xn--`, or another `--` at
        // positions 3 and 4, which is refused) is not canonical either: no
        // need to read up to its first dot.
        if allowed & lanes != lanes || (i == 0 && (w >> 16) & 0xFFFF == 0x2D2D) {
            return false;
        }
        dots &= lanes;
        while dots != 0 {
            let end = i + (dots.trailing_zeros() / 8) as usize;
            if !label_ok(start, end) {
                return false;
            }
            start = end + 1;
            dots &= dots - 1;
        }
        i += 8;
        if i >= n {
            break;
        }
    }
    label_ok(start, n)
}

/// The lanes (bytes) of `w` in `lo..=hi`, as their high bits, for bytes
/// below 0x80: `b + 0x80 - lo` has its high bit set exactly when `b >= lo`,
/// `b + 0x7F - hi` exactly when `b > hi`, and neither carries into the next
/// byte.
#[inline(always)]
const fn in_range(w: u64, lo: u8, hi: u8) -> u64 {
    (w.wrapping_add(ONES * (0x80 - lo as u64)) & !w.wrapping_add(ONES * (0x7F - hi as u64))) & HIGH
}

/// For the 8 bytes of `w`: the lanes that may stand in a canonical name
/// (lowercase letters, digits, `-`, `.`, and `_` where `underscore`), and
/// the lanes that are `.`, as high bits. A byte of 0x80 or more is never
/// allowed.
#[inline(always)]
const fn canonical_bytes(w: u64, underscore: bool) -> (u64, u64) {
    let mut allowed = in_range(w, b'a', b'z') | in_range(w, b'0', b'9') | in_range(w, b'-', b'.');
    if underscore {
        allowed |= in_range(w, b'_', b'_');
    }
    (allowed & !w, in_range(w, b'.', b'.'))
}

/// The common internationalised case in one pass: `Some`, with the A-label
/// form written to `verdict.buf`, if every label of `body` is either
/// canonical ASCII (not `xn--`) or made of fast-path code points and LDH
/// with nothing to map, all within the length limits, the labels separated
/// by `.` or `。．｡` (`Some(true)` if any of the latter). Any other name,
/// valid or not, is left to the general path (which starts over and says
/// what is wrong): this pass only decides what it can decide cheaply, and
/// agrees with the general path on those names (the differential tests cover
/// both).
fn is_plain_idn(body: &[u8], canon: &[bool; 256], verdict: &mut Verdict<'_>) -> Option<FullStops> {
    // The A-label form is written in place, in the verdict's inline buffer
    // (no heap). A name that fits in DNS limits fits in it at every step;
    // past the end, the general path takes the name (and refuses it).
    verdict.buf = NameBuf::from_elem(0, NAME_ROOM);
    let out = &mut verdict.buf[..];
    // The label being read: where its A-label starts in `out`, its code
    // points so far, its ASCII ones among them (written to `out` as they
    // come, from `label_at`; moved up to make room for `xn--` at the end if
    // the label is not ASCII), its non-ASCII ones for the encoder.
    let mut label_at = 0;
    let mut n = 0;
    let mut basic = 0;
    // A label of more non-ASCII code points (rare) is left to the general
    // path.
    let mut insertions = punycode::encode::Insertions::<16>::new();
    // The hyphen rules as the label goes (UTS #46 V2, V3; `check_hyphens`
    // on whole labels): a `-` at position 2, and whether the last code
    // point was a `-`.
    let mut hyphen_at_2 = false;
    let mut hyphen_last = false;
    let mut underscore = false;
    let mut idn = false;
    let mut stops = FullStops::default();
    let mut i = 0;
    loop {
        // The next code point, or the separator (and its length) that ends
        // the label: 0 at the end of the name. The tests are ordered and
        // shaped for the branch predictor: within a label, "not ASCII" and
        // "ASCII, not a separator" each repeat.
        let dot = match body.get(i) {
            Some(&b) if b >= 0x80 => {
                // A CJK Unified Ideograph (three UTF-8 bytes, E4 to E9 first)
                // is decoded and taken here: no overlong form or surrogate
                // can fall in its range, and the whole block is fast.
                if let Some(&[b0, b1, b2]) = body.get(i..i + 3) {
                    let c = u32::from(b0 & 0x0F) << 12
                        | u32::from(b1 & 0x3F) << 6
                        | u32::from(b2 & 0x3F);
                    let continued = (u16::from(b1) << 8 | u16::from(b2)) & 0xC0C0 == 0x8080;
                    if b0 & 0xF0 == 0xE0 && continued && CJK_UNIFIED.contains(&c) {
                        if n == MAX_LABEL {
                            return None;
                        }
                        insertions.push(c, n);
                        hyphen_last = false;
                        n += 1;
                        i += 3;
                        continue;
                    }
                }
                let (c, width) = decode_utf8(body, i)?;
                if is_fast(c) {
                    if n == MAX_LABEL {
                        return None;
                    }
                    insertions.push(c as u32, n);
                    hyphen_last = false;
                    n += 1;
                    i += width;
                    continue;
                }
                if !matches!(c, '\u{3002}' | '\u{FF0E}' | '\u{FF61}') {
                    return None;
                }
                width
            }
            Some(&b) if b != b'.' => {
                if !canon[usize::from(b)] || n == MAX_LABEL {
                    return None;
                }
                hyphen_last = b == b'-';
                if hyphen_last {
                    // No leading `-`, no `--` at positions 2 and 3.
                    if n == 0 || (n == 3 && hyphen_at_2) {
                        return None;
                    }
                    hyphen_at_2 |= n == 2;
                }
                underscore |= b == b'_';
                *out.get_mut(label_at + basic)? = b;
                basic += 1;
                n += 1;
                i += 1;
                continue;
            }
            Some(_) => 1,
            None => 0,
        };
        if n == 0 || hyphen_last {
            return None;
        }
        let len = if insertions.len() == 0 {
            label_at + n
        } else {
            // No `_` in a label with non-ASCII characters (`dns` profile).
            if underscore {
                return None;
            }
            // `xn--`, the ASCII code points, then the encoded insertions.
            if basic > 0 {
                let moved = out.get_mut(label_at..label_at + 4 + basic)?;
                moved.copy_within(..basic, 4);
            }
            out.get_mut(label_at..label_at + 4)?
                .copy_from_slice(b"xn--");
            // The encoder stops where the label would be too long.
            let room = &mut out[..(label_at + MAX_LABEL).min(NAME_ROOM)];
            idn = true;
            insertions.encode(basic, room, label_at + 4 + basic)?
        };
        if len > MAX_NAME {
            return None;
        }
        if dot == 0 {
            // Names of ASCII labels (with `。` separators) are the general
            // path's: they have no U-label form of their own.
            verdict.buf.truncate(len);
            return idn.then_some(stops);
        }
        if dot != 1 {
            stops.record(i);
        }
        *out.get_mut(len)? = b'.';
        i += dot;
        label_at = len + 1;
        // The rest may be a known IDN top-level domain (`中国`, `公司`),
        // whose A-label is precomputed: no need to read it code point by
        // code point and encode it.
        if let Some(tld) = idn_tlds::known_tld(body, i) {
            let end = label_at + tld.a_len;
            if end > MAX_NAME {
                return None;
            }
            match out.get_mut(label_at..label_at + tld.a_label.len()) {
                Some(room) => room.copy_from_slice(&tld.a_label),
                None => out
                    .get_mut(label_at..end)?
                    .copy_from_slice(&tld.a_label[..tld.a_len]),
            }
            verdict.buf.truncate(end);
            return Some(stops);
        }
        n = 0;
        basic = 0;
        insertions.clear();
        hyphen_at_2 = false;
        hyphen_last = false;
        underscore = false;
    }
}

/// The A-label (`xn--` and Punycode) of the non-ASCII label `chars` and its
/// length; `None` if it would be longer than a label may be.
#[inline(always)]
fn a_label_of(chars: &[char]) -> Option<([u8; MAX_LABEL], usize)> {
    let mut a_label = [0u8; MAX_LABEL];
    a_label[..4].copy_from_slice(b"xn--");
    let len = punycode::encode::encode(chars, &mut a_label[4..])?;
    Some((a_label, 4 + len))
}

/// Where the one-pass check found `。．｡` separators in a name (byte
/// offsets), so that its U-label form is written without looking for them
/// again.
#[derive(Default)]
struct FullStops {
    at: [u16; 8],
    /// How many there are; beyond `at.len()` only counted.
    count: usize,
}

impl FullStops {
    #[inline(always)]
    fn record(&mut self, at: usize) {
        if let Some(slot) = self.at.get_mut(self.count) {
            // The pass takes names of at most `4 * MAX_NAME` bytes.
            *slot = at as u16;
        }
        self.count += 1;
    }

    /// Appends `body` with each `。．｡` written as `.`: the whole body in one
    /// copy, then each stretch after a full stop moved down over it.
    fn push_u_label(&self, out: &mut NameBuf, body: &[u8]) {
        let Some(stops) = self.at.get(..self.count) else {
            return push_with_full_stops(out, body);
        };
        let base = out.len();
        out.extend_from_slice(body);
        let u = &mut out[base..];
        let (mut read, mut write) = (0, 0);
        for &stop in stops {
            let stop = usize::from(stop);
            if write != read {
                u.copy_within(read..stop, write);
            }
            write += stop - read;
            u[write] = b'.';
            write += 1;
            read = stop + 3;
        }
        u.copy_within(read.., write);
        write += body.len() - read;
        out.truncate(base + write);
    }
}

/// Appends `body` with each `。．｡` written as `.`.
fn push_with_full_stops(out: &mut NameBuf, body: &[u8]) {
    let mut start = 0;
    let mut i = 0;
    while i < body.len() {
        match dot_len(body, i) {
            Some(3) => {
                out.extend_from_slice(&body[start..i]);
                out.push(b'.');
                i += 3;
                start = i;
            }
            _ => i += 1,
        }
    }
    out.extend_from_slice(&body[start..]);
}

/// The normaliser's state over one name.
///
/// Both forms start out *borrowed*: as long as the input is canonical, the
/// A-label form of the labels so far is `body[..cursor]`, and so is the
/// U-label form once an internationalised label appeared without mapping.
/// Only when a label needs mapping, encoding or decoding does a form get
/// *owned*: its buffer is filled with the prefix so far, and from then on
/// every label is written to it. The common case (lowercase ASCII) thus
/// writes nothing at all.
struct Normalizer<'h, 'o> {
    /// The input without its root dot. UTF-8 is validated per label, on the
    /// Unicode paths only: an ASCII label is checked byte by byte anyway.
    body: &'h [u8],
    underscore: bool,
    /// `LDH_MAP` or `DNS_MAP`: lowercase form of allowed ASCII, else 0.
    map: &'static [u8; 256],
    /// `LDH_CANON` or `DNS_CANON`: bytes allowed as they are.
    canon: &'static [bool; 256],
    /// The verdict; its buffer holds the owned A-label form.
    out: &'o mut Verdict<'h>,
    /// The owned U-label form, copied after the A-label form at the end.
    unicode: &'o mut UnicodeBuf,
    /// The length of the A-label form at the start of the current label.
    label_apos: usize,
    /// The A-label form is in `out.buf` (else it is `body[..cursor]`).
    ascii_owned: bool,
    /// The U-label form is in `unicode` (else it is the A-label form
    /// while `!idn`, and `body[..cursor]` once `idn`).
    unicode_owned: bool,
    idn: bool,
    rtl: bool,
    mapped: bool,
}

/// A label's code points on the Unicode paths (a label has at most 63).
type Chars = SmallVec<[char; 64]>;

impl<'h> Normalizer<'h, '_> {
    fn run(&mut self) -> Result<(), Rejection> {
        let bytes = self.body;
        let mut start = 0;
        let mut index = 0;
        loop {
            self.label_apos = if self.ascii_owned {
                self.out.buf.len()
            } else {
                start
            };
            let end = self.label(start, index)?;
            let ascii_len = if self.ascii_owned {
                self.out.buf.len()
            } else {
                end
            };
            if ascii_len > MAX_NAME {
                return Err(self.too_long());
            }
            if end == bytes.len() {
                return if self.rtl { self.check_bidi() } else { Ok(()) };
            }
            let dot = dot_len(bytes, end).unwrap_or(1);
            if dot != 1 {
                // `。．｡` are mapped to `.`: neither form is the input any more.
                self.mapped = true;
                if self.idn {
                    self.own_unicode(end, ascii_len);
                }
                self.own_ascii(end);
            }
            // At most 253 octets so far, so the dot fits.
            if self.ascii_owned {
                self.out.buf.push(b'.');
            }
            if self.unicode_owned {
                self.unicode.push(b'.');
            }
            start = end + dot;
            index += 1;
        }
    }

    fn too_long(&self) -> Rejection {
        Rejection::new(Reason::TooLong, None, 0..self.body.len())
    }

    /// Makes the A-label form owned: copies the input up to `upto`, which is
    /// the A-label form so far while it is borrowed.
    fn own_ascii(&mut self, upto: usize) {
        if !self.ascii_owned {
            self.ascii_owned = true;
            if upto > 0 {
                self.out.buf.extend_from_slice(&self.body[..upto]);
            }
        }
    }

    /// Makes the U-label form owned. The U-label form so far is the A-label
    /// form so far (its first `ascii_upto` octets) while `!idn`, and the
    /// input up to `input_upto` once `idn` (while borrowed).
    fn own_unicode(&mut self, input_upto: usize, ascii_upto: usize) {
        if self.unicode_owned {
            return;
        }
        self.unicode_owned = true;
        let prefix = if self.idn {
            &self.body[..input_upto]
        } else if self.ascii_owned {
            &self.out.buf[..ascii_upto]
        } else {
            &self.body[..ascii_upto]
        };
        if !prefix.is_empty() {
            self.unicode.extend_from_slice(prefix);
        }
    }

    /// Makes the U-label form owned at the start of the current label.
    fn own_unicode_here(&mut self, start: usize) {
        self.own_unicode(start, self.label_apos);
    }

    /// Appends to the owned A-label form, refusing a name that grows past
    /// 253 octets.
    fn push_ascii(&mut self, bytes: &[u8]) -> Result<(), Rejection> {
        if self.out.buf.len() + bytes.len() > MAX_NAME {
            return Err(self.too_long());
        }
        self.out.buf.extend_from_slice(bytes);
        Ok(())
    }

    /// Processes the non-empty label at `start`, returning its end (the index
    /// of the separator after it, or the end of the body).
    #[inline(always)]
    fn label(&mut self, start: usize, index: usize) -> Result<usize, Rejection> {
        let bytes = self.body;
        // The fast scan: bytes that are already canonical, no writes. One
        // more than a label may hold, so the scan stays bounded.
        let limit = core::cmp::min(bytes.len(), start + MAX_LABEL + 1);
        let canon = self.canon;
        let mut i = start;
        while i < limit && canon[usize::from(bytes[i])] {
            i += 1;
        }
        let k = i - start;
        if k > MAX_LABEL {
            return Err(self.label_too_long(start, index));
        }
        if i == bytes.len() || bytes[i] == b'.' {
            if k == 0 {
                return Err(Rejection::new(
                    Reason::EmptyLabel,
                    Some(index),
                    start..start,
                ));
            }
            if self.ascii_owned {
                self.push_ascii(&bytes[start..i])?;
            }
            self.ascii_label(start, i, index, false)?;
            return Ok(i);
        }
        let b = bytes[i];
        // Non-ASCII; or a disallowed ASCII character, unless a mark after it
        // composes with it (`=` U+0338 is `≠`): the Unicode paths decide.
        if b >= 0x80 || bytes.get(i + 1).is_some_and(|&n| n >= 0x80) {
            return self.unicode_label(start, index);
        }
        if self.map[usize::from(b)] == 0 {
            return Err(Rejection::new(Reason::InvalidChar, Some(index), i..i + 1));
        }
        self.upper_label(start, index)
    }

    fn label_too_long(&self, start: usize, index: usize) -> Rejection {
        let end = label_end(self.body, start);
        Rejection::new(Reason::LabelTooLong, Some(index), start..end)
    }

    /// An ASCII label with upper case: written lowercased.
    #[inline(never)]
    fn upper_label(&mut self, start: usize, index: usize) -> Result<usize, Rejection> {
        let bytes = self.body;
        self.mapped = true;
        if self.idn {
            self.own_unicode_here(start);
        }
        self.own_ascii(start);
        let map = self.map;
        // One more than a label may hold, so the scan stays bounded.
        let limit = core::cmp::min(bytes.len(), start + MAX_LABEL + 1);
        let mut i = start;
        while i < limit && map[usize::from(bytes[i])] != 0 {
            i += 1;
        }
        if i - start > MAX_LABEL {
            return Err(self.label_too_long(start, index));
        }
        if i < bytes.len() && bytes[i] != b'.' {
            if bytes[i] >= 0x80 || bytes.get(i + 1).is_some_and(|&n| n >= 0x80) {
                return self.unicode_label(start, index);
            }
            return Err(Rejection::new(Reason::InvalidChar, Some(index), i..i + 1));
        }
        self.push_ascii(&[0; MAX_LABEL][..i - start])?;
        let pos = self.out.buf.len() - (i - start);
        for (o, &b) in self.out.buf[pos..].iter_mut().zip(&bytes[start..i]) {
            *o = map[usize::from(b)];
        }
        self.ascii_label(start, i, index, true)?;
        Ok(i)
    }

    /// The rules for a label whose mapped form is ASCII: the input
    /// `body[start..end]` when `!lowered`, else the lowercase form just
    /// written to the owned A-label form from `label_apos` on.
    #[inline(always)]
    fn ascii_label(
        &mut self,
        start: usize,
        end: usize,
        index: usize,
        lowered: bool,
    ) -> Result<(), Rejection> {
        let label = if lowered {
            &self.out.buf[self.label_apos..]
        } else {
            &self.body[start..end]
        };
        if label.starts_with(b"xn--") {
            if !lowered {
                // The input itself: no borrow of `self`, no copy.
                let body = self.body;
                return self.a_label(&body[start..end], start, end, index);
            }
            let mut copy = [0u8; MAX_LABEL];
            copy[..label.len()].copy_from_slice(label);
            return self.a_label(&copy[..label.len()], start, end, index);
        }
        check_hyphens(label, b'-').map_err(|r| Rejection::new(r, Some(index), start..end))?;
        if self.unicode_owned {
            let label = if lowered {
                &self.out.buf[self.label_apos..]
            } else {
                &self.body[start..end]
            };
            self.unicode.extend_from_slice(label);
        }
        Ok(())
    }

    /// A label with non-ASCII input: the fast path if every code point allows
    /// it, else the UTS #46 slow path.
    #[inline(never)]
    fn unicode_label(&mut self, start: usize, index: usize) -> Result<usize, Rejection> {
        // One pass: decode, find the end of the label, classify. Any code
        // point outside the fast path hands the label to the slow path.
        let bytes = self.body;
        let mut chars = Chars::new();
        let mut ascii_only = true;
        let mut changed = false;
        let mut i = start;
        while i < bytes.len() && bytes[i] != b'.' {
            let Some((c, len)) = decode_utf8(bytes, i) else {
                return self.slow_label(start, index);
            };
            let m = if is_fast(c) {
                ascii_only = false;
                c
            } else if len == 1 {
                let m = self.map[c as usize];
                if m == 0 {
                    // Disallowed, unless a following mark composes with it:
                    // the slow path maps first and locates the fault.
                    return self.slow_label(start, index);
                }
                changed |= m != c as u8;
                char::from(m)
            } else if let Some(m) = fullwidth_ldh(c) {
                changed = true;
                char::from(m)
            } else if matches!(c, '\u{3002}' | '\u{FF0E}' | '\u{FF61}') {
                break;
            } else {
                return self.slow_label(start, index);
            };
            chars.push(m);
            if chars.len() > MAX_LABEL {
                return Err(self.label_too_long(start, index));
            }
            i += len;
        }
        if i == start {
            // A label that is empty before an ideographic separator.
            return Err(Rejection::new(
                Reason::EmptyLabel,
                Some(index),
                start..start,
            ));
        }
        let segment = &bytes[start..i];
        self.mapped_label(&chars, changed, segment, start, i, index, ascii_only, true)?;
        Ok(i)
    }

    /// The UTS #46 path: mapping and NFC by `idna`'s data, then the full
    /// validity criteria.
    #[inline(never)]
    fn slow_label(&mut self, start: usize, index: usize) -> Result<usize, Rejection> {
        let end = label_end(self.body, start);
        let segment = match core::str::from_utf8(&self.body[start..end]) {
            Ok(segment) => segment,
            Err(e) => {
                let at = start + e.valid_up_to();
                let bad = e.error_len().map_or(end, |n| at + n);
                return Err(Rejection::new(Reason::InvalidChar, Some(index), at..bad));
            }
        };
        if let Some((off, c)) = segment
            .char_indices()
            .find(|&(_, c)| is_newer_than_pinned(c))
        {
            let at = start + off;
            return Err(Rejection::new(
                Reason::InvalidChar,
                Some(index),
                at..at + c.len_utf8(),
            ));
        }
        let mut chars = Chars::new();
        let mut ascii_only = true;
        for c in DATA.map_normalize(segment.chars()) {
            let ok = if c.is_ascii() {
                ascii_allowed(c as u8, self.underscore)
            } else {
                ascii_only = false;
                c != '\u{FFFD}'
            };
            if !ok {
                let span = self.locate_invalid(segment, start);
                return Err(Rejection::new(Reason::InvalidChar, Some(index), span));
            }
            chars.push(c);
            if chars.len() > MAX_LABEL {
                return Err(self.label_too_long(start, index));
            }
        }
        // Ignored code points (soft hyphen, fillers) can map a label to nothing.
        if chars.is_empty() {
            return Err(Rejection::new(Reason::EmptyLabel, Some(index), start..end));
        }
        let changed = !chars.iter().copied().eq(segment.chars());
        let segment = segment.as_bytes();
        self.mapped_label(
            &chars, changed, segment, start, end, index, ascii_only, false,
        )?;
        Ok(end)
    }

    /// The input span of the first code point of `segment` (at `start` in the
    /// input) that maps to something disallowed; the whole label if none does
    /// on its own.
    fn locate_invalid(&self, segment: &str, start: usize) -> core::ops::Range<usize> {
        for (off, c) in segment.char_indices() {
            let bad = DATA.map_normalize(core::iter::once(c)).any(|m| {
                m == '\u{FFFD}' || (m.is_ascii() && !ascii_allowed(m as u8, self.underscore))
            });
            if bad {
                return start + off..start + off + c.len_utf8();
            }
        }
        start..start + segment.len()
    }

    /// Finishes a label of non-ASCII input whose mapped code points are
    /// `chars`; `changed` says whether mapping changed the input `segment`,
    /// `fast` whether all code points came from the fast set.
    #[allow(clippy::too_many_arguments)]
    fn mapped_label(
        &mut self,
        chars: &[char],
        changed: bool,
        segment: &[u8],
        start: usize,
        end: usize,
        index: usize,
        ascii_only: bool,
        fast: bool,
    ) -> Result<(), Rejection> {
        let fault = |r| Rejection::new(r, Some(index), start..end);
        if ascii_only {
            // Fullwidth letters and the like: the mapped label is ASCII.
            self.mapped = true;
            if self.idn {
                self.own_unicode_here(start);
            }
            self.own_ascii(start);
            let mut buf = [0u8; MAX_LABEL];
            for (b, &c) in buf.iter_mut().zip(chars) {
                *b = c as u8;
            }
            self.push_ascii(&buf[..chars.len()])?;
            return self.ascii_label(start, end, index, true);
        }
        // An `xn--` prefix announces Punycode, which is ASCII only.
        if chars.starts_with(&['x', 'n', '-', '-']) {
            return Err(fault(Reason::BadPunycode));
        }
        // The `dns` profile allows `_` in ASCII labels only: IDNA has no `_`
        // in a U-label, and its A-label would not be accepted back.
        if chars.contains(&'_') {
            let text = core::str::from_utf8(segment).unwrap_or_default();
            let span = match text
                .char_indices()
                .find(|&(_, c)| c == '_' || c == '\u{FF3F}')
            {
                Some((at, c)) => start + at..start + at + c.len_utf8(),
                None => start..end,
            };
            return Err(Rejection::new(Reason::InvalidChar, Some(index), span));
        }
        check_hyphens(chars, '-').map_err(fault)?;
        if !fast {
            format::check_unicode_label(&DATA, chars).map_err(fault)?;
            self.rtl |= chars.iter().any(|&c| format::is_rtl(&DATA, c));
        }
        let (a_label, len) = a_label_of(chars).ok_or(fault(Reason::LabelTooLong))?;
        // The U-label form first: it may copy the A-label prefix.
        if changed {
            self.own_unicode_here(start);
            push_chars::<false>(self.unicode, chars);
        } else if self.unicode_owned || (!self.idn && self.mapped) {
            self.own_unicode_here(start);
            self.unicode.extend_from_slice(segment);
        }
        // Else the U-label form is still the input: nothing to write.
        self.idn = true;
        self.mapped |= changed;
        self.own_ascii(start);
        self.push_ascii(&a_label[..len])
    }

    /// An `xn--` label (lowercase, `label`, at `start..end` in the input):
    /// decode it and check that it is a valid U-label (RFC 5891 §5.4,
    /// UTS #46 §4 step 4). Its A-label form is already in place.
    #[inline(never)]
    fn a_label(
        &mut self,
        label: &[u8],
        start: usize,
        end: usize,
        index: usize,
    ) -> Result<(), Rejection> {
        let fault = |r| Rejection::new(r, Some(index), start..end);
        // A known IDN top-level domain (`xn--fiqs8s`): its U-label is in the
        // table, made of fast-path code points, no hyphen; nothing to decode
        // or check.
        if let Some(tld) = idn_tlds::known_tld_a_label(label) {
            self.own_unicode_here(start);
            self.idn = true;
            self.unicode.extend_from_slice(tld.u_label.as_bytes());
            return Ok(());
        }
        let mut decoded = ['\0'; punycode::decode::DECODE_CAP];
        // A trailing hyphen means "xn--" alone, or no Punycode digits after
        // the delimiter, which would decode to ASCII. Otherwise there is at
        // least one insertion, and an insertion is never ASCII: the decoded
        // label is not ASCII.
        let n = match punycode::decode::decode(&label[4..], &mut decoded) {
            Some(n) if !label.ends_with(b"-") => n,
            _ => return Err(fault(Reason::BadPunycode)),
        };
        let chars = &decoded[..n];
        debug_assert!(!chars.iter().all(char::is_ascii));
        // The U-label form is written as the label is classified, in one
        // pass; if the label is refused, the form is not used.
        self.own_unicode_here(start);
        self.idn = true;
        let fast = push_chars::<true>(self.unicode, chars);
        if !fast {
            // The decoded label must be valid and NFC exactly as it stands.
            let valid = chars.iter().all(|&c| {
                if c.is_ascii() {
                    ascii_allowed(c as u8, false)
                } else {
                    !is_newer_than_pinned(c)
                }
            }) && DATA
                .normalize_validate(chars.iter().copied())
                .eq(chars.iter().copied());
            if !valid {
                return Err(fault(Reason::BadPunycode));
            }
        }
        check_hyphens(chars, '-').map_err(fault)?;
        if !fast {
            format::check_unicode_label(&DATA, chars).map_err(fault)?;
            self.rtl |= chars.iter().any(|&c| format::is_rtl(&DATA, c));
        }
        Ok(())
    }

    /// The bidi rule over every label, for a name with a right-to-left label.
    #[cold]
    fn check_bidi(&self) -> Result<(), Rejection> {
        let unicode = if self.unicode_owned {
            &self.unicode[..]
        } else {
            self.body
        };
        // Label by label, decoded as it is read: the U-label form is UTF-8
        // (every label was checked or written so), so no separate
        // validation pass; `.` separates its labels.
        let mut chars = Chars::new();
        let mut index = 0;
        let mut i = 0;
        loop {
            chars.clear();
            while let Some(&b) = unicode.get(i) {
                if b == b'.' {
                    break;
                }
                let Some((c, width)) = decode_utf8(unicode, i) else {
                    return Ok(());
                };
                chars.push(c);
                i += width;
            }
            if let Err(r) = format::check_bidi_label(&DATA, &chars) {
                let span = input_label_span(self.body, index);
                return Err(Rejection::new(r, Some(index), span));
            }
            if i >= unicode.len() {
                return Ok(());
            }
            i += 1;
            index += 1;
        }
    }
}

/// The character UTF-8-encoded at `bytes[i..]` and its length, or `None`
/// where the bytes are not UTF-8 (RFC 3629: no overlong forms, surrogates or
/// code points above U+10FFFF). Tested against `core::str::from_utf8`.
#[inline(always)]
pub(crate) fn decode_utf8(bytes: &[u8], i: usize) -> Option<(char, usize)> {
    let b0 = *bytes.get(i)?;
    let cont = |k: usize| -> Option<u32> {
        let b = *bytes.get(i + k)?;
        (b & 0xC0 == 0x80).then_some(u32::from(b & 0x3F))
    };
    let (cp, len) = match b0 {
        0x00..=0x7F => (u32::from(b0), 1),
        0xC2..=0xDF => ((u32::from(b0 & 0x1F) << 6) | cont(1)?, 2),
        0xE0..=0xEF => {
            let b1 = cont(1)?;
            // E0 needs A0..BF (no overlong form); ED needs 80..9F (no surrogate).
            if (b0 == 0xE0 && b1 < 0x20) || (b0 == 0xED && b1 >= 0x20) {
                return None;
            }
            ((u32::from(b0 & 0x0F) << 12) | (b1 << 6) | cont(2)?, 3)
        }
        0xF0..=0xF4 => {
            let b1 = cont(1)?;
            // F0 needs 90..BF (no overlong form); F4 needs 80..8F (<= U+10FFFF).
            if (b0 == 0xF0 && b1 < 0x10) || (b0 == 0xF4 && b1 >= 0x10) {
                return None;
            }
            let cp = (u32::from(b0 & 0x07) << 18) | (b1 << 12) | (cont(2)? << 6) | cont(3)?;
            (cp, 4)
        }
        _ => return None,
    };
    Some((char::from_u32(cp)?, len))
}

/// Appends `chars` (at most 64 of them) as UTF-8, in one copy. With
/// `CLASSIFY`, also says whether they are all on the fast path: LDH (without
/// `_`) or in the fast set (else `true`).
fn push_chars<const CLASSIFY: bool>(out: &mut UnicodeBuf, chars: &[char]) -> bool {
    let mut utf8 = [0u8; 4 * 64];
    let mut n = 0;
    let mut fast = true;
    for &c in chars.iter().take(64) {
        fast &= !CLASSIFY
            || if c.is_ascii() {
                ascii_allowed(c as u8, false)
            } else {
                is_fast(c)
            };
        let c = c as u32;
        // RFC 3629 §3, written out, each character in one 4-byte store:
        // `char::encode_utf8` into a sub-slice costs a bounds check and a
        // call per character. `n <= 4 * 63` before the last character.
        let (word, width) = if c < 0x80 {
            (c, 1)
        } else if c < 0x800 {
            (0x80C0 | (c >> 6) | ((c & 0x3F) << 8), 2)
        } else if c < 0x1_0000 {
            (
                0x80_80E0 | (c >> 12) | (((c >> 6) & 0x3F) << 8) | ((c & 0x3F) << 16),
                3,
            )
        } else {
            (
                0x8080_80F0
                    | (c >> 18)
                    | (((c >> 12) & 0x3F) << 8)
                    | (((c >> 6) & 0x3F) << 16)
                    | ((c & 0x3F) << 24),
                4,
            )
        };
        utf8[n..n + 4].copy_from_slice(&word.to_le_bytes());
        n += width;
    }
    out.extend_from_slice(&utf8[..n]);
    fast
}

#[cfg(test)]
mod tests {
    use super::canonical_bytes;
    use crate::format::{DNS_CANON, LDH_CANON};

    /// The word-at-a-time classification allows exactly the bytes of
    /// `LDH_CANON` (`DNS_CANON` with `_`) and `.`, in every lane, whatever
    /// ASCII stands in the other lanes, and finds exactly the dots; a byte of
    /// 0x80 or more is never allowed, whatever stands around it (it may
    /// disturb the lanes above it, but the word is refused for it).
    #[test]
    fn canonical_bytes_agree_with_the_tables() {
        for (underscore, table) in [(false, &LDH_CANON), (true, &DNS_CANON)] {
            for b in 0..=255u8 {
                for lane in 0..8 {
                    for filler in [0u8, b'a', b'.', b'-', 0x7F, 0x80, 0xFF] {
                        let mut bytes = [filler; 8];
                        bytes[lane] = b;
                        let (allowed, dots) =
                            canonical_bytes(u64::from_le_bytes(bytes), underscore);
                        let bit = 0x80u64 << (8 * lane);
                        if b >= 0x80 {
                            assert_eq!(allowed & bit, 0, "{b:#x} in lane {lane}");
                            continue;
                        }
                        if filler >= 0x80 {
                            // The word is refused for its filler lanes.
                            let others = super::HIGH & !bit;
                            assert_ne!(allowed & others, others);
                            continue;
                        }
                        let expected = table[usize::from(b)] || b == b'.';
                        assert_eq!(allowed & bit != 0, expected, "{b:#x} in lane {lane}");
                        assert_eq!(dots & bit != 0, b == b'.', "{b:#x} in lane {lane}");
                    }
                }
            }
        }
    }
}
