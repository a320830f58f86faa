/**
 * Kiln's store: experiment tracking (runs with their parameters, metrics, timings and artifacts) and the
 * model registry (numbered versions per model name, with aliases that move, such as {@code champion}), with an
 * audit log of every change and garbage collection of unreferenced artifacts.
 *
 * <p>{@link dev.kiln.store.KilnStore} is the entry point. Metadata lives in a JDBC database, SQLite at
 * {@code .kiln/kiln.db} by default or PostgreSQL for a team; artifacts live on the local file system under
 * {@code .kiln/artifacts/}. The schema is created and upgraded by Flyway migrations shipped on the classpath
 * ({@code db/migration}). Every write runs in one transaction, so a crash leaves the store consistent.
 *
 * <p>Stages ({@code none}, {@code staging}, {@code production}, {@code archived}) are legacy: aliases are the
 * mechanism, {@code @production} and {@code @staging} keep working as aliases, and {@code archived} marks a
 * retired version. A run whose process died stays {@code running} in the store; {@link dev.kiln.store.Run#stale()}
 * tells, from the host and pid recorded at start, that it will never finish.
 */
package dev.kiln.store;
