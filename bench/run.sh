#!/usr/bin/env bash
# Kiln side by side with its peers on this machine. See bench/README.md.
# usage: bench/run.sh [csv] [parquet] [explore] [learners] [jmh]      (no argument: all)
# env:   KILN_BENCH_DATA (default /tmp/peers), KILN_BENCH_OUT (default /tmp/kiln-bench-TIME),
#        KILN_PEERS (default /work/shared/bench), KILN_BENCH_THREADS (default 2), KILN_BENCH_LEARNERS (default: all)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PY=/usr/bin/python3                                   # Debian's Python: it has pandas, scikit-learn, xgboost
PEERS="${KILN_PEERS:-/work/shared/bench}"
DATA="${KILN_BENCH_DATA:-/tmp/peers}"
OUT="${KILN_BENCH_OUT:-/tmp/kiln-bench-$(date +%Y%m%d-%H%M%S)}"
THREADS="${KILN_BENCH_THREADS:-2}"
JVM_PEERS="${KILN_JVM_PEERS:-/tmp/kiln-jvm-peers}"    # a copy: ../shared is read-only
results="$OUT/results.jsonl"
bench_cp="$root/bench/target/kiln-bench.jar:$root/bench/target/lib/*"
mkdir -p "$OUT"
log() { echo "bench: $*" >&2; }

build() {
  log "building kiln and bench/ (mvn -Pbench package)"
  (cd "$root" && mvn -q -B -o -Pbench -pl kiln-cli,bench -am package -DskipTests -Dmaven.test.skip=true)
  touch "$root/kiln-cli/target/.kiln-built"
}

data() {
  if [ ! -f "$DATA/synth_1m.csv" ]; then
    log "generating the synthetic files (gen_data.py, ~5 min)"
    "$PY" "$PEERS/peers/gen_data.py" >&2
    [ "$DATA" = /tmp/peers ] || { mkdir -p "$DATA"; cp /tmp/peers/synth_1m.csv /tmp/peers/synth_100k.csv /tmp/peers/reg_1m.csv "$DATA/"; }
  fi
  for f in synth_1m synth_100k reg_1m; do
    [ -f "$DATA/${f}_test.csv" ] || { log "splitting $f"; "$PY" "$PEERS/peers/split.py" "$DATA/$f.csv" >&2; }
  done
}

# tag SYSTEM KIND JOB: adds the fields the table groups by to every JSON line on stdin, appends to results
tag() { jq -c --arg s "$1" --arg k "$2" --arg j "${3:-}" '. + {system: $s, kind: $k, job: $j}' | tee -a "$results"; }

load() { cut -d' ' -f1-3 /proc/loadavg; }

# heap limit at twice the frame's own arrays (240 bytes a row: 29 doubles + 2 codes), so a read that needs more fails
csv_xmx() { case "$1" in synth_100k) echo 48m ;; *) echo 480m ;; esac; }

csv() {
  for f in synth_100k synth_1m; do
    log "CSV read: $f (Kiln with -Xmx$(csv_xmx "$f"), then pandas), load $(load)"
    java -Xmx"$(csv_xmx "$f")" -Xlog:gc:file="$OUT/gc-csv-$f.log" -cp "$bench_cp" dev.kiln.bench.CsvReadBenchmark "$DATA/$f.csv" 3 \
      | jq -c --arg l "$(load)" '. + {load: $l}' | tag kiln csv
    "$PY" "$PEERS/peers/read_peers.py" "$DATA/$f.csv" | jq -c --arg l "$(load)" '. + {load: $l}' | tag pandas csv
  done
}

parquet() {
  log "Parquet snapshot write and read vs CSV read: synth_1m, load $(load)"
  java -Xmx2g -cp "$bench_cp" dev.kiln.bench.ParquetBenchmark "$DATA/synth_1m.csv" 3 | jq -c --arg l "$(load)" '. + {load: $l}' | tag kiln parquet
}

explore() {
  log "Explore (profile after the read): Kiln, then pandas describe(include=all) + corr(), load $(load)"
  java -Xmx3g -cp "$bench_cp" dev.kiln.bench.ExploreBenchmark "$DATA/synth_1m.csv" 3 | jq -c --arg l "$(load)" '. + {load: $l}' | tag kiln explore
  "$PY" "$root/bench/scripts/explore_peer.py" "$DATA/synth_1m.csv" | jq -c --arg l "$(load)" '. + {load: $l}' | tag pandas explore
}

