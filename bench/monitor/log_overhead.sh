#!/usr/bin/env bash
# What prediction logging costs at full serving load: Kiln's POST /predict (one row, the 100-tree GBM of
# bench/serve/run.sh) from three servers of the same bundle, started together: no logging, every prediction logged
# (--log-sample 1) and one in ten (--log-sample 0.1), each to its own SQLite store. The machine is shared, so the
# load alternates between them in short runs, ROUNDS times (wrk -t2 -c32 on 127.0.0.1 each); the summary gives each
# one's median req/s and its ratio to the server without logging, plus rows written and dropped. The order of the
# servers rotates from round to round.
# env: KILN (the kiln command; default ./kiln), DURATION (per run, default 8s), ROUNDS (default 5), WARMUP (each server's
# warm-up load before the runs, default 5s), SERVER_OPTS (more JVM options for all three), PROFILE (a folder:
# each server records a JFR profile there, serve-PORT.jfr, written when the script stops it).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
peers="${PEERS:-$root/../shared/bench/peers}"
duration="${DURATION:-8s}"
rounds="${ROUNDS:-5}"
warmup="${WARMUP:-5s}"
kiln="${KILN:-$root/kiln}"
work=/tmp/kiln-bench-monitor
model=/tmp/kiln-bench-serve/model
mkdir -p "$work" /tmp/peers
# the request body (one test row as JSON) comes from the peer's model script, as in bench/serve/run.sh
[ -f /tmp/peers/synth_100k.csv ] || /usr/bin/python3 "$peers/gen_data.py"
[ -f /tmp/peers/synth_100k_train.csv ] || /usr/bin/python3 "$peers/split.py" /tmp/peers/synth_100k.csv
[ -f /tmp/peers/row.json ] || /usr/bin/python3 "$peers/serve_model.py"
if [ ! -f "$model/manifest.json" ]; then
  mkdir -p /tmp/kiln-bench-serve
  "$kiln" train --data /tmp/peers/synth_100k_train.csv --target label --learner gbm --param trees=100 \
    --param max_depth=6 --param learning_rate=0.3 --param max_bins=255 --out "$model" --json > /dev/null
fi
names=("no-log" "sample-1" "sample-0.1")
ports=(8771 8772 8773)
args=("" "--log-sample 1" "--log-sample 0.1")
pids=()
trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done' EXIT
for i in 0 1 2; do
  rm -rf "$work/store-${ports[$i]}"
  opts="-Xmx768m ${SERVER_OPTS:-}"
  if [ -n "${PROFILE:-}" ]; then
    mkdir -p "$PROFILE"
    opts="$opts -XX:StartFlightRecording=filename=$PROFILE/serve-${ports[$i]}.jfr,settings=profile,dumponexit=true"
  fi
  # shellcheck disable=SC2086
  KILN_JAVA_OPTS="$opts" "$kiln" serve "$model" --port "${ports[$i]}" --store "$work/store-${ports[$i]}" ${args[$i]} \
    > "$work/serve-${ports[$i]}.log" 2>&1 &
  pids+=($!)
done
for port in "${ports[@]}"; do
  for _ in $(seq 1 90); do curl -sf "http://127.0.0.1:$port/health" >/dev/null 2>&1 && break; sleep 1; done
  curl -sf "http://127.0.0.1:$port/health" >/dev/null || { echo "server on $port did not start" >&2; exit 1; }
  WRK_BODY=/tmp/peers/row.json wrk -t2 -c32 -d"$warmup" -s "$peers/post.lua" "http://127.0.0.1:$port/predict" >/dev/null 2>&1 || true
done
# CPU seconds (user + system) of each server so far: the figure after the runs, minus this, over the requests of the
# runs, is the CPU each request cost that server (warm-up and start-up excluded), whatever the machine's load
cpu() { awk -v t="$(getconf CLK_TCK)" '{ printf "%.2f", ($14 + $15) / t }' "/proc/$1/stat"; }
cpu_start=()
for i in 0 1 2; do cpu_start+=("$(cpu "${pids[$i]}")"); done
: > "$work/results.txt"
echo "start: $(uptime)"
for round in $(seq 1 "$rounds"); do
  # the order rotates: on this machine the first server of a round is measured faster (an A/A test of two
  # identical servers gave 1.6-3x to whichever went first)
  for k in 0 1 2; do
    i=$(( (k + round) % 3 ))
    line="$(WRK_BODY=/tmp/peers/row.json wrk -t2 -c32 -d"$duration" -s "$peers/post.lua" "http://127.0.0.1:${ports[$i]}/predict" | tail -1)"
    echo "${names[$i]} $line" | tee -a "$work/results.txt"
  done
done
echo "end: $(uptime)"
: > "$work/cpu.txt"
for i in 0 1 2; do
  echo "${names[$i]} $(cpu "${pids[$i]}") ${cpu_start[$i]}" >> "$work/cpu.txt"
done
for i in 0 1 2; do
  printf '%s log: ' "${names[$i]}"
  curl -s "http://127.0.0.1:${ports[$i]}/monitor" | /usr/bin/python3 -c 'import json,sys; d=json.load(sys.stdin).get("log"); print(d if d else "off")'
done
/usr/bin/python3 - "$work/results.txt" "$work/cpu.txt" <<'PY'
import json, statistics, sys
rps, served = {}, {}
for line in open(sys.argv[1]):
    name, _, js = line.partition(" ")
    rps.setdefault(name, []).append(json.loads(js)["rps"])
    served[name] = served.get(name, 0) + json.loads(js)["requests"]
cpu = {}
for line in open(sys.argv[2]):
    name, end, start = line.split()
    cpu[name] = float(end) - float(start)
base = statistics.median(rps["no-log"])
base_cpu = 1e6 * cpu["no-log"] / served["no-log"]
for name, values in rps.items():
    m = statistics.median(values)
    us = 1e6 * cpu[name] / served[name]
    print(f"{name:11s} median {m:8.0f} req/s  ({100 * m / base:5.1f}% of no-log)  server CPU {us:6.1f} us/request "
          f"({100 * base_cpu / us:5.1f}% of no-log's req per CPU s)  runs: {', '.join(f'{v:.0f}' for v in values)}")
PY
