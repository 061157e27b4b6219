//! The registrar workflow around a check: what a registrar or DNS host asks
//! after "is this a valid domain name?".
//!
//! * [`DomainSet`] — a caller's domains keyed by the canonical key
//!   ([`Verdict::key`](crate::Verdict::key)); adding a name already there in
//!   any spelling answers [`Reason::Duplicate`].
//! * [`Cooldown`] — per key, a repeat inside a window (default 90 s)
//!   answers [`Reason::TooOften`] (Alibaba Cloud DNS `Forbidden.TooOfen`).
//! * [`RateLimit`] — a token bucket per caller (default 20 requests per
//!   second, burst 20) answering [`RateLimited`] (Tencent Cloud
//!   `RequestLimitExceeded`, a request-level error rather than a reason
//!   about a name).
//! * [`Lookup`] — what a registry, a DNS host, WHOIS and CNNIC know of a
//!   name, with [`MemoryLookup`] loaded from text (or, with `std`, files).
//! * [`check_retrieval`] — Alibaba Cloud DNS `ApplyForRetrievalDomainName`'s
//!   checks in the order its documentation lists them; [`check_lookups`],
//!   its lookup steps alone, those a caller has data for.
//! * With the `serde` feature, `TencentResponse` and `AlibabaResponse`: the
//!   vendors' response bodies (Tencent `CheckIntlDomainNew`, Alibaba
//!   `ApplyForRetrievalDomainName`, both vendors' errors), with prices from
//!   a caller's `PriceTable`; the `server` and `cli` features add
//!   `request_id`.
//!
//! The clock is always passed in as plain milliseconds (any epoch, as long
//! as one structure is given one clock), so the structures are `no_std` and
//! their tests need no waiting. Every structure that keeps state per key or
//! per caller is bounded: expired entries are dropped as new ones come, and
//! at the bound the oldest go first.
//!
//! # Example
//!
//! ```
//! use dncheck::registrar::{check_retrieval, Cooldown, MemoryLookup};
//! use dncheck::{Checker, Reason};
//!
//! let checker = Checker::default();
//! let mut lookup = MemoryLookup::new();
//! lookup.add_registered(&checker, "例子.中国\nexample.cn\n").unwrap();
//! lookup.add_hosted(&checker, "例子.中国 someone-else\nexample.cn alice\n").unwrap();
//! let mut cooldown = Cooldown::default();
//!
//! // Alice asks to take back 例子.中国 from the account that holds it.
//! let v = check_retrieval(&checker, &lookup, &mut cooldown, "alice", "例子.中国", 0).unwrap();
//! assert_eq!(v.key(), "xn--fsqu00a.xn--fiqs8s");
//! // The same name in another spelling, 10 s later: too often.
//! let err = check_retrieval(&checker, &lookup, &mut cooldown, "alice", "xn--fsqu00a。中国", 10_000).unwrap_err();
//! assert_eq!(err.reason(), Reason::TooOften);
//! assert_eq!(err.reason().alibaba_code(), "Forbidden.TooOfen");
//! // Her own domain is a duplicate; an unknown one is not registered.
//! let err = check_retrieval(&checker, &lookup, &mut cooldown, "alice", "EXAMPLE.cn", 0).unwrap_err();
//! assert_eq!(err.reason(), Reason::Duplicate);
//! let err = check_retrieval(&checker, &lookup, &mut cooldown, "alice", "nobody.cn", 0).unwrap_err();
//! assert_eq!(err.reason(), Reason::Unregistered);
//! ```

mod cooldown;
mod lookup;
mod rate;
#[cfg(feature = "serde")]
mod render;
mod set;

pub use cooldown::Cooldown;
pub use lookup::{LoadError, Lookup, LookupAnswer, MemoryLookup};
pub use rate::{RateLimit, RateLimited};
#[cfg(any(feature = "server", feature = "cli"))]
pub use render::request_id;
#[cfg(feature = "serde")]
pub use render::{AlibabaResponse, PriceTable, Prices, TencentResponse};
pub use set::DomainSet;

use crate::checker::Checker;
use crate::reason::{Reason, Rejection};
use crate::verdict::Verdict;

