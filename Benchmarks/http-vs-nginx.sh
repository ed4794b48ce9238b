#!/usr/bin/env bash
# Serve the muejam-library plan page with `costplan serve` and the same page written by
# `costplan report` with nginx (one worker), load both with wrk (1 thread, 32 connections) on
# loopback in one run, and print requests/s, p99 latency, their ratios, each server's CPU time per
# request (user and system, from /proc: it does not move with how much CPU wrk leaves the server
# on a small machine) and the costplan server's resident memory afterwards.
#
# Both servers log every request to a file (costplan its standard error, nginx its access log),
# as in production; LOGS=off turns both off (costplan --log-level warning, nginx access_log off).
# Usage: bash Benchmarks/http-vs-nginx.sh [seconds]   (from the repository root; installs nginx and wrk)
#        ROUNDS=5 …  (rounds of both servers, alternating; default 3)
# Targets (issue 18): costplan >= 1.0x nginx's requests/s, p99 <= 1.5x nginx's, both logging.
set -euo pipefail
cd "$(dirname "$0")/.."
duration=${1:-10}
need=()
command -v nginx >/dev/null || need+=(nginx)
command -v wrk >/dev/null || need+=(wrk)
if [ ${#need[@]} -gt 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null; fi

if [ -n "${BIN:-}" ]; then bin=$BIN; else   # BIN=path/to/costplan skips the release build
  swift build -c release --product costplan >/dev/null
  bin="$(swift build -c release --show-bin-path)/costplan"
fi
work=$(mktemp -d)
chmod 755 "$work"   # nginx workers run as www-data
"$bin" report examples --out "$work/site" >/dev/null
chmod -R a+rX "$work/site"

if [ "${LOGS:-on}" = off ]; then NGINX_ACCESS_LOG=off; level=warning; else NGINX_ACCESS_LOG="$work/nginx-access.log"; level=info; fi
cat >"$work/nginx.conf" <<CONF
worker_processes 1;
daemon off;
pid $work/nginx.pid;
error_log $work/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log ${NGINX_ACCESS_LOG};
  include /etc/nginx/mime.types;
  server { listen 127.0.0.1:18081; root $work/site; }
}
CONF
nginx -c "$work/nginx.conf" &
nginx_pid=$!
"$bin" serve --port 18080 --plans examples --log-level "$level" 2>"$work/costplan.log" &
server=$!
trap 'kill $server $nginx_pid 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 1 100); do curl -fsS http://127.0.0.1:18080/healthz >/dev/null 2>&1 && curl -fsS http://127.0.0.1:18081/index.html >/dev/null 2>&1 && break; sleep 0.1; done
curl -fsS "http://127.0.0.1:18080/plans/muejam-library.html" >/dev/null   # rendered once, as `report` did for nginx
nginx_worker=$(pgrep -P "$nginx_pid" | head -1)   # nginx's one worker process answers the requests

page=/plans/muejam-library.html
rounds=${ROUNDS:-3}
# Rounds alternate the two servers, so a slow spell of a shared machine hits both; the ratios of
# each round and their medians are printed.
# run URL NAME PID: wrk's report goes to NAME.txt, and the CPU time the server process PID (all its
# threads) used meanwhile, user and system in clock ticks, to NAME.cpu.
ticks() { awk '{print $14, $15}' "/proc/$1/stat"; }
run() {
  local before after
  before=$(ticks "$3")
  wrk -t1 -c32 -d"${duration}s" --latency "$1" >"$work/$2.txt"
  after=$(ticks "$3")
  echo "$before $after" >"$work/$2.cpu"
}
rps() { awk '/Requests\/sec/ {print $2}' "$work/$1.txt"; }
p99() { awk '$1 == "99%" {print $2}' "$work/$1.txt"; }
# The server's CPU time per request answered, user + system, in µs: unlike requests/s this does not
# move with how much CPU wrk and the machine's neighbours leave the server.
per_request() {
  python3 - "$work/$1.cpu" "$(rps "$1")" "$duration" "$(getconf CLK_TCK)" <<'PY'
import sys
u0, s0, u1, s1 = map(int, open(sys.argv[1]).read().split())
per_tick = 1e6 / int(sys.argv[4]) / (float(sys.argv[2]) * int(sys.argv[3]))   # µs per request per clock tick
user, system = (u1 - u0) * per_tick, (s1 - s0) * per_tick
print(f"CPU {user + system:.1f} µs/request: user {user:.1f}, system {system:.1f}")
PY
}
ms() { python3 -c "import re,sys; v,u=re.match(r'([0-9.]+)([a-z]+)', sys.argv[1]).groups(); print(float(v)*{'us':0.001,'ms':1,'s':1000}[u])" "$1"; }
: >"$work/rounds.txt"
for round in $(seq 1 "$rounds"); do
  run "http://127.0.0.1:18080$page" "costplan$round" "$server"
  run "http://127.0.0.1:18081$page" "nginx$round" "$nginx_worker"
  echo "round $round: costplan $(rps costplan$round) req/s (p99 $(p99 costplan$round), $(per_request costplan$round)),"
  echo "         nginx $(rps nginx$round) req/s (p99 $(p99 nginx$round), $(per_request nginx$round))"
  echo "$(rps costplan$round) $(rps nginx$round) $(ms "$(p99 costplan$round)") $(ms "$(p99 nginx$round)")" >>"$work/rounds.txt"
done
rss=$(awk '/VmRSS/ {print $2}' /proc/$server/status)
echo
python3 - "$work/rounds.txt" <<'PY'
import statistics, sys
rows = [[float(x) for x in line.split()] for line in open(sys.argv[1])]
rps = [c / n for c, n, _, _ in rows]
p99 = [c / n for _, _, c, n in rows]
print("ratio costplan/nginx requests/s per round: " + ", ".join(f"{r:.2f}" for r in rps)
      + f"; median {statistics.median(rps):.2f} (target >= 1.0)")
print("ratio costplan/nginx p99 per round: " + ", ".join(f"{r:.2f}" for r in p99)
      + f"; median {statistics.median(p99):.2f} (target <= 1.5)")
PY
echo "requests logged: costplan $(grep -c ' Request ' "$work/costplan.log" || true), nginx $(wc -l <"$work/nginx-access.log" 2>/dev/null || echo 0) (logs ${LOGS:-on})"
echo "costplan serve resident memory after the run: $((rss / 1024)) MiB"
