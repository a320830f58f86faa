-- Kiln store schema, version 3: run provenance, model aliases and the audit log. Portable SQL: runs unchanged on
-- SQLite (3.24+) and PostgreSQL (9.5+). Numbered 3 because version 2 belongs to dataset snapshots.

-- Files a run left in its artifact directory: JSON list of {path, size, sha256}, relative to that directory.
ALTER TABLE runs ADD COLUMN artifacts TEXT;
-- The process that runs it, so that a run whose process died can be told from one still running.
ALTER TABLE runs ADD COLUMN host VARCHAR(255);
ALTER TABLE runs ADD COLUMN pid BIGINT;
ALTER TABLE runs ADD COLUMN user_name VARCHAR(200);

CREATE INDEX runs_by_name ON runs (name, started_ms);

-- Named pointers to versions (champion, challenger, production, ...): at most one version per alias and model.
CREATE TABLE model_aliases (
    name       VARCHAR(200) NOT NULL REFERENCES models (name),
    alias      VARCHAR(64)  NOT NULL,
    version    INTEGER      NOT NULL,
    updated_ms BIGINT       NOT NULL,
    PRIMARY KEY (name, alias),
    FOREIGN KEY (name, version) REFERENCES model_versions (name, version)
);

-- Stores from before aliases: the legacy stages production and staging become aliases of those names.
INSERT INTO model_aliases (name, alias, version, updated_ms)
    SELECT name, 'production', version, created_ms FROM model_versions WHERE stage = 'production';
INSERT INTO model_aliases (name, alias, version, updated_ms)
    SELECT name, 'staging', MAX(version), MAX(created_ms) FROM model_versions WHERE stage = 'staging' GROUP BY name;

-- Every move of an alias, in order per model; rollback undoes the newest move not yet undone.
CREATE TABLE alias_moves (
    name         VARCHAR(200) NOT NULL REFERENCES models (name),
    seq          INTEGER      NOT NULL,
    alias        VARCHAR(64)  NOT NULL,
    from_version INTEGER,
    to_version   INTEGER,
    undone       BOOLEAN      NOT NULL,
    moved_ms     BIGINT       NOT NULL,
    PRIMARY KEY (name, seq)
);

-- Every change to the registry and the artifact tree: what, when, who, why.
CREATE TABLE audit_log (
    id         VARCHAR(64)  NOT NULL PRIMARY KEY,
    at_ms      BIGINT       NOT NULL,
    actor      VARCHAR(200) NOT NULL,
    action     VARCHAR(32)  NOT NULL,
    model      VARCHAR(200),
    version    INTEGER,
    alias      VARCHAR(64),
    run_id     VARCHAR(64),
    detail     TEXT,
    reason     TEXT
);

CREATE INDEX audit_by_time ON audit_log (at_ms, id);
CREATE INDEX audit_by_model ON audit_log (model, at_ms);
