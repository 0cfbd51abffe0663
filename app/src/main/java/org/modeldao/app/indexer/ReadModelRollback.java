package org.modeldao.app.indexer;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Undoes everything blocks above a fork point contributed: their rows are deleted, the
 * columns they set are cleared, and derived state (tallies, current delegates and voting
 * power) is recomputed from the history that remains.
 */
final class ReadModelRollback {

    private static final List<String> ABOVE_FORK = List.of(
            "DELETE FROM chain_event WHERE block_number > :fork",
            "DELETE FROM quarantined_log WHERE block_number > :fork",
            "DELETE FROM indexed_block WHERE block_number > :fork",
            "DELETE FROM timelock_operation WHERE block_number > :fork",
            "DELETE FROM proposal_action WHERE block_number > :fork",
            "DELETE FROM vote WHERE block_number > :fork",
            "DELETE FROM proposal WHERE created_block > :fork",
            "UPDATE proposal SET queued_block = NULL, eta_seconds = NULL WHERE queued_block > :fork",
            "UPDATE proposal SET executed_block = NULL, executed_tx = NULL WHERE executed_block > :fork",
            "UPDATE proposal SET canceled_block = NULL WHERE canceled_block > :fork",
            "UPDATE proposal SET extended_deadline_block = NULL, extended_block = NULL WHERE extended_block > :fork",
            "UPDATE proposal SET quorum = NULL WHERE snapshot_block > :fork",
            """
            UPDATE proposal SET
                against_votes = COALESCE((SELECT SUM(v.weight) FROM vote v WHERE v.proposal_id = proposal.proposal_id AND v.support = 0), 0),
                for_votes = COALESCE((SELECT SUM(v.weight) FROM vote v WHERE v.proposal_id = proposal.proposal_id AND v.support = 1), 0),
                abstain_votes = COALESCE((SELECT SUM(v.weight) FROM vote v WHERE v.proposal_id = proposal.proposal_id AND v.support = 2), 0),
                vote_count = (SELECT COUNT(*) FROM vote v WHERE v.proposal_id = proposal.proposal_id)""",
            "DELETE FROM delegation WHERE block_number > :fork",
            "DELETE FROM account_delegate WHERE block_number > :fork",
            """
            INSERT INTO account_delegate (delegator, delegate, block_number)
            SELECT d.delegator, d.to_delegate, d.block_number FROM delegation d
            WHERE NOT EXISTS (SELECT 1 FROM account_delegate a WHERE a.delegator = d.delegator)
              AND NOT EXISTS (SELECT 1 FROM delegation n WHERE n.delegator = d.delegator
                  AND (n.block_number > d.block_number OR (n.block_number = d.block_number AND n.log_index > d.log_index)))""",
            "DELETE FROM token_transfer WHERE block_number > :fork",
            // balances last moved above the fork: summed again from the transfers that remain (-1: none remain)
            """
            UPDATE account_balance SET
                balance = COALESCE((SELECT SUM(t.amount) FROM token_transfer t WHERE t.to_account = account_balance.account), 0)
                        - COALESCE((SELECT SUM(t.amount) FROM token_transfer t WHERE t.from_account = account_balance.account), 0),
                block_number = COALESCE((SELECT MAX(t.block_number) FROM token_transfer t
                        WHERE t.to_account = account_balance.account OR t.from_account = account_balance.account), -1)
            WHERE block_number > :fork""",
            "DELETE FROM account_balance WHERE block_number = -1",
            // delegations put back above carry no balance yet, and balances changed above: copied again where they differ
            """
            UPDATE account_delegate SET balance = COALESCE((SELECT b.balance FROM account_balance b WHERE b.account = account_delegate.delegator), 0)
            WHERE balance <> COALESCE((SELECT b.balance FROM account_balance b WHERE b.account = account_delegate.delegator), 0)""",
            "DELETE FROM voting_power_change WHERE block_number > :fork",
            "DELETE FROM delegate_power WHERE block_number > :fork",
            """
            INSERT INTO delegate_power (delegate, votes, block_number)
            SELECT c.delegate, c.new_votes, c.block_number FROM voting_power_change c
            WHERE NOT EXISTS (SELECT 1 FROM delegate_power p WHERE p.delegate = c.delegate)
              AND NOT EXISTS (SELECT 1 FROM voting_power_change n WHERE n.delegate = c.delegate
                  AND (n.block_number > c.block_number OR (n.block_number = c.block_number AND n.log_index > c.log_index)))""",
            "DELETE FROM model_version WHERE approved_block > :fork",
            """
            UPDATE model_version SET revoked_block = NULL, revoked_tx = NULL, revoked_at = NULL, revocation_reason = NULL, revoked_by_proposal = NULL
            WHERE revoked_block > :fork""",
            "DELETE FROM current_version_change WHERE block_number > :fork",
            "DELETE FROM access_policy_change WHERE block_number > :fork",
            "DELETE FROM ethical_constraint WHERE added_block > :fork",
            """
            UPDATE ethical_constraint SET removed_block = NULL, removed_tx = NULL, removed_at = NULL, removal_reason = NULL, removed_by_proposal = NULL
            WHERE removed_block > :fork""");

    private final JdbcClient jdbc;

    ReadModelRollback(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Keeps what blocks up to {@code fork} produced; must run inside the transaction that rewinds the cursor. */
    void discardAbove(long fork) {
        for (String sql : ABOVE_FORK) {
            var statement = jdbc.sql(sql);
            (sql.contains(":fork") ? statement.param("fork", fork) : statement).update();
        }
    }
}
