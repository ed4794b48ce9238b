#!/usr/bin/env bash
# Cold-process figures of the release build, with hyperfine (issues 12 and 18):
#   1. `costplan --help` (the binary's own start-up) beside a cold `costplan estimate
#      examples/muejam-library.yaml --format json` on a current catalog, and their ratio
#      (goal: estimate ≤ 1.5 × start-up);
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
flags=(-c release --static-swift-stdlib)
[[ "${BUILD:-static}" == dev ]] && flags=(-c release)
if [[ -n "${BIN:-}" ]]; then
    bin=$BIN
    echo "== binary: $bin"
else
    [[ "${1:-}" == --no-build ]] || swift build "${flags[@]}" --product costplan
    bin=$(swift build "${flags[@]}" --show-bin-path)/costplan
    echo "== binary: $bin (swift build ${flags[*]})"
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export XDG_CACHE_HOME="$work/cache"
unset COSTPLAN_CATALOG COSTPLAN_PRICING_DIR
plan=examples/muejam-library.yaml
"$bin" estimate "$plan" --format json >/dev/null   # build the catalog once: the runs below are cold processes, warm catalog

echo "== load: $(uptime)"
hyperfine -N --warmup 3 --export-json "$work/startup.json" "$bin --help" "$bin estimate $plan --format json"
python3 - "$work/startup.json" <<'PY'
import json, sys
help_, estimate = json.load(open(sys.argv[1]))["results"]
print(f"costplan --help: {help_['mean'] * 1000:.1f} ms ± {help_['stddev'] * 1000:.1f}; "
      f"estimate: {estimate['mean'] * 1000:.1f} ms ± {estimate['stddev'] * 1000:.1f}; "
      f"ratio estimate / --help: {estimate['mean'] / help_['mean']:.2f} (goal ≤ 1.50)")
PY

echo "== catalog build from all sheets, fresh cache folder each run (goal < 1 s)"
hyperfine -N --warmup 1 --runs 10 --prepare "rm -rf $work/fresh" \
    "env XDG_CACHE_HOME=$work/fresh $bin estimate $plan --format json"

echo "== cold estimate of every example, warm catalog (goal < 100 ms each)"
args=()
for example in examples/*.yaml; do args+=("$bin estimate $example --format json"); done
hyperfine -N --warmup 2 --runs 20 -i "${args[@]}" | grep -E "^Benchmark|Time \(mean"
