//! The vendors' response bodies (feature `serde`): a check as Tencent Cloud
//! `CheckIntlDomainNew` answers it, a retrieval as Alibaba Cloud DNS
//! `ApplyForRetrievalDomainName` answers it, and both vendors' error shapes.
//!
//! # What the vendors document, and where
//!
//! * Tencent Cloud domain API, version 2018-08-08, `CheckIntlDomainNew`
//!   (tencentcloud.com/document/api/242/54244, "3. Output Parameters", and
//!   the `CheckIntlDomainNewResponse` model of Tencent's SDKs, e.g.
//!   `com.tencentcloudapi.domain.v20180808.models` in tencentcloud-sdk-java):
//!   the fields are, in this order, `DomainName` (String), `Available`
//!   (Boolean), `Reason` (String), `Premium` (Boolean), `Price` (Float),
//!   `BlackWord` (Boolean), `Describe` (String, may be null), `FeeRenew`,
//!   `RealPrice`, `FeeTransfer`, `FeeRestore` (Float, may be null), `Period`
//!   (Integer), `ReasonZh` (String, "the reason ... in Chinese"), `ResCode`
//!   (String, "the internal error code"; SDK only) and `RequestId`, all
//!   inside `{"Response": {...}}`. The documented limit is 20 requests a
//!   second. Errors are `{"Response": {"Error": {"Code", "Message"},
//!   "RequestId"}}` (the common "Error Codes" page of every Tencent Cloud
//!   API 3.0 product), with common codes such as `InvalidAction`,
//!   `InvalidParameter`, `MissingParameter`, `RequestLimitExceeded`,
//!   `RequestSizeLimitExceeded` and `UnsupportedProtocol` ("only GET and
//!   POST"). Tencent's `RequestId` is a lowercase UUID.
//! * Alibaba Cloud DNS (Alidns, 2015-01-09) `ApplyForRetrievalDomainName`
//!   ("Apply for retrieval by administrators", alibabacloud.com help
//!   doc-detail 34301): request `Action`, `DomainName`; response
//!   `RequestId`, `DomainName`; the error table `InvalidDomainName.Format`,
//!   `InvalidDomainName.Suffix`, `InvalidDomainName.Unregistered`,
//!   `InvalidDomainName.Duplicate`, `CHNDomainInfoNotMatch`,
//!   `UnabletoGetWoisInfo`, `InvalidDomainName.NoExist`,
//!   `Forbidden.TooOfen` ("The operation is too ofen in 90 seconds"), each
//!   HTTP 400. Alibaba's common error body (its "Responses" page of the
//!   RPC-style APIs) is `{"RequestId", "HostId", "Code", "Message"}`, and
//!   its `RequestId` an uppercase UUID.
//!
//! # Decisions
//!
//! * Prices (`Price`, `RealPrice`, `FeeRenew`, `FeeTransfer`,
//!   `FeeRestore`), `Premium` and `Describe` are registry business data that
//!   dncheck cannot know: a caller's [`PriceTable`] fills them by public
//!   suffix, else they are `null` (`Premium` `false`).
//! * `Reason` and `ReasonZh` are [`Reason::message`] and
//!   [`Reason::message_zh`] for a name that cannot be registered, and empty
//!   strings for an available one (Tencent documents no value for that
//!   case); `ResCode` carries the stable [`Reason::as_str`] (or
//!   `registered`) and is left out for an available name.
//! * A name refused with a Tencent error code ([`Reason::tencent_code`]) is
//!   answered with that error; a restricted word is `Available=false`,
//!   `BlackWord=true`; a registered name (by a [`Lookup`]) is
//!   `Available=false`.
//! * `Period` echoes the request's, or 1.
//! * Alibaba's `Message` is the reason's English message, more specific than
//!   the vendor's table text; the `Code` is the vendor's exactly.

use alloc::collections::BTreeMap;
use alloc::string::{String, ToString};

use serde::Serialize;

use super::{Lookup, LookupAnswer, RateLimited};
use crate::checker::Checker;
use crate::flags::Flag;
use crate::reason::{Reason, Rejection};
use crate::verdict::Verdict;

/// What a registry charges for names under one suffix: registry business
/// data, supplied by the caller. `None` renders as `null`.
///
/// # Example
///
/// ```
/// let p = dncheck::registrar::Prices { price: Some(35.0), real_price: Some(35.0), ..Default::default() };
/// assert_eq!(p.fee_renew, None);
/// assert!(!p.premium);
/// ```
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Prices {
    /// `Price`.
    pub price: Option<f64>,
    /// `RealPrice`.
    pub real_price: Option<f64>,
    /// `FeeRenew`.
    pub fee_renew: Option<f64>,
    /// `FeeTransfer`.
    pub fee_transfer: Option<f64>,
    /// `FeeRestore`.
    pub fee_restore: Option<f64>,
    /// `Premium`.
    pub premium: bool,
    /// `Describe`.
    pub describe: Option<String>,
}

