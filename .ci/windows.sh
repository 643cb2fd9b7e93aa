#!/usr/bin/env bash
# Windows, built and run: cross-builds renkei.exe for x86_64-pc-windows-gnu
# with Debian's mingw-w64 (the C runtime linked in, no MinGW DLL), runs it
# under Wine and fails when the build or any run does:
#   1. the demo site (this folder) copied to C:\renkei-demo, built with
#      `--root C:\renkei-demo --out C:\renkei-public`, must be byte for byte
#      the Linux build of the same folder;
#   2. the same site in C:\sjis with every CSV in Shift_JIS (CP932, as Excel
#      saves it) and CRLF line ends must pass `renkei check --root C:\sjis`
#      and, built from its folder without --root, give the same bytes again.
# The README's Windows section shows these commands.
# Installs what it needs (mingw-w64, Wine, the Rust target) when missing.
# Called by .ci/run, and by the release workflow before it packs renkei.exe.
#   bash .ci/windows.sh
set -euo pipefail
cd "$(dirname "$0")/.."
target=x86_64-pc-windows-gnu

install=()
command -v x86_64-w64-mingw32-gcc >/dev/null || install+=(gcc-mingw-w64-x86-64)
command -v wine >/dev/null || install+=(wine wine64)
command -v iconv >/dev/null || install+=(libc-bin)
if [ ${#install[@]} -gt 0 ]; then
  echo "== installing ${install[*]}"
  sudo=""
  [ "$(id -u)" = 0 ] || sudo=sudo
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${install[@]}" >/dev/null
fi
rustup target list --installed | grep -qx "$target" || rustup target add "$target"

echo "== cargo build --release --target $target (and the Linux release build to compare)"
cargo build --release --locked --target "$target"
cargo build --release --locked
exe="$PWD/target/$target/release/renkei.exe"
linux="$PWD/target/release/renkei"

# .cargo/config.toml links with +crt-static: only DLLs every Windows has.
dlls="$(x86_64-w64-mingw32-objdump -p "$exe" | sed -n 's/^\s*DLL Name: //p' | sort -u)"
echo "renkei.exe imports: $(echo "$dlls" | tr '\n' ' ')"
if echo "$dlls" | grep -Eiq '^(libgcc|libwinpthread|libstdc\+\+|libssp|msvcp|vcruntime)'; then
  echo "error: renkei.exe needs a MinGW or Visual C++ runtime DLL" >&2
  exit 1
fi

work="$(mktemp -d)"
trap 'wineserver -k >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
export WINEPREFIX="$work/wine" WINEARCH=win64 WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml=" DISPLAY=
echo "== wineboot (a fresh Wine prefix in $WINEPREFIX)"
wineboot --init >/dev/null 2>&1 || true
wineserver -w
drive_c="$WINEPREFIX/drive_c"

# Rust's standard library draws random numbers with ProcessPrng from
# bcryptprimitives.dll, part of Windows since 8; Debian 12's Wine 8.0 lacks
# that DLL. A stand-in, built here from the few lines below over
# BCryptGenRandom, goes into the prefix's system32 (never into renkei's
# archive): Windows itself has the real one.
system32="$drive_c/windows/system32"
if [ ! -e "$system32/bcryptprimitives.dll" ]; then
  echo "== Wine has no bcryptprimitives.dll: a stand-in for ProcessPrng"
  cat >"$work/prng.c" <<'C'
#include <windows.h>
#include <bcrypt.h>
BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len) {
    while (len > 0) {
        ULONG chunk = len > 0x10000000 ? 0x10000000 : (ULONG)len;
        if (BCryptGenRandom(NULL, data, chunk, BCRYPT_USE_SYSTEM_PREFERRED_RNG) != 0)
            return FALSE;
        data += chunk;
        len -= chunk;
    }
    return TRUE;
}
C
  x86_64-w64-mingw32-gcc -shared -O2 -o "$system32/bcryptprimitives.dll" "$work/prng.c" -lbcrypt
fi

echo "== renkei.exe --version under Wine"
wine "$exe" --version

# The demo's inputs only: a previous public/ or editor files stay out.
copy_site() {
  mkdir -p "$2"
  cp -r "$1/site.toml" "$1/content" "$1/data" "$1/themes" "$2/"
  [ ! -d "$1/static" ] || cp -r "$1/static" "$2/"
}

echo "== the demo built on Linux and on Windows (C:\\renkei-demo, backslashes)"
copy_site . "$drive_c/renkei-demo"
"$linux" build --root "$drive_c/renkei-demo" --out "$work/linux"
wine "$exe" build --root 'C:\renkei-demo' --out 'C:\renkei-public'
if ! diff -r "$work/linux" "$drive_c/renkei-public"; then
  echo "error: renkei.exe built the demo differently from the Linux build" >&2
  exit 1
fi
echo "the same $(find "$work/linux" -type f | wc -l) files, byte for byte"

echo "== the demo with Shift_JIS (CP932) CSVs and CRLF line ends: check and build"
copy_site . "$drive_c/sjis"
find "$drive_c/sjis/data" -name '*.csv' -print0 | while IFS= read -r -d '' csv; do
  iconv -f UTF-8 -t CP932 "$csv" | sed 's/$/\r/' >"$csv.sjis"
  mv "$csv.sjis" "$csv"
done
offices="$drive_c/sjis/data/offices.csv"
if [ "$(grep -c $'\r$' "$offices")" = "$(wc -l <"$offices")" ] \
  && ! iconv -f UTF-8 -t UTF-8 "$offices" >/dev/null 2>&1; then
  echo "data/offices.csv is Shift_JIS with CRLF line ends"
else
  echo "error: the Shift_JIS copy is not Shift_JIS with CRLF" >&2
  exit 1
fi
wine "$exe" check --root 'C:\sjis'
# From the site's folder, without --root: the root is ".".
(cd "$drive_c/sjis" && wine "$exe" build --out 'C:\sjis-public')
if ! diff -r "$work/linux" "$drive_c/sjis-public"; then
  echo "error: the Shift_JIS site built differently from the UTF-8 one" >&2
  exit 1
fi
echo "renkei.exe: the Shift_JIS site passes check and builds to the same bytes"
