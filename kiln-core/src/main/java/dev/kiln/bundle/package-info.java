/**
 * The model bundle: one directory with {@code manifest.json} (format version, schema, metrics,
 * lineage, checksums), {@code pipeline.json} (fitted steps and model), {@code reference.json} (drift
 * reference) and binary side files for large arrays. Bundles are data, never code.
 */
package dev.kiln.bundle;
