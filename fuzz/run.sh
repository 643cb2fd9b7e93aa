#!/usr/bin/env bash
# Runs each fuzz target for SECONDS (default 600), one after the other, at the
# lowest priority, seeding the corpora from the test fixtures and the demo site.
# Needs `cargo install cargo-fuzz`; on a stable toolchain RUSTC_BOOTSTRAP=1
# lets cargo fuzz use the nightly-only sanitizer flags.
# Crash inputs land in fuzz/artifacts/TARGET/: turn each into a regression
# test in tests/integration/ before fixing it.
set -euo pipefail
cd "$(dirname "$0")"
seconds="${1:-600}"
mkdir -p corpus/csv_reader corpus/front_matter
cp ../tests/fixtures/import/*.csv ../data/*.csv ../data/adoption/*.csv corpus/csv_reader/
find ../content -name '*.md' | while read -r page; do
  cp "$page" "corpus/front_matter/$(echo "${page#../}" | tr / _)"
done
for target in csv_reader front_matter; do
  echo "== $target for ${seconds}s"
  RUSTC_BOOTSTRAP=1 nice -n 19 cargo fuzz run "$target" -- \
    -max_total_time="$seconds" -max_len=65536 -print_final_stats=1 ||
    echo "== $target stopped on a crash: the input is in fuzz/artifacts/$target/"
done
