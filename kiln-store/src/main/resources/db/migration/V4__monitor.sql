-- Kiln store schema, version 4: the prediction log, feedback (true labels) and shadow predictions, for monitoring.
-- Portable SQL: runs unchanged on SQLite (3.24+) and PostgreSQL (9.5+). Times are epoch milliseconds (UTC).

-- One row per logged (sampled) prediction of a served model: inputs and outputs as JSON text.
CREATE TABLE prediction_log (
    id          VARCHAR(64)  NOT NULL PRIMARY KEY,
    model       VARCHAR(200) NOT NULL,
    version     INTEGER      NOT NULL,
    at_ms       BIGINT       NOT NULL,
    latency_us  BIGINT       NOT NULL,
    inputs      TEXT         NOT NULL,
    prediction  TEXT         NOT NULL,
    outputs     TEXT         NOT NULL,
    key_value   VARCHAR(200)
);

CREATE INDEX prediction_log_by_model ON prediction_log (model, at_ms);
CREATE INDEX prediction_log_by_key ON prediction_log (model, key_value);

-- The true label of a logged prediction, arriving any time later; a later label for the same id replaces it.
CREATE TABLE feedback (
    prediction_id VARCHAR(64)  NOT NULL PRIMARY KEY,
    model         VARCHAR(200) NOT NULL,
    label         TEXT         NOT NULL,
    at_ms         BIGINT       NOT NULL
);

CREATE INDEX feedback_by_model ON feedback (model, at_ms);

-- What another version (a challenger in shadow mode) predicted for a logged prediction's inputs, unanswered.
CREATE TABLE shadow_predictions (
    prediction_id VARCHAR(64)  NOT NULL,
    model         VARCHAR(200) NOT NULL,
    version       INTEGER      NOT NULL,
    prediction    TEXT         NOT NULL,
    outputs       TEXT         NOT NULL,
    PRIMARY KEY (prediction_id, version)
);
