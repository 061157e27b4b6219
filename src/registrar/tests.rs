//! The registrar workflow's structures at their edges.

use alloc::format;
use alloc::string::ToString;

use super::*;
use crate::Checker;

#[test]
fn cooldown_window_edges() {
    let mut c = Cooldown::default();
    let t0 = 1_000_000;
    assert_eq!(c.try_start("a.cn", t0), Ok(()));
    // Inside: at the same instant, and 1 ms before the window ends.
    assert_eq!(c.try_start("a.cn", t0), Err(Reason::TooOften));
    assert_eq!(c.try_start("a.cn", t0 + 89_999), Err(Reason::TooOften));
    assert_eq!(c.remaining_ms("a.cn", t0 + 89_999), 1);
    // A refused repeat does not extend the window: exactly 90 s after the
    // accepted one is outside.
    assert_eq!(c.remaining_ms("a.cn", t0 + 90_000), 0);
    assert_eq!(c.try_start("a.cn", t0 + 90_000), Ok(()));
    // ... and that started a new window.
    assert_eq!(c.try_start("a.cn", t0 + 90_001), Err(Reason::TooOften));
    assert_eq!(c.try_start("a.cn", t0 + 180_000), Ok(()));
}

#[test]
fn cooldown_clock_going_back_counts_as_no_time() {
    let mut c = Cooldown::default();
    c.try_start("a.cn", 100_000).unwrap();
    assert_eq!(c.try_start("a.cn", 0), Err(Reason::TooOften));
    assert_eq!(c.remaining_ms("a.cn", 0), 90_000);
}

#[test]
fn cooldown_expired_entries_are_dropped() {
    let mut c = Cooldown::default();
    for i in 0..100u64 {
        c.try_start(&format!("n{i}.cn"), i).unwrap();
    }
    assert_eq!(c.len(), 100);
    // 90 s after the first 50 started, they are gone when a new one comes.
    c.try_start("new.cn", 49 + 90_000).unwrap();
    assert_eq!(c.len(), 51);
    c.try_start("later.cn", 10_000_000).unwrap();
    assert_eq!(c.len(), 1);
}

#[test]
fn cooldown_bound_drops_the_oldest() {
    let mut c = Cooldown::new(90_000, 3);
    for (i, k) in ["a.cn", "b.cn", "c.cn"].iter().enumerate() {
        c.try_start(k, i as u64).unwrap();
    }
    assert_eq!(c.len(), 3);
    // A fourth key at the bound: the oldest (a.cn) goes, inside its window.
    c.try_start("d.cn", 10).unwrap();
    assert_eq!(c.len(), 3);
    assert_eq!(c.remaining_ms("a.cn", 10), 0);
    assert_eq!(c.try_start("b.cn", 10), Err(Reason::TooOften));
    // a.cn is let through early: the documented price of the bound.
    // Starting it again evicts the next oldest, b.cn.
    assert_eq!(c.try_start("a.cn", 11), Ok(()));
    assert_eq!(c.len(), 3);
    assert_eq!(c.remaining_ms("b.cn", 11), 0);
    assert_eq!(c.remaining_ms("c.cn", 11), 90_000 - 9);
    // A repeat of a key refused at the bound does not evict anything.
    let before: alloc::vec::Vec<u64> = ["c.cn", "d.cn", "a.cn"]
        .iter()
        .map(|k| c.remaining_ms(k, 12))
        .collect();
    assert_eq!(c.try_start("a.cn", 12), Err(Reason::TooOften));
    let after: alloc::vec::Vec<u64> = ["c.cn", "d.cn", "a.cn"]
        .iter()
        .map(|k| c.remaining_ms(k, 12))
        .collect();
    assert_eq!(before, after);
}

#[test]
fn cooldown_bound_holds_under_a_flood() {
    let mut c = Cooldown::new(90_000, 1_000);
    for i in 0..10_000u64 {
        c.try_start(&format!("n{i}.cn"), i).unwrap();
        assert!(c.len() <= 1_000);
    }
    // The newest 1 000 are the ones kept.
    assert_eq!(c.try_start("n9999.cn", 10_000), Err(Reason::TooOften));
    assert_eq!(c.try_start("n9000.cn", 10_000), Err(Reason::TooOften));
    assert_eq!(c.try_start("n8999.cn", 10_000), Ok(()));
}

