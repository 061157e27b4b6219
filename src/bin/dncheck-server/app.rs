//! The server's logic: one handler for `/` that tells the vendor by the
//! request (Tencent's `X-TC-Action` header, else Alibaba's `Action`
//! parameter) and answers in that vendor's shape, always.

use std::io::Write as _;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::body::Body;
use axum::extract::{ConnectInfo, Request};
use axum::http::{header, HeaderMap, Method, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Router;
use dncheck::registrar::{
    check_retrieval, request_id, AlibabaResponse, Cooldown, MemoryLookup, RateLimit, RateLimited,
    TencentResponse,
};
use dncheck::Checker;
use serde_json::Value;

/// The largest request body read: 64 KiB.
pub const BODY_LIMIT: usize = 64 * 1024;
/// Alibaba's `HostId`: the endpoint the server stands in for.
pub const HOST_ID: &str = "alidns.aliyuncs.com";

/// What the server is started with.
#[derive(Debug)]
pub struct Config {
    pub registered: Option<PathBuf>,
    pub hosted: Option<PathBuf>,
    pub rate: u64,
    pub burst: u64,
    pub timeout: Duration,
}

/// What every request shares.
pub struct State {
    checker: Checker,
    lookup: MemoryLookup,
    cooldown: Mutex<Cooldown>,
    rate: Mutex<RateLimit>,
    start: Instant,
    timeout: Duration,
}

impl State {
    /// Loads the lookup files.
    pub fn load(config: &Config) -> Result<Arc<State>, String> {
        let checker = Checker::default();
        let mut lookup = MemoryLookup::new();
        if let Some(path) = &config.registered {
            let n = lookup
                .add_registered_file(&checker, path)
                .map_err(|e| format!("{}: {e}", path.display()))?;
            tracing::info!(file = %path.display(), names = n, "registered domains loaded");
        }
        if let Some(path) = &config.hosted {
            let n = lookup
                .add_hosted_file(&checker, path)
                .map_err(|e| format!("{}: {e}", path.display()))?;
            tracing::info!(file = %path.display(), names = n, "hosted domains loaded");
        }
        Ok(Arc::new(State {
            checker,
            lookup,
            cooldown: Mutex::new(Cooldown::default()),
            rate: Mutex::new(RateLimit::new(
                config.rate,
                config.burst,
                RateLimit::DEFAULT_MAX_CALLERS,
            )),
            start: Instant::now(),
            timeout: config.timeout,
        }))
    }

    fn now_ms(&self) -> u64 {
        u64::try_from(self.start.elapsed().as_millis()).unwrap_or(u64::MAX)
    }

    fn rate_check(&self, caller: &str) -> Result<(), RateLimited> {
        let now = self.now_ms();
        // A poisoned lock only means a panic elsewhere mid-update; the
        // limiter's state is still a valid one.
        let mut rate = self.rate.lock().unwrap_or_else(|e| e.into_inner());
        rate.check(caller, now)
    }
}

/// Binds, prints the bound address as the first line of standard output,
/// and serves until SIGTERM or Ctrl-C.
pub async fn serve(listen: SocketAddr, state: Arc<State>) -> std::io::Result<()> {
    let listener = tokio::net::TcpListener::bind(listen).await?;
    let addr = listener.local_addr()?;
    {
        let mut out = std::io::stdout().lock();
        writeln!(out, "{addr}")?;
        out.flush()?;
    }
    tracing::info!(%addr, "listening");
    let app = router(state);
    axum::serve(
        listener,
        app.into_make_service_with_connect_info::<SocketAddr>(),
    )
    .with_graceful_shutdown(shutdown())
    .await?;
    tracing::info!("stopped");
    Ok(())
}

/// Every path goes to one handler, which answers other paths than `/` with
/// the vendor's "no such action".
pub fn router(state: Arc<State>) -> Router {
    Router::new().fallback(handle).with_state(state)
}

/// Resolves on SIGTERM or Ctrl-C.
async fn shutdown() {
    let ctrl_c = async {
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => tracing::info!("Ctrl-C: shutting down"),
        () = term => tracing::info!("SIGTERM: shutting down"),
    }
}

/// Which vendor's API a request speaks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Vendor {
    Tencent,
    Alibaba,
}

