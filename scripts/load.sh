#!/usr/bin/env bash
# A load figure for dncheck-server: starts the release server on 127.0.0.1
# (a free port), runs oha against it (bounded: a fixed number of requests),
# prints requests/s and p50/p99, and stops the server.
#
#   scripts/load.sh [REQUESTS] [CONNECTIONS]     (default 20000 16)
#
# Installs oha (`cargo install oha --locked`) if missing. Traffic goes to
# 127.0.0.1 only.
# The per-caller rate limit is raised for the run (--rate/--burst), since
# every request comes from one caller; the limiter itself still runs.
set -euo pipefail
cd "$(dirname "$0")/.."
requests=${1:-20000}
connections=${2:-16}
# The load generator is installed here if missing (crates.io).
command -v oha >/dev/null || cargo install oha --locked
command -v oha >/dev/null || PATH="$HOME/.cargo/bin:$PATH"

cargo build --release --features server --bin dncheck-server >&2
dir=$(mktemp -d)
trap 'kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; rm -rf "$dir"' EXIT
printf 'example.cn\n例子.中国\n' >"$dir/registered"
printf 'example.cn bob\n' >"$dir/hosted"
RUST_LOG=warn target/release/dncheck-server --listen 127.0.0.1:0 \
    --registered "$dir/registered" --hosted "$dir/hosted" \
    --rate 100000000 --burst 100000000 >"$dir/out" 2>"$dir/err" &
pid=$!
for _ in $(seq 100); do [ -s "$dir/out" ] && break; sleep 0.05; done
addr=$(head -n 1 "$dir/out")
case "$addr" in 127.0.0.1:*) ;; *) echo "server did not start: $(cat "$dir/err")" >&2; exit 1 ;; esac

run() { # name, then oha's arguments
    local name=$1
    shift
    oha --no-tui -n "$requests" -c "$connections" "$@" >"$dir/oha" 2>&1 || { cat "$dir/oha" >&2; exit 1; }
    local rps p50 p99 codes
    # oha prints latencies with a unit (`ms`, `secs`, `µs`): to ms.
    ms() { awk -v q="$1% in" 'index($0, q) { v = $3; if ($4 == "secs") v *= 1000; else if ($4 != "ms") v /= 1000; print v }' "$dir/oha"; }
    rps=$(awk '/Requests\/sec:/ {print $2}' "$dir/oha")
    p50=$(ms 50.00)
    p99=$(ms 99.00)
    codes=$(awk '$1 ~ /^\[[0-9]+\]$/ {printf "%s%s x%s", sep, $1, $2; sep = ", "}' "$dir/oha")
    printf '%-44s %8.0f req/s   p50 %6.3f ms   p99 %6.3f ms   %s\n' \
        "$name" "$rps" "$p50" "$p99" "$codes"
}

echo "dncheck-server at $addr: $requests requests, $connections connections ($(nproc) cores)"
run "Tencent CheckIntlDomainNew 例子.中国" -m POST \
    -H 'X-TC-Action: CheckIntlDomainNew' -H 'Content-Type: application/json' \
    -d '{"Domain": "例子.中国", "Period": "1"}' "http://$addr/"
run "Tencent CheckIntlDomainNew example.com.cn" -m POST \
    -H 'X-TC-Action: CheckIntlDomainNew' -H 'Content-Type: application/json' \
    -d '{"Domain": "example.com.cn"}' "http://$addr/"
run "Alibaba ApplyForRetrievalDomainName (400)" \
    "http://$addr/?Action=ApplyForRetrievalDomainName&DomainName=nodns.cn&AccessKeyId=load"
