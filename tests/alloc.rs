//! Checking makes no heap allocation for ASCII input (upper case, Punycode
//! and refused names included), nor for names on the Unicode fast path.

use dncheck::{Checker, Profile};

mod common;

use common::counting::{allocations, Counting};

#[global_allocator]
static GLOBAL: Counting = Counting;

#[test]
fn the_counter_counts() {
    assert_eq!(allocations(|| Vec::<u8>::with_capacity(8)), 1);
}

#[test]
fn ascii_input_does_not_allocate() {
    let long = [
        "a".repeat(63),
        "b".repeat(63),
        "c".repeat(63),
        "d".repeat(61),
    ]
    .join(".");
    let long_upper = long.to_ascii_uppercase();
    let inputs = [
        "example.com",
        "WWW.EXAMPLE.COM",
        "Mixed-Case.Example.Org.",
        "a.b.c.d.e.f.g.h.i.j.k.l.m.n.o.p.q.r.s.t.u.v.w.x.y.z.example.com",
        "xn--fsqu00a.xn--fiqs8s",
        "XN--55QX5D.CN",
        "xn--bcher-kva.de",
        long.as_str(),
        long_upper.as_str(),
        // Refused ones too.
        "",
        "a..b",
        "-a.com",
        "ab--c.com",
        "foo_bar.com",
        "xn--a.com",
        "xn--zzzz-.com",
        &"a".repeat(300),
    ];
    for profile in [Profile::Registration, Profile::Dns] {
        let checker = Checker::builder().profile(profile).build();
        for input in inputs {
            let n = allocations(|| checker.check(input));
            assert_eq!(n, 0, "{input:?} made {n} allocations");
        }
    }
}

#[test]
fn fast_path_unicode_does_not_allocate() {
    let checker = Checker::default();
    for input in [
        "例子.中国",
        "例子。中国。",
        "中國.cn",
        "ｅｘａｍｐｌｅ.com",
        "bücher.de",
        "пример.рф",
        "한국.kr",
    ] {
        let n = allocations(|| checker.check(input));
        assert_eq!(n, 0, "{input:?} made {n} allocations");
    }
}
