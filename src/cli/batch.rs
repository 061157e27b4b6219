//! The run over every input: the names of the command line, then the lines
//! of each `-i FILE` (or of standard input), answered in input order.
//!
//! * **Serial** (`--threads 1`, or names only): one [`Reporter`] appends
//!   answers to one output buffer, written out when it holds 64 KiB or when
//!   the next input line is not already buffered.
//! * **Threads** (`--threads N`, N > 1): the calling thread reads lines
//!   into chunks (up to [`CHUNK_LINES`] lines or [`CHUNK_BYTES`] bytes, and
//!   a chunk ends early whenever the next line is not already buffered, so
//!   that a co-process gets each answer as soon as its line is in); N
//!   workers answer whole chunks into the chunk's own output buffer; one
//!   writer thread writes the chunks' outputs in input order. At most
//!   [`CHUNKS_PER_THREAD`] x N chunks exist, recycled from the writer back
//!   to the reader, so memory is bounded whatever the input's size.
//!
//! Lines are read by [`LineReader`]: a line over [`super::lines::MAX_LINE`] is
//! answered `too_long` without being held.

use std::collections::BTreeMap;
use std::fs::File;
use std::io::{self, IsTerminal, Read, Write};
use std::path::PathBuf;
use std::sync::mpsc;
use std::sync::Mutex;
use std::thread;

use dncheck::Checker;

use super::lines::{Line, LineReader};
use super::summary::Summary;
use super::workflow::Workflow;
use super::{Format, Reporter};

/// Output bytes gathered before a write.
const OUT_BUF: usize = 64 * 1024;
/// A chunk is sent to a worker when it holds this many lines ...
pub const CHUNK_LINES: usize = 1024;
/// ... or this many bytes of input.
pub const CHUNK_BYTES: usize = 64 * 1024;
/// Chunks in flight per worker thread.
pub const CHUNKS_PER_THREAD: usize = 4;

/// How a run goes.
pub struct Options {
    pub format: Format,
    pub threads: usize,
    pub summary: bool,
    /// `--registered`, `--hosted`, `--owner`.
    pub workflow: Option<Workflow>,
}

/// An input of lines.
pub enum Source {
    Stdin,
    File(File),
}

impl Source {
    /// Opens the inputs of `-i` (`-` is standard input; no `-i`: standard
    /// input). The error is one line, worded as the option files' errors.
    pub fn open_all(paths: &[PathBuf]) -> Result<Vec<Source>, String> {
        paths
            .iter()
            .map(|path| {
                if path.as_os_str() == "-" {
                    return Ok(Source::Stdin);
                }
                File::open(path).map(Source::File).map_err(|err| {
                    super::args::file_error("-i", path, format_args!("cannot read: {err}"))
                })
            })
            .collect()
    }

    /// The input's size in bytes, where it is a regular file.
    fn size(&self) -> Option<u64> {
        let meta = match self {
            Source::File(file) => file.metadata().ok()?,
            Source::Stdin => stdin_metadata()?,
        };
        meta.is_file().then_some(meta.len())
    }

    fn reader(&self) -> Box<dyn Read + '_> {
        match self {
            Source::Stdin => Box::new(io::stdin().lock()),
            Source::File(file) => Box::new(file),
        }
    }
}

#[cfg(unix)]
fn stdin_metadata() -> Option<std::fs::Metadata> {
    use std::os::fd::AsFd;
    let fd = io::stdin().as_fd().try_clone_to_owned().ok()?;
    File::from(fd).metadata().ok()
}

#[cfg(not(unix))]
fn stdin_metadata() -> Option<std::fs::Metadata> {
    None
}

/// Checks every input and writes one line each to standard output; the
/// summary, if asked for, to standard error. `Ok(true)` if all were
/// accepted.
pub fn run(
    checker: &Checker,
    options: &Options,
    names: &[Vec<u8>],
    sources: &[Source],
) -> io::Result<bool> {
    let mut reporter = Reporter::new(checker, options.format, options.summary)
        .with_workflow(options.workflow.as_ref());
    let mut out = Output::new();
    for name in names {
        reporter.name(name, &mut out.buf);
        out.maybe_write()?;
    }
    out.write()?;
    let progress = Progress::new(sources);
    let mut summary = Summary::default();
    let mut all_ok = true;
    if options.threads <= 1 {
        for source in sources {
            serial(&mut reporter, source, &mut out, &progress)?;
        }
        out.write()?;
    } else if !sources.is_empty() {
        let (ok, s) = parallel(checker, options, sources, &progress)?;
        all_ok &= ok;
        summary.merge(s);
    }
    all_ok &= reporter.all_ok;
    if let Some(s) = reporter.summary.take() {
        summary.merge(s);
    }
    progress.finish();
    if options.summary {
        summary.write(&mut io::stderr().lock())?;
    }
    Ok(all_ok)
}

