#!/usr/bin/env bash
# How renkei's build grows with the number of offices: generated Kanagawa
# sites (bench/gen-prefecture.mjs) of 4,000 to 250,000 offices, and the
# corner case of 100,000 offices in one municipality; one build each into a
# fresh folder, printing wall, user and system time, peak memory, the input's
# size and the files written, and per office the CPU time and memory.
#   bash bench/scaling.sh [SIZES="4000 15000 60000 250000"] [--no-corner]
# The outputs are deleted in the background after each build: deleting
# 250,000 folders takes minutes on this disk, and what it leaves behind
# slows the next build (see bench/README.md, "The file system's floor").
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
sizes="4000 15000 60000 250000" corner=1
for a in "$@"; do
  case "$a" in
    --no-corner) corner=0 ;;
    *) sizes="$a" ;;
  esac
done
work="$(mktemp -d "${TMPDIR:-/tmp}/scaling.XXXXXX")"
trap 'rm -rf "$work"' EXIT
cargo build --release --quiet --manifest-path "$root/Cargo.toml"
renkei="$root/target/release/renkei"

cases=()
for n in $sizes; do cases+=("$n"); done
[ "$corner" = 1 ] && cases+=("100000-one")
printf '%-12s %9s %8s %8s %8s %9s %9s %8s %11s %11s\n' case offices wall_s user_s sys_s peak_MiB input_MB files cpu_us/off KiB/off
for c in "${cases[@]}"; do
  n="${c%-one}"
  flag=""; [ "$c" != "$n" ] && flag="--one-municipality"
  node "$root/bench/gen-prefecture.mjs" "$work/site" "$n" $flag >/dev/null
  input=$(du -sk "$work/site/data" | cut -f1)
  /usr/bin/time -f '%e %U %S %M' -o "$work/time" "$renkei" build --root "$work/site" --out "$work/out" --quiet >/dev/null 2>&1
  read -r wall user sys kib < "$work/time"
  files=$(find "$work/out" -type f | wc -l)
  printf '%-12s %9s %8s %8s %8s %9s %9s %8s %11s %11s\n' "$c" "$n" "$wall" "$user" "$sys" "$((kib / 1024))" "$(awk -v k="$input" 'BEGIN {printf "%.1f", k / 1024}')" "$files" \
    "$(awk -v u="$user" -v s="$sys" -v n="$n" 'BEGIN {printf "%.0f", (u + s) * 1e6 / n}')" \
    "$(awk -v k="$kib" -v n="$n" 'BEGIN {printf "%.1f", k / n}')"
  mv "$work/out" "$work/gone-$c"
  rm -rf "$work/gone-$c" &
  rm -rf "$work/site"
done
wait
