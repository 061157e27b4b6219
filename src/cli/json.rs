//! The JSON output, and the record of one result that the table is drawn
//! from too.

use dncheck::{Flags, Reason, Rejection, Verdict, WordList};

use super::{jsonw, Found, Input};

/// One result line. [`write_line`] writes its keys in the order of the
/// contract; do not reorder them there.
pub struct Record<'a> {
    pub input: Input<'a>,
    pub ok: bool,
    pub reason: Option<Reason>,
    pub ascii: Option<&'a str>,
    pub unicode: Option<&'a str>,
    pub suffix: Option<&'a str>,
    pub registrable: Option<&'a str>,
    pub flags: Flags,
    /// The word list, and its hits in the name.
    pub words: Option<&'a WordList>,
    pub restricted: &'a [Found],
    pub label: Option<usize>,
    /// `[start, end]`, byte offsets into the input as printed.
    pub span: Option<[usize; 2]>,
    /// The normalised name, for the keys computed only where they are
    /// written: `skeleton` and `variant_key`.
    pub verdict: Option<&'a Verdict<'a>>,
}

impl<'a> Record<'a> {
    /// The record of a name: `verdict` if normalisation succeeded (its
    /// forms are reported whatever came next), `rejection` if some stage
    /// refused the name, `restricted` the hits of `words` the words stage
    /// found in an accepted name (which make it `restricted_word`, not ok;
    /// `label` and `span` are then those of the first hit).
    pub fn new(
        input: Input<'a>,
        verdict: Option<&'a Verdict<'_>>,
        rejection: Option<&Rejection>,
        words: Option<&'a WordList>,
        restricted: &'a [Found],
    ) -> Record<'a> {
        let reason = match rejection {
            Some(rejection) => Some(rejection.reason()),
            None if !restricted.is_empty() => Some(Reason::RestrictedWord),
            None => None,
        };
        let printed = |[start, end]: [usize; 2]| {
            [
                input.printed_offset(start, false),
                input.printed_offset(end, true),
            ]
        };
        let first = restricted.first().filter(|_| rejection.is_none());
        let span = match rejection {
            Some(rejection) => Some(printed([rejection.span().start, rejection.span().end])),
            None => first.map(|hit| printed(hit.span)),
        };
        let label = match rejection {
            Some(rejection) => rejection.label(),
            None => first.map(|hit| hit.label),
        };
        Record {
            input,
            ok: reason.is_none(),
            reason,
            ascii: verdict.map(Verdict::ascii),
            unicode: verdict.map(Verdict::unicode),
            suffix: verdict.and_then(Verdict::suffix),
            registrable: verdict.and_then(Verdict::registrable),
            flags: verdict.map(Verdict::flags).unwrap_or_default(),
            words,
            restricted,
            label,
            span,
            verdict,
        }
    }

    /// The record of an input refused before it was checked.
    pub fn refused(input: Input<'a>, reason: Reason) -> Record<'a> {
        Record {
            input,
            ok: false,
            reason: Some(reason),
            ascii: None,
            unicode: None,
            suffix: None,
            registrable: None,
            flags: Flags::default(),
            words: None,
            restricted: &[],
            label: None,
            span: None,
            verdict: None,
        }
    }

    /// The hits: each word as the list writes it, its label and its span in
    /// the input as printed.
    pub fn hits(&self) -> impl Iterator<Item = (&'a str, usize, [usize; 2])> + '_ {
        self.restricted.iter().map(|hit| {
            let word = self
                .words
                .and_then(|w| w.get(hit.index))
                .map_or("", |w| w.0);
            let span = [
                self.input.printed_offset(hit.span[0], false),
                self.input.printed_offset(hit.span[1], true),
            ];
            (word, hit.label, span)
        })
    }
}

/// `,"KEY":` as one string (`{"KEY":` for the first), so that each key
/// is one copy.
macro_rules! key {
    (first $key:literal) => {
        concat!("{\"", $key, "\":").as_bytes()
    };
    ($key:literal) => {
        concat!(",\"", $key, "\":").as_bytes()
    };
}

/// Appends `record` as one line of JSON, keys in the contract's order.
pub fn write_line(out: &mut Vec<u8>, r: &Record<'_>) {
    out.reserve(512);
    out.extend_from_slice(key!(first "input"));
    r.input.write_json(out);
    match r.reason {
        // An accepted name: six keys known in advance, one copy.
        None => out.extend_from_slice(
            concat!(
                ",\"ok\":true,\"reason\":null,\"code\":null,\"tencent_code\":null,",
                "\"message\":null,\"message_zh\":null"
            )
            .as_bytes(),
        ),
        Some(reason) => {
            out.extend_from_slice(b",\"ok\":false");
            out.extend_from_slice(key!("reason"));
            jsonw::string(out, reason.as_str());
            out.extend_from_slice(key!("code"));
            jsonw::string(out, reason.alibaba_code());
            out.extend_from_slice(key!("tencent_code"));
            jsonw::opt_string(out, reason.tencent_code());
            out.extend_from_slice(key!("message"));
            jsonw::string(out, reason.message());
            out.extend_from_slice(key!("message_zh"));
            jsonw::string(out, reason.message_zh());
        }
    }
    out.extend_from_slice(key!("ascii"));
    jsonw::opt_string(out, r.ascii);
    out.extend_from_slice(key!("unicode"));
    jsonw::opt_string(out, r.unicode);
    out.extend_from_slice(key!("suffix"));
    jsonw::opt_string(out, r.suffix);
    out.extend_from_slice(key!("registrable"));
    jsonw::opt_string(out, r.registrable);
    out.extend_from_slice(key!("flags"));
    out.push(b'[');
    for (i, flag) in r.flags.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        jsonw::string(out, flag.as_str());
    }
    out.push(b']');
    out.extend_from_slice(key!("restricted"));
    out.push(b'[');
    for (i, (word, label, span)) in r.hits().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        out.extend_from_slice(key!(first "word"));
        jsonw::string(out, word);
        out.extend_from_slice(key!("label"));
        jsonw::uint(out, label as u64);
        out.extend_from_slice(key!("span"));
        jsonw::opt_span(out, Some(span));
        out.push(b'}');
    }
    out.push(b']');
    out.extend_from_slice(key!("label"));
    jsonw::opt_uint(out, r.label);
    out.extend_from_slice(key!("span"));
    jsonw::opt_span(out, r.span);
    out.extend_from_slice(key!("skeleton"));
    jsonw::opt_string(out, r.verdict.map(Verdict::skeleton).as_deref());
    out.extend_from_slice(key!("variant_key"));
    jsonw::opt_string(out, r.verdict.map(Verdict::variant_key).as_deref());
    out.extend_from_slice(b"}\n");
}

