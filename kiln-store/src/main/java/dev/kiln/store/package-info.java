/**
 * Kiln's store: experiment tracking (runs with their parameters, metrics, timings and artifacts) and the
 * model registry (numbered versions per model name, with stages).
 *
 * <p>{@link dev.kiln.store.KilnStore} is the entry point. Metadata lives in a JDBC database, SQLite at
 * {@code .kiln/kiln.db} by default or PostgreSQL for a team; artifacts live on the local file system under
 * {@code .kiln/artifacts/}. The schema is created and upgraded by Flyway migrations shipped on the classpath
 * ({@code db/migration}). Every write runs in one transaction, so a crash leaves the store consistent.
 */
package dev.kiln.store;
