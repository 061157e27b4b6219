//! [`RateLimit`]: a token bucket per caller.

use alloc::collections::BTreeMap;
use alloc::string::{String, ToString};
use core::fmt;

/// A request refused by a [`RateLimit`]: Tencent Cloud's
/// `RequestLimitExceeded`, a request-level error (the request was not
/// looked at), so a type of its own rather than a [`Reason`](crate::Reason)
/// about a name.
///
/// # Example
///
/// ```
/// use dncheck::registrar::{RateLimit, RateLimited};
///
/// let mut limit = RateLimit::new(1, 1, 10);
/// limit.check("AKIDEXAMPLE", 0).unwrap();
/// let refused: RateLimited = limit.check("AKIDEXAMPLE", 0).unwrap_err();
/// assert_eq!(refused.retry_after_ms(), 1_000);
/// assert_eq!(RateLimited::TENCENT_CODE, "RequestLimitExceeded");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RateLimited {
    retry_after_ms: u64,
}

impl RateLimited {
    /// Tencent Cloud's common error code for it.
    pub const TENCENT_CODE: &'static str = "RequestLimitExceeded";
    /// Alibaba Cloud's common error code for it.
    pub const ALIBABA_CODE: &'static str = "Throttling.User";
    /// Tencent's message for it.
    pub const MESSAGE: &'static str = "The number of requests exceeds the frequency limit.";

    /// How long until the caller's next request would be let through.
    ///
    /// # Example
    ///
    /// ```
    /// let mut limit = dncheck::registrar::RateLimit::new(20, 1, 10);
    /// limit.check("a", 0).unwrap();
    /// assert_eq!(limit.check("a", 0).unwrap_err().retry_after_ms(), 50);
    /// ```
    #[must_use]
    pub const fn retry_after_ms(&self) -> u64 {
        self.retry_after_ms
    }
}

impl fmt::Display for RateLimited {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: {} (retry after {} ms)",
            Self::TENCENT_CODE,
            Self::MESSAGE,
            self.retry_after_ms
        )
    }
}

impl core::error::Error for RateLimited {}

/// A token bucket per caller: each caller may make `burst` requests at
/// once and `per_second` requests a second on average (Tencent Cloud's
/// `CheckIntlDomainNew`: "a maximum of 20 requests per second", the default
/// with a burst of 20).
///
/// Tokens are counted in thousandths, so rates are exact for whole requests
/// per second. Memory is bounded: a caller idle long enough for a full
/// bucket is dropped (it would come back to a full bucket anyway, so this
/// loses nothing), and at the bound (default 100 000 callers) the caller
/// seen least recently goes first and comes back to a full bucket. The clock
/// is given as milliseconds; a clock that goes backwards counts as no time
/// passing.
///
/// # Example
///
/// ```
/// use dncheck::registrar::RateLimit;
///
/// let mut limit = RateLimit::default(); // 20 a second, burst 20
/// let ok = (0..30).filter(|_| limit.check("AKIDEXAMPLE", 0).is_ok()).count();
/// assert_eq!(ok, 20);
/// assert!(limit.check("AKIDOTHER", 0).is_ok()); // per caller
/// assert!(limit.check("AKIDEXAMPLE", 50).is_ok()); // one token back after 50 ms
/// ```
#[derive(Clone, Debug)]
pub struct RateLimit {
    per_second: u64,
    burst: u64,
    max_callers: usize,
    /// Caller → its bucket.
    callers: BTreeMap<String, Bucket>,
    /// Last-seen sequence → caller: the least recently seen first.
    order: BTreeMap<u64, String>,
    next: u64,
}

#[derive(Clone, Copy, Debug)]
struct Bucket {
    /// Thousandths of a token.
    milli: u64,
    last_ms: u64,
    seq: u64,
}

impl Default for RateLimit {
    /// [`RateLimit::DEFAULT_PER_SECOND`] a second, a burst of
    /// [`RateLimit::DEFAULT_BURST`], at most
    /// [`RateLimit::DEFAULT_MAX_CALLERS`] callers.
    fn default() -> Self {
        RateLimit::new(
            RateLimit::DEFAULT_PER_SECOND,
            RateLimit::DEFAULT_BURST,
            RateLimit::DEFAULT_MAX_CALLERS,
        )
    }
}

impl RateLimit {
    /// Tencent's documented limit for `CheckIntlDomainNew`.
    pub const DEFAULT_PER_SECOND: u64 = 20;
    /// The default burst.
    pub const DEFAULT_BURST: u64 = 20;
    /// The default bound on callers kept.
    pub const DEFAULT_MAX_CALLERS: usize = 100_000;