# kiln_learner JOB LEARNER DATA_STEM TARGET [--param k=v ...]: kiln train + kiln evaluate, one merged line
kiln_learner() {
  local job=$1 learner=$2 stem=$3 target=$4; shift 4
  local model="$OUT/models/$job"
  rm -rf "$model"; mkdir -p "$OUT/models"
  log "kiln train $learner on ${stem}_train.csv $*"
  # peak resident memory of the whole train process (data included), as the peers report theirs
  /usr/bin/time -f '%M' -o "$OUT/$job.rss_kb" "$root/kiln" train --data "$DATA/${stem}_train.csv" --target "$target" \
      --learner "$learner" --threads "$THREADS" --seed 0 "$@" --out "$model" --json > "$OUT/$job.train.json"
  "$root/kiln" evaluate "$model" --data "$DATA/${stem}_test.csv" --json > "$OUT/$job.evaluate.json"
  jq -c -s --argjson rss "$(tail -1 "$OUT/$job.rss_kb")" \
      '.[0] + {test_rows: .[1].rows, peak_rss_mb: ($rss / 1024 | floor)} + (.[1] | del(.rows, .model, .task))' \
      "$OUT/$job.train.json" "$OUT/$job.evaluate.json" | tag kiln learner "$job"
}

jvm_peer() { # jvm_peer JOB LIB STEM LABEL
  if [ ! -f "$JVM_PEERS/target/jvm-peers.jar" ]; then
    log "building jvm-peers in $JVM_PEERS"
    rm -rf "$JVM_PEERS"; cp -r "$PEERS/jvm-peers" "$JVM_PEERS"; (cd "$JVM_PEERS" && mvn -q -B package) >&2
  fi
  log "jvm-peers $2 on $3"
  java -jar "$JVM_PEERS/target/jvm-peers.jar" --lib "$2" --train "$DATA/${3}_train.csv" --test "$DATA/${3}_test.csv" \
      --label "$4" --trees 100 --depth 6 --lr 0.3 --bins 256 --threads "$THREADS" | tag "$2 (jvm)" peer "$1"
}

py_peer() { # py_peer JOB MODEL STEM [MAX_ROWS]
  log "train_peers.py $2 on $3"
  if [ "$2" = lr ]; then "$PY" "$root/bench/scripts/lr_peer.py" "$DATA/$3.csv" | tag "sklearn lr" peer "$1"
  else "$PY" "$PEERS/peers/train_peers.py" "$2" "$DATA/$3.csv" ${4:-} | tag "python $2" peer "$1"; fi
}

learners() {
  local names
  names="${KILN_BENCH_LEARNERS:-$(java -cp "$bench_cp" dev.kiln.bench.LearnerNames | tr '\n' ' ')}"
  log "learners: $names"
  for learner in $names; do
    case "$learner" in
      logistic)
        kiln_learner logistic_800k logistic synth_1m label --param tolerance=1e-4
        py_peer logistic_800k lr synth_1m ;;
      tree)
        kiln_learner tree_800k tree synth_1m label --param max_depth=8 ;;
      gbm)
        # the peers' settings: depth 6 and 63 leaves (LightGBM's num_leaves, XGBoost's depth-6 bound), 255 value
        # bins + 1 for missing values = the peers' max_bin 256
        kiln_learner gbm_800k gbm synth_1m label --param trees=100 --param max_depth=6 --param learning_rate=0.3 \
            --param max_bins=255 --param max_leaves=63
        jvm_peer gbm_800k xgboost synth_1m label
        jvm_peer gbm_800k lightgbm synth_1m label
        py_peer gbm_800k xgb synth_1m
        py_peer gbm_800k hgb synth_1m
        kiln_learner gbm_reg_800k gbm reg_1m target --param trees=100 --param max_depth=6 --param learning_rate=0.3 \
            --param max_bins=255 --param max_leaves=63
        jvm_peer gbm_reg_800k xgboost reg_1m target
        jvm_peer gbm_reg_800k lightgbm reg_1m target ;;
      random_forest)
        kiln_learner random_forest_80k random_forest synth_100k label --param trees=100
        py_peer random_forest_80k rf synth_100k ;;
      extra_trees)
        kiln_learner extra_trees_80k extra_trees synth_100k label --param trees=100 ;;
      *) log "no benchmark for learner '$learner'" ;;
    esac
  done
}

jmh() {
  log "JMH: one-row predictRow latency and allocation (-prof gc)"
  java -cp "$bench_cp" org.openjdk.jmh.Main OneRowPredict -prof gc -rf json -rff "$OUT/jmh.json" | tee "$OUT/jmh.txt" \
    | grep -E "^OneRow|gc.alloc.rate.norm|p0.50" >&2 || true
}

stages=("$@"); [ ${#stages[@]} -gt 0 ] || stages=(csv parquet explore learners jmh)
log "results in $OUT; machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
build
"$root/kiln" --version > /dev/null   # the launcher writes its class archive now, not at the end of a measured command
data
for stage in "${stages[@]}"; do "$stage"; done
[ -s "$results" ] && "$PY" "$root/bench/scripts/table.py" "$results" | tee "$OUT/table.txt"