/// A finished answer: status, body, and what to log.
struct Answer {
    status: StatusCode,
    body: String,
    code: Option<String>,
}

impl Answer {
    fn tencent(status: StatusCode, r: &TencentResponse) -> Answer {
        Answer {
            status,
            body: serde_json::to_string(r).unwrap_or_default(),
            code: r.error_code().map(str::to_owned),
        }
    }

    fn tencent_error(status: StatusCode, code: &str, message: &str, id: &str) -> Answer {
        Answer::tencent(status, &TencentResponse::error(code, message, id))
    }

    fn alibaba(r: &AlibabaResponse) -> Answer {
        Answer {
            status: StatusCode::from_u16(r.status()).unwrap_or(StatusCode::BAD_REQUEST),
            body: serde_json::to_string(r).unwrap_or_default(),
            code: r.code().map(str::to_owned),
        }
    }

    fn alibaba_error(status: u16, code: &str, message: &str, id: &str) -> Answer {
        Answer::alibaba(&AlibabaResponse::error(status, code, message, id, HOST_ID))
    }
}

async fn handle(
    axum::extract::State(state): axum::extract::State<Arc<State>>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    request: Request,
) -> Response {
    let started = Instant::now();
    let vendor = if request.headers().contains_key("x-tc-action") {
        Vendor::Tencent
    } else {
        Vendor::Alibaba
    };
    let id = request_id(vendor == Vendor::Alibaba);
    let method = request.method().clone();
    let timeout = state.timeout;
    let answer =
        match tokio::time::timeout(timeout, answer(&state, vendor, peer, request, &id)).await {
            Ok(answer) => answer,
            Err(_) => {
                let message = "the request did not arrive in time";
                match vendor {
                    Vendor::Tencent => Answer::tencent_error(
                        StatusCode::REQUEST_TIMEOUT,
                        "RequestTimeout",
                        message,
                        &id,
                    ),
                    Vendor::Alibaba => Answer::alibaba_error(408, "RequestTimeout", message, &id),
                }
            }
        };
    tracing::info!(
        vendor = ?vendor,
        %method,
        peer = %peer,
        status = answer.status.as_u16(),
        code = answer.code.as_deref().unwrap_or("-"),
        request_id = %id,
        micros = u64::try_from(started.elapsed().as_micros()).unwrap_or(u64::MAX),
        "request"
    );
    (
        answer.status,
        [(header::CONTENT_TYPE, "application/json; charset=utf-8")],
        answer.body,
    )
        .into_response()
}

/// Bodies up to this size are read to the end (and dropped) when over
/// [`BODY_LIMIT`], so that the client, still sending, can read the 413; a
/// larger declared `Content-Length` is answered at once, and such a client
/// may see the connection closed before it has sent everything.
pub const DRAIN_LIMIT: u64 = 1024 * 1024;

/// Why a body was not read.
enum BodyError {
    TooLarge,
    Broken,
}

/// Reads the body, at most [`BODY_LIMIT`] bytes kept; a longer body is
/// drained up to [`DRAIN_LIMIT`] and refused.
async fn read_body(headers: &HeaderMap, mut body: Body) -> Result<Vec<u8>, BodyError> {
    use http_body_util::BodyExt as _;
    let declared = headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if declared.is_some_and(|n| n > DRAIN_LIMIT) {
        return Err(BodyError::TooLarge);
    }
    let mut kept = Vec::new();
    let mut seen: u64 = 0;
    while let Some(frame) = body.frame().await {
        let frame = frame.map_err(|_| BodyError::Broken)?;
        let Ok(data) = frame.into_data() else {
            continue; // trailers
        };
        seen += data.len() as u64;
        if seen > DRAIN_LIMIT {
            return Err(BodyError::TooLarge);
        }
        if seen <= BODY_LIMIT as u64 {
            kept.extend_from_slice(&data);
        }
    }
    if seen > BODY_LIMIT as u64 {
        return Err(BodyError::TooLarge);
    }
    Ok(kept)
}

async fn answer(
    state: &State,
    vendor: Vendor,
    peer: SocketAddr,
    request: Request,
    id: &str,
) -> Answer {
    let (parts, body) = request.into_parts();
    match vendor {
        Vendor::Tencent => tencent(state, peer, &parts, body, id).await,
        Vendor::Alibaba => alibaba(state, peer, &parts, body, id).await,
    }
}

