//! The binary's parts: the command line and its option files ([`args`]),
//! and the two output formats ([`table`], [`json`]) of one checked name
//! ([`report`]). The run loop and the streaming are in `main.rs`.

pub mod args;
pub mod json;
pub mod table;

use std::io::{self, Write};

use dncheck::Checker;

use self::json::Record;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Format {
    #[default]
    Table,
    Json,
}

/// Checks one name and writes its line. Returns whether it was accepted.
pub fn report(
    checker: &Checker,
    format: Format,
    name: &[u8],
    out: &mut impl Write,
) -> io::Result<bool> {
    // `check_bytes` in two steps, so that the normalised forms and the
    // suffix stage's answer survive a refusal of the suffix stage.
    let mut normalized = checker.normalize_bytes(name);
    let suffix_refusal = match &mut normalized {
        Ok(verdict) => checker.check_normalized(verdict).err(),
        Err(_) => None,
    };
    let (verdict, rejection) = match &normalized {
        Ok(verdict) => (Some(verdict), suffix_refusal.as_ref()),
        Err(rejection) => (None, Some(rejection)),
    };
    // The matched list words, each once, in the order of their first hit.
    let mut restricted: Vec<&str> = Vec::new();
    if let Some(verdict) = verdict.filter(|_| rejection.is_none()) {
        for hit in checker.restricted(verdict) {
            if !restricted.contains(&hit.word()) {
                restricted.push(hit.word());
            }
        }
    }
    // Borrowed when the input is UTF-8, so the common case copies nothing.
    let input = String::from_utf8_lossy(name);
    let record = Record::new(&input, verdict, rejection, &restricted);
    match format {
        Format::Json => json::write_line(out, &record)?,
        Format::Table => table::write_row(out, &record)?,
    }
    Ok(record.ok)
}