/// Prices by public suffix (A-label form, as [`Verdict::suffix`] gives it).
///
/// # Example
///
/// ```
/// use dncheck::registrar::{PriceTable, Prices};
///
/// let mut table = PriceTable::new();
/// table.insert("cn", Prices { price: Some(29.0), ..Default::default() });
/// assert_eq!(table.get("cn").and_then(|p| p.price), Some(29.0));
/// assert!(table.get("com").is_none());
/// ```
#[derive(Clone, Debug, Default)]
pub struct PriceTable {
    by_suffix: BTreeMap<String, Prices>,
}

impl PriceTable {
    /// An empty table: every price `null`.
    ///
    /// # Example
    ///
    /// ```
    /// assert!(dncheck::registrar::PriceTable::new().get("cn").is_none());
    /// ```
    #[must_use]
    pub fn new() -> PriceTable {
        PriceTable::default()
    }

    /// Sets the prices of names under `suffix` (A-label form, lowercase).
    ///
    /// # Example
    ///
    /// ```
    /// use dncheck::registrar::{PriceTable, Prices};
    /// let mut table = PriceTable::new();
    /// table.insert("xn--fiqs8s", Prices { price: Some(280.0), ..Default::default() });
    /// assert!(table.get("xn--fiqs8s").is_some());
    /// ```
    pub fn insert(&mut self, suffix: &str, prices: Prices) {
        self.by_suffix.insert(suffix.to_string(), prices);
    }

    /// The prices of names under `suffix`.
    ///
    /// # Example
    ///
    /// ```
    /// assert!(dncheck::registrar::PriceTable::new().get("cn").is_none());
    /// ```
    #[must_use]
    pub fn get(&self, suffix: &str) -> Option<&Prices> {
        self.by_suffix.get(suffix)
    }
}

/// A Tencent Cloud response: `{"Response": {...}}`, a `CheckIntlDomainNew`
/// result or an error.
///
/// # Example
///
/// ```
/// use dncheck::registrar::TencentResponse;
/// use dncheck::Checker;
///
/// let r = TencentResponse::check(&Checker::default(), None, None, "例子.中国", Some(1), "ed93f3cb-f35e-473f-b9f3-0d451b8b79c6");
/// let json = serde_json::to_value(&r).unwrap();
/// assert_eq!(json["Response"]["Available"], true);
/// assert_eq!(json["Response"]["Price"], serde_json::Value::Null);
///
/// let r = TencentResponse::check(&Checker::default(), None, None, "", None, "id");
/// assert_eq!(r.error_code(), Some("MissingParameter.DomainIsEmpty"));
/// ```
#[derive(Clone, Debug, Serialize)]
pub struct TencentResponse {
    #[serde(rename = "Response")]
    response: TencentBody,
}

#[derive(Clone, Debug, Serialize)]
#[serde(untagged)]
enum TencentBody {
    Check(TencentCheck),
    Error(TencentError),
}

#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "PascalCase")]
struct TencentCheck {
    domain_name: String,
    available: bool,
    reason: &'static str,
    premium: bool,
    price: Option<f64>,
    black_word: bool,
    describe: Option<String>,
    fee_renew: Option<f64>,
    real_price: Option<f64>,
    fee_transfer: Option<f64>,
    fee_restore: Option<f64>,
    period: u64,
    reason_zh: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    res_code: Option<&'static str>,
    request_id: String,
}

#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "PascalCase")]
struct TencentError {
    error: CodeMessage,
    request_id: String,
}

#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "PascalCase")]
struct CodeMessage {
    code: String,
    message: String,
}

/// `ResCode`, `Reason` and `ReasonZh` of a registered name.
const REGISTERED: (&str, &str, &str) = (
    "registered",
    "the domain name is already registered",
    "域名已被注册",
);

