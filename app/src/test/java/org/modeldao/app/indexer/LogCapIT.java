package org.modeldao.app.indexer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.modeldao.app.readmodel.HistoryReadModel;
import org.modeldao.app.readmodel.IndexerStall;
import org.modeldao.app.testing.TestDatabase;
import org.modeldao.contracts.VoteType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.http.HttpService;

/**
 * The indexer behind a node that, like hosted ones, refuses an eth_getLogs whose result exceeds
 * 10,000 logs ({@link LogCapProxy}, forwarding to a real Hardhat node). The chain holds over
 * 20,000 DAO logs in one batch range: spam transfers, 2,500 per block, around a vote. A second
 * proxy capped at 2,000 makes each spam block alone too big for eth_getLogs (a block cannot be
 * split further): those are read from receipts — or, when receipts are refused too, the indexer
 * stalls there visibly. (One Hardhat block of 10,000+ logs would prove the same at 10,000 but
 * costs the node gigabytes of memory.)
 */
class LogCapIT {

    private static final Logger log = LoggerFactory.getLogger(LogCapIT.class);
    private static final int CAP = 10_000;
    private static final int SMALL_CAP = 2_000;

    private static IndexerFixture dao;
    private static LogCapProxy proxy;
    private static Web3j throughProxy;
    private static LogCapProxy smallProxy;
    private static Web3j throughSmallProxy;
    private static long spamBlock;

    @BeforeAll
    static void spamTheChain() {
        dao = IndexerFixture.start();
        HostileChain attacker = new HostileChain(dao);
        var proposal = dao.propose("# Busy chain\nVoted on between the spam.", dao.registryActions.setCurrentVersion("busy", "1"));
        dao.governance.startVoting(proposal);
        spamBlock = attacker.spamTransfers(dao.chain.accounts().get(9), 10_000).getFirst().getBlockNumber().longValueExact();
        dao.governance.vote(dao.members.get(0), proposal, VoteType.FOR, "between the spam\u0000");
        attacker.spamTransfers(dao.chain.accounts().get(9), 10_000);
        proxy = new LogCapProxy(dao.chain.rpcUrl(), CAP);
        throughProxy = client(proxy);
        smallProxy = new LogCapProxy(dao.chain.rpcUrl(), SMALL_CAP);
        throughSmallProxy = client(smallProxy);
    }

    private static Web3j client(LogCapProxy node) {
        return Web3j.build(new HttpService(node.url(), new okhttp3.OkHttpClient.Builder().readTimeout(Duration.ofMinutes(2)).build()));
    }