#[test]
fn rate_limit_burst_then_refill() {
    let mut r = RateLimit::default();
    let t0 = 5_000;
    let ok = (0..30).filter(|_| r.check("AKID1", t0).is_ok()).count();
    assert_eq!(ok, 20);
    let err = r.check("AKID1", t0).unwrap_err();
    assert_eq!(err.retry_after_ms(), 50);
    // 49 ms later: 0.98 of a token, not enough; 50 ms: one.
    assert!(r.check("AKID1", t0 + 49).is_err());
    assert!(r.check("AKID1", t0 + 50).is_ok());
    assert!(r.check("AKID1", t0 + 50).is_err());
    // A second later the bucket is full again, never fuller.
    let ok = (0..30)
        .filter(|_| r.check("AKID1", t0 + 5_000).is_ok())
        .count();
    assert_eq!(ok, 20);
}

#[test]
fn rate_limit_sustained_rate() {
    let mut r = RateLimit::default();
    // 100 requests a second for 10 s: 20 burst + 20 a second get through.
    let ok = (0..1_000u64)
        .filter(|i| r.check("AKID1", i * 10).is_ok())
        .count();
    assert!((20 + 199..=20 + 200).contains(&ok), "{ok}");
}

#[test]
fn rate_limit_bounds_callers() {
    let mut r = RateLimit::new(20, 20, 100);
    for i in 0..1_000u64 {
        r.check(&format!("caller{i}"), 0).unwrap();
        assert!(r.len() <= 100);
    }
    // Idle callers with a full bucket are dropped: nothing is lost.
    r.check("late", 1_000).unwrap();
    assert_eq!(r.len(), 1);
    // At the bound the least recently seen goes (and comes back full).
    let mut r = RateLimit::new(1, 1, 2);
    r.check("a", 0).unwrap();
    r.check("b", 0).unwrap();
    assert!(r.check("a", 1).is_err()); // a seen again: b is now the oldest
    r.check("c", 2).unwrap(); // evicts b
    assert_eq!(r.len(), 2);
    assert!(r.check("a", 3).is_err()); // a kept its empty bucket
    assert!(r.check("b", 3).is_ok()); // b came back full
}

#[test]
fn rate_limit_clock_going_back() {
    let mut r = RateLimit::new(1, 1, 10);
    r.check("a", 10_000).unwrap();
    assert!(r.check("a", 0).is_err());
    assert!(r.check("a", 10_999).is_err());
    assert!(r.check("a", 11_000).is_ok());
}

fn lookup(checker: &Checker) -> MemoryLookup {
    let mut l = MemoryLookup::new();
    l.add_registered(
        checker,
        "$ORIGIN cn.\n$TTL 600\n\
         ; the registry's zone\n\
         example.cn. 600 IN NS ns1.host.example.\n\
         \t\t600 IN NS ns2.host.example.\n\
         mine.cn. IN NS ns1.host.example.\n\
         nodns.cn. IN NS ns1.host.example.\n\
         nowhois.cn. IN NS ns1.host.example.\n\
         例子.中国. IN NS ns1.host.example.\n\
         relative IN NS ns1.host.example.\n\
         @ IN SOA ns1.host.example. admin.host.example. 1 2 3 4 5\n\
         plain.cn\n",
    )
    .unwrap();
    l.add_hosted(
        checker,
        "example.cn other\nmine.cn alice\nnowhois.cn other\nxn--fsqu00a.xn--fiqs8s other\nplain.cn other\n",
    )
    .unwrap();
    l.set_whois_unreachable("nowhois.cn");
    l.set_cnnic_mismatch("xn--fsqu00a.xn--fiqs8s");
    l
}

#[test]
fn memory_lookup_reads_zone_owners() {
    let checker = Checker::default();
    let l = lookup(&checker);
    for key in [
        "example.cn",
        "mine.cn",
        "nodns.cn",
        "plain.cn",
        "xn--fsqu00a.xn--fiqs8s",
    ] {
        assert_eq!(l.is_registered(key), LookupAnswer::Yes, "{key}");
    }
    for key in [
        "relative",
        "relative.cn",
        "cn",
        "@",
        "ns1.host.example",
        "$origin",
    ] {
        assert_eq!(l.is_registered(key), LookupAnswer::No, "{key}");
    }
    assert_eq!(l.registered_len(), 6);
    assert_eq!(l.in_dns("nodns.cn"), LookupAnswer::No);
    assert_eq!(l.owner("mine.cn").as_deref(), Some("alice"));
    assert_eq!(l.owner("nodns.cn"), None);
}

