#!/usr/bin/env bash
# Relocatable-binary check: the costplan executable, copied ALONE into an empty folder and run
# from another empty folder with an empty HOME (no repository, no pricing/, no Swift runtime
# on the library path), prices a plan to the cent, diffs two plans, serves /healthz and the
# built-in stylesheet, writes a static report with it, and writes nothing into the working folder (its catalog cache goes to $HOME/.cache/costplan/).
#
# Usage: bash scripts/check-relocatable.sh [BINARY]
#   Without BINARY it builds one: swift build -c release --static-swift-stdlib --product costplan
# Exit status non-zero on any failure; prints what it checked.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
cd "$repo"

binary="${1:-}"
if [ -z "$binary" ]; then
  echo "== release build with the Swift runtime linked in (swift build -c release --static-swift-stdlib)"
  start=$(date +%s)
  swift build -c release --static-swift-stdlib --product costplan
  echo "   built in $(( $(date +%s) - start )) s"
  binary="$(swift build -c release --static-swift-stdlib --show-bin-path)/costplan"
fi
[ -x "$binary" ] || { echo "check-relocatable: no executable at $binary" >&2; exit 1; }

fail() { echo "check-relocatable: FAIL: $*" >&2; exit 1; }

scratch="$(mktemp -d)"
server=""
cleanup() { [ -n "$server" ] && kill "$server" 2>/dev/null; rm -rf "$scratch"; }
trap cleanup EXIT
mkdir -p "$scratch/bin" "$scratch/home" "$scratch/work" "$scratch/out"
cp "$binary" "$scratch/bin/costplan"            # the executable only: no resource bundle, no pricing/
cp examples/muejam-library.yaml "$scratch/out/"  # the report's plan (its name matches its file), outside the working folder
cp examples/muejam-library.yaml "$scratch/work/base.yaml"
# The head plan: the same system with a fourth NAT gateway (`count: 3` → 4).
sed 's/^\(\s*\)count: 3$/\1count: 4/' examples/muejam-library.yaml > "$scratch/work/head.yaml"
cmp -s "$scratch/work/base.yaml" "$scratch/work/head.yaml" && fail "could not derive a changed head plan"

echo "== shared libraries the binary needs (ldd)"
if command -v ldd >/dev/null; then
  ldd "$scratch/bin/costplan" | sed 's/^/   /'
  if ldd "$scratch/bin/costplan" | grep -q 'libswift\|libFoundation\|lib_FoundationICU\|not found'; then
    fail "the binary needs the Swift runtime or a missing library (build with --static-swift-stdlib)"
  fi
fi

# An empty environment: nothing but an empty HOME and the system PATH; run from the work folder.
run() { (cd "$scratch/work" && env -i HOME="$scratch/home" PATH=/usr/bin:/bin "$scratch/bin/costplan" "$@"); }
before="$(cd "$scratch/work" && ls -la)"

echo "== estimate from an empty folder"
run estimate base.yaml > "$scratch/estimate.txt" || fail "estimate exited $?"
# The same estimate from the repository, with the pricing/ folder: the copied binary must agree to the cent.
expected="$("$binary" estimate examples/muejam-library.yaml --pricing-dir pricing --catalog "$scratch/reference.sqlite" --format json)"
actual="$(run estimate base.yaml --format json)"
[ "$(echo "$expected" | grep -v '"file"')" = "$(echo "$actual" | grep -v '"file"')" ] \
  || fail "the copied binary's estimate differs from the repository's (pricing/ folder)"
grep -m1 -i 'total' "$scratch/estimate.txt" | sed 's/^/   /'
echo "   JSON estimate identical to the repository build's with --pricing-dir pricing (to the cent, same snapshot)"

echo "== diff (markdown, as a pull-request comment)"
run diff base.yaml head.yaml --format markdown > "$scratch/diff.md" || fail "diff exited $?"
head -1 "$scratch/diff.md" | grep -q '^<!-- costplan-diff -->' || fail "the markdown diff does not start with its marker line"
grep -q '+\$' "$scratch/diff.md" || fail "the diff shows no cost increase"
echo "   $(grep -o '+\$[0-9][0-9,]*\.[0-9][0-9]' "$scratch/diff.md" | head -1) a month ($(head -1 "$scratch/diff.md") first)"

echo "== serve (no --plans: the working folder's plans) + GET /healthz"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
(cd "$scratch/work" && exec env -i HOME="$scratch/home" PATH=/usr/bin:/bin "$scratch/bin/costplan" serve --port "$port") \
  > "$scratch/serve.log" 2>&1 &
server=$!
for _ in $(seq 1 100); do
  curl -fsS "http://127.0.0.1:$port/healthz" > "$scratch/healthz" 2>/dev/null && break
  sleep 0.1
done
[ -s "$scratch/healthz" ] || { cat "$scratch/serve.log" >&2; fail "serve did not answer /healthz"; }
echo "   /healthz: $(cat "$scratch/healthz")"
curl -fsS "http://127.0.0.1:$port/api/plans" > "$scratch/plans.json"
grep -q 'base' "$scratch/plans.json" && grep -q 'head' "$scratch/plans.json" \
  || fail "/api/plans does not list the working folder's base.yaml and head.yaml"
echo "   /api/plans: the working folder's base.yaml and head.yaml"
curl -fsS "http://127.0.0.1:$port/assets/costplan.css" | cmp -s - "$repo/Public/costplan.css" \
  || fail "/assets/costplan.css is not the built-in copy of Public/costplan.css"
echo "   /assets/costplan.css: the built-in stylesheet"
kill "$server"; wait "$server" 2>/dev/null || true; server=""

echo "== report (static site outside the working folder) with the built-in stylesheet"
run report "$scratch/out/muejam-library.yaml" --out "$scratch/out/site" | sed 's/^/   /' || fail "report failed"
[ -s "$scratch/out/site/plans/muejam-library.html" ] || fail "the report has no page for the plan"
cmp -s "$scratch/out/site/assets/costplan.css" "$repo/Public/costplan.css" || fail "the report's assets/costplan.css is not Public/costplan.css"
echo "   assets/costplan.css: the built-in stylesheet"

echo "== nothing written into the working folder; the catalog cache is in \$HOME/.cache/costplan/"
[ "$before" = "$(cd "$scratch/work" && ls -la)" ] || { (cd "$scratch/work" && ls -la) >&2; fail "the working folder changed"; }
[ -f "$scratch/home/.cache/costplan/catalog.sqlite" ] || fail "no catalog cache at \$HOME/.cache/costplan/catalog.sqlite"
echo "   $(du -h "$scratch/home/.cache/costplan/catalog.sqlite" | cut -f1) cache; working folder unchanged"
echo "check-relocatable: ok ($(du -h "$binary" | cut -f1) binary)"
