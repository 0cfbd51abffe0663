-- Bytes per decision-log entry on PostgreSQL: the gateway's table (migrations V1, V3, V5 as
-- they stand) filled with 1,000,000 INFERENCE-shaped rows of realistic field lengths (a 42-char
-- caller address, model and version names, a 100-char detail, two 64-char hex hashes). The rows
-- are synthetic (hashes are not a real chain): this measures storage, not the writer.
-- Run: createdb -h 127.0.0.1 -U postgres dlsize && psql -h 127.0.0.1 -U postgres -q -d dlsize
--        -f benchmarks/sql/decision-log-size.sql; dropdb -h 127.0.0.1 -U postgres dlsize
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
SELECT s, 1796000000000 + s, 'INFERENCE', '0x' || substr(md5(s::text) || md5((s + 1)::text), 1, 40), 'iris',
       '3', 'served', rpad('purpose=research policy=default ', 100, 'x'),
       md5(s::text) || md5((s * 7)::text), md5((s + 1)::text) || md5((s * 7 + 1)::text), FALSE
FROM generate_series(1, 1000000) AS s;
VACUUM ANALYZE decision_log;
SELECT count(*) AS entries,
       pg_table_size('decision_log') AS table_bytes,
       pg_indexes_size('decision_log') AS index_bytes,
       pg_total_relation_size('decision_log') AS total_bytes,
       round(pg_total_relation_size('decision_log')::numeric / count(*), 1) AS bytes_per_entry
FROM decision_log;
