//! The real `dncheck-server` binary over real HTTP on 127.0.0.1: each test
//! starts its own server on a free port (the server prints the bound
//! address as its first line) with temporary lookup files, and a guard
//! kills it at the end, also on panic.
#![cfg(feature = "server")]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Barrier};
use std::time::{Duration, Instant};

use serde_json::{json, Value};

const REGISTERED: &str = "\
$ORIGIN cn.
$TTL 3600
; registry zone excerpt
example.cn. IN NS ns1.dns.example.
mine.cn. IN NS ns1.dns.example.
nodns.cn. IN NS ns1.dns.example.
例子.中国. IN NS ns1.dns.example.
taken.cn
";
const HOSTED: &str = "\
# domain owner
example.cn bob
mine.cn alice
例子.中国 bob
taken.cn bob
";

/// A running server; killed (and its files removed) when dropped.
struct Server {
    child: Child,
    addr: String,
    dir: PathBuf,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

fn start(extra: &[&str]) -> Server {
    static N: AtomicUsize = AtomicUsize::new(0);
    let dir = std::env::temp_dir().join(format!(
        "dncheck-server-test-{}-{}",
        std::process::id(),
        N.fetch_add(1, Ordering::Relaxed)
    ));
    std::fs::create_dir_all(&dir).unwrap();
    let (registered, hosted) = (dir.join("registered.zone"), dir.join("hosted.txt"));
    std::fs::write(&registered, REGISTERED).unwrap();
    std::fs::write(&hosted, HOSTED).unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_dncheck-server"))
        .args(["--listen", "127.0.0.1:0", "--registered"])
        .arg(&registered)
        .arg("--hosted")
        .arg(&hosted)
        .args(extra)
        .env("RUST_LOG", "warn")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("start dncheck-server");
    let stdout = child.stdout.take().unwrap();
    let mut server = Server {
        child,
        addr: String::new(),
        dir,
    };
    let mut line = String::new();
    BufReader::new(stdout).read_line(&mut line).unwrap();
    server.addr = line.trim().to_owned();
    assert!(server.addr.starts_with("127.0.0.1:"), "{line:?}");
    server
}

fn agent() -> ureq::Agent {
    ureq::AgentBuilder::new()
        .timeout(Duration::from_secs(20))
        .build()
}

/// Status and parsed JSON body of a response (4xx and 5xx included).
fn answer(r: Result<ureq::Response, ureq::Error>) -> (u16, Value) {
    let resp = match r {
        Ok(resp) => resp,
        Err(ureq::Error::Status(_, resp)) => resp,
        Err(e) => panic!("transport error: {e}"),
    };
    let status = resp.status();
    assert!(resp.content_type().starts_with("application/json"));
    let text = resp.into_string().unwrap();
    (
        status,
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("{e}: {text}")),
    )
}

impl Server {
    fn url(&self) -> String {
        format!("http://{}/", self.addr)
    }

    fn tencent_raw(&self, method: &str, action: &str, akid: &str, body: &str) -> (u16, Value) {
        let auth = format!(
            "TC3-HMAC-SHA256 Credential={akid}/2026-12-04/domain/tc3_request, SignedHeaders=content-type;host, Signature=0"
        );
        answer(
            agent()
                .request(method, &self.url())
                .set("X-TC-Action", action)
                .set("X-TC-Version", "2018-08-08")
                .set("Content-Type", "application/json")
                .set("Authorization", &auth)
                .send_string(body),
        )
    }

    fn tencent(&self, akid: &str, body: Value) -> Value {
        let (status, v) = self.tencent_raw("POST", "CheckIntlDomainNew", akid, &body.to_string());
        assert_eq!(status, 200, "{v}");
        v["Response"].clone()
    }

    fn alibaba(&self, akid: &str, domain: &str) -> (u16, Value) {
        answer(
            agent()
                .get(&self.url())
                .query("Action", "ApplyForRetrievalDomainName")
                .query("DomainName", domain)
                .query("AccessKeyId", akid)
                .call(),
        )
    }

    fn alibaba_form(&self, akid: &str, domain: &str) -> (u16, Value) {
        answer(agent().post(&self.url()).send_form(&[
            ("Action", "ApplyForRetrievalDomainName"),
            ("DomainName", domain),
            ("AccessKeyId", akid),
        ]))
    }
}

fn is_uuid(v: &Value) -> bool {
    let s = v.as_str().unwrap_or_default();
    s.len() == 36 && s.as_bytes()[14] == b'4'
}

