#!/usr/bin/env bash
# Browser tests: installs Debian's Chromium and Japanese fonts and the npm
# packages when missing, builds the demo for a loopback URL, serves it, and
# runs every tests/browser/*.test.mjs with node's test runner.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"

need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
fc-list 2>/dev/null | grep -qi "Noto Sans CJK" || need+=(fonts-noto-cjk)
command -v java >/dev/null || need+=(default-jre-headless)
if [ ${#need[@]} -gt 0 ]; then
  echo "installing ${need[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi
(cd "$here" && npm ci --no-audit --no-fund --loglevel=error)

port="${RENKEI_TEST_PORT:-8911}"
site="$(mktemp -d)"
cargo build --release --quiet --manifest-path "$root/Cargo.toml"
"$root/target/release/renkei" build --root "$root" --out "$site/public" --base-url "http://127.0.0.1:$port/"
node "$here/serve.mjs" "$site/public" "$port" &
server=$!
trap 'kill $server 2>/dev/null; rm -rf "$site"' EXIT
for _ in $(seq 50); do curl -fs "http://127.0.0.1:$port/" >/dev/null && break; sleep 0.1; done

export RENKEI_SITE_URL="http://127.0.0.1:$port/" RENKEI_SITE_DIR="$site/public" RENKEI_BIN="$root/target/release/renkei"
cd "$here"
node --test --test-concurrency=1 ./*.test.mjs