impl TencentResponse {
    /// `CheckIntlDomainNew` for `domain`: checked by `checker`, asked of
    /// `lookup` whether it is registered (none: not asked), priced by
    /// `prices`, with the request's `period` (none: 1).
    ///
    /// # Example
    ///
    /// ```
    /// use dncheck::registrar::{MemoryLookup, PriceTable, Prices, TencentResponse};
    /// use dncheck::Checker;
    ///
    /// let checker = Checker::default();
    /// let mut lookup = MemoryLookup::new();
    /// lookup.add_registered(&checker, "taken.cn\n").unwrap();
    /// let r = TencentResponse::check(&checker, Some(&lookup), None, "TAKEN.cn", None, "id");
    /// let json = serde_json::to_value(&r).unwrap();
    /// assert_eq!(json["Response"]["Available"], false);
    /// assert_eq!(json["Response"]["ResCode"], "registered");
    ///
    /// let r = TencentResponse::check(&checker, None, None, "secure-login.cn", None, "id");
    /// let json = serde_json::to_value(&r).unwrap();
    /// assert_eq!((json["Response"]["Available"].clone(), json["Response"]["BlackWord"].clone()), (false.into(), true.into()));
    /// ```
    #[must_use]
    pub fn check(
        checker: &Checker,
        lookup: Option<&dyn Lookup>,
        prices: Option<&PriceTable>,
        domain: &str,
        period: Option<u64>,
        request_id: &str,
    ) -> TencentResponse {
        let result = checker.check(domain);
        TencentResponse::of_result(result.as_ref(), lookup, prices, domain, period, request_id)
    }

    /// [`check`](Self::check) from the result of a check made already
    /// (`domain` is the name as the request gave it): for a caller that
    /// checked the name for its own needs, so that it is not checked twice.
    ///
    /// # Example
    ///
    /// ```
    /// use dncheck::registrar::TencentResponse;
    /// use dncheck::Checker;
    ///
    /// let checker = Checker::default();
    /// let result = checker.check("例子.中国");
    /// let r = TencentResponse::of_result(result.as_ref(), None, None, "例子.中国", None, "id");
    /// let json = serde_json::to_value(&r).unwrap();
    /// assert_eq!(json["Response"]["Available"], true);
    /// ```
    #[must_use]
    pub fn of_result(
        result: Result<&Verdict<'_>, &Rejection>,
        lookup: Option<&dyn Lookup>,
        prices: Option<&PriceTable>,
        domain: &str,
        period: Option<u64>,
        request_id: &str,
    ) -> TencentResponse {
        let verdict = match result {
            Ok(v) => v,
            Err(e) => return TencentResponse::rejection(e, domain, period, request_id),
        };
        let registered =
            lookup.is_some_and(|l| l.is_registered(verdict.key()) == LookupAnswer::Yes);
        let restricted = verdict.flags().contains(Flag::Restricted);
        let (res_code, reason, reason_zh) = if restricted {
            let r = Reason::RestrictedWord;
            (Some(r.as_str()), r.message(), r.message_zh())
        } else if registered {
            (Some(REGISTERED.0), REGISTERED.1, REGISTERED.2)
        } else {
            (None, "", "")
        };
        TencentResponse::body(
            verdict,
            prices,
            domain,
            period,
            request_id,
            (res_code, reason, reason_zh),
            restricted,
        )
    }

