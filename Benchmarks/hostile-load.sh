#!/usr/bin/env bash
# A hostile load against `costplan serve` on loopback, and how /healthz fares through it.
# The server runs with `ulimit -n 512`. For DURATION seconds (default 25):
#   - STALLED (default 700) connections each send a request head and part of a body, then go
#     quiet (a slowloris); one the server closes is opened again at once;
#   - six concurrent POST /api/estimate of a generated 730 KB plan (3,400 ranged EC2
#     components, under the default 5,000-component limit, so each is really priced), and one
#     of a 5,100-component plan (over the limit: 413);
#   - curl asks GET /healthz every 0.2 s and records each answer's time.
# Prints /healthz latencies, the estimates' statuses and times, the server's open file
# descriptors, resident memory and CPU time, and what became of the stalled connections.
# Usage: bash Benchmarks/hostile-load.sh [seconds]    (from the repository root)
#   BIN=path/to/costplan to use a given binary (default: a release build, made if needed);
#   STALLED=n to change the number of stalled connections.
set -euo pipefail
cd "$(dirname "$0")/.."
duration=${1:-25}
stalled=${STALLED:-700}
port=${PORT:-18090}
if [ -z "${BIN:-}" ]; then
    swift build -c release --product costplan >/dev/null
    BIN="$(swift build -c release --show-bin-path)/costplan"
fi
work=$(mktemp -d)
server=
cleanup() {
    [ -n "$server" ] && kill "$server" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

# The plans: 730 KB under the component limit, and one over it.
python3 - "$work" <<'PY'
import sys
work = sys.argv[1]
def plan(name, count, pad):
    lines = ["version: 1", f"name: {name}", "region: us-east-1", "environments:", "  production:", "    components:"]
    for i in range(count):
        lines += [f"      web{i:05d}:", "        type: ec2",
                  f"        description: generated component {i} of a large system; " + "x" * pad,
                  "        instance_type: t3.large", "        count: {min: 1, max: 4, desired: 2}"]
    return "\n".join(lines) + "\n"
open(f"{work}/big.yaml", "w").write(plan("big", 3400, 40))
open(f"{work}/huge.yaml", "w").write(plan("huge", 5100, 0))
PY
echo "plans: big.yaml $(wc -c <"$work/big.yaml") bytes (3,400 components), huge.yaml $(wc -c <"$work/huge.yaml") bytes (5,100 components)"

( ulimit -n 512; exec "$BIN" serve --port "$port" --plans examples --log-level warning ) 2>"$work/server.log" &
server=$!
for _ in $(seq 1 100); do curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break; sleep 0.1; done
curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null
cpu_ticks() { awk '{print $14 + $15}' "/proc/$server/stat"; }
ticks_before=$(cpu_ticks)

# The stalled connections (bounded: they stop after the duration).
python3 - "$port" "$stalled" "$duration" >"$work/stalled.txt" <<'PY' &
import selectors, socket, sys, time
port, count, duration = int(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3])
head = (b"POST /api/estimate HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/yaml\r\n"
        b"Content-Length: 100000\r\n\r\nversion: 1\nname: slow\n")
sel = selectors.DefaultSelector()
opened = closed_by_server = refused = 0
def open_one():
    global opened, refused
    s = socket.socket()
    s.settimeout(2)
    try:
        s.connect(("127.0.0.1", port))
        s.sendall(head)
    except OSError:
        refused += 1
        s.close()
        return
    s.setblocking(False)
    sel.register(s, selectors.EVENT_READ)
    opened += 1
for _ in range(count):
    open_one()
end = time.time() + duration
while time.time() < end:
    for key, _ in sel.select(timeout=0.2):
        s = key.fileobj
        try:
            data = s.recv(65536)
        except OSError:
            data = b""
        if not data:
            sel.unregister(s)
            s.close()
            closed_by_server += 1
            if time.time() < end:
                open_one()
print(f"stalled connections: {count} held open; {opened} opened in all, {closed_by_server} closed by the server, "
      f"{refused} failed to connect")
PY
stall=$!
sleep 1

# Six concurrent 730 KB estimates and one over the component limit.
requests=()
for i in 1 2 3 4 5 6; do
    curl -s -o /dev/null -w "estimate $i: HTTP %{http_code} in %{time_total} s, %{size_download} bytes\n" --max-time 120 \
        -H 'Content-Type: application/yaml' --data-binary "@$work/big.yaml" "http://127.0.0.1:$port/api/estimate" >"$work/estimate-$i.txt" &
    requests+=($!)
done
curl -s -w "\nover the limit: HTTP %{http_code} in %{time_total} s\n" --max-time 60 \
    -H 'Content-Type: application/yaml' --data-binary "@$work/huge.yaml" "http://127.0.0.1:$port/api/estimate" >"$work/huge.txt" &
requests+=($!)

# /healthz every 0.2 s, with the server's descriptors and memory sampled alongside.
end=$((SECONDS + duration - 1))
: >"$work/healthz.txt"
: >"$work/fds.txt"
while [ $SECONDS -lt $end ]; do
    curl -s -o /dev/null -w "%{http_code} %{time_total}\n" --max-time 5 "http://127.0.0.1:$port/healthz" >>"$work/healthz.txt" || echo "000 5" >>"$work/healthz.txt"
    echo "$(ls "/proc/$server/fd" | wc -l) $(awk '/VmRSS/ {print $2}' "/proc/$server/status")" >>"$work/fds.txt"
    sleep 0.2
done
wait "$stall" || true
for pid in "${requests[@]}"; do wait "$pid" || true; done
ticks_after=$(cpu_ticks)

echo
cat "$work/stalled.txt"
cat "$work"/estimate-*.txt
tail -n 1 "$work/huge.txt"
grep -o '"error": "[^"]*"' "$work/huge.txt" | head -1 || true
python3 - "$work/healthz.txt" <<'PY'
import sys
rows = [line.split() for line in open(sys.argv[1]) if line.strip()]
ok = sorted(float(t) * 1000 for code, t in rows if code == "200")
failed = sum(1 for code, _ in rows if code != "200")
def pct(p): return ok[min(len(ok) - 1, int(round(p / 100 * (len(ok) - 1))))]
if ok:
    print(f"/healthz: {len(rows)} requests, {failed} failed; p50 {pct(50):.1f} ms, p99 {pct(99):.1f} ms, max {ok[-1]:.1f} ms")
else:
    print(f"/healthz: {len(rows)} requests, all failed")
PY
awk '{ if ($1 > f) f = $1; if ($2 > r) r = $2 } END { printf "server: at most %d open file descriptors (limit 512), peak resident memory %d MiB\n", f, r / 1024 }' "$work/fds.txt"
echo "server CPU time during the run: $(( (ticks_after - ticks_before) / $(getconf CLK_TCK) )) s over ${duration} s"
echo "server still answers: $(curl -s --max-time 5 "http://127.0.0.1:$port/healthz")"
grep -c "EMFILE\|Too many open files" "$work/server.log" | sed 's/^/log lines about EMFILE: /' || true
