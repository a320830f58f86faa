#!/usr/bin/env bash
# Serving throughput, side by side on this machine: Kiln's POST /predict (one row, the 100-tree GBM of
# the learners issue, or another learner via LEARNER=...), Kiln's GET /health (a constant from the same
# HTTP stack), and the FastAPI + uvicorn + scikit-learn peer of ../shared/bench (POST /predict, GET /const).
# Both Kiln endpoints are answered by the server's lean Jetty handler (LeanRoutes, in front of Javalin), so the
# constant is a bare endpoint of the very stack one-row predictions run on. JAVALIN=1 adds GET /ready, a
# near-constant answered through Javalin and the servlet layer, to show what that stack costs (not in the ratio).
# Load: wrk -t2 -c32 on 127.0.0.1, sharing the two cores with the server, as the issue says.
# Needs: wrk, Debian's python3 with sklearn, pandas, fastapi, uvicorn (see ../shared/bench/README.md).
# The peer runs one worker with OMP_NUM_THREADS=1: with OpenMP's default threads, scikit-learn's predict
# spins for seconds per request on a busy two-core machine; one thread is its faster setting here.
# PEER_OMP=default runs it as ../shared/bench describes it instead (one worker, OpenMP's default threads).
# KILN_PORT, PEER_PORT and WORK (default /tmp/kiln-bench-serve) let several people run it at once;
# WARMUP (default 10s) is the untimed load before each measurement, so the JIT has compiled the path.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
peers="${PEERS:-$root/../shared/bench/peers}"
duration="${DURATION:-20s}"
learner="${LEARNER:-gbm}"
work="${WORK:-/tmp/kiln-bench-serve}"
kiln_port="${KILN_PORT:-8766}"
peer_port="${PEER_PORT:-8765}"
warmup="${WARMUP:-10s}"
mkdir -p "$work" /tmp/peers

[ -f /tmp/peers/synth_100k.csv ] || /usr/bin/python3 "$peers/gen_data.py"
[ -f /tmp/peers/synth_100k_train.csv ] || /usr/bin/python3 "$peers/split.py" /tmp/peers/synth_100k.csv
[ -f /tmp/peers/hgb_100k.joblib ] || /usr/bin/python3 "$peers/serve_model.py"

params=()
if [ "$learner" = gbm ]; then
  params=(--param trees=100 --param max_depth=6 --param learning_rate=0.3 --param max_bins=255)
fi
rm -rf "$work/model"
"$root/kiln" train --data /tmp/peers/synth_100k_train.csv --target label --learner "$learner" "${params[@]}" \
  --out "$work/model" --json > "$work/train.json"

"$root/kiln" serve "$work/model" --port "$kiln_port" > "$work/kiln.log" 2>&1 &
kiln_pid=$!
omp=(env OMP_NUM_THREADS=1)
[ "${PEER_OMP:-1}" = default ] && omp=(env)
(cd "$peers" && exec "${omp[@]}" /usr/bin/python3 -m uvicorn serve_app:app --host 127.0.0.1 --port "$peer_port" --log-level warning) \
  > "$work/fastapi.log" 2>&1 &
peer_pid=$!
trap 'kill $kiln_pid $peer_pid 2>/dev/null || true' EXIT
for url in "http://127.0.0.1:$kiln_port/health" "http://127.0.0.1:$peer_port/const"; do
  for _ in $(seq 1 60); do curl -sf "$url" >/dev/null 2>&1 && break; sleep 1; done
done
curl -sf "http://127.0.0.1:$peer_port/const" >/dev/null

wrk_env() { # BODY: the env prefix that makes post.lua POST that file, or GET without one
  if [ -n "${1:-}" ]; then echo "env WRK_BODY=$1"; else echo "env -u WRK_BODY"; fi
}
warm() { # URL [BODY]: untimed load, so the JIT has compiled the whole path before anything is measured
  $(wrk_env "${2:-}") wrk -t2 -c32 -d"$warmup" -s "$peers/post.lua" "$1" >/dev/null 2>&1 || true
}
load() { # NAME URL [BODY]
  printf '%-22s ' "$1"
  $(wrk_env "${3:-}") wrk -t2 -c32 -d"$duration" -s "$peers/post.lua" "$2" | tail -1
}
kiln_predict="http://127.0.0.1:$kiln_port/predict"
kiln_const="http://127.0.0.1:$kiln_port/health"
peer_predict="http://127.0.0.1:$peer_port/predict"
peer_const="http://127.0.0.1:$peer_port/const"
# on a busy machine a JVM takes tens of seconds to reach full speed: warm both Kiln endpoints in turn
for _ in 1 2 3; do warm "$kiln_predict" /tmp/peers/row.json; warm "$kiln_const"; done
if [ -n "${JAVALIN:-}" ]; then warm "http://127.0.0.1:$kiln_port/ready"; fi
warm "$peer_predict" /tmp/peers/row.json
warm "$peer_const"
{
  for round in $(seq 1 "${ROUNDS:-2}"); do
    load "kiln /predict" "$kiln_predict" /tmp/peers/row.json
    load "kiln /health (const)" "$kiln_const"
    if [ -n "${JAVALIN:-}" ]; then load "kiln /ready (javalin)" "http://127.0.0.1:$kiln_port/ready"; fi
    load "fastapi /predict" "$peer_predict" /tmp/peers/row.json
    load "fastapi /const" "$peer_const"
  done
} | tee "$work/results.txt"

/usr/bin/python3 - "$work/results.txt" <<'PY'
import json, sys
rounds = []
for line in open(sys.argv[1]):
    name, _, js = line.partition("{")
    name = name.strip()
    if name == "kiln /predict":
        rounds.append({})
    rounds[-1][name] = json.loads("{" + js)
for i, rows in enumerate(rounds, 1):
    k, kc, f = rows["kiln /predict"], rows["kiln /health (const)"], rows["fastapi /predict"]
    print(f"round {i}: kiln predict {k['rps']:.0f} req/s, p99 {k['p99_ms']:.2f} ms, non-2xx {k['non2xx']}; "
          f"{k['rps'] / max(f['rps'], 1e-9):.1f}x FastAPI predict ({f['rps']:.0f} req/s, target >= 50x); "
          f"{100 * k['rps'] / kc['rps']:.0f}% of Kiln's constant endpoint ({kc['rps']:.0f} req/s, target >= 70%)")
PY
