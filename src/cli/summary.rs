//! `--summary`: counts per reason and per suffix, a table on standard error.

use std::collections::HashMap;
use std::io::{self, Write};

use dncheck::Reason;

use super::json::Record;

/// Suffixes listed by name in the table; the rest are counted together.
const TOP_SUFFIXES: usize = 20;

/// Counts over answered names; one per thread, merged at the end.
#[derive(Debug, Default)]
pub struct Summary {
    names: u64,
    accepted: u64,
    /// Refusals by reason, indexed as `Reason::ALL`.
    reasons: Vec<u64>,
    /// Names (accepted or not) by public suffix, in A-label form; names
    /// whose suffix is unknown (refused before the suffix stage) are not
    /// counted here.
    suffixes: HashMap<Box<str>, u64>,
}

impl Summary {
    pub fn add(&mut self, record: &Record<'_>) {
        self.names += 1;
        match record.reason {
            None => self.accepted += 1,
            Some(reason) => {
                if self.reasons.is_empty() {
                    self.reasons = vec![0; Reason::ALL.len()];
                }
                if let Some(i) = Reason::ALL.iter().position(|&r| r == reason) {
                    self.reasons[i] += 1;
                }
            }
        }
        if let Some(suffix) = record.suffix {
            // Allocates only for a suffix not seen before.
            match self.suffixes.get_mut(suffix) {
                Some(n) => *n += 1,
                None => {
                    self.suffixes.insert(suffix.into(), 1);
                }
            }
        }
    }

    pub fn merge(&mut self, other: Summary) {
        self.names += other.names;
        self.accepted += other.accepted;
        if self.reasons.is_empty() {
            self.reasons = vec![0; Reason::ALL.len()];
        }
        for (i, n) in other.reasons.into_iter().enumerate() {
            self.reasons[i] += n;
        }
        for (suffix, n) in other.suffixes {
            *self.suffixes.entry(suffix).or_default() += n;
        }
    }

    /// The table:
    ///
    /// ```text
    /// names       3
    /// accepted    1
    /// refused     2
    ///
    /// reason           names
    /// invalid_char         1
    /// unknown_suffix       1
    ///
    /// suffix           names
    /// cn                   1
    /// ```
    pub fn write(&self, out: &mut impl Write) -> io::Result<()> {
        let refused = self.names - self.accepted;
        writeln!(out, "{:<18} {:>12}", "names", self.names)?;
        writeln!(out, "{:<18} {:>12}", "accepted", self.accepted)?;
        writeln!(out, "{:<18} {:>12}", "refused", refused)?;
        if refused > 0 {
            writeln!(out, "\n{:<18} {:>12}", "reason", "names")?;
            let mut reasons: Vec<(Reason, u64)> = Reason::ALL
                .iter()
                .zip(&self.reasons)
                .filter(|(_, &n)| n > 0)
                .map(|(&r, &n)| (r, n))
                .collect();
            reasons.sort_by_key(|&(_, n)| std::cmp::Reverse(n));
            for (reason, n) in reasons {
                writeln!(out, "{:<18} {:>12}", reason.as_str(), n)?;
            }
        }
        if !self.suffixes.is_empty() {
            writeln!(out, "\n{:<18} {:>12}", "suffix", "names")?;
            let mut suffixes: Vec<(&str, u64)> =
                self.suffixes.iter().map(|(s, &n)| (&**s, n)).collect();
            suffixes.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
            for (suffix, n) in suffixes.iter().take(TOP_SUFFIXES) {
                writeln!(out, "{suffix:<18} {n:>12}")?;
            }
            if suffixes.len() > TOP_SUFFIXES {
                let rest = &suffixes[TOP_SUFFIXES..];
                let names: u64 = rest.iter().map(|s| s.1).sum();
                let label = format!("({} more)", rest.len());
                writeln!(out, "{label:<18} {names:>12}")?;
            }
        }
        Ok(())
    }
}
