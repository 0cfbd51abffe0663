package org.modeldao.app.indexer;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.modeldao.app.testing.TestDatabase;
import org.modeldao.contracts.VoteType;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two app instances (two connection pools, two indexer loops) on one PostgreSQL database:
 * exactly one indexes; when it stops, the other takes over; no log is stored twice.
 */
class TwoIndexersIT {

    private static final Duration POLL = Duration.ofMillis(50);

    private static IndexerFixture dao;
    private static TestDatabase database;

    @BeforeAll
    static void start() {
        dao = IndexerFixture.start();
        database = TestDatabase.postgres();
    }

    @AfterAll
    static void stop() {
        database.close();
        dao.close();
    }

    @Test
    void exactly_one_of_two_instances_indexes_and_the_other_takes_over_when_it_stops() throws Exception {
        Instance first = new Instance(database.anotherPool());
        Instance second = new Instance(database.anotherPool());
        JdbcClient sql = JdbcClient.create(database.dataSource());
        try {
            first.loop.start();
            second.loop.start();
            BigInteger proposal = dao.propose("Two instances " + System.nanoTime(), dao.registryActions.setCurrentVersion("m", "1"));
            dao.governance.startVoting(proposal);
            dao.members.forEach(m -> dao.governance.vote(m, proposal, VoteType.FOR, "once"));
            awaitIndexed(sql);

            assertThat(List.of(first.loop.isLeading(), second.loop.isLeading())).containsExactlyInAnyOrder(true, false);
            Instance leader = first.loop.isLeading() ? first : second;
            Instance standby = leader == first ? second : first;
            assertThat(standby.published).isEmpty();
            assertThat(leader.published).isNotEmpty();
            assertNothingTwice(sql);
            assertThat(sql.sql("SELECT vote_count FROM proposal WHERE proposal_id = ?").param(proposal.toString())
                    .query(Integer.class).single()).isEqualTo(4);

            leader.loop.stop();
            dao.governance.delegate(dao.members.get(0), dao.admin.getAddress());
            awaitIndexed(sql);

            assertThat(standby.loop.isLeading()).isTrue();
            assertThat(standby.published).filteredOn(ChainIndexed.class::isInstance).isNotEmpty();
            assertNothingTwice(sql);
            dao.governance.delegateToSelf(dao.members.get(0));
        } finally {
            first.close();
            second.close();
        }
    }

    private static void assertNothingTwice(JdbcClient sql) {
        assertThat(sql.sql("SELECT COUNT(*) FROM chain_event").query(Integer.class).single()).isEqualTo(dao.logCount());
        assertThat(sql.sql("SELECT COUNT(*) FROM (SELECT DISTINCT tx_hash, log_index FROM chain_event) d").query(Integer.class).single())
                .isEqualTo(dao.logCount());
    }

    private static void awaitIndexed(JdbcClient sql) throws InterruptedException {
        long head = dao.chain.blockNumber();
        Instant deadline = Instant.now().plusSeconds(20);
        while (Instant.now().isBefore(deadline)) {
            Long next = sql.sql("SELECT next_block FROM indexer_cursor").query(Long.class).optional().orElse(0L);
            if (next > head) {
                Thread.sleep(POLL.multipliedBy(4));
                return;
            }
            Thread.sleep(POLL);
        }
        throw new AssertionError("the read model did not reach block " + head + " within 20 s");
    }

    /** One app instance: its own pool, leadership and indexer loop. */
    private static final class Instance implements AutoCloseable {
        final HikariDataSource pool;
        final List<Object> published = new CopyOnWriteArrayList<>();
        final IndexerLoop loop;

        Instance(HikariDataSource pool) {
            this.pool = pool;
            ChainIndexer indexer = new ChainIndexer(dao.chain.web3j(), dao.deployment,
                    IndexerSettings.defaults(), IndexerStore.on(pool, Clock.systemUTC()), published::add,
                    new org.modeldao.app.proposals.ActionCodec(dao.deployment.registry()));
            IndexerLeadership leadership = IndexerLeadership.forDatabase(pool, dao.deployment.governor());
            assertThat(leadership).isInstanceOf(IndexerLeadership.AdvisoryLockLeadership.class);
            this.loop = new IndexerLoop(indexer, leadership, POLL, () -> { });
        }

        @Override
        public void close() {
            loop.stop();
            pool.close();
        }
    }
}