    fn body(
        verdict: &Verdict<'_>,
        prices: Option<&PriceTable>,
        domain: &str,
        period: Option<u64>,
        request_id: &str,
        (res_code, reason, reason_zh): (Option<&'static str>, &'static str, &'static str),
        restricted: bool,
    ) -> TencentResponse {
        let p = verdict
            .suffix()
            .and_then(|s| prices.and_then(|t| t.get(s)))
            .cloned()
            .unwrap_or_default();
        TencentResponse {
            response: TencentBody::Check(TencentCheck {
                domain_name: domain.to_string(),
                available: res_code.is_none(),
                reason,
                premium: p.premium,
                price: p.price,
                black_word: restricted,
                describe: p.describe,
                fee_renew: p.fee_renew,
                real_price: p.real_price,
                fee_transfer: p.fee_transfer,
                fee_restore: p.fee_restore,
                period: period.unwrap_or(1),
                reason_zh,
                res_code,
                request_id: request_id.to_string(),
            }),
        }
    }

    /// The answer for a refused name: the Tencent error of its reason, or,
    /// for a reason without one (a restricted word), `Available=false`.
    fn rejection(
        e: &Rejection,
        domain: &str,
        period: Option<u64>,
        request_id: &str,
    ) -> TencentResponse {
        let r = e.reason();
        match r.tencent_code() {
            Some(code) => TencentResponse::error(code, r.message(), request_id),
            None => TencentResponse {
                response: TencentBody::Check(TencentCheck {
                    domain_name: domain.to_string(),
                    available: false,
                    reason: r.message(),
                    premium: false,
                    price: None,
                    black_word: r == Reason::RestrictedWord,
                    describe: None,
                    fee_renew: None,
                    real_price: None,
                    fee_transfer: None,
                    fee_restore: None,
                    period: period.unwrap_or(1),
                    reason_zh: r.message_zh(),
                    res_code: Some(r.as_str()),
                    request_id: request_id.to_string(),
                }),
            },
        }
    }

    /// A Tencent error: `{"Response": {"Error": {"Code", "Message"},
    /// "RequestId"}}`.
    ///
    /// # Example
    ///
    /// ```
    /// use dncheck::registrar::TencentResponse;
    ///
    /// let r = TencentResponse::error("InvalidAction", "The action does not exist.", "id");
    /// assert_eq!(
    ///     serde_json::to_value(&r).unwrap(),
    ///     serde_json::json!({"Response": {"Error": {"Code": "InvalidAction", "Message": "The action does not exist."}, "RequestId": "id"}}),
    /// );
    /// ```
    #[must_use]
    pub fn error(code: &str, message: &str, request_id: &str) -> TencentResponse {
        TencentResponse {
            response: TencentBody::Error(TencentError {
                error: CodeMessage {
                    code: code.to_string(),
                    message: message.to_string(),
                },
                request_id: request_id.to_string(),
            }),
        }
    }

    /// Tencent's `RequestLimitExceeded` for a request a [`RateLimit`](super::RateLimit)
    /// refused.
    ///
    /// # Example
    ///
    /// ```
    /// use dncheck::registrar::{RateLimit, TencentResponse};
    ///
    /// let mut limit = RateLimit::new(1, 1, 1);
    /// limit.check("AKID", 0).unwrap();
    /// let r = TencentResponse::rate_limited(&limit.check("AKID", 0).unwrap_err(), "id");
    /// assert_eq!(r.error_code(), Some("RequestLimitExceeded"));
    /// ```
    #[must_use]
    pub fn rate_limited(refused: &RateLimited, request_id: &str) -> TencentResponse {
        let _ = refused;
        TencentResponse::error(RateLimited::TENCENT_CODE, RateLimited::MESSAGE, request_id)
    }

    /// The error code, if this is an error.
    ///
    /// # Example
    ///
    /// ```
    /// use dncheck::{registrar::TencentResponse, Checker};
    /// let r = TencentResponse::check(&Checker::default(), None, None, "a..cn", None, "id");
    /// assert_eq!(r.error_code(), Some("InvalidParameter.DomainNameIsInvalid"));
    /// ```
    #[must_use]
    pub fn error_code(&self) -> Option<&str> {
        match &self.response {
            TencentBody::Error(e) => Some(&e.error.code),
            TencentBody::Check(_) => None,
        }
    }

    /// `Available`: `true` for a check whose name can be registered, `false`
    /// for one that cannot and for an error.
    ///
    /// # Example
    ///
    /// ```
    /// use dncheck::{registrar::TencentResponse, Checker};
    /// let checker = Checker::default();
    /// assert!(TencentResponse::check(&checker, None, None, "dncheck.cn", None, "id").available());
    /// assert!(!TencentResponse::check(&checker, None, None, "login.cn", None, "id").available());
    /// ```
    #[must_use]
    pub fn available(&self) -> bool {
        match &self.response {
            TencentBody::Check(c) => c.available,
            TencentBody::Error(_) => false,
        }
    }
}

/// An Alibaba Cloud response: `ApplyForRetrievalDomainName`'s success body
/// `{"RequestId", "DomainName"}` (HTTP 200) or the error body
/// `{"RequestId", "HostId", "Code", "Message"}` (HTTP 400 unless set
/// otherwise).
///
/// # Example
///
/// ```
/// use dncheck::registrar::{check_retrieval, AlibabaResponse, Cooldown, MemoryLookup};
/// use dncheck::Checker;
///
/// let checker = Checker::default();
/// let lookup = MemoryLookup::new();
/// let result = check_retrieval(&checker, &lookup, &mut Cooldown::default(), "AK", "example.cn", 0);
/// let r = AlibabaResponse::retrieval(&result, "example.cn", "536E9CAD-DB30-4647-AC87-AA5CC38C5382", "alidns.aliyuncs.com");
/// assert_eq!(r.status(), 400);
/// assert_eq!(serde_json::to_value(&r).unwrap()["Code"], "InvalidDomainName.Unregistered");
/// ```
#[derive(Clone, Debug, Serialize)]
#[serde(untagged)]
pub enum AlibabaResponse {
    /// The success body.
    Ok {
        /// `RequestId`.
        #[serde(rename = "RequestId")]
        request_id: String,
        /// `DomainName`: the name as the request gave it.
        #[serde(rename = "DomainName")]
        domain_name: String,
    },
    /// The error body.
    Error {
        /// The HTTP status (not serialised).
        #[serde(skip)]
        status: u16,
        /// `RequestId`.
        #[serde(rename = "RequestId")]
        request_id: String,
        /// `HostId`: the endpoint that answered.
        #[serde(rename = "HostId")]
        host_id: String,
        /// `Code`.
        #[serde(rename = "Code")]
        code: String,
        /// `Message`.
        #[serde(rename = "Message")]
        message: String,
    },
}

impl AlibabaResponse {
    /// The answer to a retrieval ([`check_retrieval`](super::check_retrieval)'s
    /// result) for the name `domain` as the request gave it.
    ///
    /// # Example
    ///
    /// ```
    /// use dncheck::registrar::AlibabaResponse;
    /// use dncheck::Checker;
    ///
    /// let result = Checker::default().check("例子.中国");
    /// let r = AlibabaResponse::retrieval(&result, "例子.中国", "ID", "alidns.aliyuncs.com");
    /// assert_eq!(r.status(), 200);
    /// assert_eq!(serde_json::to_value(&r).unwrap(), serde_json::json!({"RequestId": "ID", "DomainName": "例子.中国"}));
    /// ```
    #[must_use]
    pub fn retrieval(
        result: &Result<Verdict<'_>, Rejection>,
        domain: &str,
        request_id: &str,
        host_id: &str,
    ) -> AlibabaResponse {
        match result {
            Ok(_) => AlibabaResponse::Ok {
                request_id: request_id.to_string(),
                domain_name: domain.to_string(),
            },
            Err(e) => AlibabaResponse::error(
                400,
                e.reason().alibaba_code(),
                e.reason().message(),
                request_id,
                host_id,
            ),
        }
    }

