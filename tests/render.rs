//! Golden bodies of the vendor renderings (feature `serde`), compared as
//! parsed JSON values.
#![cfg(feature = "serde")]

use dncheck::registrar::{
    check_retrieval, AlibabaResponse, Cooldown, MemoryLookup, PriceTable, Prices, RateLimit,
    TencentResponse,
};
use dncheck::Checker;
use serde_json::{json, Value};

const ID: &str = "ed93f3cb-f35e-473f-b9f3-0d451b8b79c6";
const AID: &str = "536E9CAD-DB30-4647-AC87-AA5CC38C5382";
const HOST: &str = "alidns.aliyuncs.com";

fn value<T: serde::Serialize>(t: &T) -> Value {
    // Through the text, as a client sees it.
    serde_json::from_str(&serde_json::to_string(t).unwrap()).unwrap()
}

fn tencent(
    name: &str,
    lookup: Option<&MemoryLookup>,
    prices: Option<&PriceTable>,
    period: Option<u64>,
) -> Value {
    let checker = Checker::default();
    let lookup = lookup.map(|l| l as &dyn dncheck::registrar::Lookup);
    value(&TencentResponse::check(
        &checker, lookup, prices, name, period, ID,
    ))
}

#[test]
fn tencent_available_without_prices() {
    assert_eq!(
        tencent("例子.中国", None, None, None),
        json!({"Response": {
            "DomainName": "例子.中国",
            "Available": true,
            "Reason": "",
            "Premium": false,
            "Price": null,
            "BlackWord": false,
            "Describe": null,
            "FeeRenew": null,
            "RealPrice": null,
            "FeeTransfer": null,
            "FeeRestore": null,
            "Period": 1,
            "ReasonZh": "",
            "RequestId": ID,
        }})
    );
}

#[test]
fn tencent_available_with_a_price_table() {
    let mut table = PriceTable::new();
    table.insert(
        "cn",
        Prices {
            price: Some(29.0),
            real_price: Some(29.0),
            fee_renew: Some(35.0),
            fee_transfer: Some(29.0),
            fee_restore: Some(160.0),
            premium: false,
            describe: None,
        },
    );
    assert_eq!(
        tencent("Example.CN", None, Some(&table), Some(2)),
        json!({"Response": {
            "DomainName": "Example.CN",
            "Available": true,
            "Reason": "",
            "Premium": false,
            "Price": 29.0,
            "BlackWord": false,
            "Describe": null,
            "FeeRenew": 35.0,
            "RealPrice": 29.0,
            "FeeTransfer": 29.0,
            "FeeRestore": 160.0,
            "Period": 2,
            "ReasonZh": "",
            "RequestId": ID,
        }})
    );
    // Another suffix: not in the table, so null.
    assert_eq!(
        tencent("example.com.cn", None, Some(&table), None)["Response"]["Price"],
        Value::Null
    );
}

#[test]
fn tencent_restricted_word() {
    assert_eq!(
        tencent("secure-login.cn", None, None, None),
        json!({"Response": {
            "DomainName": "secure-login.cn",
            "Available": false,
            "Reason": "the domain name contains a restricted word",
            "Premium": false,
            "Price": null,
            "BlackWord": true,
            "Describe": null,
            "FeeRenew": null,
            "RealPrice": null,
            "FeeTransfer": null,
            "FeeRestore": null,
            "Period": 1,
            "ReasonZh": "域名包含受限词语",
            "ResCode": "restricted_word",
            "RequestId": ID,
        }})
    );
}

#[test]
fn tencent_registered() {
    let checker = Checker::default();
    let mut l = MemoryLookup::new();
    l.add_registered(&checker, "taken.cn\n").unwrap();
    assert_eq!(
        tencent("TAKEN.cn.", Some(&l), None, None),
        json!({"Response": {
            "DomainName": "TAKEN.cn.",
            "Available": false,
            "Reason": "the domain name is already registered",
            "Premium": false,
            "Price": null,
            "BlackWord": false,
            "Describe": null,
            "FeeRenew": null,
            "RealPrice": null,
            "FeeTransfer": null,
            "FeeRestore": null,
            "Period": 1,
            "ReasonZh": "域名已被注册",
            "ResCode": "registered",
            "RequestId": ID,
        }})
    );
}

