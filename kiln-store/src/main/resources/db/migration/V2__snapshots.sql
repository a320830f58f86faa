-- Kiln store schema, version 2: dataset snapshots. Portable SQL (SQLite and PostgreSQL).
-- A snapshot is immutable: its id is the SHA-256 of the frame's canonical encoding (dev.kiln.data.FrameDigest),
-- its rows are in artifacts/datasets/<id>.parquet. The same content is stored once, under its first name.

CREATE TABLE snapshots (
    id          VARCHAR(64)  NOT NULL PRIMARY KEY,
    name        VARCHAR(200) NOT NULL,
    row_count   BIGINT       NOT NULL,
    col_count   INTEGER      NOT NULL,
    schema_json TEXT         NOT NULL,
    source      TEXT         NOT NULL,
    created_ms  BIGINT       NOT NULL
);

CREATE INDEX snapshots_by_name ON snapshots (name, created_ms);