/// Answers gathered for standard output.
struct Output {
    buf: Vec<u8>,
}

impl Output {
    fn new() -> Output {
        Output {
            buf: Vec::with_capacity(OUT_BUF + 4096),
        }
    }

    fn maybe_write(&mut self) -> io::Result<()> {
        if self.buf.len() >= OUT_BUF {
            self.write()?;
        }
        Ok(())
    }

    /// Writes and flushes what is gathered.
    fn write(&mut self) -> io::Result<()> {
        if !self.buf.is_empty() {
            let mut stdout = io::stdout().lock();
            stdout.write_all(&self.buf)?;
            stdout.flush()?;
            self.buf.clear();
        }
        Ok(())
    }
}

/// The lines of one source on this thread.
fn serial(
    reporter: &mut Reporter<'_>,
    source: &Source,
    out: &mut Output,
    progress: &Progress,
) -> io::Result<()> {
    let mut input = LineReader::new(source.reader());
    let mut since = 0;
    loop {
        // Before reading could block: write what is answered.
        if !input.line_buffered() {
            out.write()?;
            progress.set(input.consumed());
        }
        match input.next_line()? {
            None => break,
            Some(line) => {
                reporter.line(line, &mut out.buf);
            }
        }
        out.maybe_write()?;
        since += 1;
        if since == CHUNK_LINES {
            since = 0;
            progress.set(input.consumed());
        }
    }
    progress.done_with(input.consumed());
    Ok(())
}

/// A piece of input and, once answered, its output.
#[derive(Default)]
struct Chunk {
    seq: u64,
    /// The lines' bytes, one after the other.
    data: Vec<u8>,
    /// Each line: its end in `data`, and for a long line its length.
    lines: Vec<(usize, Option<u64>)>,
    out: Vec<u8>,
}

impl Chunk {
    fn push(&mut self, line: Line<'_>) {
        match line {
            Line::Full(bytes) => {
                self.data.extend_from_slice(bytes);
                self.lines.push((self.data.len(), None));
            }
            Line::Long { head, len } => {
                self.data.extend_from_slice(head);
                self.lines.push((self.data.len(), Some(len)));
            }
        }
    }

    fn is_full(&self) -> bool {
        self.lines.len() >= CHUNK_LINES || self.data.len() >= CHUNK_BYTES
    }

    /// Answers every line into `out`.
    fn answer(&mut self, reporter: &mut Reporter<'_>) {
        self.out.clear();
        let mut start = 0;
        for &(end, long) in &self.lines {
            let bytes = &self.data[start..end];
            let line = match long {
                None => Line::Full(bytes),
                Some(len) => Line::Long { head: bytes, len },
            };
            reporter.line(line, &mut self.out);
            start = end;
        }
    }
}

