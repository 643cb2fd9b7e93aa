#!/usr/bin/env bash
# How long `renkei serve` takes to rebuild a large site after a new snapshot:
# generates a Kanagawa site (bench/gen-prefecture.mjs), starts the server,
# renames three new snapshots into data/adoption/ one after the other and
# prints the server's own "built" lines (first build, then each rebuild).
#   bash bench/serve-rebuild.sh [OFFICES=60000] [BINARY=target/release/renkei]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
offices="${1:-60000}"
bin="${2:-$root/target/release/renkei}"
work="$(mktemp -d "${TMPDIR:-/tmp}/serve-rebuild.XXXXXX")"
log="$work/serve.log"
pid=""
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$work"' EXIT
[ $# -ge 2 ] || cargo build --release --quiet --manifest-path "$root/Cargo.toml"
node "$root/bench/gen-prefecture.mjs" "$work/site" "$offices" >/dev/null
adoption="$work/site/data/adoption"
port="$(node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")"
"$bin" serve --root "$work/site" --port "$port" --lang en 2>"$log" >/dev/null &
pid=$!
for _ in $(seq 600); do grep -q "built" "$log" && break; sleep 0.1; done
grep "built" "$log" | head -1
for day in 28 29 30; do
  sleep 2
  before=$(grep -c "built in" "$log" || true)
  # One office in seven of the first snapshot, written aside and renamed in.
  awk 'NR == 1 || NR % 7 == 0' "$adoption/2025-11-30.csv" > "$adoption/.next"
  mv "$adoption/.next" "$adoption/2025-12-$day.csv"
  for _ in $(seq 600); do [ "$(grep -c "built in" "$log" || true)" -gt "$before" ] && break; sleep 0.1; done
  grep "built in" "$log" | tail -1
done
