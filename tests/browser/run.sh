#!/usr/bin/env bash
# Browser tests: installs Debian's Chromium, Japanese fonts, Java and Node when
# missing (and a newer Node from the npm registry when Debian's is too old) and
# the npm packages (package-lock.json), builds the demo (and the city portal
# example under city/) for a
# loopback URL, serves it, and runs every tests/browser/*.test.mjs with node's
# test runner: pages and screenshots, axe-core, the Nu HTML Checker, phone checks.
# Screenshots (375 and 1280 px) are kept in tests/browser/screenshots/.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"

need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
command -v fc-list >/dev/null || need+=(fontconfig)
fc-list 2>/dev/null | grep -qi "Noto Sans CJK" || need+=(fonts-noto-cjk)
command -v java >/dev/null || need+=(default-jre-headless)
command -v node >/dev/null || need+=(nodejs)
command -v npm >/dev/null || need+=(npm)
command -v curl >/dev/null || need+=(curl)
command -v pdftoppm >/dev/null || need+=(poppler-utils)
command -v zbarimg >/dev/null || need+=(zbar-tools)
[ -f /etc/ssl/certs/ca-certificates.crt ] || need+=(ca-certificates)
if [ ${#need[@]} -gt 0 ]; then
  echo "installing ${need[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
# playwright-core needs Node 20 or newer (its "engines"), and the tests use
# node --test --test-concurrency (Node 20.10+); Debian 12 ships Node 18. An
# older Node is then replaced, for these tests only, by the npm registry's
# `node` package installed once beside them (tests/browser/.node/).
node_version=22.23.3
if [ "$(node -p 'process.versions.node.split(".")[0]')" -lt 20 ]; then
  if [ ! -x "$here/.node/node_modules/.bin/node" ]; then
    echo "Node $(node --version) is too old for the browser tests: installing node@$node_version from the npm registry"
    npm install --prefix "$here/.node" --no-save --no-audit --no-fund --loglevel=error "node@$node_version"
  fi
  export PATH="$here/.node/node_modules/.bin:$PATH"
fi
# --ignore-scripts: vnu-jar's install script would fetch a Java of its own;
# the tests run vnu.jar with the machine's Java instead.
(cd "$here" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error)

# A free loopback port unless one is given, so runs on a shared machine never
# test another run's server.
port="${RENKEI_TEST_PORT:-$(node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")}"
site="$(mktemp -d)"
server=""
cleanup() {
  if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; fi
  rm -rf "$site"
}
trap cleanup EXIT
cargo build --release --quiet --manifest-path "$root/Cargo.toml"
"$root/target/release/renkei" build --root "$root" --out "$site/public" --base-url "http://127.0.0.1:$port/"
# The city portal example, served from the same server under city/.
"$root/target/release/renkei" build --root "$root/examples/city" --out "$site/public/city" --base-url "http://127.0.0.1:$port/city/"
node "$here/serve.mjs" "$site/public" "$port" &
server=$!
for _ in $(seq 100); do curl -fs "http://127.0.0.1:$port/" >/dev/null && break; sleep 0.1; done

rm -rf "$here/screenshots"
export RENKEI_SITE_URL="http://127.0.0.1:$port/" RENKEI_SITE_DIR="$site/public" RENKEI_BIN="$root/target/release/renkei"
cd "$here"
node --test --test-concurrency=1 ./*.test.mjs
