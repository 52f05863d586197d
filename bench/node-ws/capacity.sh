#!/usr/bin/env bash
# Issue 8's capacity check in one command: a fresh `connlab serve` under a 20,000-descriptor limit,
# its descriptors sampled every 0.5 s, and one outside client holding WebSockets and polls (the
# polls over HTTP/2 in clear text) through PUBLISHES publishes. Prints the client's figures, the
# serve process's peak descriptor count and the load average before and after.
#   bench/node-ws/capacity.sh java|node [websockets=10000] [polls=10000] [publishes=10]
# Needs target/connlab.jar (mvn -B -ntp -q package -DskipTests); node for the Node client, with
# bench/node-ws/node_modules (npm ci in bench/node-ws).
set -euo pipefail
cd "$(dirname "$0")/../.."
client=${1:?java or node}
ws=${2:-10000}
polls=${3:-10000}
publishes=${4:-10}
http_port=18680
ws_port=18681
ulimit -n 20000
work=$(mktemp -d)
java -Xmx2g -jar target/connlab.jar serve --http-port $http_port --ws-port $ws_port > "$work/serve.txt" 2>&1 &
serve=$!
sampler=
cleanup() { [ -n "$sampler" ] && kill "$sampler" 2>/dev/null; kill "$serve" 2>/dev/null || true; wait "$serve" 2>/dev/null || true; }
trap cleanup EXIT
for _ in $(seq 1 120); do grep -q "Ctrl-C" "$work/serve.txt" && break; sleep 0.5; done
sed -n '/^{/,/^}/p' "$work/serve.txt" > "$work/mock.json"
echo 0 > "$work/peak"
( while kill -0 "$serve" 2>/dev/null; do
    n=$(ls "/proc/$serve/fd" 2>/dev/null | wc -l)
    [ "$n" -gt "$(cat "$work/peak")" ] && echo "$n" > "$work/peak"
    sleep 0.5
  done ) &
sampler=$!
echo "$(date -u +%FT%TZ) load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
rc=0
if [ "$client" = java ]; then
  java -Xmx2g -jar target/connlab.jar bench-backend --profile "$work/mock.json" --websockets "$ws" --polls "$polls" \
    --publishes "$publishes" --polls-over h2c || rc=$?
else
  node bench/node-ws/hold-all.js "ws://127.0.0.1:$ws_port/dev" "http://127.0.0.1:$http_port/dev/poll" \
    "http://127.0.0.1:$http_port/" "$ws" "$polls" "$publishes" "$(( (polls + 999) / 1000 ))" || rc=$?
fi
echo "$(date -u +%FT%TZ) load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
sleep 1
echo "serve's descriptors, at most: $(cat "$work/peak") (ulimit -n $(ulimit -n))"
rm -rf "$work"
exit $rc
