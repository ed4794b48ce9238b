#!/usr/bin/env bash
# `costplan pricing fetch` of a ~1 GB AWS EC2 CSV offer file from a loopback mirror of the Price List
# layout, beside `costplan pricing import` of the same file from disk, in one run: wall time, MB/s and
# peak RSS of both (the fetch streams the body to a file under the cache folder, then imports it).
#
# Usage: bash Benchmarks/fetch-vs-import.sh [ROWS] [WORKDIR]   (from the repository root)
#        CONFIG=debug bash Benchmarks/fetch-vs-import.sh …      (use the debug build instead of a release build)
#        BIN=path/to/costplan bash Benchmarks/fetch-vs-import.sh …  (measure that binary; no build)
#   ROWS     data rows to generate (default 1300000, ~1.0 GB; Benchmarks/gen-ec2-offer.py, reused when present)
#   WORKDIR  where the offer, the mirror folder, the cache and the catalogs go (default /tmp/costplan-fetch-bench)
#
# The mirror is python3's http.server over a folder laid out as AWS serves it
# (/offers/v1.0/aws/index.json → AmazonEC2/current/region_index.json → AmazonEC2/VERSION/us-east-1/index.csv).
# Target (issue 13): peak RSS < 100 MiB while fetching and importing the 1 GB file.
set -euo pipefail
rows=${1:-1300000}
work=${2:-/tmp/costplan-fetch-bench}
mkdir -p "$work"
[ -x /usr/bin/time ] || { apt-get update -qq && apt-get install -y -qq time; }

offer="$work/AmazonEC2-us-east-1-$rows.csv"
[ -s "$offer" ] || python3 Benchmarks/gen-ec2-offer.py "$rows" "$offer"
version=$(sed -n 4p "$offer" | tr -d '"\r' | cut -d, -f2)
size=$(stat -c %s "$offer")

mirror="$work/mirror"
rm -rf "$mirror"
mkdir -p "$mirror/offers/v1.0/aws/AmazonEC2/current" "$mirror/offers/v1.0/aws/AmazonEC2/$version/us-east-1"
ln "$offer" "$mirror/offers/v1.0/aws/AmazonEC2/$version/us-east-1/index.csv" 2>/dev/null \
  || cp "$offer" "$mirror/offers/v1.0/aws/AmazonEC2/$version/us-east-1/index.csv"
cat >"$mirror/offers/v1.0/aws/index.json" <<JSON
{ "formatVersion" : "v1.0", "publicationDate" : "2025-01-01T00:00:00Z", "offers" : {
  "AmazonEC2" : { "offerCode" : "AmazonEC2", "currentRegionIndexUrl" : "/offers/v1.0/aws/AmazonEC2/current/region_index.json" } } }
JSON
cat >"$mirror/offers/v1.0/aws/AmazonEC2/current/region_index.json" <<JSON
{ "formatVersion" : "v1.0", "publicationDate" : "2025-01-01T00:00:00Z", "regions" : {
  "us-east-1" : { "regionCode" : "us-east-1", "currentVersionUrl" : "/offers/v1.0/aws/AmazonEC2/$version/us-east-1/index.json" } } }
JSON

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
python3 -m http.server "$port" --bind 127.0.0.1 --directory "$mirror" >"$work/mirror.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$port/offers/v1.0/aws/index.json" >/dev/null 2>&1 && break; sleep 0.1; done

config=${CONFIG:-release}
if [ -n "${BIN:-}" ]; then bin=$BIN; config="given ($BIN)"; else   # BIN=path/to/costplan skips the build
  swift build -c "$config" --product costplan >/dev/null 2>&1
  bin=$(swift build -c "$config" --show-bin-path)/costplan
fi
echo "build: $config"

run() {  # name, then the costplan arguments; a fresh catalog built from the sheets first
  local name=$1; shift
  rm -f "$work/$name.sqlite"
  COSTPLAN_CATALOG="$work/$name.sqlite" "$bin" pricing info >/dev/null
  COSTPLAN_CATALOG="$work/$name.sqlite" XDG_CACHE_HOME="$work/cache" /usr/bin/time -v "$bin" "$@" >"$work/$name.out" 2>"$work/$name.time"
}
run import pricing import "$offer"
run fetch pricing fetch --endpoint "http://127.0.0.1:$port" --service AmazonEC2 --region us-east-1

python3 - "$size" "$work" <<'PY'
import sys
size, work = int(sys.argv[1]), sys.argv[2]
def measure(name):
    wall = rss = None
    for line in open(f"{work}/{name}.time"):
        line = line.strip()
        if line.startswith("Elapsed (wall clock) time"):
            parts = [float(p) for p in line.rsplit(" ", 1)[1].split(":")]
            wall = sum(p * 60 ** i for i, p in enumerate(reversed(parts)))
        if line.startswith("Maximum resident set size"):
            rss = int(line.rsplit(" ", 1)[1]) / 1024
    return wall, rss
iw, ir = measure("import")
fw, fr = measure("fetch")
print(f"offer file: {size / 1e6:,.1f} MB")
print(f"costplan pricing import (file on disk)  : {iw:6.2f} s  {size / iw / 1e6:6.1f} MB/s  peak RSS {ir:6.1f} MiB")
print(f"costplan pricing fetch (loopback mirror): {fw:6.2f} s  {size / fw / 1e6:6.1f} MB/s  peak RSS {fr:6.1f} MiB"
      f"  (target < 100 MiB: {'met' if fr < 100 else 'NOT met'})")
print("fetch output:")
print("".join("  " + line for line in open(f"{work}/fetch.out")), end="")
PY
