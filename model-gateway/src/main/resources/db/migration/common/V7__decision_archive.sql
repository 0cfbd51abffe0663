-- The decision log's archived segments: entries first_seq..last_seq were written to a compressed
-- file in gateway.decision-log.archive.dir (named file_name, whose bytes hash to file_sha256) before
-- they left decision_log. last_hash is the hash of entry last_seq: the next segment, or the first
-- live entry, links to it, so verify-decisions reads one chain from the genesis hash through the
-- segments into the table. Segments are contiguous from entry 1 and never overlap.
CREATE TABLE decision_archive (
    first_seq      BIGINT       NOT NULL PRIMARY KEY,
    last_seq       BIGINT       NOT NULL,
    last_hash      CHAR(64)     NOT NULL,
    file_name      VARCHAR(200) NOT NULL,
    file_sha256    CHAR(64)     NOT NULL,
    archived_at_ms BIGINT       NOT NULL
);
