/**
 * Model evaluation: the {@link dev.kiln.eval.Metric} names used in specs, their computation in
 * {@link dev.kiln.eval.Metrics}, and seeded train/validation/test splits from {@link dev.kiln.eval.Splitter}.
 * Everything here is stateless and deterministic; nothing mutates its input.
 */
package dev.kiln.eval;
