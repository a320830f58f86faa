#!/usr/bin/env bash
# k-nearest neighbours and Gaussian naive Bayes: Kiln against scikit-learn on holdouts of shared datasets (issue 6).
# usage: bench/neighbors_bayes/run.sh     env: KILN_DATASETS (/work/shared/datasets), KILN_BENCH_OUT (/tmp/kiln-bench-nb-TIME)
# Each dataset is split once (stratified 70/30, seed 0) by split_and_peers.py, which also fits the peers; Kiln trains on
# the same train file with `kiln train` (knn standardises inside, like the peers' StandardScaler) and is scored on the
# same test file with `kiln evaluate`. Quality only: these files are far too small for timings to mean anything.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
here="$root/bench/neighbors_bayes"
PY=/usr/bin/python3
SETS="${KILN_DATASETS:-/work/shared/datasets}"
OUT="${KILN_BENCH_OUT:-/tmp/kiln-bench-nb-$(date +%Y%m%d-%H%M%S)}"
mkdir -p "$OUT"
results="$OUT/results.jsonl"
: > "$results"

kiln_job() { # kiln_job NAME TARGET TASK LEARNER LABEL [--param k=v]
  local name=$1 target=$2 task=$3 learner=$4 label=$5; shift 5
  local model="$OUT/model-$name-$label"
  rm -rf "$model"
  "$root/kiln" train --data "$OUT/${name}_train.csv" --target "$target" --task "$task" --learner "$learner" "$@" \
      --seed 0 --out "$model" --json > "$OUT/train.json"
  "$root/kiln" evaluate "$model" --data "$OUT/${name}_test.csv" --json \
    | jq -c --arg d "$name" --arg l "$label" '{system: "kiln", dataset: $d, learner: $l, accuracy: (.accuracy * 10000 | round / 10000),
        log_loss: (.log_loss * 10000 | round / 10000)}'
}

for spec in "iris species multiclass" "wine cultivar multiclass" "pima_diabetes outcome binary"; do
  set -- $spec
  "$PY" "$here/split_and_peers.py" "$SETS/$1.csv" "$2" "$1" "$OUT" | tee -a "$results"
  kiln_job "$1" "$2" "$3" knn knn | tee -a "$results"
  kiln_job "$1" "$2" "$3" knn knn_distance --param weights=distance | tee -a "$results"
  kiln_job "$1" "$2" "$3" naive_bayes naive_bayes --param kind=gaussian | tee -a "$results"
done
echo "results: $results"
