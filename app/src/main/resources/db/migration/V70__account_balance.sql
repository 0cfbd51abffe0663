-- Every account's token balance, kept by the indexer per transfer, so a delegate's delegators are
-- listed by balance with a join instead of two sums over token_transfer per delegator (the page
-- did not finish for a delegate with 20,000 delegators: docs/benchmarks.md, "Pages").
-- block_number is the block of the account's last transfer: a rollback recomputes the balances
-- of the accounts whose last transfer lies above the fork from the transfers that remain.
-- The zero address (mints and burns) is not a holder and has no row.
CREATE TABLE account_balance (
    account      VARCHAR(42)    PRIMARY KEY,
    balance      NUMERIC(78, 0) NOT NULL,
    block_number BIGINT         NOT NULL
);
CREATE INDEX ix_account_balance_block ON account_balance (block_number);

INSERT INTO account_balance (account, balance, block_number)
SELECT m.account, SUM(m.delta), MAX(m.block_number) FROM (
    SELECT to_account AS account, amount AS delta, block_number FROM token_transfer
    UNION ALL
    SELECT from_account AS account, -amount AS delta, block_number FROM token_transfer) m
WHERE m.account <> '0x0000000000000000000000000000000000000000'
GROUP BY m.account;

-- A delegator's balance is copied beside its delegation (kept in step in the same transaction), so
-- one delegate's delegators are read in balance order from an index; joining 20,000 delegators to
-- their balances and sorting them took ~0.3-0.6 s per page on PostgreSQL.
ALTER TABLE account_delegate ADD COLUMN balance NUMERIC(78, 0) DEFAULT 0 NOT NULL;
UPDATE account_delegate SET balance = COALESCE((SELECT b.balance FROM account_balance b WHERE b.account = account_delegate.delegator), 0);
DROP INDEX ix_account_delegate_delegate;
CREATE INDEX ix_account_delegate_rank ON account_delegate (delegate, balance DESC, delegator);

-- The delegates page sorts by (votes DESC, delegate) and reads one page: with this index the
-- database reads that page in order instead of sorting every delegate first.
DROP INDEX ix_delegate_power_votes;
CREATE INDEX ix_delegate_power_rank ON delegate_power (votes DESC, delegate);