/// The key id of a Tencent `Authorization` header
/// (`TC3-HMAC-SHA256 Credential=AKID.../date/service/tc3_request, ...`).
pub fn tencent_key_id(headers: &HeaderMap) -> Option<&str> {
    let auth = headers.get(header::AUTHORIZATION)?.to_str().ok()?;
    let rest = &auth[auth.find("Credential=")? + "Credential=".len()..];
    let id = &rest[..rest.find(['/', ',', ' ']).unwrap_or(rest.len())];
    (!id.is_empty()).then_some(id)
}

/// Tencent's `Period`: documented as a String, accepted as a number too.
pub fn period(v: Option<&Value>) -> Result<Option<u64>, ()> {
    match v {
        None | Some(Value::Null) => Ok(None),
        Some(Value::Number(n)) => n.as_u64().map(Some).ok_or(()),
        Some(Value::String(s)) if s.is_empty() => Ok(None),
        Some(Value::String(s)) => s.trim().parse().map(Some).map_err(|_| ()),
        Some(_) => Err(()),
    }
}

async fn tencent(
    state: &State,
    peer: SocketAddr,
    parts: &axum::http::request::Parts,
    body: Body,
    id: &str,
) -> Answer {
    // Tencent answers API errors with HTTP 200 and an `Error` object; only
    // what never reaches the API (method, size, time) has an HTTP status.
    let ok = StatusCode::OK;
    if parts.method != Method::POST {
        return Answer::tencent_error(
            StatusCode::METHOD_NOT_ALLOWED,
            "UnsupportedProtocol",
            "only POST with a JSON body is served",
            id,
        );
    }
    if parts.uri.path() != "/" {
        return Answer::tencent_error(ok, "InvalidAction", "the action does not exist", id);
    }
    let action = parts
        .headers
        .get("x-tc-action")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    if action != "CheckIntlDomainNew" {
        return Answer::tencent_error(
            ok,
            "InvalidAction",
            &format!("the action `{action}` does not exist"),
            id,
        );
    }
    let caller = tencent_key_id(&parts.headers)
        .map(str::to_owned)
        .unwrap_or_else(|| peer.ip().to_string());
    if let Err(refused) = state.rate_check(&caller) {
        return Answer::tencent(ok, &TencentResponse::rate_limited(&refused, id));
    }
    let bytes = match read_body(&parts.headers, body).await {
        Ok(bytes) => bytes,
        Err(BodyError::TooLarge) => {
            return Answer::tencent_error(
                StatusCode::PAYLOAD_TOO_LARGE,
                "RequestSizeLimitExceeded",
                "the request body is larger than 64 KiB",
                id,
            )
        }
        Err(BodyError::Broken) => {
            return Answer::tencent_error(
                StatusCode::BAD_REQUEST,
                "InvalidParameter",
                "the request body could not be read",
                id,
            )
        }
    };
    let Ok(Value::Object(params)) = serde_json::from_slice::<Value>(&bytes) else {
        return Answer::tencent_error(
            ok,
            "InvalidParameter",
            "the request body is not a JSON object",
            id,
        );
    };
    let domain = match params.get("Domain") {
        None | Some(Value::Null) => "",
        Some(Value::String(s)) => s.as_str(),
        Some(_) => {
            return Answer::tencent_error(ok, "InvalidParameter", "`Domain` must be a string", id)
        }
    };
    if domain.is_empty() {
        let r = dncheck::Reason::Empty;
        return Answer::tencent_error(ok, "MissingParameter.DomainIsEmpty", r.message(), id);
    }
    let Ok(period) = period(params.get("Period")) else {
        return Answer::tencent_error(
            ok,
            "InvalidParameter",
            "`Period` must be a whole number of years",
            id,
        );
    };
    let r = TencentResponse::check(
        &state.checker,
        Some(&state.lookup),
        None,
        domain,
        period,
        id,
    );
    Answer::tencent(ok, &r)
}

