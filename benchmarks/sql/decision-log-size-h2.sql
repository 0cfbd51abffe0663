-- The same measurement on H2 (file database, MVStore): the gateway's common migrations first,
-- then 1,000,000 synthetic INFERENCE-shaped rows; the file size after SHUTDOWN COMPACT divided by
-- the entries. Run from the repository root:
--   M=model-gateway/src/main/resources/db/migration/common
--   H2=~/.m2/repository/com/h2database/h2/2.3.232/h2-2.3.232.jar
--   for s in $M/V1__audit_log.sql $M/V3__audit_log_ascii_only_flag.sql $M/V5__decision_log_renamed.sql \
--       benchmarks/sql/decision-log-size-h2.sql; do java -cp $H2 org.h2.tools.RunScript -url jdbc:h2:/tmp/dlsize -script $s; done
--   ls -l /tmp/dlsize.mv.db; rm /tmp/dlsize.mv.db
INSERT INTO decision_log
SELECT X, 1796000000000 + X, 'INFERENCE', '0x' || SUBSTRING(LOWER(RAWTOHEX(HASH('SHA-256', CAST(X AS VARCHAR)))), 1, 40),
       'iris', '3', 'served', RPAD('purpose=research policy=default ', 100, 'x'),
       LOWER(RAWTOHEX(HASH('SHA-256', CAST(X * 7 AS VARCHAR)))), LOWER(RAWTOHEX(HASH('SHA-256', CAST(X * 7 + 1 AS VARCHAR)))), FALSE
FROM SYSTEM_RANGE(1, 1000000);
SHUTDOWN COMPACT;