#[test]
fn tencent_errors() {
    assert_eq!(
        tencent("", None, None, None),
        json!({"Response": {"Error": {"Code": "MissingParameter.DomainIsEmpty", "Message": "the domain name is empty"}, "RequestId": ID}})
    );
    assert_eq!(
        tencent("ab--cd.com", None, None, None),
        json!({"Response": {"Error": {
            "Code": "InvalidParameter.DomainNameIsInvalid",
            "Message": "a label starts or ends with a hyphen, or has hyphens in the third and fourth positions",
        }, "RequestId": ID}})
    );
    assert_eq!(
        tencent("example.notatld", None, None, None),
        json!({"Response": {"Error": {"Code": "InvalidParameter.DomainNameIsInvalid", "Message": "the top-level domain does not exist"}, "RequestId": ID}})
    );
    let mut limit = RateLimit::default();
    let refused = (0..21).find_map(|_| limit.check("AKID", 0).err()).unwrap();
    assert_eq!(
        value(&TencentResponse::rate_limited(&refused, ID)),
        json!({"Response": {"Error": {"Code": "RequestLimitExceeded", "Message": "The number of requests exceeds the frequency limit."}, "RequestId": ID}})
    );
}

fn alibaba(caller: &str, name: &str, cooldown: &mut Cooldown, now: u64) -> (u16, Value) {
    let checker = Checker::default();
    let mut l = MemoryLookup::new();
    l.add_registered(&checker, "example.cn\nmine.cn\nnodns.cn\n例子.中国\n")
        .unwrap();
    l.add_hosted(&checker, "example.cn bob\nmine.cn alice\n例子.中国 bob\n")
        .unwrap();
    let result = check_retrieval(&checker, &l, cooldown, caller, name, now);
    let r = AlibabaResponse::retrieval(&result, name, AID, HOST);
    (r.status(), value(&r))
}

fn alibaba_error(code: &str, message: &str) -> (u16, Value) {
    (
        400,
        json!({"RequestId": AID, "HostId": HOST, "Code": code, "Message": message}),
    )
}

#[test]
fn alibaba_retrieval_bodies() {
    let mut c = Cooldown::default();
    assert_eq!(
        alibaba("alice", "例子.中国", &mut c, 0),
        (200, json!({"RequestId": AID, "DomainName": "例子.中国"}))
    );
    assert_eq!(
        alibaba("alice", "xn--fsqu00a.xn--fiqs8s", &mut c, 89_999),
        alibaba_error(
            "Forbidden.TooOfen",
            "the same domain name was submitted again too soon (within 90 seconds)"
        )
    );
    assert_eq!(
        alibaba("alice", "xn--fsqu00a.xn--fiqs8s", &mut c, 90_000).0,
        200
    );
    assert_eq!(
        alibaba("alice", "a_b.cn", &mut c, 0),
        alibaba_error(
            "InvalidDomainName.Format",
            "the domain name contains a character that is not allowed"
        )
    );
    assert_eq!(
        alibaba("alice", "example.notatld", &mut c, 0),
        alibaba_error(
            "InvalidDomainName.Suffix",
            "the top-level domain does not exist"
        )
    );
    assert_eq!(
        alibaba("alice", "free.cn", &mut c, 0),
        alibaba_error(
            "InvalidDomainName.Unregistered",
            "the domain name is not registered"
        )
    );
    assert_eq!(
        alibaba("alice", "nodns.cn", &mut c, 0),
        alibaba_error(
            "InvalidDomainName.NoExist",
            "the domain name does not exist in the DNS hosting system"
        )
    );
    assert_eq!(
        alibaba("alice", "MINE.cn", &mut c, 0),
        alibaba_error(
            "InvalidDomainName.Duplicate",
            "the domain name is already in this user's domain list"
        )
    );
}

#[test]
fn alibaba_error_shape() {
    let r = AlibabaResponse::error(
        404,
        "InvalidAction.NotFound",
        "Specified api is not found, please check your url and method.",
        AID,
        HOST,
    );
    assert_eq!(r.status(), 404);
    assert_eq!(
        value(&r),
        json!({"RequestId": AID, "HostId": HOST, "Code": "InvalidAction.NotFound", "Message": "Specified api is not found, please check your url and method."})
    );
}
