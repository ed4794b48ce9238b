#!/usr/bin/env bash
# Serve the muejam-library plan page with `costplan serve` and the same page written by
# `costplan report` with nginx (one worker), load both with wrk on loopback in one run, and
# print requests/s, p99 latency and the costplan server's resident memory afterwards.
# Usage: bash Benchmarks/http-vs-nginx.sh [seconds]   (from the repository root; installs nginx and wrk)
set -euo pipefail
cd "$(dirname "$0")/.."
duration=${1:-10}
need=()
command -v nginx >/dev/null || need+=(nginx)
command -v wrk >/dev/null || need+=(wrk)
if [ ${#need[@]} -gt 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null; fi

swift build -c release --product costplan >/dev/null
bin="$(swift build -c release --show-bin-path)/costplan"
work=$(mktemp -d)
chmod 755 "$work"   # nginx workers run as www-data
"$bin" report examples --out "$work/site" >/dev/null
chmod -R a+rX "$work/site"

cat >"$work/nginx.conf" <<CONF
worker_processes 1;
daemon off;
pid $work/nginx.pid;
error_log $work/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  include /etc/nginx/mime.types;
  server { listen 127.0.0.1:18081; root $work/site; }
}
CONF
nginx -c "$work/nginx.conf" &
nginx_pid=$!
"$bin" serve --port 18080 --plans examples --log-level "${LOG_LEVEL:-info}" 2>/dev/null &
server=$!
trap 'kill $server $nginx_pid 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 1 100); do curl -fsS http://127.0.0.1:18080/healthz >/dev/null 2>&1 && curl -fsS http://127.0.0.1:18081/index.html >/dev/null 2>&1 && break; sleep 0.1; done
curl -fsS "http://127.0.0.1:18080/plans/muejam-library.html" >/dev/null   # rendered once, as `report` did for nginx

page=/plans/muejam-library.html
run() { wrk -t2 -c32 -d"${duration}s" --latency "$1" | tee "$work/$2.txt"; }
echo "== costplan serve  http://127.0.0.1:18080$page"; run "http://127.0.0.1:18080$page" costplan
echo "== nginx (1 worker) http://127.0.0.1:18081$page"; run "http://127.0.0.1:18081$page" nginx
rss=$(awk '/VmRSS/ {print $2}' /proc/$server/status)
rps() { awk '/Requests\/sec/ {print $2}' "$work/$1.txt"; }
p99() { awk '$1 == "99%" {print $2}' "$work/$1.txt"; }
echo
echo "costplan: $(rps costplan) req/s, p99 $(p99 costplan); nginx: $(rps nginx) req/s, p99 $(p99 nginx)"
echo "ratio costplan/nginx: $(python3 -c "print(round($(rps costplan)/$(rps nginx), 2))")"
echo "costplan serve resident memory after the run: $((rss / 1024)) MiB"
