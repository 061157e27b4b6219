//! Reading a verdict: the forms of an accepted name, and for a refused one
//! the reason, where it lies, the Alibaba Cloud and Tencent Cloud error
//! codes, and the messages in English and Chinese.
//!
//! ```text
//! cargo run --example vendor_codes
//! cargo run --example vendor_codes -- 'WWW.例子.公司.cn.' 'ab--cd.com'
//! ```

use dncheck::{Checker, Profile};

fn main() {
    let mut names: Vec<String> = std::env::args().skip(1).collect();
    if names.is_empty() {
        names = [
            "例子。中国",
            "www.Shop.COM.",
            "ab--cd.com",
            "good.ex ample.com",
            "com.cn",
        ]
        .map(String::from)
        .to_vec();
    }
    // The hostname profile: subdomains are accepted, and the registrable
    // domain is reported beside the name.
    let checker = Checker::builder().profile(Profile::Hostname).build();

    for name in &names {
        println!("{name:?}");
        match checker.check(name) {
            Ok(v) => {
                // The canonical key: A-label form, lowercase, no root dot.
                println!("  ascii        {}", v.ascii());
                println!("  unicode      {}", v.unicode());
                // By the Public Suffix List; `None` only where the name is
                // itself a suffix, which the policy refuses anyway.
                println!("  suffix       {}", v.suffix().unwrap_or("-"));
                println!("  registrable  {}", v.registrable().unwrap_or("-"));
                let flags: Vec<&str> = v.flags().iter().map(|f| f.as_str()).collect();
                println!("  flags        [{}]", flags.join(", "));
            }
            Err(e) => {
                let reason = e.reason();
                println!("  reason       {reason}");
                // The label index (from 0) and byte range of the fault in
                // the input; the label is `None` for faults of the whole
                // name.
                let label = e.label().map_or("-".to_owned(), |l| l.to_string());
                let span = e.span();
                let bytes = name.as_bytes().get(span.clone()).unwrap_or_default();
                println!(
                    "  where        label {label}, bytes {span:?} ({:?})",
                    String::from_utf8_lossy(bytes)
                );
                println!("  alibaba      {}", reason.alibaba_code());
                // `None` for restricted words: Tencent answers those with
                // `Available=false`, `BlackWord=true` rather than an error.
                println!("  tencent      {}", reason.tencent_code().unwrap_or("-"));
                println!("  message      {}", reason.message());
                println!("  message_zh   {}", reason.message_zh());
            }
        }
    }
}
