package org.modeldao.app.readmodel;

import java.math.BigInteger;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Synthetic governance at the sizes, written with SQL ({@code generate_series}, PostgreSQL)
 * straight into the read model's own tables, as the indexer would have left them: proposals (every
 * third still active), 5,000 votes on the first, and 100,000 holders each delegating to one of
 * 1,000 delegates (the first with 20,000 delegators), one transfer and one balance each. Used by the
 * page benchmarks ({@link PagesBenchmark}, {@link UiPagesBenchmark}); the ids (10^76 + i) and the
 * addresses (0x…100000 + n) cannot collide with a dev chain's.
 */
final class ScaleReadModel {

    static final int HOLDERS = 100_000;
    static final int DELEGATES = 1_000;
    static final int VOTES = 5_000;
    /** The proposal with {@link #VOTES} votes. */
    static final BigInteger BUSY_PROPOSAL = BigInteger.TEN.pow(76).add(BigInteger.ONE);
    /** The delegate with 20,000 delegators. */
    static final String BIG_DELEGATE = String.format("0x%040x", 1_048_576);

    private final JdbcClient jdbc;

    ScaleReadModel(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    /**
     * Proposals {@code from..to} (1-based; proposal 1 gets the votes), created at block 10·i; the active
     * third's voting ends at {@code activeUntilBlock}, the others' 50 blocks after their creation.
     */
    void proposals(int from, int to, long activeUntilBlock) {
        jdbc.sql("""
                INSERT INTO proposal (proposal_id, proposer, title, description, snapshot_block, deadline_block, quorum,
                    for_votes, against_votes, abstain_votes, vote_count, created_block, created_log_index, created_tx, created_at)
                SELECT (round(10::numeric ^ 76) + i)::text, '0x' || lpad(to_hex(1048576 + i % 100), 40, '0'), 'Scale proposal ' || i,
                       '# Scale proposal ' || i || E'\\nSwitch bench-' || i || ' to version 1.', 10 * i + 1,
                       CASE WHEN i % 3 = 0 THEN :activeUntil ELSE 10 * i + 51 END, 40000 * 10::numeric ^ 18,
                       (i % 7) * 10::numeric ^ 22, (i % 5) * 10::numeric ^ 22, 0, CASE WHEN i = 1 THEN :votes ELSE 0 END,
                       10 * i, 0, '0x' || lpad(to_hex(i), 64, '0'), timestamp '2026-01-01' + i * interval '2 minutes'
                FROM generate_series(:from, :to) i""")
                .param("from", from).param("to", to).param("activeUntil", activeUntilBlock).param("votes", VOTES).update();
        if (from <= 1 && to >= 1) {
            // every proposal has at least one call (the proposal page refuses one without); a call it cannot decode is shown as such
            jdbc.sql("""
                    INSERT INTO proposal_action (proposal_id, action_index, target, value_wei, calldata, block_number)
                    VALUES ((round(10::numeric ^ 76) + 1)::text, 0, '0x00000000000000000000000000000000000000cc', 0, '0x12345678', 10)""")
                    .update();
            jdbc.sql("""
                    INSERT INTO vote (proposal_id, voter, support, weight, reason, block_number, log_index, tx_hash, cast_at)
                    SELECT (round(10::numeric ^ 76) + 1)::text, '0x' || lpad(to_hex(1048576 + v), 40, '0'), v % 3, (v % 97 + 1) * 10::numeric ^ 18,
                           CASE WHEN v % 5 = 0 THEN 'Reason ' || v ELSE '' END, 20 + v / 10, v % 10, '0xf' || lpad(to_hex(v), 63, '0'),
                           timestamp '2026-01-01' + v * interval '1 second'
                    FROM generate_series(1, :votes) v""").param("votes", VOTES).update();
        }
        jdbc.sql("ANALYZE").update();
    }

    /** Holder h delegates to delegate h % 1000, except that delegate 0 gets every 5th holder (20,000 delegators). */
    void holders() {
        jdbc.sql("""
                INSERT INTO account_delegate (delegator, delegate, block_number, balance)
                SELECT '0x' || lpad(to_hex(1048576 + h), 40, '0'),
                       '0x' || lpad(to_hex(1048576 + CASE WHEN h % 5 = 0 THEN 0 ELSE h % :delegates END), 40, '0'), h,
                       (h % 1000 + 1) * 10::numeric ^ 18
                FROM generate_series(0, :holders - 1) h""").param("holders", HOLDERS).param("delegates", DELEGATES).update();
        jdbc.sql("""
                INSERT INTO token_transfer (tx_hash, log_index, from_account, to_account, amount, block_number)
                SELECT '0xe' || lpad(to_hex(h), 63, '0'), 0, '0x00000000000000000000000000000000000000aa',
                       '0x' || lpad(to_hex(1048576 + h), 40, '0'), (h % 1000 + 1) * 10::numeric ^ 18, h
                FROM generate_series(0, :holders - 1) h""").param("holders", HOLDERS).update();
        // what the indexer keeps per transfer: each holder received once
        jdbc.sql("""
                INSERT INTO account_balance (account, balance, block_number)
                SELECT '0x' || lpad(to_hex(1048576 + h), 40, '0'), (h % 1000 + 1) * 10::numeric ^ 18, h
                FROM generate_series(0, :holders - 1) h""").param("holders", HOLDERS).update();
        jdbc.sql("""
                INSERT INTO delegate_power (delegate, votes, block_number)
                SELECT a.delegate, SUM(b.balance), MAX(a.block_number) FROM account_delegate a
                JOIN account_balance b ON b.account = a.delegator
                WHERE a.delegate BETWEEN '0x' || lpad(to_hex(1048576), 40, '0') AND '0x' || lpad(to_hex(1048576 + :holders), 40, '0')
                GROUP BY a.delegate""").param("holders", HOLDERS).update();
        jdbc.sql("ANALYZE").update();
    }
}
