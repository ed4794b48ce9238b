#!/usr/bin/env bash
# Where a cold `costplan estimate examples/muejam-library.yaml --format json` spends its time
# (issue 18): runs it and `costplan --help` alternately (RUNS times each, default 100) with
# COSTPLAN_TIMELINE=1, which makes the estimate write a timestamp at each phase (see
# `PhaseTimeline`), and prints the median time from starting the process to each phase and to
# its exit, beside `--help`'s, and the ratio of the two exits (goal ≤ 1.5). The catalog opens on a
# second thread while the plan is read, so "plan read" and "catalog opened" overlap. The binary is
# the installed build (`--static-swift-stdlib`), or the dev build with BUILD=dev, as in cold-start.sh.
# Usage: bash Benchmarks/cold-timeline.sh [--no-build]   (from the repository root; BIN=path measures
# that binary instead, without building)
set -euo pipefail
source "$(dirname "$0")/cold-setup.sh"
python3 - "$bin" "$plan" "${RUNS:-100}" <<'PY'
import os, statistics, subprocess, sys, time
binary, plan, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])
commands = {"--help": [binary, "--help"], "estimate": [binary, "estimate", plan, "--format", "json"]}
env = dict(os.environ, COSTPLAN_TIMELINE="1")
marks = {name: {} for name in commands}
for _ in range(runs):
    for name, command in commands.items():
        start = time.monotonic_ns() // 1000
        run = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env, text=True)
        end = time.monotonic_ns() // 1000
        for line in run.stderr.splitlines():
            if line.startswith("costplan-timeline "):
                _, stamp, label = line.split(" ", 2)
                marks[name].setdefault(label, []).append((int(stamp) - start) / 1000)
        marks[name].setdefault("process exited", []).append((end - start) / 1000)
for name in commands:
    print(f"{name}: median ms from starting the process (and since the mark before)")
    previous = 0.0
    for label, times in sorted(marks[name].items(), key=lambda item: statistics.median(item[1])):
        median = statistics.median(times)
        print(f"  {label:32} {median:6.2f}  (+{median - previous:4.2f})")
        previous = median
help_, estimate = (statistics.median(marks[name]["process exited"]) for name in commands)
print(f"ratio estimate / --help: {estimate / help_:.2f} (goal ≤ 1.50)")
PY
