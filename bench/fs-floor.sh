#!/usr/bin/env bash
# What writing the output costs on this disk, without any generator: builds a
# site once, then times, interleaved, `cp -r` of that output into a fresh
# folder (a plain program writing the same directories and files) and
# `renkei build` of the same site, each right after deleting the previous
# copy, as bench/vs-hugo.sh deletes outputs between runs. Prints each median
# and the share of renkei's time the copy takes.
#   bash bench/fs-floor.sh [SITE=demo|60000|250000] [RUNS=3]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
site="${1:-demo}"
runs="${2:-3}"
work="$(mktemp -d "${TMPDIR:-/tmp}/fs-floor.XXXXXX")"
trap 'rm -rf "$work"' EXIT

cargo build --release --quiet --manifest-path "$root/Cargo.toml"
renkei="$root/target/release/renkei"
dir="$root"
if [ "$site" != demo ]; then
  node "$root/bench/gen-prefecture.mjs" "$work/site" "$site" >/dev/null
  dir="$work/site"
fi
"$renkei" build --root "$dir" --out "$work/built" --quiet >/dev/null 2>&1
echo "site $site: $(find "$work/built" -type d | wc -l) folders, $(find "$work/built" -type f | wc -l) files, $(du -sm "$work/built" | cut -f1) MB"

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
copy="" build=""
for _ in $(seq "$runs"); do
  rm -rf "$work/copy"
  /usr/bin/time -f '%e' -o "$work/time" cp -r "$work/built" "$work/copy"
  copy+="$(cat "$work/time")"$'\n'
  rm -rf "$work/out"
  /usr/bin/time -f '%e' -o "$work/time" "$renkei" build --root "$dir" --out "$work/out" --quiet >/dev/null 2>&1
  build+="$(cat "$work/time")"$'\n'
done
c="$(printf '%s' "$copy" | median)"
b="$(printf '%s' "$build" | median)"
echo "cp -r of the output: ${c} s (median of $runs); renkei build: ${b} s; the copy is $(awk -v c="$c" -v b="$b" 'BEGIN {printf "%.0f", 100 * c / b}')% of the build"
