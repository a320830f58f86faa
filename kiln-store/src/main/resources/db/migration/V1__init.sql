-- Kiln store schema, version 1. Portable SQL: runs unchanged on SQLite (3.24+) and PostgreSQL (9.5+).
-- Times are epoch milliseconds (UTC); maps are JSON text.

CREATE TABLE runs (
    id           VARCHAR(64)  NOT NULL PRIMARY KEY,
    name         VARCHAR(200) NOT NULL,
    status       VARCHAR(16)  NOT NULL CHECK (status IN ('running', 'finished', 'failed')),
    started_ms   BIGINT       NOT NULL,
    finished_ms  BIGINT,
    spec_hash    VARCHAR(128),
    data_hash    VARCHAR(128),
    kiln_version VARCHAR(64),
    params       TEXT         NOT NULL,
    metrics      TEXT         NOT NULL,
    timings      TEXT         NOT NULL
);

CREATE INDEX runs_by_start ON runs (started_ms, id);

-- One row per model name; the row lock on it orders concurrent registrations and promotions.
CREATE TABLE models (
    name           VARCHAR(200) NOT NULL PRIMARY KEY,
    latest_version INTEGER      NOT NULL,
    created_ms     BIGINT       NOT NULL
);

CREATE TABLE model_versions (
    name        VARCHAR(200) NOT NULL REFERENCES models (name),
    version     INTEGER      NOT NULL,
    run_id      VARCHAR(64)  REFERENCES runs (id),
    bundle_path TEXT         NOT NULL,
    stage       VARCHAR(16)  NOT NULL CHECK (stage IN ('none', 'staging', 'production', 'archived')),
    accepted    BOOLEAN      NOT NULL,
    created_ms  BIGINT       NOT NULL,
    metrics     TEXT         NOT NULL,
    PRIMARY KEY (name, version)
);

-- At most one production version per model, whatever the writers do.
CREATE UNIQUE INDEX model_versions_one_production ON model_versions (name) WHERE stage = 'production';
