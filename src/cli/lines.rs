//! The CLI's line reader: lines of a byte stream through one fixed buffer,
//! with a bound on what is held of any one line.
//!
//! * Lines end in LF; one CR before the LF is stripped (also before the end
//!   of input). A last line without LF counts; the empty "line" after a
//!   final LF does not.
//! * A line of at most [`MAX_LINE`] bytes (after stripping) is returned
//!   whole, borrowed from the read buffer where it lies in it, else from one
//!   reusable line buffer of at most [`MAX_LINE`] bytes.
//! * A longer line is returned as [`Line::Long`]: its first [`HEAD`] bytes
//!   and its length. The rest is read and counted, never held, so a line of
//!   any length (a 300 MB line without LF included) costs bounded memory.
//! * [`LineReader::line_buffered`] says, without blocking, whether the next
//!   line is already complete in the buffer: the run loop answers and
//!   flushes before it could block (interactive use, co-processes).
//!
//! This file uses only `std` and `memchr`, so the fuzz target
//! `fuzz/fuzz_targets/lines.rs` includes it as it is (`#[path]`).

use std::io::{self, Read};

/// The longest line answered as a name: 64 KiB. A domain name is at most
/// 253 octets in ASCII form; its input spelling can be longer only through
/// mapped or ignored characters, never by this much. A longer line is
/// answered `too_long` without being held.
pub const MAX_LINE: usize = 64 * 1024;

/// How many bytes of an over-long line are kept to show in its answer.
pub const HEAD: usize = 64;

/// The read buffer's capacity.
pub const BUF: usize = 64 * 1024;