#[test]
fn tencent_check_intl_domain_new() {
    let s = start(&[]);
    let r = s.tencent("AKID1", json!({"Domain": "dncheck-free.cn", "Period": "1"}));
    assert_eq!(r["Available"], true);
    assert_eq!(r["DomainName"], "dncheck-free.cn");
    assert_eq!(r["BlackWord"], false);
    assert_eq!(r["Price"], Value::Null);
    assert_eq!(r["Period"], 1);
    assert!(is_uuid(&r["RequestId"]), "{r}");
    assert!(r["RequestId"]
        .as_str()
        .unwrap()
        .bytes()
        .all(|b| !b.is_ascii_uppercase()));

    let r = s.tencent("AKID1", json!({"Domain": "ab--cd.com"}));
    assert_eq!(r["Error"]["Code"], "InvalidParameter.DomainNameIsInvalid");
    assert!(is_uuid(&r["RequestId"]));

    for body in [json!({"Domain": ""}), json!({"Period": "1"})] {
        let r = s.tencent("AKID1", body);
        assert_eq!(r["Error"]["Code"], "MissingParameter.DomainIsEmpty");
    }

    let r = s.tencent("AKID1", json!({"Domain": "secure-login.cn"}));
    assert_eq!(
        (r["Available"].clone(), r["BlackWord"].clone()),
        (json!(false), json!(true))
    );
    assert_eq!(r["ReasonZh"], "域名包含受限词语");

    let r = s.tencent("AKID1", json!({"Domain": "TAKEN.cn"}));
    assert_eq!(r["Available"], false);
    assert_eq!(r["ResCode"], "registered");
}

#[test]
fn alibaba_apply_for_retrieval() {
    let s = start(&[]);
    let (status, v) = s.alibaba("alice", "free.cn");
    assert_eq!(
        (status, v["Code"].clone()),
        (400, json!("InvalidDomainName.Unregistered"))
    );
    assert_eq!(v["HostId"], "alidns.aliyuncs.com");
    assert!(is_uuid(&v["RequestId"]));
    assert!(v["RequestId"]
        .as_str()
        .unwrap()
        .bytes()
        .all(|b| !b.is_ascii_lowercase()));

    let (status, v) = s.alibaba("alice", "nodns.cn");
    assert_eq!(
        (status, v["Code"].clone()),
        (400, json!("InvalidDomainName.NoExist"))
    );
    let (status, v) = s.alibaba("alice", "MINE.cn");
    assert_eq!(
        (status, v["Code"].clone()),
        (400, json!("InvalidDomainName.Duplicate"))
    );
    let (status, v) = s.alibaba("alice", "a_b.cn");
    assert_eq!(
        (status, v["Code"].clone()),
        (400, json!("InvalidDomainName.Format"))
    );
    let (status, v) = s.alibaba("alice", "example.notatld");
    assert_eq!(
        (status, v["Code"].clone()),
        (400, json!("InvalidDomainName.Suffix"))
    );

    // A retrieval, then the same name in another spelling inside 90 s.
    let (status, v) = s.alibaba("alice", "例子.中国");
    assert_eq!(status, 200, "{v}");
    assert_eq!(v["DomainName"], "例子.中国");
    assert_eq!(v.as_object().unwrap().len(), 2);
    let (status, v) = s.alibaba_form("alice", "XN--FSQU00A。中国.");
    assert_eq!(
        (status, v["Code"].clone()),
        (400, json!("Forbidden.TooOfen")),
        "{v}"
    );
    // Another caller, the same name: the cooldown is per name.
    let (status, v) = s.alibaba("carol", "xn--fsqu00a.xn--fiqs8s");
    assert_eq!(
        (status, v["Code"].clone()),
        (400, json!("Forbidden.TooOfen"))
    );
    // Another name is free.
    let (status, _) = s.alibaba_form("alice", "example.cn");
    assert_eq!(status, 200);

    let (status, v) = answer(
        agent()
            .get(&s.url())
            .query("Action", "ApplyForRetrievalDomainName")
            .call(),
    );
    assert_eq!(
        (status, v["Code"].clone()),
        (400, json!("MissingParameter"))
    );
}

#[test]
fn burst_of_thirty_is_rate_limited() {
    let s = Arc::new(start(&[]));
    let barrier = Arc::new(Barrier::new(30));
    let threads: Vec<_> = (0..30)
        .map(|i| {
            let (s, barrier) = (Arc::clone(&s), Arc::clone(&barrier));
            std::thread::spawn(move || {
                let body = json!({"Domain": format!("burst{i}.cn")});
                barrier.wait();
                s.tencent("AKIDBURST", body)
            })
        })
        .collect();
    let answers: Vec<Value> = threads.into_iter().map(|t| t.join().unwrap()).collect();
    let limited = answers
        .iter()
        .filter(|r| r["Error"]["Code"] == "RequestLimitExceeded")
        .count();
    let ok = answers.iter().filter(|r| r["Available"] == true).count();
    assert_eq!(ok + limited, 30, "{answers:?}");
    assert!(ok >= 20, "the burst of 20 goes through: {ok}");
    assert!(limited >= 1, "some of 30 at once are refused: {limited}");
    // Another caller is not limited by the first.
    let r = s.tencent("AKIDOTHER", json!({"Domain": "other.cn"}));
    assert_eq!(r["Available"], true);
}

