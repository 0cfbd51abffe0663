package org.modeldao.app.indexer;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.modeldao.app.readmodel.ProposalFilter;
import org.modeldao.app.readmodel.ProposalReadModel;
import org.modeldao.app.testing.TestDatabase;
import org.modeldao.contracts.ProposalState;
import org.modeldao.contracts.events.EventBatch;
import org.modeldao.contracts.events.GovernanceEventStream;
import org.modeldao.contracts.events.KnownBlocks;
import org.modeldao.contracts.events.OperationLookup;
import org.modeldao.contracts.events.StreamSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Benchmark (a command, not a test): seeds a dev chain with ~10,000 governance logs including
 * 1,000 proposals, then measures (1) the indexer's catch-up from the deployment block into a
 * fresh H2 and PostgreSQL read model and (2) the paged proposals query a lazy grid makes
 * (one page of 50 + the count). Run: {@code ./dao bench indexer [proposals]}; fewer proposals
 * than the default 1,000 scale votes and transfers down with them (≈ 10 logs per proposal), for
 * a quick check that the bench runs. Goals: catch-up of 10,000 logs ≤ 10 s on H2; ≤ 300 ms
 * server time per page. Figures: docs/benchmarks.md.
 */
public final class IndexerBenchmark {

    private static final Logger log = LoggerFactory.getLogger(IndexerBenchmark.class);
    private static final int DEFAULT_PROPOSALS = 1_000;
    private static final int PAGE = 50;

    private IndexerBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(ChainIndexer.class)).setLevel(ch.qos.logback.classic.Level.DEBUG);
        int proposals = args.length > 0 && !args[0].isBlank() ? Integer.parseInt(args[0].strip()) : DEFAULT_PROPOSALS;
        if (proposals < 1 || proposals > DEFAULT_PROPOSALS) {
            throw new IllegalArgumentException("proposals must be 1.." + DEFAULT_PROPOSALS + ", was " + proposals);
        }
        try (BenchmarkChain bench = new BenchmarkChain()) {
            long seeding = System.nanoTime();
            bench.proposeAndVote(proposals, proposals * 3 / 10, 10);
            bench.transfer(proposals * 2);
            bench.chain.mine(60); // past every voting deadline: proposals end defeated or succeeded
            log.info("Seeded the dev chain in {} ms; head block {}", Math.round(millis(seeding)), bench.chain.blockNumber());
            for (int run = 1; run <= 3; run++) {
                try (TestDatabase h2 = TestDatabase.h2()) {
                    catchUp(bench, "H2", h2.dataSource());
                    if (run == 3) {
                        queries("H2", h2.dataSource());
                    }
                }
            }
            try (TestDatabase postgres = TestDatabase.postgres()) {
                catchUp(bench, "PostgreSQL", postgres.dataSource());
                queries("PostgreSQL", postgres.dataSource());
            }
            // after the catch-ups, so the first one above stays the JVM's cold one
            GovernanceEventStream stream = new GovernanceEventStream(bench.chain.web3j(), bench.deployment, StreamSettings.defaults(),
                    OperationLookup.NONE);
            for (int i = 0; i < 3; i++) {
                long start = System.nanoTime();
                int events = 0;
                for (EventBatch batch = stream.readBatch(stream.firstBlock(), KnownBlocks.NONE); !batch.isEmpty();
                        batch = stream.readBatch(batch.nextBlock(), KnownBlocks.NONE)) {
                    events += batch.events().size();
                }
                log.info("BENCH event stream alone (eth_getLogs, headers, decoding): {} events in {} ms (the stream's share of a catch-up)",
                        events, Math.round(millis(start)));
            }
        }
    }

    private static void catchUp(BenchmarkChain bench, String database, DataSource dataSource) {
        ChainIndexer indexer = new ChainIndexer(bench.chain.web3j(), bench.deployment,
                IndexerSettings.defaults(), IndexerStore.on(dataSource, Clock.systemUTC()), event -> { },
                new org.modeldao.app.proposals.ActionCodec(bench.deployment.registry()));
        long start = System.nanoTime();
        int logs = indexer.catchUp();
        double ms = millis(start);
        long proposals = JdbcClient.create(dataSource).sql("SELECT COUNT(*) FROM proposal").query(Long.class).single();
        log.info("BENCH catch-up {}: {} logs ({} proposals) in {} ms = {} logs/s (goal: 10,000 logs <= 10 s on H2)",
                database, logs, proposals, Math.round(ms), Math.round(logs / ms * 1000));
    }

    private static void queries(String database, DataSource dataSource) {
        ProposalReadModel readModel = new ProposalReadModel(JdbcClient.create(dataSource));
        page(database, "all proposals", () -> ProposalFilter.ALL, readModel);
        page(database, "state = DEFEATED", () -> ProposalFilter.inState(ProposalState.DEFEATED), readModel);
        page(database, "one proposer", () -> new ProposalFilter(null, "0x70997970c51812dc3a010c7d01b50e0d17dc79c8"), readModel);
    }

    /** A lazy grid's round trip per page: the rows of one page and the total count. */
    private static void page(String database, String what, Supplier<ProposalFilter> filter, ProposalReadModel readModel) {
        long total = readModel.countProposals(filter.get());
        for (int i = 0; i < 50; i++) {
            readModel.proposals(filter.get(), (int) ((i * PAGE) % Math.max(total, 1)), PAGE);
        }
        List<Double> timings = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            int offset = (int) ((i * PAGE) % Math.max(total, 1));
            long start = System.nanoTime();
            readModel.proposals(filter.get(), offset, PAGE);
            readModel.countProposals(filter.get());
            timings.add(millis(start));
        }
        Collections.sort(timings);
        log.info("BENCH proposals page {} ({}, {} matching, page of {} + count): p50 {} ms, p95 {} ms, max {} ms (goal <= 300 ms)",
                database, what, total, PAGE, round(timings.get(100)), round(timings.get(190)), round(timings.getLast()));
    }

    private static double millis(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e6;
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
