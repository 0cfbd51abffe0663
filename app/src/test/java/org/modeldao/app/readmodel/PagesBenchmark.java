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
    private static final int HOLDERS = ScaleReadModel.HOLDERS;
    private static final int DELEGATES = ScaleReadModel.DELEGATES;
    private static final int VOTES = ScaleReadModel.VOTES;

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
        JdbcClient.create(dataSource).sql("""
                INSERT INTO indexer_cursor (cursor_name, chain_id, governor, registry, next_block, updated_at)
                VALUES ('governance', 31337, '0x1000000000000000000000000000000000000003', '0x1000000000000000000000000000000000000004',
                        :head, now())""").param("head", 10L * proposals + 100).update();
        ScaleReadModel scale = new ScaleReadModel(dataSource);
        scale.proposals(1, proposals, 10L * proposals + 1000);
        scale.holders();
    }

    private static void measure(DataSource dataSource, int proposalCount) {
        JdbcClient jdbc = JdbcClient.create(dataSource);
        ProposalReadModel proposals = new ProposalReadModel(jdbc);
        DelegateReadModel delegates = new DelegateReadModel(jdbc);
        BigInteger busy = ScaleReadModel.BUSY_PROPOSAL;
        String bigDelegate = ScaleReadModel.BIG_DELEGATE;
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
        time("delegators of the biggest delegate (20,000), page + count", offset -> {
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
