#!/usr/bin/env bash
# Stress for data intake: 200 MB inputs, timed, with peak memory.
#  1. `renkei import offices` of a 200 MB official open-data file (national,
#     every prefecture; Oita's rows kept).
#  2. `renkei check` of a site whose data/offices.csv is 200 MB (1.33 million
#     offices).
# Release build; prints wall time and maximum resident set size of each run.
# The figures in bench/README.md come from this script.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cargo build --release --quiet --manifest-path "$root/Cargo.toml"
bin="$root/target/release/renkei"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

header="$(head -n 1 "$root/tests/fixtures/import/jigyosho_110.csv")"
# 1. A national file: 680,000 rows cycling through the prefectures' capitals.
{
  printf '%s\r\n' "$header"
  awk 'BEGIN {
    split("011002 022012 032018 042013 052019 062014 072010 082015 092011 102016 112089 121002 131016 141003 151009 162019 172014 182010 192015 202011 212016 222011 232114 242012 252018 262013 271004 281000 292010 302015 312011 322016 332011 341002 352039 362018 372013 382019 392014 402036 412015 422011 432016 442011 452017 462012 472018", codes, " ")
    for (i = 0; i < 680000; i++) {
      c = codes[i % 47 + 1]
      n = sprintf("%s7%07d", substr(c, 1, 2), i)
      printf "%s,%s,県名,市名,ストレス訪問介護事業所%07d,ストレスホウモンカイゴジギョウショ,訪問介護,どこかの町1-2-3,ビル,33.2,131.6,097-000-0000,097-000-0001,1234567890123,社会福祉法人ストレス会,%s,月火水木金,,10,https://example.jp/,,,,\r\n", c, n, i, n
    }
  }'
} > "$work/jigyosho_110.csv"
mkdir -p "$work/site"
"$bin" new "$work/site" --prefecture 44 2>/dev/null
echo "official file: $(du -m "$work/jigyosho_110.csv" | cut -f1) MB"
/usr/bin/time -f "import offices: %e s, max RSS %M KB" \
  "$bin" import offices --root "$work/site" "$work/jigyosho_110.csv" 2>&1 | grep -E "^(import offices|kept|read)"

# 2. A 200 MB offices.csv for Oita: 1.33 million offices spread over its municipalities.
codes="$(tail -n +2 "$work/site/data/municipalities.csv" | cut -d, -f1 | tr '\n' ' ')"
{
  echo "office_number,name,name_kana,corporation,municipality_code,service_types,address,phone,area"
  awk -v codes="$codes" 'BEGIN {
    n = split(codes, list, " ")
    for (i = 0; i < 1330000; i++) {
      printf "44%08d,ストレス居宅介護支援事業所%07d,ストレスキョタク,法人,%s,居宅介護支援,大分県のどこか,097-000-0000,圏域\n", i, i, list[i % n + 1]
    }
  }'
} > "$work/site/data/offices.csv"
printf 'office_number,linking\n4400000001,true\n4400000002,false\n' > "$work/site/data/adoption/2025-11-30.csv"
echo "offices.csv: $(du -m "$work/site/data/offices.csv" | cut -f1) MB"
/usr/bin/time -f "check: %e s, max RSS %M KB" "$bin" check --root "$work/site" 2>&1 | tail -n 2
