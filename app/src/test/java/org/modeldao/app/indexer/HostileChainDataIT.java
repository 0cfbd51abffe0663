package org.modeldao.app.indexer;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.modeldao.app.readmodel.HistoryReadModel;
import org.modeldao.app.readmodel.QuarantinedLog;
import org.modeldao.app.testing.TestDatabase;
import org.modeldao.contracts.ProposalCall;
import org.modeldao.contracts.VoteType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/**
 * What anyone can write into the DAO's logs, written with real transactions on a Hardhat node and
 * indexed into H2 and PostgreSQL: NUL in vote reasons (also from an account without votes), a
 * 100 KB reason, invalid UTF-8, a description full of control characters, 10,000 spam transfers
 * mixed in — and a vote the database refuses for a reason that has nothing to do with text.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostileChainDataIT {

    private static final Logger log = LoggerFactory.getLogger(HostileChainDataIT.class);
    private static final String REFUSED_REASON = "refused by the test database";

    private static IndexerFixture dao;
    private static BigInteger proposal;
    private static TransactionReceipt refusedVote;
    private static String hugeReason;

    @BeforeAll
    static void writeHostileDataOnChain() {
        dao = IndexerFixture.start();
        HostileChain attacker = new HostileChain(dao);
        List<Credentials> accounts = dao.chain.accounts();
        attacker.spamTransfers(accounts.get(9), 5_000);
        proposal = dao.propose("# Hostile\u0007 title\u0000\nBell \u0007, escape \u001b[31m, NUL \u0000, DEL \u007f, C1 \u0085,"
                + " right-to-left override \u202e, tab\tand newline kept.", dao.registryActions.setCurrentVersion("hostile", "1"),
                dao.registryActions.revokeVersion("hostile", "1", "NUL \u0000, override \u202e, quote \" and brace }"),
                ProposalCall.of(dao.deployment.registry(), revokeCalldata().substring(0, 10 + 64)), // known selector, truncated
                ProposalCall.of(accounts.get(8).getAddress(), "0xdeadbeef00"));
        dao.governance.startVoting(proposal);
        dao.governance.vote(dao.members.get(0), proposal, VoteType.FOR, "x\u0000");
        dao.governance.vote(accounts.get(6), proposal, VoteType.AGAINST, "x\u0000"); // no tokens: a zero-weight vote anyone may cast
        hugeReason = "A".repeat(100) + "\u0000" + "B".repeat(100 * 1024);
        dao.governance.vote(dao.members.get(1), proposal, VoteType.FOR, hugeReason);
        attacker.voteWithRawReason(accounts.get(7), proposal, 2, new byte[] {'b', 'a', 'd', (byte) 0xC3, (byte) 0x28, (byte) 0xFF, 0});
        refusedVote = dao.governance.vote(dao.members.get(2), proposal, VoteType.FOR, REFUSED_REASON);
        attacker.spamTransfers(accounts.get(9), 5_000);
    }

    private static String revokeCalldata() {
        return dao.registryActions.revokeVersion("hostile", "1", "truncated below").calldata();
    }

    @AfterAll
    static void stop() {
        dao.close();
    }

    /** Runs first so the catch-up is the JVM's first (cold); the time is logged for the README, not asserted. */
    @Test
    @Order(1)
    void ten_thousand_logs_with_hostile_data_mixed_in_are_caught_up_on_h2() {
        try (TestDatabase database = TestDatabase.h2()) {
            ChainIndexer indexer = dao.indexer(database.dataSource());
            long started = System.nanoTime();
            int stored = indexer.catchUp();
            long millis = (System.nanoTime() - started) / 1_000_000;
            log.info("MEASURED cold catch-up on H2: {} logs (10,000 spam transfers + hostile votes and description) in {} ms",
                    stored, millis);
            assertThat(stored).isEqualTo(dao.logCount()).isGreaterThan(10_000);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    @Order(2)
    void hostile_text_is_stored_escaped_capped_and_replaced_and_nothing_stops_the_indexer(String kind) {
        try (TestDatabase database = TestDatabase.of(kind)) {
            JdbcClient sql = JdbcClient.create(database.dataSource());

            int stored = dao.indexer(database.dataSource()).catchUp();

            assertThat(stored).isEqualTo(dao.logCount());
            assertThat(count(sql, "SELECT COUNT(*) FROM quarantined_log")).isZero();
            assertThat(reasonOf(sql, dao.members.get(0))).isEqualTo("x\\u0000");
            assertThat(reasonOf(sql, dao.chain.accounts().get(6))).isEqualTo("x\\u0000");
            String huge = reasonOf(sql, dao.members.get(1));
            assertThat(huge).hasSizeLessThanOrEqualTo(ChainText.REASON).startsWith("A".repeat(100) + "\\u0000B")
                    .matches("(?s).*… \\[\\d+ more characters not stored]$");
            assertThat(reasonOf(sql, dao.chain.accounts().get(7))).startsWith("bad\uFFFD(\uFFFD").endsWith("\\u0000");
            String description = sql.sql("SELECT description FROM proposal WHERE proposal_id = ?").param(proposal.toString())
                    .query(String.class).single();
            assertThat(description).contains("Bell \\u0007", "escape \\u001B[31m", "NUL \\u0000", "DEL \\u007F", "C1 \\u0085",
                    "override \\u202E", "tab\tand newline kept.").doesNotContain("\u0000", "\u0007", "\u202e");
            assertThat(sql.sql("SELECT title FROM proposal WHERE proposal_id = ?").param(proposal.toString()).query(String.class)
                    .single()).isEqualTo("Hostile\\u0007 title\\u0000");
            // every call decoded once at indexing time, hostile ones included; the JSON is the app's, ASCII only
            List<String> actions = sql.sql("SELECT decoded_action FROM proposal_action WHERE proposal_id = ? ORDER BY action_index")
                    .param(proposal.toString()).query(String.class).list();
            assertThat(actions).hasSize(4).allSatisfy(json -> assertThat(json.chars()).allMatch(c -> c >= 0x20 && c < 0x7F));
            assertThat(actions.get(0)).startsWith("{\"kind\":\"SetCurrentVersion\"");
            assertThat(actions.get(1)).startsWith("{\"kind\":\"RevokeVersion\"").contains("NUL \\u0000, override \\u202E");
            assertThat(actions.subList(2, 4)).containsOnly("{\"kind\":\"UnrecognizedCall\"}");
            assertThat(sql.sql("SELECT vote_count FROM proposal WHERE proposal_id = ?").param(proposal.toString()).query(Integer.class)
                    .single()).isEqualTo(5);
            assertThat(sql.sql("SELECT summary FROM chain_event WHERE event_name = 'ProposalCreated' AND proposal_id = ?")
                    .param(proposal.toString()).query(String.class).single()).endsWith(": Hostile\\u0007 title\\u0000");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    @Order(3)
    void a_log_the_database_refuses_is_quarantined_shown_on_the_governance_history_and_never_tried_again(String kind) {
        try (TestDatabase database = TestDatabase.of(kind)) {
            JdbcClient sql = JdbcClient.create(database.dataSource());
            // a stand-in for any failure that is not about text: this database refuses one particular vote
            sql.sql("ALTER TABLE vote ADD CONSTRAINT test_refuses_one_vote CHECK (reason <> '" + REFUSED_REASON + "')").update();
            IndexerMetrics metrics = IndexerMetrics.unregistered();
            ChainIndexer indexer = dao.indexer(database.dataSource(), IndexerSettings.defaults(), dao.chain.web3j(), metrics);

            int stored = indexer.catchUp();

            assertThat(stored).isEqualTo(dao.logCount() - 1);
            assertThat(metrics.quarantinedCount()).isEqualTo(1);
            assertThat(metrics.splitCount()).isPositive();
            HistoryReadModel trail = new HistoryReadModel(sql);
            assertThat(trail.countQuarantined()).isOne();
            QuarantinedLog quarantined = trail.quarantined(0, 10).getFirst();
            assertThat(quarantined.txHash()).isEqualTo(refusedVote.getTransactionHash());
            assertThat(quarantined.blockNumber()).isEqualTo(refusedVote.getBlockNumber().longValueExact());
            assertThat(quarantined.contract()).isEqualTo("GOVERNOR");
            assertThat(quarantined.eventName()).isEqualTo("VoteCast");
            assertThat(quarantined.reason()).containsIgnoringCase("test_refuses_one_vote");
            assertThat(count(sql, "SELECT COUNT(*) FROM vote WHERE proposal_id = '" + proposal + "'")).isEqualTo(4);
            assertThat(sql.sql("SELECT next_block FROM indexer_cursor").query(Long.class).single()).isEqualTo(dao.chain.blockNumber() + 1);

            sql.sql("UPDATE indexer_cursor SET next_block = ?").param(dao.deployment.deploymentBlock()).update();
            assertThat(indexer.catchUp()).isZero();
            assertThat(trail.countQuarantined()).isOne();
            assertThat(metrics.quarantinedCount()).isEqualTo(1);
        }
    }

    private static String reasonOf(JdbcClient sql, Credentials voter) {
        return sql.sql("SELECT reason FROM vote WHERE proposal_id = ? AND voter = ?")
                .params(proposal.toString(), voter.getAddress().toLowerCase()).query(String.class).single();
    }

    private static int count(JdbcClient sql, String query) {
        return sql.sql(query).query(Integer.class).single();
    }
}
