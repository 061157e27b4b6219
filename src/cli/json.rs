//! The JSON output, and the record of one result that the table is drawn
//! from too.

use std::io::{self, Write};

use dncheck::{Flags, Reason, Rejection, Verdict};
use serde::Serialize;

/// One result line, in the field order of the JSON contract.
///
/// A derived `Serialize` on a struct writes fields in declaration order (no
/// map, so no key sorting), which makes this declaration the single place
/// where the order of the keys is fixed. Do not reorder the fields.
#[derive(Serialize)]
pub struct Record<'a> {
    pub input: &'a str,
    pub ok: bool,
    pub reason: Option<&'static str>,
    pub code: Option<&'static str>,
    pub tencent_code: Option<&'static str>,
    pub message: Option<&'static str>,
    pub message_zh: Option<&'static str>,
    pub ascii: Option<&'a str>,
    pub unicode: Option<&'a str>,
    pub suffix: Option<&'a str>,
    pub registrable: Option<&'a str>,
    pub flags: Flags,
    /// The matched words of the list, as written in it.
    pub restricted: &'a [&'a str],
    pub label: Option<usize>,
    pub span: Option<[usize; 2]>,
    /// The UTS #39 skeleton of the registrable domain (`Verdict::skeleton`).
    pub skeleton: Option<String>,
    /// The canonical key with traditional Han folded to simplified
    /// (`Verdict::variant_key`).
    pub variant_key: Option<String>,
}

impl<'a> Record<'a> {
    /// The record of a name: `verdict` if normalisation succeeded (its
    /// forms are reported whatever came next), `rejection` if some stage
    /// refused the name, `restricted` the words the words stage found in an
    /// accepted name (which make it `restricted_word`, not ok).
    pub fn new(
        input: &'a str,
        verdict: Option<&'a Verdict<'_>>,
        rejection: Option<&Rejection>,
        restricted: &'a [&'a str],
    ) -> Record<'a> {
        let reason = match rejection {
            Some(rejection) => Some(rejection.reason()),
            None if !restricted.is_empty() => Some(Reason::RestrictedWord),
            None => None,
        };
        let span = rejection.map(Rejection::span);
        Record {
            input,
            ok: reason.is_none(),
            reason: reason.map(Reason::as_str),
            code: reason.map(Reason::alibaba_code),
            tencent_code: reason.and_then(Reason::tencent_code),
            message: reason.map(Reason::message),
            message_zh: reason.map(Reason::message_zh),
            ascii: verdict.map(Verdict::ascii),
            unicode: verdict.map(Verdict::unicode),
            suffix: verdict.and_then(Verdict::suffix),
            registrable: verdict.and_then(Verdict::registrable),
            flags: verdict.map(Verdict::flags).unwrap_or_default(),
            restricted,
            label: rejection.and_then(Rejection::label),
            span: span.map(|span| [span.start, span.end]),
            skeleton: verdict.map(Verdict::skeleton),
            variant_key: verdict.map(|v| v.variant_key().into_owned()),
        }
    }
}

/// Writes `record` as one line of JSON.
pub fn write_line(out: &mut impl Write, record: &Record<'_>) -> io::Result<()> {
    // serde_json's io errors convert back to io::Error with their kind
    // intact, so a broken pipe is still recognised in `main`.
    serde_json::to_writer(&mut *out, record).map_err(io::Error::from)?;
    out.write_all(b"\n")
}
