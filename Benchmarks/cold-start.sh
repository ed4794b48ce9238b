#!/usr/bin/env bash
# Cold-process figures of the release build, with hyperfine (issues 12 and 18):
#   1. `costplan --help` (the binary's own start-up) beside a cold `costplan estimate
#      examples/muejam-library.yaml --format json` on a current catalog, and their ratio
#      (goal: estimate ≤ 1.5 × start-up), in ROUNDS alternating rounds (default 5);
#   2. building the catalog from all sheets into a fresh cache folder (goal: under 1 s);
#   3. a cold estimate of every example (goal: each under 100 ms).
# The binary measured is the one the README installs (`swift build -c release
# --static-swift-stdlib`); BUILD=dev measures `swift build -c release` (the Swift runtime loaded
# from shared libraries, as `swift run` does). Switching between the two rebuilds everything.
# Usage: bash Benchmarks/cold-start.sh [--no-build]   (from the repository root; installs
# hyperfine if missing; BIN=path measures that binary, without building). Times move between
# machines: compare the ratio, and note `uptime`. Benchmarks/cold-timeline.sh shows the phases.
set -euo pipefail
command -v hyperfine >/dev/null || { apt-get update -qq && apt-get install -y -qq hyperfine; }
source "$(dirname "$0")/cold-setup.sh"
# This machine's speed drifts by a third within minutes, and hyperfine runs all of one command
# before the other: ROUNDS short rounds (default 5) alternate, and the median of the rounds'
# ratios (each of medians) is the figure.
rounds=${ROUNDS:-5}
for round in $(seq "$rounds"); do
    hyperfine -N --warmup 3 --runs 60 --export-json "$work/startup-$round.json" "$bin --help" \
        "$bin estimate $plan --format json" >/dev/null
done
python3 - "$work" "$rounds" <<'PY'
import json, statistics, sys
work, rounds = sys.argv[1], int(sys.argv[2])
ratios = []
for round in range(1, rounds + 1):
    help_, estimate = json.load(open(f"{work}/startup-{round}.json"))["results"]
    h, e = statistics.median(help_["times"]) * 1000, statistics.median(estimate["times"]) * 1000
    ratios.append(e / h)
    print(f"round {round}: costplan --help {h:.1f} ms (mean {help_['mean'] * 1000:.1f} ± {help_['stddev'] * 1000:.1f}), "
          f"estimate {e:.1f} ms (mean {estimate['mean'] * 1000:.1f} ± {estimate['stddev'] * 1000:.1f}): {e / h:.2f}×")
print(f"ratio estimate / --help, median of {rounds} rounds: {statistics.median(ratios):.2f} (goal ≤ 1.50)")
PY

echo "== catalog build from all sheets, fresh cache folder each run (goal < 1 s)"
hyperfine -N --warmup 1 --runs 10 --prepare "rm -rf $work/fresh" \
    "env XDG_CACHE_HOME=$work/fresh $bin estimate $plan --format json"

echo "== cold estimate of every example, warm catalog (goal < 100 ms each)"
args=()
for example in examples/*.yaml; do args+=("$bin estimate $example --format json"); done
hyperfine -N --warmup 2 --runs 20 -i "${args[@]}" | grep -E "^Benchmark|Time \(mean"
