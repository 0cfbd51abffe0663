-- Bytes per decision-log entry on PostgreSQL: the gateway's own table (its common migrations
-- V1, V3 and V5, applied first by the command below) filled with 1,000,000 INFERENCE-shaped rows
-- of realistic field lengths (a 42-char caller address, model and version names, a 100-char
-- detail, two 64-char hex hashes). The rows are synthetic (hashes are not a real chain): this
-- measures storage, not the writer. Run from the repository root:
--   M=model-gateway/src/main/resources/db/migration/common
--   createdb -h 127.0.0.1 -U postgres dlsize && psql -h 127.0.0.1 -U postgres -q -d dlsize -f $M/V1__audit_log.sql
--     -f $M/V3__audit_log_ascii_only_flag.sql -f $M/V5__decision_log_renamed.sql -f benchmarks/sql/decision-log-size.sql
--   dropdb -h 127.0.0.1 -U postgres dlsize
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
