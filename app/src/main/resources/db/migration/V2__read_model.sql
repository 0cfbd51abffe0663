-- The read model the views query, rebuilt from logs alone. Every row names the block that produced
-- it, so a reorganisation is undone by deleting (or clearing) what lies above the fork.
-- Text anyone can put on chain (descriptions, vote reasons, calldata) is TEXT, so no log is ever too
-- long to store (a stuck indexer would be a denial of service); names are capped at 1000 characters.

CREATE TABLE proposal (
    proposal_id             VARCHAR(78)     PRIMARY KEY,
    proposer                VARCHAR(42)     NOT NULL,
    title                   VARCHAR(300)    NOT NULL,
    description             TEXT NOT NULL,
    snapshot_block          BIGINT          NOT NULL,
    deadline_block          BIGINT          NOT NULL,
    extended_deadline_block BIGINT,
    extended_block          BIGINT,
    quorum                  NUMERIC(78, 0),
    for_votes               NUMERIC(78, 0)  DEFAULT 0 NOT NULL,
    against_votes           NUMERIC(78, 0)  DEFAULT 0 NOT NULL,
    abstain_votes           NUMERIC(78, 0)  DEFAULT 0 NOT NULL,
    vote_count              INTEGER         DEFAULT 0 NOT NULL,
    queued_block            BIGINT,
    eta_seconds             BIGINT,
    executed_block          BIGINT,
    executed_tx             VARCHAR(66),
    canceled_block          BIGINT,
    created_block           BIGINT          NOT NULL,
    created_log_index       INTEGER         NOT NULL,
    created_tx              VARCHAR(66)     NOT NULL,
    created_at              TIMESTAMP       NOT NULL
);
CREATE INDEX ix_proposal_created ON proposal (created_block, created_log_index);
CREATE INDEX ix_proposal_proposer ON proposal (proposer);

CREATE TABLE proposal_action (
    proposal_id  VARCHAR(78)     NOT NULL,
    action_index INTEGER         NOT NULL,
    target       VARCHAR(42)     NOT NULL,
    value_wei    NUMERIC(78, 0)  NOT NULL,
    calldata     TEXT NOT NULL,
    -- decoded at indexing time: the ProposalAction record's name and its JSON
    action_kind  VARCHAR(40)     NOT NULL,
    action_json  TEXT NOT NULL,
    block_number BIGINT          NOT NULL,
    PRIMARY KEY (proposal_id, action_index)
);

CREATE TABLE vote (
    proposal_id  VARCHAR(78)    NOT NULL,
    voter        VARCHAR(42)    NOT NULL,
    support      SMALLINT       NOT NULL,
    weight       NUMERIC(78, 0) NOT NULL,
    reason       TEXT NOT NULL,
    block_number BIGINT         NOT NULL,
    log_index    INTEGER        NOT NULL,
    tx_hash      VARCHAR(66)    NOT NULL,
    cast_at      TIMESTAMP      NOT NULL,
    PRIMARY KEY (proposal_id, voter)
);
CREATE INDEX ix_vote_voter ON vote (voter);
CREATE INDEX ix_vote_block ON vote (block_number);

-- Token delegation history and its current state (kept in step, rebuilt from history on rollback).
CREATE TABLE delegation (
    tx_hash       VARCHAR(66) NOT NULL,
    log_index     INTEGER     NOT NULL,
    delegator     VARCHAR(42) NOT NULL,
    from_delegate VARCHAR(42) NOT NULL,
    to_delegate   VARCHAR(42) NOT NULL,
    block_number  BIGINT      NOT NULL,
    PRIMARY KEY (tx_hash, log_index)
);
CREATE INDEX ix_delegation_delegator ON delegation (delegator, block_number, log_index);
CREATE INDEX ix_delegation_block ON delegation (block_number);

CREATE TABLE account_delegate (
    delegator    VARCHAR(42) PRIMARY KEY,
    delegate     VARCHAR(42) NOT NULL,
    block_number BIGINT      NOT NULL
);
CREATE INDEX ix_account_delegate_delegate ON account_delegate (delegate);

