package org.modeldao.app.indexer;

import java.time.Clock;
import java.util.List;
import javax.sql.DataSource;
import org.modeldao.app.testing.TestDatabase;
import org.modeldao.contracts.events.EventBatch;
import org.modeldao.contracts.events.GovernanceEventStream;
import org.modeldao.contracts.events.KnownBlocks;
import org.modeldao.contracts.events.OperationLookup;
import org.modeldao.contracts.events.StreamSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Benchmark (a command, not a test): the indexer's catch-up of about a million logs into a fresh
 * PostgreSQL database, read from a {@link SyntheticChainNode} (the chain is made up; the JSON-RPC
 * client, the stream, the projection and the SQL are the indexer's own). Then the same reading
 * without storing (the node, web3j and decoding alone), to split where the time goes. Run:
 * {@code ./dao bench indexer-scale [logs]} (default 1,000,000; 10 % of them are holders' onboarding
 * transactions of 4 logs, 1 % proposals, the rest votes). Goal: 1,000,000 logs ≤ 2 min.
 * Figures: docs/benchmarks.md.
 */
public final class IndexerScaleBenchmark {

    private static final Logger log = LoggerFactory.getLogger(IndexerScaleBenchmark.class);
    private static final int DEFAULT_LOGS = 1_000_000;
    private static final int VOTES_PER_PROPOSAL = 59;

    private IndexerScaleBenchmark() {
    }

    public static void main(String[] args) {
        // one line per batch: where its time went (stream, projection, database)
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(ChainIndexer.class)).setLevel(ch.qos.logback.classic.Level.DEBUG);
        int logs = args.length > 0 && !args[0].isBlank() ? Integer.parseInt(args[0].strip()) : DEFAULT_LOGS;
        if (logs < 1_000 || logs > 10_000_000) {
            throw new IllegalArgumentException("logs must be 1,000..10,000,000, was " + logs);
        }
        try (SyntheticChainNode node = new SyntheticChainNode(logs / 10, VOTES_PER_PROPOSAL)) {
            log.info("Synthetic chain: {} logs in {} blocks, {} proposals", node.logCount(), node.head(), node.proposals());
            try (TestDatabase postgres = TestDatabase.postgres()) {
                catchUp(node, postgres.dataSource());
            }
            streamAlone(node);
        }
    }

    private static void catchUp(SyntheticChainNode node, DataSource dataSource) {
        var web3j = org.web3j.protocol.Web3j.build(new org.web3j.protocol.http.HttpService(node.url()));
        ChainIndexer indexer = new ChainIndexer(web3j, node.deployment(), IndexerSettings.defaults(),
                IndexerStore.on(dataSource, Clock.systemUTC()), event -> { },
                new org.modeldao.app.proposals.ActionCodec(node.deployment().registry()));
        long load = System.nanoTime();
        long cpu = processCpuNanos();
        int stored = indexer.catchUp();
        double seconds = (System.nanoTime() - load) / 1e9;
        double cpuSeconds = (processCpuNanos() - cpu) / 1e9;
        JdbcClient jdbc = JdbcClient.create(dataSource);
        List<String> counts = List.of("chain_event", "vote", "token_transfer", "voting_power_change", "delegation", "proposal",
                "delegate_power").stream()
                .map(table -> table + " " + jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single()).toList();
        log.info("BENCH catch-up PostgreSQL: {} logs in {} s = {} logs/s ({} eth_getLogs refusals by the 10,000 cap; goal: 1,000,000 <= 120 s); rows: {}",
                stored, round(seconds), Math.round(stored / seconds), node.refusals(), String.join(", ", counts));
        // on a shared machine the wall time is the load's; the bench JVM's CPU (indexer and synthetic node, not PostgreSQL) is not
        log.info("BENCH catch-up CPU of the bench JVM (indexer + synthetic node; PostgreSQL not included): {} s = {} logs per CPU-second",
                round(cpuSeconds), Math.round(stored / cpuSeconds));
        web3j.shutdown();
    }

    private static void streamAlone(SyntheticChainNode node) {
        var web3j = org.web3j.protocol.Web3j.build(new org.web3j.protocol.http.HttpService(node.url()));
        GovernanceEventStream stream = new GovernanceEventStream(web3j, node.deployment(), StreamSettings.defaults(), OperationLookup.NONE);
        long start = System.nanoTime();
        long cpu = processCpuNanos();
        long events = 0;
        for (EventBatch batch = stream.readBatch(stream.firstBlock(), KnownBlocks.NONE); !batch.isEmpty();
                batch = stream.readBatch(batch.nextBlock(), KnownBlocks.NONE)) {
            events += batch.events().size();
        }
        log.info("BENCH event stream alone (synthetic node, web3j, checks, decoding): {} events in {} s, {} s of CPU", events,
                round((System.nanoTime() - start) / 1e9), round((processCpuNanos() - cpu) / 1e9));
        web3j.shutdown();
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
