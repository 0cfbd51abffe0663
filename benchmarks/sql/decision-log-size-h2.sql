-- The same measurement on H2 (file database, MVStore): 1,000,000 synthetic INFERENCE-shaped rows
-- in the gateway's table; the file size after SHUTDOWN COMPACT divided by the entries.
-- Run: java -cp ~/.m2/repository/com/h2database/h2/2.3.232/h2-2.3.232.jar org.h2.tools.RunScript
--        -url jdbc:h2:/tmp/dlsize -script benchmarks/sql/decision-log-size-h2.sql ; ls -l /tmp/dlsize.mv.db
CREATE TABLE decision_log (
    seq            BIGINT        NOT NULL PRIMARY KEY,
    recorded_at_ms BIGINT        NOT NULL,
    kind           VARCHAR(32)   NOT NULL,
    caller         VARCHAR(200)  NOT NULL,
    model          VARCHAR(200)  NOT NULL,
    model_version  VARCHAR(200)  NOT NULL,
    outcome        VARCHAR(64)   NOT NULL,
    detail         VARCHAR(4000) NOT NULL,
    prev_hash      CHAR(64)      NOT NULL,
    entry_hash     CHAR(64)      NOT NULL,
    ascii_only     BOOLEAN DEFAULT FALSE NOT NULL
);
INSERT INTO decision_log
SELECT X, 1796000000000 + X, 'INFERENCE', '0x' || SUBSTRING(LOWER(RAWTOHEX(HASH('SHA-256', CAST(X AS VARCHAR)))), 1, 40),
       'iris', '3', 'served', RPAD('purpose=research policy=default ', 100, 'x'),
       LOWER(RAWTOHEX(HASH('SHA-256', CAST(X * 7 AS VARCHAR)))), LOWER(RAWTOHEX(HASH('SHA-256', CAST(X * 7 + 1 AS VARCHAR)))), FALSE
FROM SYSTEM_RANGE(1, 1000000);
SHUTDOWN COMPACT;
