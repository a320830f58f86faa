#!/usr/bin/env bash
# Issue 6: Kiln's mlp and kmeans side by side with scikit-learn, each fit timed alone on data in memory,
# Kiln and the peer alternating, REPEATS rounds, with the load average after each fit. Kiln's JVM fits twice per
# round (the first fit includes JIT compilation, the second is warm).
# usage: bench/neural_cluster.sh [mlp] [kmeans]     (no argument: both)
# env:   KILN_BENCH_DATA (default /tmp/peers: synth_100k_train/test.csv, synth_1m.csv), KILN_BENCH_OUT (default
#        /tmp/kiln-nn-TIME), KILN_BENCH_THREADS (default 2), REPEATS (default 3), EPOCHS (default 10)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PY=/usr/bin/python3
DATA="${KILN_BENCH_DATA:-/tmp/peers}"
OUT="${KILN_BENCH_OUT:-/tmp/kiln-nn-$(date +%Y%m%d-%H%M%S)}"
THREADS="${KILN_BENCH_THREADS:-2}"
REPEATS="${REPEATS:-3}"
EPOCHS="${EPOCHS:-10}"
mkdir -p "$OUT"
results="$OUT/results.jsonl"
cp="$root/kiln-cli/target/kiln-cli.jar:$root/kiln-cli/target/lib/*"
log() { echo "bench: $*" >&2; }
load() { cut -d' ' -f1-3 /proc/loadavg; }
record() { while read -r line; do echo "${line%\}}, \"load\": \"$(load)\"}" | tee -a "$results"; done; }

[ -f "$root/kiln-cli/target/kiln-cli.jar" ] || (cd "$root" && mvn -q -B -o -pl kiln-cli -am package -Dmaven.test.skip=true)
export OMP_NUM_THREADS="$THREADS" OPENBLAS_NUM_THREADS="$THREADS"

mlp() {
  for r in $(seq "$REPEATS"); do
    log "mlp round $r, load $(load)"
    java -Xmx3g -cp "$cp" "$root/bench/MlpKmeansBench.java" mlp "$DATA/synth_100k_train.csv" 64,32 200 "$EPOCHS" "$THREADS" 2 | record
    "$PY" "$root/bench/scripts/mlp_peer.py" "$DATA/synth_100k_train.csv" "$DATA/synth_100k_test.csv" 64,32 200 "$EPOCHS" | record
  done
}

kmeans() {
  [ -f "$OUT/synth10_1m.csv" ] || "$PY" -c "import pandas as pd; pd.read_csv('$DATA/synth_1m.csv', usecols=[f'f{i}' for i in range(5, 15)]).to_csv('$OUT/synth10_1m.csv', index=False)"
  [ -f "$OUT/blobs_1m.csv" ] || "$PY" "$root/bench/scripts/blobs.py" "$OUT/blobs_1m.csv" 1000000 10 8
  for file in synth10_1m blobs_1m; do
    for r in $(seq "$REPEATS"); do
      log "kmeans $file round $r, load $(load)"
      java -Xmx3g -cp "$cp" "$root/bench/MlpKmeansBench.java" kmeans "$OUT/$file.csv" 8 300 "$THREADS" 2 | sed "s/\"job\": \"kmeans\"/\"job\": \"kmeans_$file\"/" | record
      "$PY" "$root/bench/scripts/kmeans_peer.py" "$OUT/$file.csv" 8 300 | sed "s/\"job\": \"kmeans\"/\"job\": \"kmeans_$file\"/" | record
    done
  done
}

stages=("$@"); [ ${#stages[@]} -gt 0 ] || stages=(mlp kmeans)
log "results in $OUT; $(nproc) cores, load $(load)"
for stage in "${stages[@]}"; do "$stage"; done