/// Reading on this thread, answering on `options.threads` workers, writing
/// on one more.
fn parallel(
    checker: &Checker,
    options: &Options,
    sources: &[Source],
    progress: &Progress,
) -> io::Result<(bool, Summary)> {
    let workers = options.threads;
    let (work_tx, work_rx) = mpsc::channel::<Chunk>();
    let work_rx = Mutex::new(work_rx);
    let (done_tx, done_rx) = mpsc::channel::<Chunk>();
    let (free_tx, free_rx) = mpsc::channel::<Chunk>();
    for _ in 0..workers * CHUNKS_PER_THREAD {
        free_tx
            .send(Chunk::default())
            .expect("the receiver is here");
    }
    thread::scope(|scope| {
        let handles: Vec<_> = (0..workers)
            .map(|_| {
                let done_tx = done_tx.clone();
                let work_rx = &work_rx;
                scope.spawn(move || {
                    let mut reporter = Reporter::new(checker, options.format, options.summary)
                        .with_workflow(options.workflow.as_ref());
                    loop {
                        // The lock is held only while waiting for a chunk.
                        let next = work_rx
                            .lock()
                            .map_err(|_| ())
                            .and_then(|rx| rx.recv().map_err(|_| ()));
                        let Ok(mut chunk) = next else { break };
                        chunk.answer(&mut reporter);
                        if done_tx.send(chunk).is_err() {
                            break; // the writer stopped
                        }
                    }
                    (reporter.all_ok, reporter.summary.unwrap_or_default())
                })
            })
            .collect();
        drop(done_tx);
        let writer = scope.spawn(move || -> io::Result<()> {
            let mut stdout = io::stdout().lock();
            let mut pending = BTreeMap::new();
            let mut next = 0u64;
            for chunk in done_rx {
                pending.insert(chunk.seq, chunk);
                while let Some(mut chunk) = pending.remove(&next) {
                    stdout.write_all(&chunk.out)?;
                    stdout.flush()?;
                    next += 1;
                    chunk.data.clear();
                    chunk.lines.clear();
                    chunk.out.clear();
                    // The reader may be gone already.
                    let _ = free_tx.send(chunk);
                }
            }
            Ok(())
        });

        // Read, on this thread.
        let read = (|| -> io::Result<()> {
            let mut seq = 0u64;
            let Ok(mut chunk) = free_rx.recv() else {
                return Ok(());
            };
            // Sends the chunk to the workers and takes a free one in its
            // place; `None` once the workers or the writer stopped.
            let mut send = |chunk: Chunk| -> Option<Chunk> {
                let mut chunk = chunk;
                chunk.seq = seq;
                seq += 1;
                work_tx.send(chunk).ok()?;
                free_rx.recv().ok()
            };
            for source in sources {
                let mut input = LineReader::new(source.reader());
                loop {
                    // Reading could block: send what is in first.
                    let blocked = !input.line_buffered() && !chunk.lines.is_empty();
                    if blocked {
                        progress.set(input.consumed());
                        let Some(next) = send(chunk) else {
                            return Ok(());
                        };
                        chunk = next;
                    }
                    match input.next_line()? {
                        None => break,
                        Some(line) => chunk.push(line),
                    }
                    if chunk.is_full() {
                        progress.set(input.consumed());
                        let Some(next) = send(chunk) else {
                            return Ok(());
                        };
                        chunk = next;
                    }
                }
                progress.done_with(input.consumed());
            }
            if !chunk.lines.is_empty() {
                chunk.seq = seq;
                let _ = work_tx.send(chunk);
            }
            Ok(())
        })();
        drop(work_tx);
        let mut all_ok = true;
        let mut summary = Summary::default();
        for handle in handles {
            let (ok, s) = handle.join().expect("a worker thread panicked");
            all_ok &= ok;
            summary.merge(s);
        }
        let written = writer.join().expect("the writer thread panicked");
        // A write error explains a stop of reading; report it first.
        written?;
        read?;
        Ok((all_ok, summary))
    })
}

/// The progress bar: on standard error, only when that is a terminal and
/// the size of every input is known.
struct Progress {
    bar: Option<indicatif::ProgressBar>,
    /// Bytes of the inputs finished before the current one.
    before: std::cell::Cell<u64>,
}

impl Progress {
    fn new(sources: &[Source]) -> Progress {
        let total: Option<u64> = if io::stderr().is_terminal() && !sources.is_empty() {
            sources.iter().map(Source::size).sum()
        } else {
            None
        };
        let bar = total.map(|total| {
            let bar = indicatif::ProgressBar::with_draw_target(
                Some(total),
                indicatif::ProgressDrawTarget::stderr(),
            );
            if let Ok(style) = indicatif::ProgressStyle::with_template(
                "{wide_bar} {bytes}/{total_bytes} {binary_bytes_per_sec} ETA {eta}",
            ) {
                bar.set_style(style);
            }
            bar
        });
        Progress {
            bar,
            before: std::cell::Cell::new(0),
        }
    }

    fn set(&self, consumed: u64) {
        if let Some(bar) = &self.bar {
            bar.set_position(self.before.get() + consumed);
        }
    }

    /// One input is read to its end, `consumed` bytes.
    fn done_with(&self, consumed: u64) {
        self.before.set(self.before.get() + consumed);
        self.set(0);
    }

    fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}
