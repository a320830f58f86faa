#!/usr/bin/env bash
# What prediction logging costs at full serving load: Kiln's POST /predict (one row, the 100-tree GBM of
# bench/serve/run.sh) served three ways from the same bundle, back to back, twice: no logging, every prediction
# logged (--log-sample 1) and one in ten (--log-sample 0.1), each to a fresh SQLite store. Load: wrk -t2 -c32 on
# 127.0.0.1, sharing the two cores with the server. Reports req/s, p99, rows written and rows dropped.
# Needs: wrk, the bench data of ../shared/bench (bench/serve/run.sh makes the model when it is missing).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
peers="${PEERS:-$root/../shared/bench/peers}"
duration="${DURATION:-15s}"
work=/tmp/kiln-bench-monitor
model=/tmp/kiln-bench-serve/model
kiln="${KILN:-$root/kiln}"
mkdir -p "$work"
if [ ! -f "$model/manifest.json" ]; then
  mkdir -p /tmp/kiln-bench-serve
  "$kiln" train --data /tmp/peers/synth_100k_train.csv --target label --learner gbm --param trees=100 \
    --param max_depth=6 --param learning_rate=0.3 --param max_bins=255 --out "$model" --json > /dev/null
fi
pid=
trap '[ -n "$pid" ] && kill $pid 2>/dev/null || true' EXIT

serve() { # PORT [ARGS...]
  local port="$1"; shift
  rm -rf "$work/store-$port"
  KILN_JAVA_OPTS="-Xmx1g" "$kiln" serve "$model" --port "$port" --store "$work/store-$port" "$@" > "$work/serve-$port.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 60); do curl -sf "http://127.0.0.1:$port/health" >/dev/null 2>&1 && return; sleep 1; done
  echo "server on $port did not start" >&2; cat "$work/serve-$port.log" >&2; exit 1
}

measure() { # NAME PORT [ARGS...]
  local name="$1" port="$2"; shift 2
  serve "$port" "$@"
  WRK_BODY=/tmp/peers/row.json wrk -t2 -c32 -d5s -s "$peers/post.lua" "http://127.0.0.1:$port/predict" >/dev/null 2>&1 || true
  local result
  result="$(WRK_BODY=/tmp/peers/row.json wrk -t2 -c32 -d"$duration" -s "$peers/post.lua" "http://127.0.0.1:$port/predict" | tail -1)"
  local log
  log="$(curl -s "http://127.0.0.1:$port/monitor" | /usr/bin/python3 -c 'import json,sys; d=json.load(sys.stdin).get("log",{}); print(d.get("written",0), d.get("dropped",0))')"
  printf '%-16s %s log(written dropped)=%s\n' "$name" "$result" "$log"
  kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; pid=
}

uptime
for round in 1 2; do
  measure "no log" 8771
  measure "log sample 1" 8772 --log-sample 1
  measure "log sample 0.1" 8773 --log-sample 0.1
done | tee "$work/results.txt"
uptime