#[test]
fn bad_requests_get_vendor_errors_and_the_server_keeps_serving() {
    let s = start(&[]);
    // Not JSON, and JSON that is not an object.
    for body in ["{not json", "[1, 2]", ""] {
        let (status, v) = s.tencent_raw("POST", "CheckIntlDomainNew", "AKIDBAD", body);
        assert_eq!(
            (status, v["Response"]["Error"]["Code"].clone()),
            (200, json!("InvalidParameter")),
            "{body:?}"
        );
    }
    // Over 64 KiB.
    let big = format!("{{\"Domain\": \"{}\"}}", "a".repeat(70 * 1024));
    let (status, v) = s.tencent_raw("POST", "CheckIntlDomainNew", "AKIDBAD", &big);
    assert_eq!(
        (status, v["Response"]["Error"]["Code"].clone()),
        (413, json!("RequestSizeLimitExceeded"))
    );
    let (status, v) = answer(
        agent()
            .post(&s.url())
            .set("Content-Type", "application/x-www-form-urlencoded")
            .send_string(&format!(
                "Action=ApplyForRetrievalDomainName&DomainName={}",
                "a".repeat(70 * 1024)
            )),
    );
    assert_eq!(
        (status, v["Code"].clone()),
        (413, json!("RequestSizeLimitExceeded"))
    );
    // Unknown actions.
    let (status, v) = s.tencent_raw("POST", "DescribeDomainList", "AKIDBAD", "{}");
    assert_eq!(
        (status, v["Response"]["Error"]["Code"].clone()),
        (200, json!("InvalidAction"))
    );
    let (status, v) = answer(agent().get(&s.url()).query("Action", "DeleteDomain").call());
    assert_eq!(
        (status, v["Code"].clone()),
        (404, json!("InvalidAction.NotFound"))
    );
    // Wrong methods.
    let (status, v) = s.tencent_raw("PUT", "CheckIntlDomainNew", "AKIDBAD", "{}");
    assert_eq!(
        (status, v["Response"]["Error"]["Code"].clone()),
        (405, json!("UnsupportedProtocol"))
    );
    let (status, v) = answer(agent().request("DELETE", &s.url()).call());
    assert_eq!(
        (status, v["Code"].clone()),
        (405, json!("InvalidAction.NotFound"))
    );
    // Still serving.
    let r = s.tencent("AKIDGOOD", json!({"Domain": "still-up.cn"}));
    assert_eq!(r["Available"], true);
    let (status, _) = s.alibaba("alice", "example.cn");
    assert_eq!(status, 200);
}

#[test]
fn a_body_that_never_arrives_times_out() {
    let s = start(&["--timeout-secs", "1"]);
    let mut stream = TcpStream::connect(&s.addr).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(20)))
        .unwrap();
    let started = Instant::now();
    write!(
        stream,
        "POST / HTTP/1.1\r\nHost: {}\r\nX-TC-Action: CheckIntlDomainNew\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{{\"Domain\"",
        s.addr
    )
    .unwrap();
    let mut buf = Vec::new();
    let _ = stream.read_to_end(&mut buf);
    let text = String::from_utf8_lossy(&buf);
    assert!(text.starts_with("HTTP/1.1 408"), "{text}");
    assert!(text.contains("\"RequestTimeout\""), "{text}");
    assert!(started.elapsed() < Duration::from_secs(15));
    let r = s.tencent("AKIDGOOD", json!({"Domain": "after-timeout.cn"}));
    assert_eq!(r["Available"], true);
}

#[cfg(unix)]
#[test]
fn sigterm_stops_the_server_gracefully() {
    let mut s = start(&[]);
    let r = s.tencent("AKID1", json!({"Domain": "before-term.cn"}));
    assert_eq!(r["Available"], true);
    let pid = s.child.id().to_string();
    assert!(Command::new("kill")
        .args(["-TERM", &pid])
        .status()
        .unwrap()
        .success());
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        if let Some(status) = s.child.try_wait().unwrap() {
            assert!(status.success(), "{status:?}");
            break;
        }
        assert!(
            Instant::now() < deadline,
            "the server did not stop on SIGTERM"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}