CREATE TABLE voting_power_change (
    tx_hash        VARCHAR(66)    NOT NULL,
    log_index      INTEGER        NOT NULL,
    delegate       VARCHAR(42)    NOT NULL,
    previous_votes NUMERIC(78, 0) NOT NULL,
    new_votes      NUMERIC(78, 0) NOT NULL,
    block_number   BIGINT         NOT NULL,
    PRIMARY KEY (tx_hash, log_index)
);
CREATE INDEX ix_voting_power_change_delegate ON voting_power_change (delegate, block_number, log_index);
CREATE INDEX ix_voting_power_change_block ON voting_power_change (block_number);

CREATE TABLE delegate_power (
    delegate     VARCHAR(42)    PRIMARY KEY,
    votes        NUMERIC(78, 0) NOT NULL,
    block_number BIGINT         NOT NULL
);
CREATE INDEX ix_delegate_power_votes ON delegate_power (votes);

-- Registry state. *_by_proposal names the proposal whose execution made the change (same transaction).
CREATE TABLE model_version (
    model               VARCHAR(1000)   NOT NULL,
    version             VARCHAR(1000)   NOT NULL,
    artifact_sha256     VARCHAR(66)    NOT NULL,
    artifact_uri        TEXT  NOT NULL,
    card_sha256         VARCHAR(66)    NOT NULL,
    card_uri            TEXT  NOT NULL,
    format              VARCHAR(1000)   NOT NULL,
    approved_block      BIGINT         NOT NULL,
    approved_log_index  INTEGER        NOT NULL,
    approved_tx         VARCHAR(66)    NOT NULL,
    approved_at         TIMESTAMP      NOT NULL,
    approved_by_proposal VARCHAR(78),
    revoked_block       BIGINT,
    revoked_at          TIMESTAMP,
    revocation_reason   TEXT,
    revoked_by_proposal VARCHAR(78),
    PRIMARY KEY (model, version)
);

CREATE TABLE current_version_change (
    tx_hash          VARCHAR(66)  NOT NULL,
    log_index        INTEGER      NOT NULL,
    model            VARCHAR(1000) NOT NULL,
    previous_version VARCHAR(1000) NOT NULL,
    new_version      VARCHAR(1000) NOT NULL,
    block_number     BIGINT       NOT NULL,
    changed_at       TIMESTAMP    NOT NULL,
    proposal_id      VARCHAR(78),
    PRIMARY KEY (tx_hash, log_index)
);
CREATE INDEX ix_current_version_change_model ON current_version_change (model, block_number, log_index);

CREATE TABLE access_policy_change (
    tx_hash             VARCHAR(66)    NOT NULL,
    log_index           INTEGER        NOT NULL,
    model               VARCHAR(1000)   NOT NULL,
    kind                SMALLINT       NOT NULL,
    min_votes           NUMERIC(78, 0) NOT NULL,
    requests_per_minute BIGINT         NOT NULL,
    max_batch_size      BIGINT         NOT NULL,
    allow_list          TEXT NOT NULL,
    block_number        BIGINT         NOT NULL,
    set_at              TIMESTAMP      NOT NULL,
    proposal_id         VARCHAR(78),
    PRIMARY KEY (tx_hash, log_index)
);
CREATE INDEX ix_access_policy_change_model ON access_policy_change (model, block_number, log_index);

CREATE TABLE ethical_constraint (
    constraint_id       NUMERIC(78, 0)  PRIMARY KEY,
    model               VARCHAR(1000)    NOT NULL,
    kind                SMALLINT        NOT NULL,
    target              VARCHAR(1000)    NOT NULL,
    min_value           NUMERIC(78, 0)  NOT NULL,
    max_value           NUMERIC(78, 0)  NOT NULL,
    constraint_values   TEXT NOT NULL,
    rationale           TEXT  NOT NULL,
    added_block         BIGINT          NOT NULL,
    added_tx            VARCHAR(66)     NOT NULL,
    added_at            TIMESTAMP       NOT NULL,
    added_by_proposal   VARCHAR(78),
    removed_block       BIGINT,
    removed_at          TIMESTAMP,
    removal_reason      TEXT,
    removed_by_proposal VARCHAR(78)
);
CREATE INDEX ix_ethical_constraint_model ON ethical_constraint (model);