async fn alibaba(
    state: &State,
    peer: SocketAddr,
    parts: &axum::http::request::Parts,
    body: Body,
    id: &str,
) -> Answer {
    if parts.method != Method::GET && parts.method != Method::POST {
        return Answer::alibaba_error(
            405,
            "InvalidAction.NotFound",
            "Specified api is not found, please check your url and method.",
            id,
        );
    }
    if parts.uri.path() != "/" {
        return Answer::alibaba_error(
            404,
            "InvalidAction.NotFound",
            "Specified api is not found, please check your url and method.",
            id,
        );
    }
    let mut params: Vec<(String, String)> = parts
        .uri
        .query()
        .map(|q| form_urlencoded::parse(q.as_bytes()).into_owned().collect())
        .unwrap_or_default();
    let bytes = match read_body(&parts.headers, body).await {
        Ok(bytes) => bytes,
        Err(BodyError::TooLarge) => {
            return Answer::alibaba_error(
                413,
                "RequestSizeLimitExceeded",
                "the request body is larger than 64 KiB",
                id,
            )
        }
        Err(BodyError::Broken) => {
            return Answer::alibaba_error(
                400,
                "InvalidParameter",
                "the request body could not be read",
                id,
            )
        }
    };
    if !bytes.is_empty() {
        let form = parts
            .headers
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.starts_with("application/x-www-form-urlencoded"));
        if !form {
            return Answer::alibaba_error(
                400,
                "InvalidParameter",
                "the request body must be application/x-www-form-urlencoded",
                id,
            );
        }
        params.extend(form_urlencoded::parse(&bytes).into_owned());
    }
    let param = |name: &str| {
        params
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    };
    let Some(action) = param("Action") else {
        return Answer::alibaba_error(
            400,
            "MissingParameter",
            "The input parameter \"Action\" that is mandatory for processing this request is not supplied.",
            id,
        );
    };
    if action != "ApplyForRetrievalDomainName" {
        return Answer::alibaba_error(
            404,
            "InvalidAction.NotFound",
            "Specified api is not found, please check your url and method.",
            id,
        );
    }
    let caller = param("AccessKeyId")
        .filter(|k| !k.is_empty())
        .map(str::to_owned)
        .unwrap_or_else(|| peer.ip().to_string());
    if state.rate_check(&caller).is_err() {
        return Answer::alibaba_error(
            400,
            RateLimited::ALIBABA_CODE,
            "Request was denied due to user flow control.",
            id,
        );
    }
    let Some(domain) = param("DomainName") else {
        return Answer::alibaba_error(
            400,
            "MissingParameter",
            "The input parameter \"DomainName\" that is mandatory for processing this request is not supplied.",
            id,
        );
    };
    let now = state.now_ms();
    let result = {
        let mut cooldown = state.cooldown.lock().unwrap_or_else(|e| e.into_inner());
        check_retrieval(
            &state.checker,
            &state.lookup,
            &mut cooldown,
            &caller,
            domain,
            now,
        )
    };
    Answer::alibaba(&AlibabaResponse::retrieval(&result, domain, id, HOST_ID))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn key_id_from_authorization() {
        let mut h = HeaderMap::new();
        assert_eq!(tencent_key_id(&h), None);
        h.insert(
            header::AUTHORIZATION,
            "TC3-HMAC-SHA256 Credential=AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE/2019-02-25/domain/tc3_request, SignedHeaders=content-type;host, Signature=be4f"
                .parse()
                .unwrap(),
        );
        assert_eq!(
            tencent_key_id(&h),
            Some("AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE")
        );
        h.insert(header::AUTHORIZATION, "Credential=/x".parse().unwrap());
        assert_eq!(tencent_key_id(&h), None);
        h.insert(header::AUTHORIZATION, "Bearer x".parse().unwrap());
        assert_eq!(tencent_key_id(&h), None);
    }

    #[test]
    fn periods() {
        use serde_json::json;
        assert_eq!(period(None), Ok(None));
        assert_eq!(period(Some(&json!("2"))), Ok(Some(2)));
        assert_eq!(period(Some(&json!(3))), Ok(Some(3)));
        assert_eq!(period(Some(&json!(""))), Ok(None));
        assert_eq!(period(Some(&json!("x"))), Err(()));
        assert_eq!(period(Some(&json!(-1))), Err(()));
        assert_eq!(period(Some(&json!([1]))), Err(()));
    }
}
