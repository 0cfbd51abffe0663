-- Append-only, hash-chained audit trail: each entry's hash covers its fields and the
-- previous entry's hash, so any edit or deletion breaks every later link.
CREATE TABLE audit_log (
    seq            BIGINT        NOT NULL PRIMARY KEY,
    recorded_at_ms BIGINT        NOT NULL,
    kind           VARCHAR(32)   NOT NULL,
    caller         VARCHAR(200)  NOT NULL,
    model          VARCHAR(200)  NOT NULL,
    model_version  VARCHAR(200)  NOT NULL,
    outcome        VARCHAR(64)   NOT NULL,
    detail         VARCHAR(4000) NOT NULL,
    prev_hash      CHAR(64)      NOT NULL,
    entry_hash     CHAR(64)      NOT NULL
);

-- One row: the chain's head. Writers lock it, so replicas sharing a database extend one chain.
CREATE TABLE audit_head (
    id         INT      NOT NULL PRIMARY KEY,
    seq        BIGINT   NOT NULL,
    entry_hash CHAR(64) NOT NULL
);
INSERT INTO audit_head (id, seq, entry_hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
