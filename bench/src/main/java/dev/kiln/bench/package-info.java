/**
 * Kiln's benchmarks: JMH micro-benchmarks ({@link dev.kiln.bench.OneRowPredictBenchmark}) and timing
 * mains ({@link dev.kiln.bench.CsvReadBenchmark}) that {@code bench/run.sh} runs right before or after
 * the peers in {@code ../shared/bench}, so that figures are stated as ratios measured side by side.
 * Not part of {@code mvn verify}: build with {@code mvn -Pbench package}.
 */
package dev.kiln.bench;
