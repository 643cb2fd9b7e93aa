#!/usr/bin/env bash
# What a page per office costs: builds the demo and generated prefectures of
# 60,000 and 250,000 offices (bench/gen-prefecture.mjs) with the binary of
# BASE (a revision without office pages) and of the working tree, runs
# interleaved, and prints each median wall time and peak memory.
#   bash bench/office-pages.sh [BASE=fc4e831] [RUNS=3]
# The 250,000-office site is built once per binary (its output is ~5 GB). The
# demo is the one of BASE, which both binaries can build.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
base="${1:-fc4e831}"
runs="${2:-3}"
work="$(mktemp -d)"
trap 'git -C "$root" worktree remove --force "$work/base" 2>/dev/null || true; rm -rf "$work"' EXIT

cargo build --release --quiet --manifest-path "$root/Cargo.toml"
git -C "$root" worktree add --quiet --detach "$work/base" "$base"
cargo build --release --quiet --manifest-path "$work/base/Cargo.toml"
declare -A bins=([without]="$work/base/target/release/renkei" [with]="$root/target/release/renkei")

node "$root/bench/gen-prefecture.mjs" "$work/p60k" 60000 >/dev/null
node "$root/bench/gen-prefecture.mjs" "$work/p250k" 250000 >/dev/null
declare -A sites=([demo]="$work/base" [60000]="$work/p60k" [250000]="$work/p250k")

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

printf '%-8s %-8s %10s %12s %8s\n' site pages wall_s peak_MiB files
for site in demo 60000 250000; do
  n="$runs"; [ "$site" = 250000 ] && n=1
  declare -A wall=() mem=() files=()
  for _ in $(seq "$n"); do
    for kind in without with; do
      out="$work/out-$kind"
      rm -rf "$out"
      /usr/bin/time -f '%e %M' -o "$work/time" "${bins[$kind]}" build --root "${sites[$site]}" --out "$out" >/dev/null 2>&1
      read -r seconds kib < "$work/time"
      wall[$kind]+="$seconds"$'\n'
      mem[$kind]+="$((kib / 1024))"$'\n'
      files[$kind]=$(find "$out" -type f | wc -l)
    done
  done
  rm -rf "$work"/out-*
  for kind in without with; do
    printf '%-8s %-8s %10s %12s %8s\n' "$site" "$kind" \
      "$(printf '%s' "${wall[$kind]}" | median)" "$(printf '%s' "${mem[$kind]}" | median)" "${files[$kind]}"
  done
done
