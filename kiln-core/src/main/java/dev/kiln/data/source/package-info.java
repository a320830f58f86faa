/**
 * Where data comes from: the sealed {@link dev.kiln.data.source.Source} and one record per kind of source (files,
 * databases, HTTP APIs, MQTT, logs, SQL across sources), each read into a {@link dev.kiln.data.Frame}; and the
 * Parquet files that dataset snapshots are stored in. DuckDB is the embedded engine for Parquet and SQL.
 *
 * <p>Errors: bad data or a bad query raises {@link dev.kiln.data.InvalidDataException} (the CLI exits 2); a
 * server that cannot be reached, refused credentials or an HTTP error after its retries raise
 * {@link dev.kiln.data.source.SourceException} (exit 1). Both name the source by {@link Source#describe()}, which
 * never holds a secret: credentials are read from environment variables named in the source and never printed
 * or stored.
 */
package dev.kiln.data.source;
