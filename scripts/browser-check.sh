#!/usr/bin/env bash
# Real-browser check of the web report: starts `costplan serve` on a free loopback port, opens
# pages in headless Chromium and asserts the rendered DOM shows the expected totals.
# Usage: bash scripts/browser-check.sh [--screenshot FILE]   (from the repository root)
# Installs Debian's chromium when missing (CI=true or root). Exit status non-zero on failure.
set -euo pipefail
cd "$(dirname "$0")/.."
screenshot=""
[ "${1:-}" = "--screenshot" ] && screenshot="${2:?file}"

browser=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$browser" ]; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
    browser=$(command -v chromium)
  else
    echo "browser-check: chromium is not installed (apt-get install chromium)" >&2; exit 1
  fi
fi

swift build --product costplan >/dev/null
bin="$(swift build --show-bin-path)/costplan"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
log=$(mktemp)
"$bin" serve --port "$port" --plans examples >"$log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true; rm -f "$log"' EXIT
for _ in $(seq 1 100); do
  curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break
  sleep 0.1
done

dom() { timeout 60 "$browser" --headless --no-sandbox --disable-gpu --dump-dom "$1" 2>/dev/null; }
fail=0
check() { # url, expected text…
  local url=$1; shift
  local page; page=$(dom "http://127.0.0.1:$port$url")
  for want in "$@"; do
    if grep -qF -- "$want" <<<"$page"; then echo "ok   $url shows '$want'"; else echo "FAIL $url does not show '$want'"; fail=1; fi
  done
}
# muejam-library: production desired total 1,880.84; staging 504.47; dev 220.89 (golden files).
check /index.html "muejam-library" "1,880.84" "cloudweave"
check /plans/muejam-library.html "1,880.84" "504.47" "220.89" "1,031.50" "<svg"
check /plans/muejam-library/production.html "db.r6g.xlarge" "1,031.50"
check "/rates.html?q=db.r6g.xlarge" "db.r6g.xlarge"

if [ -n "$screenshot" ]; then
  timeout 60 "$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1280,1800 \
    --screenshot="$screenshot" "http://127.0.0.1:$port/plans/muejam-library.html" >/dev/null 2>&1
  echo "screenshot: $screenshot"
fi
exit $fail
