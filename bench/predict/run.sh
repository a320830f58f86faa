#!/usr/bin/env bash
# Batch scoring end to end (issue 8: "kiln predict on the 1M-row file scores at least 1M rows per second"):
# `kiln predict` of the 100-tree GBM (depth 6, learning rate 0.3, 255 bins, trained on synth_1m_train.csv) over
# synth_1m.csv, CSV to CSV, CSV to Parquet and Parquet to CSV, then the Python peer doing the same job (pandas
# read_csv, XGBoost 1.7 predict_proba of the same kind of model, to_csv). Every line: rows/s of the whole command,
# wall and CPU seconds, peak RSS, load average.
# usage: bench/predict/run.sh      env: KILN_BENCH_DATA (/tmp/peers), KILN_BENCH_OUT (/tmp/kiln-bench-predict-TIME),
#        KILN (the launcher, default ./kiln), REPEATS (2)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
PY=/usr/bin/python3
DATA="${KILN_BENCH_DATA:-/tmp/peers}"
OUT="${KILN_BENCH_OUT:-/tmp/kiln-bench-predict-$(date +%Y%m%d-%H%M%S)}"
KILN="${KILN:-$root/kiln}"
REPEATS="${REPEATS:-2}"
mkdir -p "$OUT"
model="$OUT/gbm"
load() { cut -d' ' -f1-3 /proc/loadavg; }

# timed NAME CMD...: runs CMD under /usr/bin/time, prints one JSON line with the command's own JSON merged in
timed() {
  local name=$1; shift
  /usr/bin/time -f '%e %U %S %M' -o "$OUT/time.txt" "$@" > "$OUT/out.json"
  read -r wall user sys rss < "$OUT/time.txt"
  jq -c --arg n "$name" --arg l "$(load)" --argjson w "$wall" --argjson u "$user" --argjson s "$sys" --argjson r "$rss" \
      '{job: $n, rows: .rows, rows_per_s: .rows_per_s, command_wall_s: $w, cpu_s: ($u + $s), peak_rss_mb: ($r / 1024 | floor), load: $l}' \
      "$OUT/out.json" | tee -a "$OUT/results.jsonl"
}

[ -d "$model" ] || "$KILN" train --data "$DATA/synth_1m_train.csv" --target label --learner gbm --param trees=100 \
    --param max_depth=6 --param learning_rate=0.3 --param max_bins=255 --threads 2 --seed 0 --out "$model" --json > "$OUT/train.json"
"$KILN" predict "$model" --data "$DATA/synth_1m.csv" --out "$OUT/in.parquet" --json > /dev/null   # warms the page cache
# the same rows as Parquet: a snapshot of the file, as `kiln collect` stores it
parquet="$("$KILN" collect "$DATA/synth_1m.csv" --name synth_1m --store "$OUT/store" --json | jq -r .file)"
for rep in $(seq "$REPEATS"); do
  timed "kiln csv->csv" "$KILN" predict "$model" --data "$DATA/synth_1m.csv" --out "$OUT/p.csv" --json
  timed "kiln csv->parquet" "$KILN" predict "$model" --data "$DATA/synth_1m.csv" --out "$OUT/p.parquet" --json
  timed "kiln parquet->csv" "$KILN" predict "$model" --data "$parquet" --out "$OUT/p2.csv" --json
  timed "python pandas+xgboost csv->csv" "$PY" "$root/bench/predict/peer.py" "$DATA/synth_1m_train.csv" "$DATA/synth_1m.csv" "$OUT/peer.csv" "$OUT"
done
