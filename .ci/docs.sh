#!/usr/bin/env bash
# The editors' guide: builds docs/ (an mdBook) into a temporary folder and
# fails on any mdBook warning or error and on any broken internal link or
# anchor (.ci/doclinks.py). Installs mdbook and python3 when missing.
set -euo pipefail
cd "$(dirname "$0")/.."

mdbook_version=0.5.4
if [ "$(mdbook --version 2>/dev/null)" != "mdbook v$mdbook_version" ]; then
  echo "== installing mdbook $mdbook_version"
  cargo install mdbook --version "$mdbook_version" --locked --no-default-features --features search
fi
if ! command -v python3 >/dev/null; then
  echo "== installing python3 (the link check)"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends python3 >/dev/null
fi

out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
echo "== mdbook build docs"
mdbook build docs --dest-dir "$out/book" 2>&1 | tee "$out/log"
if grep -qE '(WARN|ERROR)' "$out/log"; then
  echo "mdbook printed a warning or an error (above): fix it" >&2
  exit 1
fi
echo "== links of the book"
python3 .ci/doclinks.py "$out/book"