    /// A limit of `per_second` requests a second (at least 1) with bursts of
    /// `burst` (at least 1), keeping at most `max_callers` callers (at
    /// least 1).
    ///
    /// # Example
    ///
    /// ```
    /// let limit = dncheck::registrar::RateLimit::new(100, 10, 1_000);
    /// assert_eq!((limit.per_second(), limit.burst(), limit.max_callers()), (100, 10, 1_000));
    /// ```
    #[must_use]
    pub fn new(per_second: u64, burst: u64, max_callers: usize) -> RateLimit {
        RateLimit {
            per_second: per_second.clamp(1, u64::MAX / 1_000_000),
            burst: burst.clamp(1, u64::MAX / 1_000_000),
            max_callers: max_callers.max(1),
            callers: BTreeMap::new(),
            order: BTreeMap::new(),
            next: 0,
        }
    }

    /// Requests a second.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(dncheck::registrar::RateLimit::default().per_second(), 20);
    /// ```
    #[must_use]
    pub const fn per_second(&self) -> u64 {
        self.per_second
    }

    /// The burst.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(dncheck::registrar::RateLimit::default().burst(), 20);
    /// ```
    #[must_use]
    pub const fn burst(&self) -> u64 {
        self.burst
    }

    /// The bound on callers kept.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(dncheck::registrar::RateLimit::default().max_callers(), 100_000);
    /// ```
    #[must_use]
    pub const fn max_callers(&self) -> usize {
        self.max_callers
    }

    /// The number of callers kept.
    ///
    /// # Example
    ///
    /// ```
    /// let mut limit = dncheck::registrar::RateLimit::default();
    /// limit.check("a", 0).unwrap();
    /// limit.check("b", 0).unwrap();
    /// assert_eq!(limit.len(), 2);
    /// ```
    #[must_use]
    pub fn len(&self) -> usize {
        self.callers.len()
    }

    /// `true` if no caller is kept.
    ///
    /// # Example
    ///
    /// ```
    /// assert!(dncheck::registrar::RateLimit::default().is_empty());
    /// ```
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.callers.is_empty()
    }

    /// Takes one token from `caller`'s bucket at `now_ms`.
    ///
    /// # Errors
    ///
    /// [`RateLimited`] if the bucket has less than one token; nothing is
    /// taken then.
    ///
    /// # Example
    ///
    /// ```
    /// let mut limit = dncheck::registrar::RateLimit::new(1, 2, 10);
    /// assert!(limit.check("c", 0).is_ok());
    /// assert!(limit.check("c", 0).is_ok());
    /// assert!(limit.check("c", 0).is_err());
    /// assert!(limit.check("c", 1_000).is_ok());
    /// ```
    pub fn check(&mut self, caller: &str, now_ms: u64) -> Result<(), RateLimited> {
        self.expire(now_ms);
        let full = self.burst * 1_000;
        let mut bucket = match self.callers.remove(caller) {
            Some(b) => {
                self.order.remove(&b.seq);
                let elapsed = now_ms.saturating_sub(b.last_ms);
                let refill = elapsed.saturating_mul(self.per_second);
                Bucket {
                    milli: b.milli.saturating_add(refill).min(full),
                    last_ms: now_ms.max(b.last_ms),
                    seq: 0,
                }
            }
            None => {
                while self.callers.len() >= self.max_callers {
                    let Some((_, oldest)) = self.order.pop_first() else {
                        break;
                    };
                    self.callers.remove(&oldest);
                }
                Bucket {
                    milli: full,
                    last_ms: now_ms,
                    seq: 0,
                }
            }
        };
        let result = if bucket.milli >= 1_000 {
            bucket.milli -= 1_000;
            Ok(())
        } else {
            let missing = 1_000 - bucket.milli;
            Err(RateLimited {
                retry_after_ms: missing.div_ceil(self.per_second),
            })
        };
        bucket.seq = self.next;
        self.next += 1;
        self.order.insert(bucket.seq, caller.to_string());
        self.callers.insert(caller.to_string(), bucket);
        result
    }

    /// Drops, least recently seen first, callers idle long enough for a
    /// full bucket.
    fn expire(&mut self, now_ms: u64) {
        let refill_ms = (self.burst * 1_000).div_ceil(self.per_second);
        while let Some((&seq, caller)) = self.order.first_key_value() {
            let last = self.callers.get(caller).map_or(0, |b| b.last_ms);
            if now_ms.saturating_sub(last) < refill_ms {
                break;
            }
            let caller = self.order.remove(&seq).unwrap_or_default();
            self.callers.remove(&caller);
        }
    }
}