    /// An error body with its HTTP status.
    ///
    /// # Example
    ///
    /// ```
    /// use dncheck::registrar::AlibabaResponse;
    ///
    /// let r = AlibabaResponse::error(404, "InvalidAction.NotFound", "Specified api is not found.", "ID", "alidns.aliyuncs.com");
    /// assert_eq!(r.status(), 404);
    /// assert_eq!(r.code(), Some("InvalidAction.NotFound"));
    /// ```
    #[must_use]
    pub fn error(
        status: u16,
        code: &str,
        message: &str,
        request_id: &str,
        host_id: &str,
    ) -> AlibabaResponse {
        AlibabaResponse::Error {
            status,
            request_id: request_id.to_string(),
            host_id: host_id.to_string(),
            code: code.to_string(),
            message: message.to_string(),
        }
    }

    /// The HTTP status: 200 for success, the error's otherwise.
    ///
    /// # Example
    ///
    /// ```
    /// use dncheck::registrar::AlibabaResponse;
    /// assert_eq!(AlibabaResponse::error(400, "C", "M", "ID", "H").status(), 400);
    /// ```
    #[must_use]
    pub fn status(&self) -> u16 {
        match self {
            AlibabaResponse::Ok { .. } => 200,
            AlibabaResponse::Error { status, .. } => *status,
        }
    }

    /// The error code, if this is an error.
    ///
    /// # Example
    ///
    /// ```
    /// use dncheck::registrar::AlibabaResponse;
    /// assert_eq!(AlibabaResponse::error(400, "Forbidden.TooOfen", "M", "ID", "H").code(), Some("Forbidden.TooOfen"));
    /// ```
    #[must_use]
    pub fn code(&self) -> Option<&str> {
        match self {
            AlibabaResponse::Ok { .. } => None,
            AlibabaResponse::Error { code, .. } => Some(code),
        }
    }
}

/// A new request id, a random UUID v4: lowercase as Tencent writes them
/// (`upper` false) or uppercase as Alibaba does.
///
/// # Example
///
/// ```
/// let id = dncheck::registrar::request_id(false);
/// assert_eq!(id.len(), 36);
/// assert_eq!(id.as_bytes()[14], b'4'); // version 4
/// assert!(dncheck::registrar::request_id(true).bytes().all(|b| !b.is_ascii_lowercase()));
/// ```
#[cfg(any(feature = "server", feature = "cli"))]
#[must_use]
pub fn request_id(upper: bool) -> String {
    let id = uuid::Uuid::new_v4();
    if upper {
        id.hyphenated()
            .encode_upper(&mut uuid::Uuid::encode_buffer())
            .to_string()
    } else {
        id.hyphenated().to_string()
    }
}
