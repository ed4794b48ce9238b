#!/usr/bin/env bash
# Serve the muejam-library plan page with `costplan serve` and the same page written by
# `costplan report` with nginx (one worker), load both with wrk (1 thread, 32 connections) on
# loopback in one run, and print requests/s, p99 latency, their ratios and the costplan server's
# resident memory afterwards.
#
# Both servers log every request to a file (costplan its standard error, nginx its access log),
# as in production; LOGS=off turns both off (costplan --log-level warning, nginx access_log off).
# Usage: bash Benchmarks/http-vs-nginx.sh [seconds]   (from the repository root; installs nginx and wrk)
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

page=/plans/muejam-library.html
run() { wrk -t1 -c32 -d"${duration}s" --latency "$1" | tee "$work/$2.txt"; }
echo "== costplan serve  http://127.0.0.1:18080$page"; run "http://127.0.0.1:18080$page" costplan
echo "== nginx (1 worker) http://127.0.0.1:18081$page"; run "http://127.0.0.1:18081$page" nginx
rss=$(awk '/VmRSS/ {print $2}' /proc/$server/status)
rps() { awk '/Requests\/sec/ {print $2}' "$work/$1.txt"; }
p99() { awk '$1 == "99%" {print $2}' "$work/$1.txt"; }
echo
echo "costplan: $(rps costplan) req/s, p99 $(p99 costplan); nginx: $(rps nginx) req/s, p99 $(p99 nginx)"
echo "ratio costplan/nginx requests/s: $(python3 -c "print(round($(rps costplan)/$(rps nginx), 2))") (target >= 1.0)"
ms() { python3 -c "import re,sys; v,u=re.match(r'([0-9.]+)([a-z]+)', sys.argv[1]).groups(); print(float(v)*{'us':0.001,'ms':1,'s':1000}[u])" "$1"; }
echo "ratio costplan/nginx p99: $(python3 -c "print(round($(ms "$(p99 costplan)")/$(ms "$(p99 nginx)"), 2))") (target <= 1.5)"
echo "requests logged: costplan $(grep -c ' Request ' "$work/costplan.log" || true), nginx $(wc -l <"$work/nginx-access.log" 2>/dev/null || echo 0) (logs ${LOGS:-on})"
echo "costplan serve resident memory after the run: $((rss / 1024)) MiB"