/// One line of input.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Line<'a> {
    /// A line of at most [`MAX_LINE`] bytes, without its line end.
    Full(&'a [u8]),
    /// A longer line: its first [`HEAD`] bytes, and its length in bytes
    /// (without its line end).
    Long { head: &'a [u8], len: u64 },
}

/// Reads lines from `R` through one buffer of [`BUF`] bytes.
pub struct LineReader<R> {
    inner: R,
    buf: Box<[u8]>,
    /// The unread bytes are `buf[start..end]`.
    start: usize,
    end: usize,
    /// The index of the next LF in `buf[start..end]`, if it was looked for
    /// and found; `scanned`: the bytes from `start` up to there hold no LF.
    next_lf: Option<usize>,
    scanned: usize,
    eof: bool,
    /// The part of a line that straddles reads (at most [`MAX_LINE`] + 1
    /// bytes; beyond that only counted).
    partial: Vec<u8>,
    /// Total bytes consumed from the input (for progress).
    consumed: u64,
    /// [`MAX_LINE`], but for tests and fuzzing.
    max_line: usize,
}

impl<R: Read> LineReader<R> {
    pub fn new(inner: R) -> LineReader<R> {
        Self::with_capacity(BUF, inner)
    }

    /// A reader with a read buffer of `capacity` bytes (at least 1; small
    /// ones exercise the straddling paths in tests and fuzzing).
    pub fn with_capacity(capacity: usize, inner: R) -> LineReader<R> {
        Self::with_limits(capacity, MAX_LINE, inner)
    }

    /// A reader with a buffer of `capacity` bytes that takes lines over
    /// `max_line` bytes for long ones (tests and fuzzing: [`MAX_LINE`]
    /// needs long inputs). The head of a long line is its first
    /// `min(HEAD, max_line + 1)` bytes.
    pub fn with_limits(capacity: usize, max_line: usize, inner: R) -> LineReader<R> {
        LineReader {
            max_line,
            inner,
            buf: vec![0; capacity.max(1)].into_boxed_slice(),
            start: 0,
            end: 0,
            next_lf: None,
            scanned: 0,
            eof: false,
            partial: Vec::new(),
            consumed: 0,
        }
    }

    /// Bytes of input consumed so far, line ends included.
    pub fn consumed(&self) -> u64 {
        self.consumed
    }

    /// Whether the next line is complete in the buffer already (so that
    /// reading it will not block). Each byte is scanned once over both this
    /// and [`next_line`](Self::next_line).
    pub fn line_buffered(&mut self) -> bool {
        if !self.partial.is_empty() {
            return false;
        }
        self.find_lf().is_some()
    }

    /// The index of the next LF in the unread bytes, remembered.
    fn find_lf(&mut self) -> Option<usize> {
        if self.next_lf.is_none() && self.scanned < self.end {
            let from = self.scanned.max(self.start);
            match memchr::memchr(b'\n', &self.buf[from..self.end]) {
                Some(i) => self.next_lf = Some(from + i),
                None => self.scanned = self.end,
            }
        }
        self.next_lf
    }

    /// The next line, or `None` at the end of input.
    pub fn next_line(&mut self) -> io::Result<Option<Line<'_>>> {
        self.partial.clear();
        // Bytes of the line past what `partial` keeps (MAX_LINE + 1).
        let mut skipped: u64 = 0;
        // The line's last byte so far, for a CR before its end.
        let mut last = 0u8;
        loop {
            let lf = self.find_lf();
            let from = self.start;
            let to = lf.unwrap_or(self.end);
            if let Some(lf) = lf {
                self.start = lf + 1;
                self.next_lf = None;
                self.consumed += (lf + 1 - from) as u64;
                if self.partial.is_empty() {
                    // The common case: the whole line lies in the buffer.
                    let line = strip_cr(&self.buf[from..lf]);
                    if line.len() <= self.max_line {
                        return Ok(Some(Line::Full(line)));
                    }
                    // Only with a buffer larger than the line limit.
                    let len = line.len() as u64;
                    self.partial
                        .extend_from_slice(&line[..HEAD.min(self.max_line + 1)]);
                    return Ok(Some(Line::Long {
                        head: &self.partial,
                        len,
                    }));
                }
            } else {
                self.consumed += (to - from) as u64;
                self.start = 0;
                self.end = 0;
                self.scanned = 0;
            }
            // The line straddles reads: keep what fits, count the rest.
            let piece = &self.buf[from..to];
            if let Some(&byte) = piece.last() {
                last = byte;
            }
            let room = (self.max_line + 1).saturating_sub(self.partial.len());
            let kept = piece.len().min(room);
            self.partial.extend_from_slice(&piece[..kept]);
            skipped += (piece.len() - kept) as u64;
            if lf.is_none() && !self.eof {
                self.fill()?;
                continue;
            }
            if lf.is_none() && self.partial.is_empty() {
                return Ok(None); // end of input, and no line begun
            }
            let mut len = self.partial.len() as u64 + skipped;
            if last == b'\r' {
                len -= 1;
            }
            if len <= self.max_line as u64 {
                if last == b'\r' {
                    self.partial.pop();
                }
                return Ok(Some(Line::Full(&self.partial)));
            }
            return Ok(Some(Line::Long {
                head: &self.partial[..HEAD.min(self.max_line + 1)],
                len,
            }));
        }
    }

    /// Reads more input into the (empty) buffer; sets `eof` on end of input.
    fn fill(&mut self) -> io::Result<()> {
        loop {
            match self.inner.read(&mut self.buf) {
                Ok(0) => {
                    self.eof = true;
                    return Ok(());
                }
                Ok(n) => {
                    self.end = n;
                    return Ok(());
                }
                Err(err) if err.kind() == io::ErrorKind::Interrupted => {}
                Err(err) => return Err(err),
            }
        }
    }
}

/// `line` without one CR at its end.
fn strip_cr(line: &[u8]) -> &[u8] {
    line.strip_suffix(b"\r").unwrap_or(line)
}

