package org.modeldao.app.readmodel;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.IntConsumer;
import javax.sql.DataSource;
import org.modeldao.app.testing.TestDatabase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Benchmark (a command, not a test): the server-side queries of the app's big pages at scale, on a
 * fresh PostgreSQL database filled with SQL ({@code generate_series}) in the read model's own
 * tables: {@code proposals} proposals, one of them with 5,000 votes, and 100,000 holders, each
 * delegating to one of 1,000 delegates (one of them with 20,000 delegators). Measured: what each
 * view's lazy data provider asks the read model for one screen — a page of 50 rows plus the count —
 * for the proposals list, the proposal page (detail, actions, its votes grid) and the delegates page
 * (the grid and the delegators of the biggest delegate). Not measured here: Vaadin's rendering and the
 * HTTP/UIDL round trip. Run: {@code ./dao bench pages [proposals]} (default 10,000). Goal: ≤ 300 ms.
 */
public final class PagesBenchmark {

    private static final Logger log = LoggerFactory.getLogger(PagesBenchmark.class);
    private static final int PAGE = 50;
    private static final int HOLDERS = 100_000;
    private static final int DELEGATES = 1_000;
    private static final int VOTES = 5_000;

    private PagesBenchmark() {
    }

    public static void main(String[] args) {
        int proposals = args.length > 0 && !args[0].isBlank() ? Integer.parseInt(args[0].strip()) : 10_000;
        if (proposals < 1 || proposals > 1_000_000) {
            throw new IllegalArgumentException("proposals must be 1..1,000,000, was " + proposals);
        }
        try (TestDatabase postgres = TestDatabase.postgres()) {
            long start = System.nanoTime();
            fill(postgres.dataSource(), proposals);
            log.info("Filled PostgreSQL in {} s: {} proposals, {} votes on the first, {} holders, {} delegates",
                    Math.round((System.nanoTime() - start) / 1e8) / 10.0, proposals, VOTES, HOLDERS, DELEGATES);
            measure(postgres.dataSource(), proposals);
        }
    }

    private static void fill(DataSource dataSource, int proposals) {
        JdbcClient jdbc = JdbcClient.create(dataSource);
        jdbc.sql("""
                INSERT INTO indexer_cursor (cursor_name, chain_id, governor, registry, next_block, updated_at)
                VALUES ('governance', 31337, '0x1000000000000000000000000000000000000003', '0x1000000000000000000000000000000000000004',
                        :head, now())""").param("head", 10L * proposals + 100).update();
        // ids like the governor's (77-78 digits); every 3rd proposal still active at the head
        jdbc.sql("""
                INSERT INTO proposal (proposal_id, proposer, title, description, snapshot_block, deadline_block, quorum,
                    for_votes, against_votes, abstain_votes, vote_count, created_block, created_log_index, created_tx, created_at)
                SELECT (round(10::numeric ^ 76) + i)::text, '0x' || lpad(to_hex(1048576 + i % 100), 40, '0'), 'Scale proposal ' || i,
                       '# Scale proposal ' || i || E'\\nSwitch bench-' || i || ' to version 1.', 10 * i + 1,
                       CASE WHEN i % 3 = 0 THEN 10 * :n + 1000 ELSE 10 * i + 51 END, 40000 * 10::numeric ^ 18,
                       (i % 7) * 10::numeric ^ 22, (i % 5) * 10::numeric ^ 22, 0, CASE WHEN i = 1 THEN :votes ELSE 0 END,
                       10 * i, 0, '0x' || lpad(to_hex(i), 64, '0'), timestamp '2026-01-01' + i * interval '2 minutes'
                FROM generate_series(1, :n) i""").param("n", proposals).param("votes", VOTES).update();
        jdbc.sql("""
                INSERT INTO vote (proposal_id, voter, support, weight, reason, block_number, log_index, tx_hash, cast_at)
                SELECT (round(10::numeric ^ 76) + 1)::text, '0x' || lpad(to_hex(1048576 + v), 40, '0'), v % 3, (v % 97 + 1) * 10::numeric ^ 18,
                       CASE WHEN v % 5 = 0 THEN 'Reason ' || v ELSE '' END, 20 + v / 10, v % 10, '0xf' || lpad(to_hex(v), 63, '0'),
                       timestamp '2026-01-01' + v * interval '1 second'
                FROM generate_series(1, :votes) v""").param("votes", VOTES).update();
        // holder h delegates to delegate h % 1000, except that delegate 0 gets every 5th holder (20,000 delegators)
        jdbc.sql("""
                INSERT INTO account_delegate (delegator, delegate, block_number)
                SELECT '0x' || lpad(to_hex(1048576 + h), 40, '0'),
                       '0x' || lpad(to_hex(1048576 + CASE WHEN h % 5 = 0 THEN 0 ELSE h % :delegates END), 40, '0'), h
                FROM generate_series(0, :holders - 1) h""").param("holders", HOLDERS).param("delegates", DELEGATES).update();
        jdbc.sql("""
                INSERT INTO token_transfer (tx_hash, log_index, from_account, to_account, amount, block_number)
                SELECT '0xe' || lpad(to_hex(h), 63, '0'), 0, '0x00000000000000000000000000000000000000aa',
                       '0x' || lpad(to_hex(1048576 + h), 40, '0'), (h % 1000 + 1) * 10::numeric ^ 18, h
                FROM generate_series(0, :holders - 1) h""").param("holders", HOLDERS).update();
        jdbc.sql("""
                INSERT INTO delegate_power (delegate, votes, block_number)
                SELECT a.delegate, SUM(t.amount), MAX(a.block_number) FROM account_delegate a
                JOIN token_transfer t ON t.to_account = a.delegator GROUP BY a.delegate""").update();
        jdbc.sql("ANALYZE").update();
    }