/// Alibaba Cloud DNS `ApplyForRetrievalDomainName` (Alidns 2015-01-09): may
/// `caller` ask to take back `name` from the account that holds it in the
/// DNS host, at `now_ms`?
///
/// The checks run in the order the API's error table lists them, and the
/// first that fails answers:
///
/// 1. format and suffix: [`Checker::check`] (`InvalidDomainName.Format`,
///    `InvalidDomainName.Suffix`);
/// 2. registered: [`Lookup::is_registered`] ([`Reason::Unregistered`]);
/// 3. in the DNS host's system: [`Lookup::in_dns`] ([`Reason::NotInDns`]);
/// 4. not already the caller's: [`Lookup::owner`] ([`Reason::Duplicate`]);
/// 5. WHOIS reachable: [`Lookup::whois_reachable`]
///    ([`Reason::WhoisUnavailable`]);
/// 6. CNNIC's information matches: [`Lookup::cnnic_matches`]
///    ([`Reason::CnnicMismatch`]);
/// 7. not asked for inside the cooldown window: [`Cooldown::try_start`]
///    ([`Reason::TooOften`]); only a retrieval that passes every check
///    starts the window.
///
/// A lookup's [`LookupAnswer::Unknown`] refuses like `No`: a retrieval is
/// started only on what is known.
///
/// # Errors
///
/// A [`Rejection`]: the checker's, or, for the workflow's reasons, one with
/// no label and the whole input as its span.
///
/// # Example
///
/// ```
/// use dncheck::registrar::{check_retrieval, Cooldown, MemoryLookup};
/// use dncheck::{Checker, Reason};
///
/// let checker = Checker::default();
/// let mut lookup = MemoryLookup::new();
/// lookup.add_registered(&checker, "example.cn\n").unwrap();
/// let mut cooldown = Cooldown::default();
/// let err = check_retrieval(&checker, &lookup, &mut cooldown, "bob", "example.cn", 0).unwrap_err();
/// assert_eq!(err.reason(), Reason::NotInDns); // registered, but no DNS host has it
/// assert_eq!(err.span(), 0..10);
/// let err = check_retrieval(&checker, &lookup, &mut cooldown, "bob", "ex ample.cn", 0).unwrap_err();
/// assert_eq!(err.reason(), Reason::InvalidChar);
/// ```
pub fn check_retrieval<'h, L: Lookup + ?Sized>(
    checker: &Checker,
    lookup: &L,
    cooldown: &mut Cooldown,
    caller: &str,
    name: &'h str,
    now_ms: u64,
) -> Result<Verdict<'h>, Rejection> {
    let verdict = checker.check(name)?;
    let key = verdict.key();
    check_lookups(lookup, LookupChecks::ALL, Some(caller), key, name.len())?;
    cooldown
        .try_start(key, now_ms)
        .map_err(|reason| Rejection::new(reason, None, 0..name.len()))?;
    Ok(verdict)
}

/// Which answers of a [`Lookup`] [`check_lookups`] asks for.
///
/// # Example
///
/// ```
/// use dncheck::registrar::LookupChecks;
///
/// let only_registered = LookupChecks { registered: true, ..LookupChecks::NONE };
/// assert!(!only_registered.in_dns);
/// assert!(LookupChecks::ALL.cnnic);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LookupChecks {
    /// [`Lookup::is_registered`]: [`Reason::Unregistered`].
    pub registered: bool,
    /// [`Lookup::in_dns`]: [`Reason::NotInDns`].
    pub in_dns: bool,
    /// [`Lookup::whois_reachable`]: [`Reason::WhoisUnavailable`].
    pub whois: bool,
    /// [`Lookup::cnnic_matches`]: [`Reason::CnnicMismatch`].
    pub cnnic: bool,
}

impl LookupChecks {
    /// Every answer, as [`check_retrieval`] asks.
    pub const ALL: LookupChecks = LookupChecks {
        registered: true,
        in_dns: true,
        whois: true,
        cnnic: true,
    };

    /// None: only the owner, where a caller is given.
    pub const NONE: LookupChecks = LookupChecks {
        registered: false,
        in_dns: false,
        whois: false,
        cnnic: false,
    };
}

/// The lookup steps of [`check_retrieval`] on an accepted name's canonical
/// `key`, in its order (registered, in the DNS system, not already
/// `caller`'s, WHOIS, CNNIC), those `checks` asks for; the owner check runs
/// where `caller` is given. A refusal has no label and spans the whole
/// input (`input_len` bytes). This is what the CLI's `--registered`,
/// `--hosted` and `--owner` answer with.
///
/// # Errors
///
/// A [`Rejection`] with the first lookup reason that applies.
///
/// # Example
///
/// ```
/// use dncheck::registrar::{check_lookups, LookupChecks, MemoryLookup};
/// use dncheck::{Checker, Reason};
///
/// let checker = Checker::default();
/// let mut lookup = MemoryLookup::new();
/// lookup.add_hosted(&checker, "mine.cn alice\n").unwrap();
/// let checks = LookupChecks { in_dns: true, ..LookupChecks::NONE };
/// let err = check_lookups(&lookup, checks, None, "other.cn", 8).unwrap_err();
/// assert_eq!(err.reason(), Reason::NotInDns);
/// let err = check_lookups(&lookup, checks, Some("alice"), "mine.cn", 7).unwrap_err();
/// assert_eq!(err.reason(), Reason::Duplicate);
/// assert!(check_lookups(&lookup, checks, Some("bob"), "mine.cn", 7).is_ok());
/// ```
pub fn check_lookups<L: Lookup + ?Sized>(
    lookup: &L,
    checks: LookupChecks,
    caller: Option<&str>,
    key: &str,
    input_len: usize,
) -> Result<(), Rejection> {
    let refuse = |reason: Reason| Rejection::new(reason, None, 0..input_len);
    if checks.registered {
        lookup
            .is_registered(key)
            .require(Reason::Unregistered)
            .map_err(refuse)?;
    }
    if checks.in_dns {
        lookup
            .in_dns(key)
            .require(Reason::NotInDns)
            .map_err(refuse)?;
    }
    if let Some(caller) = caller {
        if lookup.owner(key).is_some_and(|owner| owner == caller) {
            return Err(refuse(Reason::Duplicate));
        }
    }
    if checks.whois {
        lookup
            .whois_reachable(key)
            .require(Reason::WhoisUnavailable)
            .map_err(refuse)?;
    }
    if checks.cnnic {
        lookup
            .cnnic_matches(key)
            .require(Reason::CnnicMismatch)
            .map_err(refuse)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests;
