#!/usr/bin/env bash
# Times `renkei serve` from a saved file to the reloaded page in headless
# Chromium (release binary; N runs per kind of edit, default 10). The figures
# in bench/README.md's "Serve" section come from this script.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cargo build --release --quiet --manifest-path "$root/Cargo.toml"
[ -d "$root/tests/browser/node_modules/playwright-core" ] ||
  (cd "$root/tests/browser" && npm ci --no-audit --no-fund --loglevel=error)
echo "on $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
RENKEI_BIN="$root/target/release/renkei" node "$root/bench/serve-reload.mjs" "${1:-10}"
