-- Logs the indexer could not store (after halving their range down to one block and trying each
-- log alone): kept with the reason, shown on the audit page and skipped by later catch-ups, so one
-- log never stops the read model. One row per log (at most as many rows as logs on chain).
CREATE TABLE quarantined_log (
    tx_hash        VARCHAR(66)   NOT NULL,
    log_index      INTEGER       NOT NULL,
    block_number   BIGINT        NOT NULL,
    contract       VARCHAR(16)   NOT NULL,
    event_name     VARCHAR(48)   NOT NULL,
    reason         VARCHAR(1000) NOT NULL,
    quarantined_at TIMESTAMP     NOT NULL,
    PRIMARY KEY (tx_hash, log_index)
);
CREATE INDEX ix_quarantined_log_block ON quarantined_log (block_number);

-- A single block whose logs the node refuses in every way the indexer knows: the indexer stays on
-- it (skipping would silently drop votes) and says so here until the block is read.
ALTER TABLE indexer_cursor ADD COLUMN stalled_block BIGINT;
ALTER TABLE indexer_cursor ADD COLUMN stall_reason VARCHAR(1000);
ALTER TABLE indexer_cursor ADD COLUMN stalled_since TIMESTAMP;