    private static void measure(DataSource dataSource, int proposalCount) {
        JdbcClient jdbc = JdbcClient.create(dataSource);
        ProposalReadModel proposals = new ProposalReadModel(jdbc);
        DelegateReadModel delegates = new DelegateReadModel(jdbc);
        BigInteger busy = BigInteger.TEN.pow(76).add(BigInteger.ONE);
        String bigDelegate = String.format("0x%040x", 1_048_576);
        time("proposals list (" + proposalCount + " proposals), page + count", offset -> {
            proposals.proposals(ProposalFilter.ALL, offset % proposalCount, PAGE);
            proposals.countProposals(ProposalFilter.ALL);
        });
        time("proposal page (5,000 votes): detail + actions + vote count + votes page heaviest first", offset -> {
            proposals.proposal(busy).orElseThrow();
            proposals.actions(busy);
            proposals.countVotes(busy);
            proposals.votes(busy, VoteOrder.HEAVIEST_FIRST, offset % VOTES, PAGE);
        });
        time("proposal page votes grid, latest first", offset -> proposals.votes(busy, VoteOrder.LATEST_FIRST, offset % VOTES, PAGE));
        time("delegates page (" + HOLDERS + " holders, " + DELEGATES + " delegates), page + count", offset -> {
            delegates.delegates(offset % DELEGATES, PAGE);
            delegates.countDelegates();
        });
        // few rounds: this one is known slow (balances summed per delegator over token_transfer; docs/benchmarks.md)
        time("delegators of the biggest delegate (20,000), page + count", 1, 3, offset -> {
            delegates.delegators(bigDelegate, offset % 20_000, PAGE);
            delegates.countDelegators(bigDelegate);
        });
    }

    /** 20 warm-up rounds, then 100 timed ones at moving offsets (a lazy grid scrolling); p50, p95, max. */
    private static void time(String what, IntConsumer screen) {
        time(what, 20, 100, screen);
    }

    private static void time(String what, int warmUps, int rounds, IntConsumer screen) {
        for (int i = 0; i < warmUps; i++) {
            screen.accept(i * PAGE);
        }
        List<Double> timings = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            long start = System.nanoTime();
            screen.accept(i * PAGE);
            timings.add((System.nanoTime() - start) / 1e6);
        }
        Collections.sort(timings);
        log.info("BENCH {}: p50 {} ms, p95 {} ms, max {} ms (goal <= 300 ms)", what, round(timings.get(rounds / 2)),
                round(timings.get(rounds * 95 / 100)),
                round(timings.getLast()));
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
