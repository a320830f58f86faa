#!/usr/bin/env bash
# Issue 6 quality: each issue-6 learner against its scikit-learn equivalent on the datasets of ../shared/datasets,
# both fitted on the same prepared files (issue6_peers.py prepare: the split of peers_quality.py, one-hot, median,
# standardised; see its docstring) and scored on the same test rows. Quality only, not timings.
# usage: bench/quality/issue6.sh [OUT_DIR [name ...]]   env: KILN (the kiln command, default ./kiln), MAX_TRAIN (5000)
# Prints one row per dataset, learner and metric (Kiln, scikit-learn, Kiln - scikit-learn); raw lines in
# OUT_DIR/results.jsonl, the table in OUT_DIR/table.md (TABLE_ONLY=1 rebuilds it from results.jsonl).
#   supervised (svm, linear_svm, knn, naive_bayes, mlp): `kiln train --task T --learner L` (defaults, which follow
#     scikit-learn's) then `kiln evaluate` on the test rows: accuracy and ROC AUC (binary) or log loss (multiclass),
#     RMSE (regression); scikit-learn: SVC(probability=True)/SVR, LinearSVC/LinearSVR (ROC AUC from its decision
#     function, no log loss), KNeighbors*(5), GaussianNB, MLP*(100, adam, batch 200, early stopping as Kiln's).
#   kmeans (k = classes, 3 starts), dbscan (eps = median 5th-neighbour distance, min_samples 5), isolation_forest
#     (100 trees, 256 samples) on the training rows of the classification datasets, through `kiln predict`.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
here="$root/bench/quality"
PY=/usr/bin/python3
export PYTHONWARNINGS=ignore
OUT="${1:-/tmp/kiln-quality-issue6}"
shift $(( $# > 0 ? 1 : 0 ))
kiln="${KILN:-$root/kiln}"
export KILN_JAVA_OPTS="${KILN_JAVA_OPTS:--Xmx2g}"
mkdir -p "$OUT"
results="$OUT/results.jsonl"

table() { # the table: one row per dataset, learner and metric that both systems report
  jq -s -r '
    def f: if . == null then "-" else (. * 10000 | round / 10000 | tostring) end;
    group_by(.dataset + "/" + .learner)[] as $g
    | ($g | map(select(.system == "kiln"))[0] // {}) as $k | ($g | map(select(.system == "sklearn"))[0] // {}) as $s
    | ($k | keys - ["system", "dataset", "learner"])[] as $m
    | select($s[$m] != null or ($m | test("vs_sklearn")))
    | "| \($g[0].dataset) | \($g[0].learner) | \($m) | \($k[$m] | f) | \($s[$m] | f) | \(if $s[$m] == null or $k[$m] == null then "-" else ($k[$m] - $s[$m] | f) end) |"
  ' "$results" > "$OUT/rows.md"
  { echo "| dataset | learner | metric | Kiln | scikit-learn | Kiln − sklearn |"; echo "|---|---|---|---|---|---|"; cat "$OUT/rows.md"; } > "$OUT/table.md"
  cat "$OUT/table.md"
}
if [ -n "${TABLE_ONLY:-}" ]; then table; exit 0; fi   # TABLE_ONLY=1: the table of an earlier run's results.jsonl

"$PY" "$here/issue6_peers.py" prepare "$OUT" "${MAX_TRAIN:-5000}"
names=("$@")
[ ${#names[@]} -gt 0 ] || mapfile -t names < <(jq -r '.[].name' "$OUT/index.json")
: > "$results"
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)" | tee "$OUT/load.txt"

kiln_supervised() { # NAME TASK LEARNER [--param k=v ...]
  local name=$1 task=$2 learner=$3; shift 3
  local model="$OUT/models/$name-$learner"
  rm -rf "$model"
  "$kiln" train --data "$OUT/$name/train.csv" --target target --task "$task" --learner "$learner" "$@" --seed 0 \
      --threads 2 --out "$model" --json > "$OUT/train.json" 2> "$OUT/train.err" || { cat "$OUT/train.err" >&2; return 0; }
  "$kiln" evaluate "$model" --data "$OUT/$name/test.csv" --json \
    | jq -c --arg d "$name" --arg l "$learner" --arg t "$task" '{system: "kiln", dataset: $d, learner: $l}
        + (if $t == "regression" then {rmse} elif $t == "binary" then {accuracy, roc_auc} else {accuracy, log_loss} end)'
}

kiln_unsupervised() { # NAME TASK LEARNER [--param k=v ...]
  local name=$1 task=$2 learner=$3; shift 3
  local model="$OUT/models/$name-$learner"
  rm -rf "$model"
  "$kiln" train --data "$OUT/$name/train.csv" --drop target --task "$task" --learner "$learner" "$@" --seed 0 \
      --threads 2 --out "$model" --json > "$OUT/train.json" 2> "$OUT/train.err" || { cat "$OUT/train.err" >&2; return 0; }
  "$kiln" predict "$model" --data "$OUT/$name/train.csv" --out "$OUT/$name/kiln_$learner.csv" > /dev/null 2>&1
  "$PY" "$here/issue6_peers.py" score "$OUT" "$name" "$learner" "$OUT/$name/kiln_$learner.csv"
}

for name in "${names[@]}"; do
  task=$(jq -r --arg n "$name" '.[] | select(.name == $n) | .task' "$OUT/index.json")
  classes=$(jq -r --arg n "$name" '.[] | select(.name == $n) | .classes' "$OUT/index.json")
  eps=$(jq -r --arg n "$name" '.[] | select(.name == $n) | .eps' "$OUT/index.json")
  learners=(svm linear_svm knn mlp)
  [ "$task" = regression ] || learners+=(naive_bayes)
  for learner in "${learners[@]}"; do
    extra=()
    [ "$learner" = naive_bayes ] && extra=(--param kind=gaussian)
    kiln_supervised "$name" "$task" "$learner" "${extra[@]}" | tee -a "$results"
    "$PY" "$here/issue6_peers.py" peer "$OUT" "$name" "$learner" | tee -a "$results"
  done
  if [ "$task" != regression ]; then
    "$PY" "$here/issue6_peers.py" peer "$OUT" "$name" kmeans | tee -a "$results"
    kiln_unsupervised "$name" clustering kmeans --param "k=$classes" --param n_init=3 | tee -a "$results"
    "$PY" "$here/issue6_peers.py" peer "$OUT" "$name" dbscan | tee -a "$results"
    kiln_unsupervised "$name" clustering dbscan --param "eps=$eps" --param min_samples=5 | tee -a "$results"
    "$PY" "$here/issue6_peers.py" peer "$OUT" "$name" isolation_forest | tee -a "$results"
    kiln_unsupervised "$name" anomaly isolation_forest --param trees=100 --param max_samples=256 | tee -a "$results"
  fi
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$OUT/load.txt"
table
