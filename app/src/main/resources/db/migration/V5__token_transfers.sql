-- Token transfers, so the read model knows every account's balance (a delegate's delegators and
-- what each brings). Balances are sums over this history, so a rollback only deletes rows.
CREATE TABLE token_transfer (
    tx_hash      VARCHAR(66)    NOT NULL,
    log_index    INTEGER        NOT NULL,
    from_account VARCHAR(42)    NOT NULL,
    to_account   VARCHAR(42)    NOT NULL,
    amount       NUMERIC(78, 0) NOT NULL,
    block_number BIGINT         NOT NULL,
    PRIMARY KEY (tx_hash, log_index)
);
CREATE INDEX ix_token_transfer_from ON token_transfer (from_account);
CREATE INDEX ix_token_transfer_to ON token_transfer (to_account);
CREATE INDEX ix_token_transfer_block ON token_transfer (block_number);

-- A database indexed before this table existed: forget the Transfer logs and read again from the
-- first of them, so the indexer (which skips logs it already stored) fills the table.
UPDATE indexer_cursor SET next_block = (SELECT MIN(block_number) FROM chain_event WHERE contract = 'TOKEN' AND event_name = 'Transfer')
WHERE EXISTS (SELECT 1 FROM chain_event WHERE contract = 'TOKEN' AND event_name = 'Transfer');
DELETE FROM chain_event WHERE contract = 'TOKEN' AND event_name = 'Transfer';
