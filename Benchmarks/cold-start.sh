#!/usr/bin/env bash
# Cold-process wall time of `costplan estimate` on every example (release build), with hyperfine.
# Usage: bash Benchmarks/cold-start.sh   (from the repository root; installs hyperfine if missing)
set -euo pipefail
command -v hyperfine >/dev/null || { apt-get update -qq && apt-get install -y -qq hyperfine; }
swift build -c release --product costplan
bin=$(swift build -c release --show-bin-path)/costplan
"$bin" pricing info >/dev/null   # build the catalog once; the runs below measure a warm catalog, cold process
args=()
for plan in examples/*.yaml; do args+=("$bin estimate $plan --format json"); done
hyperfine --warmup 2 --runs 20 --export-markdown /dev/stdout "${args[@]}"
