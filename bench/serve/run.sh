#!/usr/bin/env bash
# Serving throughput, side by side on this machine: Kiln's POST /predict (one row, the 100-tree GBM of
# the learners issue, or another learner via LEARNER=...), Kiln's GET /health (a constant from the same
# HTTP stack), and the FastAPI + uvicorn + scikit-learn peer of ../shared/bench (POST /predict, GET /const).
# Load: wrk -t2 -c32 on 127.0.0.1, sharing the two cores with the server, as the issue says.
# Needs: wrk, Debian's python3 with sklearn, pandas, fastapi, uvicorn (see ../shared/bench/README.md).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
peers="${PEERS:-$root/../shared/bench/peers}"
duration="${DURATION:-20s}"
learner="${LEARNER:-gbm}"
work=/tmp/kiln-bench-serve
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

"$root/kiln" serve "$work/model" --port 8766 > "$work/kiln.log" 2>&1 &
kiln_pid=$!
(cd "$peers" && exec /usr/bin/python3 -m uvicorn serve_app:app --host 127.0.0.1 --port 8765 --log-level warning) \
  > "$work/fastapi.log" 2>&1 &
peer_pid=$!
trap 'kill $kiln_pid $peer_pid 2>/dev/null || true' EXIT
for port in 8766 8765; do
  for _ in $(seq 1 60); do curl -sf "http://127.0.0.1:$port/${port/8766/health}" >/dev/null 2>&1 && break; sleep 1; done
done
curl -sf http://127.0.0.1:8765/const >/dev/null

load() { # NAME URL [BODY]
  local name="$1" url="$2" body="${3:-}"
  local env=(env -u WRK_BODY)
  [ -n "$body" ] && env=(env WRK_BODY="$body")
  # warm up (JIT), then measure
  "${env[@]}" wrk -t2 -c32 -d5s -s "$peers/post.lua" "$url" >/dev/null 2>&1 || true
  printf '%-22s ' "$name"
  "${env[@]}" wrk -t2 -c32 -d"$duration" -s "$peers/post.lua" "$url" | tail -1
}
{
  load "kiln /predict" http://127.0.0.1:8766/predict /tmp/peers/row.json
  load "kiln /health (const)" http://127.0.0.1:8766/health
  load "fastapi /predict" http://127.0.0.1:8765/predict /tmp/peers/row.json
  load "fastapi /const" http://127.0.0.1:8765/const
} | tee "$work/results.txt"

/usr/bin/python3 - "$work/results.txt" <<'PY'
import json, sys
rows = {}
for line in open(sys.argv[1]):
    name, _, js = line.partition("{")
    rows[name.strip()] = json.loads("{" + js)
k, kc, f = rows["kiln /predict"], rows["kiln /health (const)"], rows["fastapi /predict"]
print(f"kiln predict: {k['rps']:.0f} req/s, p99 {k['p99_ms']:.2f} ms, non-2xx {k['non2xx']}")
print(f"vs FastAPI predict: {k['rps'] / f['rps']:.1f}x   (target >= 50x)")
print(f"vs Kiln's own constant endpoint: {100 * k['rps'] / kc['rps']:.0f}%   (target >= 70%)")
PY
