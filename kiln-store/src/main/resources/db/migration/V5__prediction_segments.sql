-- Kiln store schema, version 5: the prediction log moves to columnar Parquet segments (files under the store's
-- predictions/ folder, catalogued here); feedback and shadow rows remember when their prediction was answered (for
-- windows and retention); a promotion on probation survives a server restart.
-- Portable SQL: runs unchanged on SQLite (3.24+) and PostgreSQL (9.5+). Times are epoch milliseconds (UTC).
-- The rows of prediction_log (version 4) are no longer read.

-- One Parquet file of logged predictions of one model version, written by one server (its id prefix).
CREATE TABLE prediction_segments (
    file        VARCHAR(400) NOT NULL PRIMARY KEY,
    model       VARCHAR(200) NOT NULL,
    version     INTEGER      NOT NULL,
    id_prefix   VARCHAR(64)  NOT NULL,
    min_number  BIGINT       NOT NULL,
    max_number  BIGINT       NOT NULL,
    from_ms     BIGINT       NOT NULL,
    to_ms       BIGINT       NOT NULL,
    row_count   BIGINT       NOT NULL,
    bytes       BIGINT       NOT NULL,
    schema_json TEXT         NOT NULL,
    created_ms  BIGINT       NOT NULL
);

CREATE INDEX prediction_segments_by_model ON prediction_segments (model, to_ms);
CREATE INDEX prediction_segments_by_prefix ON prediction_segments (id_prefix, min_number);

ALTER TABLE feedback ADD COLUMN version INTEGER;
ALTER TABLE feedback ADD COLUMN prediction_at_ms BIGINT;
CREATE INDEX feedback_by_prediction_time ON feedback (model, prediction_at_ms);

ALTER TABLE shadow_predictions ADD COLUMN prediction_at_ms BIGINT;

-- A promoted model on probation: rolled back to the previous champion if its live metric falls more than the margin
-- below that champion's, over the same labelled rows.
CREATE TABLE probation (
    model      VARCHAR(200)     NOT NULL PRIMARY KEY,
    promoted   INTEGER          NOT NULL,
    previous   INTEGER          NOT NULL,
    margin     DOUBLE PRECISION NOT NULL,
    since_ms   BIGINT           NOT NULL
);
