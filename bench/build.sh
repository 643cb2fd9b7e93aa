#!/usr/bin/env bash
# Times `renkei build` of the demo site in release mode: N runs (default 20)
# after one warm-up, printing min, median and max wall time in milliseconds.
# Its figures go in bench/README.md.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
runs="${1:-20}"
cargo build --release --quiet --manifest-path "$root/Cargo.toml"
bin="$root/target/release/renkei"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
"$bin" build --root "$root" --out "$out/public" 2>/dev/null
times=()
for _ in $(seq "$runs"); do
  start=$(date +%s%N)
  "$bin" build --root "$root" --out "$out/public" 2>/dev/null
  end=$(date +%s%N)
  times+=($(( (end - start) / 1000000 )))
done
sorted=($(printf '%s\n' "${times[@]}" | sort -n))
echo "renkei build (demo site, release, $runs runs on $(nproc) cores): min ${sorted[0]} ms, median ${sorted[$((runs / 2))]} ms, max ${sorted[$((runs - 1))]} ms"
