#!/usr/bin/env bash
# Kernel SVM (RBF): Kiln's svm against scikit-learn's SVC on the first ROWS rows of synth_100k (issue 6).
# usage: bench/svm/run.sh        env: KILN_BENCH_DATA (/tmp/peers), KILN_BENCH_OUT (/tmp/kiln-bench-svm-TIME),
#        KILN_BENCH_THREADS (2), SVM_ROWS (10000), SVM_TEST (10000), SVM_C (1), SVM_REPEATS (2)
# Both fit the same prepared numbers (prepare.py) with the same C and gamma ('scale' = 1 / (28 × variance), which
# is 1/28 on standardised columns, for both). Kiln's fit is `kiln train`'s train_s (the learner alone); sklearn's the
# SVC.fit call. Two pairs: without probabilities (Kiln platt_folds=0 ↔ probability=False) and with libsvm's 5-fold
# Platt scaling (Kiln's default platt_folds=5 ↔ probability=True). Each repeat runs Kiln and sklearn back to back.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
here="$root/bench/svm"
PY=/usr/bin/python3
DATA="${KILN_BENCH_DATA:-/tmp/peers}"
OUT="${KILN_BENCH_OUT:-/tmp/kiln-bench-svm-$(date +%Y%m%d-%H%M%S)}"
THREADS="${KILN_BENCH_THREADS:-2}"
ROWS="${SVM_ROWS:-10000}"
TEST="${SVM_TEST:-10000}"
C="${SVM_C:-1}"
REPEATS="${SVM_REPEATS:-2}"
export KILN_JAVA_OPTS="${KILN_JAVA_OPTS:--Xmx3g}"
mkdir -p "$OUT"
results="$OUT/results.jsonl"
: > "$results"

"$PY" "$here/prepare.py" "$DATA" "$OUT" "$ROWS" "$TEST"

kiln_svm() { # kiln_svm PLATT_FOLDS: one JSON line
  local folds=$1 model="$OUT/model-$1"
  rm -rf "$model"
  "$root/kiln" train --data "$OUT/svm_train.csv" --target label --task binary --learner svm --param "c=$C" \
      --param gamma=scale --param "platt_folds=$folds" --threads "$THREADS" --seed 0 --out "$model" --json > "$OUT/train.json"
  "$root/kiln" evaluate "$model" --data "$OUT/svm_test.csv" --json > "$OUT/evaluate.json"
  jq -c -s --argjson folds "$folds" '{system: "kiln", platt_folds: $folds, fit_s: .[0].train_s,
      accuracy: .[1].accuracy, roc_auc: .[1].roc_auc, rows_per_s: .[1].rows_per_s}' "$OUT/train.json" "$OUT/evaluate.json"
}

echo "load before: $(uptime)" | tee "$OUT/load.txt"
for rep in $(seq "$REPEATS"); do
  kiln_svm 0 | tee -a "$results"
  "$PY" "$here/sklearn_svc.py" "$OUT" "$C" scale 0 1 | tee -a "$results"
done
for rep in $(seq "$REPEATS"); do
  kiln_svm 5 | tee -a "$results"
  "$PY" "$here/sklearn_svc.py" "$OUT" "$C" scale 1 1 | tee -a "$results"
done
echo "load after: $(uptime)" | tee -a "$OUT/load.txt"
echo "results: $results"