#[test]
fn retrieval_checks_in_the_documented_order() {
    let checker = Checker::default();
    let l = lookup(&checker);
    let mut c = Cooldown::default();
    let mut run = |name: &str, now: u64| {
        check_retrieval(&checker, &l, &mut c, "alice", name, now)
            .map(|v| v.key().to_string())
            .map_err(|e| e.reason())
    };
    assert_eq!(run("", 0), Err(Reason::Empty));
    assert_eq!(run("a..cn", 0), Err(Reason::EmptyLabel));
    assert_eq!(run("example.notatld", 0), Err(Reason::UnknownSuffix));
    assert_eq!(run("www.example.cn", 0), Err(Reason::Subdomain));
    assert_eq!(run("unknown.cn", 0), Err(Reason::Unregistered));
    assert_eq!(run("nodns.cn", 0), Err(Reason::NotInDns));
    assert_eq!(run("MINE.cn", 0), Err(Reason::Duplicate));
    assert_eq!(run("nowhois.cn", 0), Err(Reason::WhoisUnavailable));
    assert_eq!(run("例子.中国", 0), Err(Reason::CnnicMismatch));
    // Refusals start no window.
    assert_eq!(run("example.cn", 1_000), Ok("example.cn".to_string()));
    assert_eq!(run("EXAMPLE.CN.", 1_001), Err(Reason::TooOften));
    assert_eq!(run("example。cn", 90_999), Err(Reason::TooOften));
    assert_eq!(run("example.cn", 91_000), Ok("example.cn".to_string()));
    assert_eq!(run("plain.cn", 91_000), Ok("plain.cn".to_string()));
}

#[test]
fn retrieval_refusals_have_the_vendor_codes() {
    let checker = Checker::default();
    let l = lookup(&checker);
    let mut c = Cooldown::default();
    let codes: alloc::vec::Vec<&str> = [
        "unknown.cn",
        "nodns.cn",
        "mine.cn",
        "nowhois.cn",
        "例子.中国",
    ]
    .iter()
    .map(|n| {
        check_retrieval(&checker, &l, &mut c, "alice", n, 0)
            .unwrap_err()
            .reason()
            .alibaba_code()
    })
    .collect();
    assert_eq!(
        codes,
        [
            "InvalidDomainName.Unregistered",
            "InvalidDomainName.NoExist",
            "InvalidDomainName.Duplicate",
            "UnabletoGetWoisInfo",
            "CHNDomainInfoNotMatch",
        ]
    );
    let err = check_retrieval(&checker, &l, &mut c, "alice", "unknown.cn", 0).unwrap_err();
    assert_eq!((err.label(), err.span()), (None, 0..10));
}

#[test]
fn domain_set_one_entry_per_name() {
    let checker = Checker::default();
    let mut s = DomainSet::new();
    for name in [
        "例子.中国",
        "xn--fsqu00a.xn--fiqs8s",
        "例子。中國".replace('國', "国").as_str(),
        "XN--FSQU00A.中国.",
    ] {
        let v = checker.check(name).unwrap();
        let r = s.insert(&v);
        assert!(r.is_ok() || r == Err(Reason::Duplicate));
    }
    assert_eq!(s.len(), 1);
}

#[test]
fn memory_lookup_errors() {
    let checker = Checker::default();
    let mut l = MemoryLookup::new();
    let err = l
        .add_registered(&checker, "a.cn\n-bad.cn\nc.cn\n")
        .unwrap_err();
    assert!(matches!(err, LoadError::Name { line: 2, .. }));
    assert_eq!(l.registered_len(), 1);
    assert!(err.to_string().starts_with("line 2: hyphen"));
    let err = l.add_hosted(&checker, "a.cn x\nb.cn\n").unwrap_err();
    assert!(matches!(err, LoadError::MissingOwner { line: 2 }));
}