/// The lines of `input` as [`LineReader::with_limits`] with `max_line`
/// returns them, by the plain definition (split on LF, the empty piece after
/// a last LF dropped, one CR stripped): the oracle of tests and fuzzing.
/// Long lines are `(head, len)`, full ones `(line, len)` too.
#[allow(dead_code)] // tests and fuzzing
pub fn reference_lines(input: &[u8], max_line: usize) -> Vec<(Vec<u8>, u64, bool)> {
    let mut pieces: Vec<&[u8]> = input.split(|&b| b == b'\n').collect();
    if pieces.last().is_some_and(|p| p.is_empty()) {
        pieces.pop();
    }
    pieces
        .into_iter()
        .map(|piece| {
            let line = strip_cr(piece);
            if line.len() <= max_line {
                (line.to_vec(), line.len() as u64, false)
            } else {
                let head = HEAD.min(max_line + 1);
                (line[..head].to_vec(), line.len() as u64, true)
            }
        })
        .collect()
}

/// All lines of `input` read through a buffer of `capacity` bytes, in the
/// shape of [`reference_lines`], checking on the way that
/// [`LineReader::line_buffered`] never promises a line that then needs a
/// read, and that [`LineReader::consumed`] ends at the input's length.
#[allow(dead_code)] // tests and fuzzing
pub fn read_all(input: &[u8], capacity: usize, max_line: usize) -> Vec<(Vec<u8>, u64, bool)> {
    /// A reader that yields at most `step` bytes a call, and counts calls.
    struct Trickle<'a> {
        data: &'a [u8],
        step: usize,
        reads: usize,
    }
    impl Read for Trickle<'_> {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            self.reads += 1;
            let n = self.data.len().min(buf.len()).min(self.step);
            buf[..n].copy_from_slice(&self.data[..n]);
            self.data = &self.data[n..];
            Ok(n)
        }
    }
    let step = 1 + input.len() % 7 + capacity;
    let mut reader = LineReader::with_limits(
        capacity,
        max_line,
        Trickle {
            data: input,
            step,
            reads: 0,
        },
    );
    let mut lines = Vec::new();
    loop {
        let promised = reader.line_buffered();
        let reads = reader.inner.reads;
        let line = match reader.next_line().expect("reading a slice cannot fail") {
            None => break,
            Some(Line::Full(line)) => (line.to_vec(), line.len() as u64, false),
            Some(Line::Long { head, len }) => (head.to_vec(), len, true),
        };
        assert!(
            !promised || reader.inner.reads == reads,
            "a buffered line needed a read"
        );
        lines.push(line);
    }
    assert_eq!(reader.consumed(), input.len() as u64);
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: &[u8], max_line: usize) {
        let expected = reference_lines(input, max_line);
        for capacity in [1, 2, 3, 5, 8, 64, 1000, BUF] {
            assert_eq!(
                read_all(input, capacity, max_line),
                expected,
                "capacity {capacity}, max_line {max_line}, input {:?}",
                String::from_utf8_lossy(input)
            );
        }
    }

    #[test]
    fn lines_as_defined() {
        for input in [
            &b""[..],
            b"\n",
            b"\n\n",
            b"a",
            b"a\n",
            b"a\r\n",
            b"a\r",
            b"\r",
            b"\r\r\n",
            b"a\nb",
            b"ab\r\ncd\r\n\nef",
            b"0123456789\r\n01234567890\n012345678901\r",
        ] {
            for max_line in [0, 1, 3, 10, 11, MAX_LINE] {
                check(input, max_line);
            }
        }
    }

    #[test]
    fn long_lines() {
        let mut input = vec![b'x'; MAX_LINE];
        input.extend_from_slice(b"\r\n");
        input.extend(vec![b'y'; MAX_LINE + 1]);
        input.extend_from_slice(b"\nz\n");
        input.extend(vec![b'w'; 3 * MAX_LINE]);
        input.extend_from_slice(b"\r");
        let lines = read_all(&input, BUF, MAX_LINE);
        assert_eq!(lines, reference_lines(&input, MAX_LINE));
        let kinds: Vec<_> = lines.iter().map(|l| (l.1, l.2)).collect();
        let max = MAX_LINE as u64;
        assert_eq!(
            kinds,
            [(max, false), (max + 1, true), (1, false), (3 * max, true)]
        );
        assert_eq!(lines[1].0, vec![b'y'; HEAD]);
    }
}
