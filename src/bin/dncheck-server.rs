//! `dncheck-server`: an HTTP server answering Tencent Cloud
//! `CheckIntlDomainNew` and Alibaba Cloud DNS `ApplyForRetrievalDomainName`
//! requests with dncheck's checks (see `docs/registrar.md`).
//!
//! It prints the address it is bound to as the first line of standard
//! output, logs to standard error (`RUST_LOG`, default `info`), and stops
//! gracefully on SIGTERM or Ctrl-C. Request signatures are not verified:
//! that is the job of the API gateway in front of it.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;

#[path = "dncheck-server/app.rs"]
mod app;

/// Serve dncheck's checks as Tencent Cloud CheckIntlDomainNew and Alibaba
/// Cloud DNS ApplyForRetrievalDomainName.
#[derive(Debug, Parser)]
#[command(name = "dncheck-server", version)]
struct Args {
    /// Address to listen on (port 0: any free port; the bound address is the
    /// first line of standard output).
    #[arg(long, default_value = "127.0.0.1:8053")]
    listen: SocketAddr,
    /// Registered domains: one a line, or a zone file (owner names).
    #[arg(long, value_name = "FILE")]
    registered: Option<PathBuf>,
    /// Domains hosted in the DNS system with their owner: `domain owner` a
    /// line (the owner is the caller's AccessKeyId).
    #[arg(long, value_name = "FILE")]
    hosted: Option<PathBuf>,
    /// Requests a second per caller.
    #[arg(long, default_value_t = dncheck::registrar::RateLimit::DEFAULT_PER_SECOND)]
    rate: u64,
    /// Burst per caller.
    #[arg(long, default_value_t = dncheck::registrar::RateLimit::DEFAULT_BURST)]
    burst: u64,
    /// Seconds a request may take to arrive in full before it is answered
    /// with a timeout.
    #[arg(long, default_value_t = 10)]
    timeout_secs: u64,
}

fn main() -> ExitCode {
    let args = Args::parse();
    tracing_subscriber::fmt()
        .with_writer(std::io::stderr)
        .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr()))
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info")),
        )
        .init();
    let config = app::Config {
        registered: args.registered,
        hosted: args.hosted,
        rate: args.rate,
        burst: args.burst,
        timeout: std::time::Duration::from_secs(args.timeout_secs.max(1)),
    };
    let state = match app::State::load(&config) {
        Ok(state) => state,
        Err(e) => {
            eprintln!("dncheck-server: {e}");
            return ExitCode::from(2);
        }
    };
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("dncheck-server: {e}");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(app::serve(args.listen, state)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("dncheck-server: {e}");
            ExitCode::FAILURE
        }
    }
}
