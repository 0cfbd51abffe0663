-- Timelock operations the governor queued, by operation id: anyone may execute a ready operation on
-- the timelock directly (the governor then emits no ProposalExecuted), so executions and the
-- registry changes they make are linked to their proposal through this table.
CREATE TABLE timelock_operation (
    operation_id VARCHAR(66) PRIMARY KEY,
    proposal_id  VARCHAR(78) NOT NULL,
    block_number BIGINT      NOT NULL
);
