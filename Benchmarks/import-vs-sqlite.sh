#!/usr/bin/env bash
# `costplan pricing import` of a large AWS EC2 CSV offer file vs sqlite3's own `.import --csv` of the
# same file into a plain table, in one run: wall time, rows/s, the ratio, and peak RSS of both.
#
# Usage: bash Benchmarks/import-vs-sqlite.sh [ROWS] [WORKDIR]   (from the repository root)
#   ROWS     data rows to generate (default 1000000), in the real per-region EC2 CSV layout
#            (Benchmarks/gen-ec2-offer.py; the file is reused when it already exists)
#   WORKDIR  where the offer file and the databases go (default /tmp/costplan-import-bench)
#
# Fairness: sqlite3 reads the same file with `--skip 5`, so it skips the 5 metadata lines and takes
# the header row as column names, then stores every row (all columns, as text) in one table.
# costplan parses every row, filters it (OnDemand, AWS Region, the estimator's products) and stores
# the few hundred rates it keeps. Both are timed as cold processes with /usr/bin/time -v; the
# catalog is built from the sheets before the timed import so only the import is measured.
# Targets (issue 18): costplan >= 6x sqlite3's rows/s; costplan's peak RSS < 100 MiB. The read limit
# is printed beside them: `wc -l` of the same file (from the page cache after the first run).
set -euo pipefail
rows=${1:-1000000}
work=${2:-/tmp/costplan-import-bench}
mkdir -p "$work"
command -v sqlite3 >/dev/null || { apt-get update -qq && apt-get install -y -qq sqlite3; }
[ -x /usr/bin/time ] || { apt-get update -qq && apt-get install -y -qq time; }

offer="$work/AmazonEC2-us-east-1-$rows.csv"
[ -s "$offer" ] || python3 Benchmarks/gen-ec2-offer.py "$rows" "$offer"
if [ -n "${BIN:-}" ]; then bin=$BIN; else   # BIN=path/to/costplan skips the release build
  swift build -c release --product costplan >/dev/null 2>&1
  bin=$(swift build -c release --show-bin-path)/costplan
fi
size=$(stat -c %s "$offer")

catalog="$work/catalog.sqlite"
rm -f "$catalog"
COSTPLAN_CATALOG="$catalog" "$bin" pricing info >/dev/null
COSTPLAN_CATALOG="$catalog" /usr/bin/time -v "$bin" pricing import "$offer" >"$work/costplan.out" 2>"$work/costplan.time"

/usr/bin/time -v wc -l "$offer" >/dev/null 2>"$work/wc.time"
rm -f "$work/sqlite.db"
/usr/bin/time -v sqlite3 "$work/sqlite.db" ".import --csv --skip 5 '$offer' offer" >"$work/sqlite.out" 2>"$work/sqlite.time"
stored=$(sqlite3 "$work/sqlite.db" "SELECT count(*) FROM offer")
rm -f "$work/sqlite.db"

python3 - "$rows" "$size" "$stored" "$work/costplan.time" "$work/sqlite.time" "$work/costplan.out" "$work/wc.time" <<'PY'
import sys
rows, size, stored = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
def measure(path):
    wall = rss = None
    for line in open(path):
        line = line.strip()
        if line.startswith("Elapsed (wall clock) time"):
            parts = [float(p) for p in line.rsplit(" ", 1)[1].split(":")]
            wall = sum(p * 60 ** i for i, p in enumerate(reversed(parts)))
        if line.startswith("Maximum resident set size"):
            rss = int(line.rsplit(" ", 1)[1]) / 1024
    return wall, rss
cw, cr = measure(sys.argv[4])
sw, sr = measure(sys.argv[5])
ww, _ = measure(sys.argv[7])
rows = stored  # the generator finishes the product it is writing, so it may write a few more rows than asked
print(f"offer file: {rows:,} data rows, {size / 1e6:,.1f} MB")
print(f"costplan pricing import : {cw:6.2f} s  {rows / cw:>10,.0f} rows/s  {size / cw / 1e6:6.1f} MB/s  peak RSS {cr:6.1f} MiB")
print(f"sqlite3 .import --csv   : {sw:6.2f} s  {rows / sw:>10,.0f} rows/s  {size / sw / 1e6:6.1f} MB/s  peak RSS {sr:6.1f} MiB")
print(f"wc -l (the read limit)  : {ww:6.2f} s  {size / ww / 1e6:6.1f} MB/s")
print(f"ratio (costplan / sqlite3 rows/s): {sw / cw:.2f}x   (target >= 6x; peak RSS target < 100 MiB: {'met' if cr < 100 else 'NOT met'})")
print("costplan summary:")
print("".join("  " + line for line in open(sys.argv[6])), end="")
PY
