#!/usr/bin/env bash
# Model-quality benchmark: `kiln train --learner auto` on the fixed train/test splits written by
# ../shared/bench/quality/peers_quality.py, scored with `kiln evaluate` on the test rows, next to the
# best peer of peers.json (ROC-AUC for binary, log loss for multiclass, RMSE for regression).
#
# usage: bench/quality/run.sh [SPLITS_DIR [BUDGET [name ...]]]
#   SPLITS_DIR  folder with NAME/train.csv, NAME/test.csv and peers.json (default: /tmp/quality; make it with
#               /usr/bin/python3 /work/shared/bench/quality/peers_quality.py /work /tmp/quality)
#   BUDGET      the search budget per dataset (default: 2m)
# Writes SPLITS_DIR/kiln/NAME/{model,train.json,eval.json} and prints one table row per dataset.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
splits="${1:-/tmp/quality}"
budget="${2:-2m}"
shift $(( $# > 2 ? 2 : $# )) || true
datasets_json="${DATASETS_JSON:-/work/shared/bench/quality/datasets.json}"
peers="$splits/peers.json"
[ -f "$peers" ] || { echo "no $peers: run peers_quality.py first (see the usage above)" >&2; exit 2; }
export KILN_JAVA_OPTS="${KILN_JAVA_OPTS:--Xmx3g}"
kiln="${KILN:-$root/kiln}"   # KILN=path/to/kiln runs another build (for instance a frozen copy while editing)
names=("$@")
if [ ${#names[@]} -eq 0 ]; then
  mapfile -t names < <(jq -r 'keys_unsorted[]' "$peers")
fi
echo "load: $(uptime | sed 's/.*load average: //')"
printf '%-20s %-10s %-8s %9s %9s %-15s %8s %7s %-7s %7s %9s %6s %s\n' dataset task metric kiln best_peer peer delta se verdict wall_s tuned_s trials chosen
for name in "${names[@]}"; do
  task=$(jq -r --arg n "$name" '.[] | select(.name == $n) | .task' "$datasets_json")
  target=$(jq -r --arg n "$name" '.[] | select(.name == $n) | .target' "$datasets_json")
  missing=()
  while read -r token; do
    [ -n "$token" ] && missing+=(--missing "$token")
  done < <(jq -r --arg n "$name" '.[] | select(.name == $n) | (.na // [])[]' "$datasets_json")
  case "$task" in
    binary) metric=roc_auc; better=higher ;;
    multiclass) metric=log_loss; better=lower ;;
    *) metric=rmse; better=lower ;;
  esac
  out="$splits/kiln/$name"
  rm -rf "$out"
  mkdir -p "$out"
  start=$(date +%s.%N)
  if ! "$kiln" train --data "$splits/$name/train.csv" --target "$target" --learner auto --budget "$budget" --seed 1 \
      "${missing[@]}" --out "$out/model" --json >"$out/train.json" 2>"$out/train.err"; then
    echo "$name: kiln train failed (see $out/train.err)" >&2
    continue
  fi
  wall=$(echo "$(date +%s.%N) - $start" | bc)
  "$kiln" evaluate "$out/model" --data "$splits/$name/test.csv" "${missing[@]}" --json >"$out/eval.json" 2>"$out/eval.err"
  score=$(jq -r --arg m "$metric" '.[$m]' "$out/eval.json")
  if [ "$better" = higher ]; then
    peer=$(jq -r --arg n "$name" --arg m "$metric" '.[$n].peers | to_entries | max_by(.value[$m]) | "\(.key) \(.value[$m])"' "$peers")
  else
    peer=$(jq -r --arg n "$name" --arg m "$metric" '.[$n].peers | to_entries | min_by(.value[$m]) | "\(.key) \(.value[$m])"' "$peers")
  fi
  peer_name=${peer% *}
  peer_value=${peer#* }
  delta=$(echo "$score - $peer_value" | bc -l)
  "$kiln" predict "$out/model" --data "$splits/$name/test.csv" "${missing[@]}" --out "$out/predictions.csv" >/dev/null 2>&1
  se=$(/usr/bin/python3 "$root/bench/quality/noise.py" "$splits/$name/test.csv" "$out/predictions.csv" "$target" "$metric")
  # within the noise: no worse than the best peer by more than one bootstrap standard error of Kiln's test metric
  if [ "$better" = higher ]; then ok=$(echo "$score >= $peer_value - $se" | bc -l); else ok=$(echo "$score <= $peer_value + $se" | bc -l); fi
  if [ "$better" = higher ]; then win=$(echo "$score >= $peer_value" | bc -l); else win=$(echo "$score <= $peer_value" | bc -l); fi
  verdict=$([ "$win" = 1 ] && echo better || { [ "$ok" = 1 ] && echo noise || echo worse; })
  tuned_s=$(jq -r --arg n "$name" '.[$n].peers.hist_gbm_tuned.fit_s' "$peers")
  trials=$(jq -r '.trials' "$out/train.json")
  chosen=$(jq -r '.chosen' "$out/train.json")
  printf '%-20s %-10s %-8s %9.4f %9.4f %-15s %+8.4f %7.4f %-7s %7.1f %9.1f %6s %s\n' "$name" "$task" "$metric" "$score" \
    "$peer_value" "$peer_name" "$delta" "$se" "$verdict" "$wall" "$tuned_s" "$trials" "$chosen"
done
echo "load: $(uptime | sed 's/.*load average: //')"
