package org.modeldao.app.indexer;

/**
 * The SQL a batch runs, in the order it runs them: inserts of new facts first, then the
 * updates that refer to them (a proposal created and queued in the same batch exists by then).
 */
enum Statement {
    INSERT_BLOCK("INSERT INTO indexed_block (block_number, block_hash, block_time) VALUES (?, ?, ?)"),
    INSERT_EVENT("""
            INSERT INTO chain_event (block_number, block_hash, block_time, tx_hash, log_index, contract, event_name, proposal_id, summary)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"""),
    INSERT_PROPOSAL("""
            INSERT INTO proposal (proposal_id, proposer, title, description, snapshot_block, deadline_block,
                created_block, created_log_index, created_tx, created_at, description_hash)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"""),
    INSERT_ACTION("""
            INSERT INTO proposal_action (proposal_id, action_index, target, value_wei, calldata, decoded_action, block_number)
            VALUES (?, ?, ?, ?, ?, ?, ?)"""),
    INSERT_VOTE("""
            INSERT INTO vote (proposal_id, voter, support, weight, reason, block_number, log_index, tx_hash, cast_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"""),
    INSERT_DELEGATION("""
            INSERT INTO delegation (tx_hash, log_index, delegator, from_delegate, to_delegate, block_number)
            VALUES (?, ?, ?, ?, ?, ?)"""),
    INSERT_TRANSFER("""
            INSERT INTO token_transfer (tx_hash, log_index, from_account, to_account, amount, block_number)
            VALUES (?, ?, ?, ?, ?, ?)"""),
    INSERT_POWER_CHANGE("""
            INSERT INTO voting_power_change (tx_hash, log_index, delegate, previous_votes, new_votes, block_number)
            VALUES (?, ?, ?, ?, ?, ?)"""),
    INSERT_VERSION("""
            INSERT INTO model_version (model, version, artifact_sha256, artifact_uri, card_sha256, card_uri, format,
                approved_block, approved_log_index, approved_tx, approved_at, approved_by_proposal)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"""),
    INSERT_CURRENT_CHANGE("""
            INSERT INTO current_version_change (tx_hash, log_index, model, previous_version, new_version, block_number,
                changed_at, proposal_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)"""),
    INSERT_POLICY("""
            INSERT INTO access_policy_change (tx_hash, log_index, model, kind, min_votes, requests_per_minute,
                max_batch_size, allow_list, block_number, set_at, proposal_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"""),
    INSERT_CONSTRAINT("""
            INSERT INTO ethical_constraint (constraint_id, model, kind, target, min_value, max_value, constraint_values,
                rationale, added_block, added_tx, added_at, added_by_proposal)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"""),
    INSERT_QUARANTINE("""
            INSERT INTO quarantined_log (tx_hash, log_index, block_number, contract, event_name, reason, quarantined_at)
            VALUES (?, ?, ?, ?, ?, ?, ?)"""),
    INSERT_OPERATION("INSERT INTO timelock_operation (operation_id, proposal_id, block_number) VALUES (?, ?, ?)"),
    PROPOSAL_QUEUED("UPDATE proposal SET queued_block = ?, eta_seconds = ? WHERE proposal_id = ?"),
    PROPOSAL_EXECUTED("UPDATE proposal SET executed_block = ?, executed_tx = ? WHERE proposal_id = ?"),
    PROPOSAL_CANCELED("UPDATE proposal SET canceled_block = ? WHERE proposal_id = ?"),
    PROPOSAL_EXTENDED("UPDATE proposal SET extended_deadline_block = ?, extended_block = ? WHERE proposal_id = ?"),
    PROPOSAL_TALLY("""
            UPDATE proposal SET against_votes = against_votes + ?, for_votes = for_votes + ?,
                abstain_votes = abstain_votes + ?, vote_count = vote_count + ?
            WHERE proposal_id = ?"""),
    PROPOSAL_QUORUM("UPDATE proposal SET quorum = ? WHERE proposal_id = ?"),
    VERSION_REVOKED("""
            UPDATE model_version SET revoked_block = ?, revoked_tx = ?, revoked_at = ?, revocation_reason = ?, revoked_by_proposal = ?
            WHERE model = ? AND version = ?"""),
    CONSTRAINT_REMOVED("""
            UPDATE ethical_constraint SET removed_block = ?, removed_tx = ?, removed_at = ?, removal_reason = ?, removed_by_proposal = ?
            WHERE constraint_id = ?"""),
    FORGET_ACCOUNT_DELEGATE("DELETE FROM account_delegate WHERE delegator = ?"),
    // the balance as it stands before this batch's transfers; COPY_BALANCE below brings it up to date
    SET_ACCOUNT_DELEGATE("""
            INSERT INTO account_delegate (delegator, delegate, block_number, balance)
            VALUES (?, ?, ?, COALESCE((SELECT b.balance FROM account_balance b WHERE b.account = ?), 0))"""),
    FORGET_DELEGATE_POWER("DELETE FROM delegate_power WHERE delegate = ?"),
    SET_DELEGATE_POWER("INSERT INTO delegate_power (delegate, votes, block_number) VALUES (?, ?, ?)"),
    // a balance row is created at zero, then moved by the batch's net amount (two portable statements, no MERGE)
    OPEN_BALANCE("""
            INSERT INTO account_balance (account, balance, block_number)
            SELECT ?, 0, ? WHERE NOT EXISTS (SELECT 1 FROM account_balance WHERE account = ?)"""),
    MOVE_BALANCE("UPDATE account_balance SET balance = balance + ?, block_number = ? WHERE account = ?"),
    // the delegators list reads balances beside the delegation, in index order (V70)
    COPY_BALANCE("UPDATE account_delegate SET balance = (SELECT b.balance FROM account_balance b WHERE b.account = ?) WHERE delegator = ?");

    final String sql;

    Statement(String sql) {
        this.sql = sql;
    }
}