#[cfg(test)]
mod tests {
    use dncheck::{Checker, Profile};
    use serde_json::{json, Value};

    /// The record of `name` as the CLI makes it, written.
    fn line(checker: &Checker, name: &[u8]) -> Value {
        let mut out = Vec::new();
        super::super::Reporter::new(checker, super::super::Format::Json, false)
            .name(name, &mut out);
        assert_eq!(out.last(), Some(&b'\n'));
        assert_eq!(out.iter().filter(|&&b| b == b'\n').count(), 1);
        serde_json::from_slice(&out).expect("valid JSON")
    }

    #[test]
    fn records_are_valid_json_in_key_order() {
        let checker = Checker::builder().profile(Profile::Hostname).build();
        let v = line(&checker, "WWW.例子.中国".as_bytes());
        assert_eq!(
            v,
            json!({
                "input": "WWW.例子.中国", "ok": true, "reason": null, "code": null,
                "tencent_code": null, "message": null, "message_zh": null,
                "ascii": "www.xn--fsqu00a.xn--fiqs8s", "unicode": "www.例子.中国",
                "suffix": "xn--fiqs8s", "registrable": "xn--fsqu00a.xn--fiqs8s",
                "flags": ["idn", "mapped"], "restricted": [], "label": null, "span": null,
                "skeleton": "例子.中国", "variant_key": "www.xn--fsqu00a.xn--fiqs8s"
            })
        );
        let v = line(&checker, b"a\"b\\\x01\xff.cn");
        assert_eq!(v["input"], "a\"b\\\u{1}\u{FFFD}.cn");
        assert_eq!(v["reason"], "invalid_char");
        assert_eq!(v["span"], json!([1, 2])); // the quote

        // The span of an invalid byte covers its U+FFFD in the printed input.
        let v = line(&checker, b"a\xff.cn");
        assert_eq!(v["input"], "a\u{FFFD}.cn");
        assert_eq!(v["span"], json!([1, 4]));
    }
}