    @AfterAll
    static void stop() {
        if (throughSmallProxy != null) {
            throughProxy.shutdown();
            proxy.close();
            throughSmallProxy.shutdown();
            smallProxy.close();
        }
        if (dao != null) {
            dao.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void more_than_twenty_thousand_logs_in_one_range_are_read_through_a_node_capped_at_ten_thousand(String kind) {
        try (TestDatabase database = TestDatabase.of(kind)) {
            IndexerMetrics metrics = IndexerMetrics.unregistered();
            ChainIndexer indexer = dao.indexer(database.dataSource(), IndexerSettings.defaults(), throughProxy, metrics);
            int refusedBefore = proxy.refusals();
            int servedBefore = proxy.servedLogRequests();

            long started = System.nanoTime();
            int stored = indexer.catchUp();
            log.info("MEASURED catch-up through the capped node on {}: {} logs in {} ms ({} refusals, {} eth_getLogs answered)", kind,
                    stored, (System.nanoTime() - started) / 1_000_000, proxy.refusals() - refusedBefore,
                    proxy.servedLogRequests() - servedBefore);

            int onChain = dao.logCount();
            assertThat(onChain).isGreaterThan(20_000);
            assertThat(stored).isEqualTo(onChain);
            assertThat(proxy.refusals() - refusedBefore).isPositive();
            // the stream halved the refused range: the one batch range was answered in several smaller requests
            assertThat(proxy.servedLogRequests() - servedBefore).isGreaterThan(1);
            assertThat(metrics.splitCount()).as("nothing failed to store").isZero();
            JdbcClient sql = JdbcClient.create(database.dataSource());
            assertThat(sql.sql("SELECT COUNT(*) FROM token_transfer").query(Integer.class).single()).isGreaterThanOrEqualTo(20_000);
            assertThat(sql.sql("SELECT reason FROM vote").query(String.class).single()).isEqualTo("between the spam\\u0000");
            assertThat(sql.sql("SELECT next_block FROM indexer_cursor").query(Long.class).single()).isEqualTo(dao.chain.blockNumber() + 1);
            assertThat(metrics.stalledBlock()).isEqualTo(-1);
        }
    }

    @Test
    void a_single_block_with_more_logs_than_the_node_returns_is_read_from_its_receipts() {
        try (TestDatabase database = TestDatabase.h2()) {
            IndexerMetrics metrics = IndexerMetrics.unregistered();
            ChainIndexer indexer = dao.indexer(database.dataSource(), IndexerSettings.defaults(), throughSmallProxy, metrics);
            int receiptsBefore = smallProxy.servedReceipts();

            int stored = indexer.catchUp();

            assertThat(stored).isEqualTo(dao.logCount());
            assertThat(smallProxy.servedReceipts() - receiptsBefore).as("one receipt per spam block at least").isGreaterThanOrEqualTo(8);
            assertThat(JdbcClient.create(database.dataSource()).sql("SELECT COUNT(*) FROM token_transfer WHERE block_number = ?")
                    .param(spamBlock).query(Integer.class).single()).isEqualTo(2_500);
        }
    }

    @Test
    void a_block_the_node_gives_no_logs_of_stalls_the_indexer_visibly_with_backoff_until_the_node_does() {
        try (TestDatabase database = TestDatabase.h2()) {
            IndexerMetrics metrics = IndexerMetrics.unregistered();
            ChainIndexer indexer = dao.indexer(database.dataSource(), IndexerSettings.defaults(), throughSmallProxy, metrics);
            HistoryReadModel trail = new HistoryReadModel(JdbcClient.create(database.dataSource()));
            Duration poll = Duration.ofMillis(100);
            IndexerLoop loop = new IndexerLoop(indexer, IndexerLeadership.forDatabase(database.dataSource(), dao.deployment.governor()),
                    poll, () -> { });
            smallProxy.refuseReceiptsOfBlock(spamBlock);
            try {
                assertThatThrownBy(indexer::catchUp).isInstanceOf(ChainIndexer.Stalled.class)
                        .hasMessageContaining("stalled at block " + spamBlock);
                assertThat(metrics.stalledBlock()).isEqualTo(spamBlock);
                IndexerStall stall = trail.stall().orElseThrow();
                assertThat(stall.block()).isEqualTo(spamBlock);
                assertThat(stall.reason()).contains("query returned more than 2000 results", "receipts");
                assertThat(JdbcClient.create(database.dataSource()).sql("SELECT next_block FROM indexer_cursor").query(Long.class).single())
                        .isEqualTo(spamBlock);

                loop.pollOnce();
                loop.pollOnce();
                assertThat(loop.nextPause()).isEqualTo(poll.multipliedBy(4));
                for (int i = 0; i < 20; i++) {
                    loop.pollOnce();
                }
                assertThat(loop.nextPause()).isEqualTo(Duration.ofMinutes(1));
            } finally {
                smallProxy.allowAllReceipts();
            }

            loop.pollOnce();

            assertThat(loop.nextPause()).isEqualTo(poll);
            assertThat(trail.stall()).isEmpty();
            assertThat(metrics.stalledBlock()).isEqualTo(-1);
            assertThat(trail.count()).isEqualTo(dao.logCount());
        }
    }
}
