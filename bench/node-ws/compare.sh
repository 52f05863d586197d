#!/usr/bin/env bash
# Broadcast latency of the mock's gateway (`connlab serve`) against a plain Node `ws` server,
# measured by the same outside client (client.js), in alternating rounds; prints each round and
# the medians. Where node is missing, says the comparison is skipped.
#   bench/node-ws/compare.sh [connections=1000] [broadcasts=50] [rounds=3]
set -euo pipefail
cd "$(dirname "$0")"
N=${1:-1000}; MESSAGES=${2:-50}; ROUNDS=${3:-3}
MOCK_WS=${MOCK_WS_PORT:-18081}; MOCK_HTTP=${MOCK_HTTP_PORT:-18080}; NODE_WS=${NODE_WS_PORT:-18090}

if ! command -v node >/dev/null 2>&1; then
  echo "node-ws comparison: skipped (node is not installed)"
  exit 0
fi
[ -d node_modules/ws ] || npm ci --silent
JAR=../../target/connlab.jar
[ -f "$JAR" ] || (cd ../.. && mvn -B -ntp -q package -DskipTests)

pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT

java -jar "$JAR" serve --ws-port "$MOCK_WS" --http-port "$MOCK_HTTP" >/tmp/connlab-compare-mock.log 2>&1 &
pids+=($!)
node server.js "$NODE_WS" >/tmp/connlab-compare-node.log 2>&1 &
pids+=($!)
for port in "$MOCK_WS" "$NODE_WS"; do
  for _ in $(seq 100); do (exec 3<>/dev/tcp/127.0.0.1/"$port") 2>/dev/null && break; sleep 0.1; done
done

# One round each first, not counted: the JVM compiles its hot paths (Node's JIT warms up too).
node client.js "ws://127.0.0.1:$MOCK_WS/dev" "$N" 20 >/dev/null
node client.js "ws://127.0.0.1:$NODE_WS/dev" "$N" 20 >/dev/null

results=()
echo "load average before: $(cat /proc/loadavg 2>/dev/null || echo n/a)"
for r in $(seq "$ROUNDS"); do
  for target in mock node; do
    if [ "$target" = mock ]; then url="ws://127.0.0.1:$MOCK_WS/dev"; else url="ws://127.0.0.1:$NODE_WS/dev"; fi
    line=$(node client.js "$url" "$N" "$MESSAGES")
    echo "round $r $target $line"
    results+=("$target $line")
  done
done
echo "load average after: $(cat /proc/loadavg 2>/dev/null || echo n/a)"
printf '%s\n' "${results[@]}" | node -e '
  const lines = require("fs").readFileSync(0, "utf8").trim().split("\n");
  const by = {};
  for (const l of lines) { const i = l.indexOf(" "); (by[l.slice(0, i)] ||= []).push(JSON.parse(l.slice(i + 1))); }
  const med = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
  const m = {};
  for (const [k, rs] of Object.entries(by)) {
    m[k] = { p50: med(rs.map((r) => r.p50ms)), p99: med(rs.map((r) => r.p99ms)), rate: med(rs.map((r) => r.deliveriesPerSecond)) };
    console.log(`median ${k.padEnd(4)} p50 ${m[k].p50.toFixed(1)} ms  p99 ${m[k].p99.toFixed(1)} ms  ${m[k].rate} deliveries/s`);
  }
  if (m.mock && m.node) {
    console.log(`mock / node: p50 ${(m.mock.p50 / m.node.p50).toFixed(2)}x  p99 ${(m.mock.p99 / m.node.p99).toFixed(2)}x  rate ${(m.mock.rate / m.node.rate).toFixed(2)}x`);
  }'
