//! [`Cooldown`]: at most one accepted request per key inside a window.

use alloc::collections::BTreeMap;
use alloc::string::{String, ToString};

use crate::Reason;

/// Per key, a repeat inside a window answers [`Reason::TooOften`] (Alibaba
/// Cloud DNS `Forbidden.TooOfen`: "90 秒内不允许重复找回").
///
/// The window runs from the accepted request: one accepted at `t` refuses
/// the same key at every time in `t .. t + window` and accepts it again from
/// `t + window` on, so with the default window of 90 s a repeat at exactly
/// 90 000 ms is accepted and one at 89 999 ms is refused. A refused request
/// does not extend the window. Keys are meant to be canonical keys
/// ([`Verdict::key`](crate::Verdict::key)), so that every spelling of a name
/// shares one window.
///
/// Memory is bounded: entries whose window has passed are dropped as new
/// ones come in, and at the bound (default 100 000 keys, about 10 MB for
/// keys of DNS size) the oldest entry goes first, even inside its window:
/// a repeat of that name is then let through early. The bound trades that
/// for memory that a flood of distinct names cannot grow.
///
/// The clock is given as milliseconds; a clock that goes backwards counts
/// as no time passing.
///
/// # Example
///
/// ```
/// use dncheck::{registrar::Cooldown, Reason};
///
/// let mut c = Cooldown::default();
/// assert_eq!(c.try_start("example.cn", 1_000), Ok(()));
/// assert_eq!(c.try_start("example.cn", 1_000 + 89_999), Err(Reason::TooOften));
/// assert_eq!(c.try_start("example.cn", 1_000 + 90_000), Ok(()));
/// ```
#[derive(Clone, Debug)]
pub struct Cooldown {
    window_ms: u64,
    max_keys: usize,
    /// Key → (start of its window, its entry in `order`).
    keys: BTreeMap<String, (u64, u64)>,
    /// Insertion sequence → key: the oldest window first.
    order: BTreeMap<u64, String>,
    next: u64,
}

impl Default for Cooldown {
    /// A window of [`Cooldown::DEFAULT_WINDOW_MS`] and a bound of
    /// [`Cooldown::DEFAULT_MAX_KEYS`].
    fn default() -> Self {
        Cooldown::new(Cooldown::DEFAULT_WINDOW_MS, Cooldown::DEFAULT_MAX_KEYS)
    }
}

impl Cooldown {
    /// Alibaba Cloud DNS's window: 90 seconds.
    pub const DEFAULT_WINDOW_MS: u64 = 90_000;
    /// The default bound on keys kept.
    pub const DEFAULT_MAX_KEYS: usize = 100_000;

    /// A cooldown of `window_ms` milliseconds per key keeping at most
    /// `max_keys` keys (at least 1).
    ///
    /// # Example
    ///
    /// ```
    /// use dncheck::{registrar::Cooldown, Reason};
    ///
    /// let mut c = Cooldown::new(1_000, 2);
    /// assert_eq!(c.window_ms(), 1_000);
    /// assert_eq!(c.max_keys(), 2);
    /// c.try_start("a.cn", 0).unwrap();
    /// assert_eq!(c.try_start("a.cn", 999), Err(Reason::TooOften));
    /// ```
    #[must_use]
    pub fn new(window_ms: u64, max_keys: usize) -> Cooldown {
        Cooldown {
            window_ms,
            max_keys: max_keys.max(1),
            keys: BTreeMap::new(),
            order: BTreeMap::new(),
            next: 0,
        }
    }

    /// The window in milliseconds.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(dncheck::registrar::Cooldown::default().window_ms(), 90_000);
    /// ```
    #[must_use]
    pub const fn window_ms(&self) -> u64 {
        self.window_ms
    }

    /// The bound on keys kept.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(dncheck::registrar::Cooldown::default().max_keys(), 100_000);
    /// ```
    #[must_use]
    pub const fn max_keys(&self) -> usize {
        self.max_keys
    }

    /// The number of keys kept (some may have expired and not yet been
    /// dropped).
    ///
    /// # Example
    ///
    /// ```
    /// let mut c = dncheck::registrar::Cooldown::default();
    /// c.try_start("a.cn", 0).unwrap();
    /// assert_eq!(c.len(), 1);
    /// ```
    #[must_use]
    pub fn len(&self) -> usize {
        self.keys.len()
    }

    /// `true` if no key is kept.
    ///
    /// # Example
    ///
    /// ```
    /// assert!(dncheck::registrar::Cooldown::default().is_empty());
    /// ```
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }

    /// How long until `key` may start again at `now_ms`: `0` if it may now.
    ///
    /// # Example
    ///
    /// ```
    /// let mut c = dncheck::registrar::Cooldown::default();
    /// c.try_start("a.cn", 0).unwrap();
    /// assert_eq!(c.remaining_ms("a.cn", 60_000), 30_000);
    /// assert_eq!(c.remaining_ms("b.cn", 60_000), 0);
    /// ```
    #[must_use]
    pub fn remaining_ms(&self, key: &str, now_ms: u64) -> u64 {
        match self.keys.get(key) {
            Some(&(start, _)) => {
                let elapsed = now_ms.saturating_sub(start);
                self.window_ms.saturating_sub(elapsed)
            }
            None => 0,
        }
    }

    /// Starts `key`'s window at `now_ms` unless it is inside one.
    ///
    /// # Errors
    ///
    /// [`Reason::TooOften`] if `key` was started less than the window ago;
    /// nothing changes then.
    ///
    /// # Example
    ///
    /// ```
    /// use dncheck::{registrar::Cooldown, Reason};
    ///
    /// let mut c = Cooldown::default();
    /// assert_eq!(c.try_start("xn--fsqu00a.xn--fiqs8s", 0), Ok(()));
    /// assert_eq!(c.try_start("xn--fsqu00a.xn--fiqs8s", 5_000), Err(Reason::TooOften));
    /// assert_eq!(c.try_start("example.cn", 5_000), Ok(())); // other keys are free
    /// ```
    pub fn try_start(&mut self, key: &str, now_ms: u64) -> Result<(), Reason> {
        self.expire(now_ms);
        if self.remaining_ms(key, now_ms) > 0 {
            return Err(Reason::TooOften);
        }
        // A new window for the key: its old entry (expired) goes.
        if let Some((_, seq)) = self.keys.remove(key) {
            self.order.remove(&seq);
        }
        while self.keys.len() >= self.max_keys {
            let Some((_, oldest)) = self.order.pop_first() else {
                break;
            };
            self.keys.remove(&oldest);
        }
        let seq = self.next;
        self.next += 1;
        self.keys.insert(key.to_string(), (now_ms, seq));
        self.order.insert(seq, key.to_string());
        Ok(())
    }

    /// Drops entries from the oldest on while their window has passed.
    fn expire(&mut self, now_ms: u64) {
        while let Some((&seq, key)) = self.order.first_key_value() {
            let start = self.keys.get(key).map_or(0, |&(start, _)| start);
            if now_ms.saturating_sub(start) < self.window_ms {
                break;
            }
            let key = self.order.remove(&seq).unwrap_or_default();
            self.keys.remove(&key);
        }
    }
}
