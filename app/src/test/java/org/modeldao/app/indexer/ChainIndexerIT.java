package org.modeldao.app.indexer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.modeldao.app.indexer.IndexerFixture.version;
import static org.modeldao.contracts.DeploymentSettings.tokens;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.modeldao.app.testing.TestDatabase;
import org.modeldao.contracts.RegistryKinds.ConstraintKind;
import org.modeldao.contracts.RegistryKinds.PolicyKind;
import org.modeldao.contracts.GovernanceProposal;
import org.modeldao.contracts.ProposalState;
import org.modeldao.contracts.Transactions;
import org.modeldao.contracts.VoteType;
import org.modeldao.contracts.wrappers.ModelDaoGovernor;
import org.modeldao.contracts.wrappers.ModelDaoTimelock;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.utils.Numeric;
import java.time.Duration;
import org.modeldao.contracts.wrappers.ModelRegistry;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The indexer against a real Hardhat node and an H2 read model. */
class ChainIndexerIT {

    private static IndexerFixture dao;
    private TestDatabase database;
    private JdbcClient sql;

    @BeforeAll
    static void deploy() {
        dao = IndexerFixture.start();
    }

    @AfterAll
    static void stop() {
        dao.close();
    }

    @BeforeEach
    void freshDatabase() {
        database = TestDatabase.h2();
        sql = JdbcClient.create(database.dataSource());
        dao.published.clear();
    }

    @AfterEach
    void dropDatabase() {
        database.close();
    }

    @Test
    void stores_every_log_once_and_links_registry_changes_to_the_proposal_whose_execution_made_them() throws Exception {
        String model = "linked-" + System.nanoTime();
        ModelRegistry.AccessPolicy policy = new ModelRegistry.AccessPolicy(PolicyKind.TOKEN_HOLDERS.code(), tokens(100),
                BigInteger.valueOf(60), BigInteger.valueOf(8), List.of());
        ModelRegistry.EthicalConstraint range = new ModelRegistry.EthicalConstraint(BigInteger.ZERO, ConstraintKind.INPUT_RANGE.code(),
                "features", BigInteger.valueOf(-5), BigInteger.valueOf(10_000_000), List.of(), "sensor range");
        var passed = dao.pass("# Approve " + model + "\nWith a policy and a constraint.",
                dao.registryActions.approveVersion(version(model, "1")),
                dao.registryActions.setCurrentVersion(model, "1"),
                dao.registryActions.setAccessPolicy(model, policy),
                dao.registryActions.addConstraint(model, range));

        int stored = dao.indexer(database.dataSource()).catchUp();

        assertThat(stored).isEqualTo(dao.logCount());
        assertThat(count("SELECT COUNT(*) FROM chain_event")).isEqualTo(dao.logCount());
        String id = passed.proposalId().toString();
        assertThat(sql.sql("SELECT title FROM proposal WHERE proposal_id = ?").param(id).query(String.class).single())
                .isEqualTo("Approve " + model);
        assertThat(sql.sql("SELECT executed_tx FROM proposal WHERE proposal_id = ?").param(id).query(String.class).single())
                .isEqualTo(passed.execution().getTransactionHash());
        assertThat(sql.sql("SELECT for_votes FROM proposal WHERE proposal_id = ?").param(id).query(BigDecimal.class).single())
                .isEqualByComparingTo(new BigDecimal(tokens(60_000)));
        assertThat(sql.sql("SELECT quorum FROM proposal WHERE proposal_id = ?").param(id).query(BigDecimal.class).single())
                .isEqualByComparingTo(new BigDecimal(dao.governor().quorum(dao.governor().proposalSnapshot(passed.proposalId()).send()).send()));
        assertThat(count("SELECT COUNT(*) FROM proposal_action WHERE proposal_id = '" + id + "'")).isEqualTo(4);
        assertThat(sql.sql("SELECT approved_by_proposal FROM model_version WHERE model = ?").param(model).query(String.class).single())
                .isEqualTo(id);
        assertThat(sql.sql("SELECT proposal_id FROM current_version_change WHERE model = ?").param(model).query(String.class).single())
                .isEqualTo(id);
        assertThat(sql.sql("SELECT proposal_id FROM access_policy_change WHERE model = ?").param(model).query(String.class).single())
                .isEqualTo(id);
        assertThat(sql.sql("SELECT min_value FROM ethical_constraint WHERE model = ?").param(model).query(BigDecimal.class).single())
                .isEqualByComparingTo("-5");
        assertThat(sql.sql("SELECT COUNT(*) FROM chain_event WHERE contract = 'REGISTRY' AND proposal_id = ?").param(id)
                .query(Integer.class).single()).isEqualTo(4);
        assertThat(dao.published).contains(new ProposalChanged(passed.proposalId(), dao.chain.blockNumber()));
        assertThat(dao.published).filteredOn(ChainIndexed.class::isInstance).isNotEmpty();
        assertReadModelMatchesChain();
    }

    @Test
    void a_proposal_executed_on_the_timelock_directly_is_executed_and_linked_all_the_same() throws Exception {
        String model = "direct-" + System.nanoTime();
        Voted voted = voted(model, "Approve " + model + " (executed on the timelock)");
        GovernanceProposal proposal = voted.proposal();
        BigInteger id = voted.id();
        dao.governance.queue(dao.members.get(0), proposal);
        ChainIndexer indexer = dao.indexer(database.dataSource());
        indexer.catchUp();
        dao.chain.increaseTime(Duration.ofMinutes(2));

        TransactionReceipt execution = executeOnTheTimelock(proposal);
        assertThat(ModelDaoGovernor.getProposalExecutedEvents(execution)).isEmpty();
        indexer.catchUp();

        assertExecutedAndLinked(id, model, execution);
        assertThat(ProposalState.ofOrdinal(dao.governor().state(id).send().intValueExact())).isEqualTo(ProposalState.EXECUTED);
    }

    @Test
    void a_direct_execution_read_ahead_while_its_queue_is_still_being_stored_is_linked_all_the_same() throws Exception {
        String model = "ahead-" + System.nanoTime();
        Voted voted = voted(model, "Approve " + model + " (executed on the timelock, read one batch ahead)");
        GovernanceProposal proposal = voted.proposal();
        dao.indexer(database.dataSource()).catchUp();
        long indexedTo = dao.chain.web3j().ethBlockNumber().send().getBlockNumber().longValueExact();
        dao.governance.queue(dao.members.get(0), proposal);
        dao.chain.increaseTime(Duration.ofMinutes(2)); // mines an empty block
        TransactionReceipt execution = executeOnTheTimelock(proposal);

        // two blocks per batch: (queue, empty block) is being stored while (execution) is read ahead; whether the read ahead
        // decodes before or after that commit is up to the threads (BatchInStoreTest checks the view it sees before)
        dao.indexer(database.dataSource(), IndexerSettings.defaults().withBatchBlocks(2)).catchUp();

        long queuedIn = sql.sql("SELECT block_number FROM timelock_operation WHERE proposal_id = ?").param(voted.id().toString())
                .query(Long.class).single();
        assertThat(queuedIn).as("the queue opens the first batch").isEqualTo(indexedTo + 1);
        assertThat(execution.getBlockNumber().longValueExact()).as("the execution opens the second").isEqualTo(queuedIn + 2);
        assertExecutedAndLinked(voted.id(), model, execution);
    }

    private record Voted(GovernanceProposal proposal, BigInteger id) {
    }

    /** A proposal approving {@code model} v1, voted for by every member, voting over. */
    private static Voted voted(String model, String description) {
        GovernanceProposal proposal = new GovernanceProposal(List.of(dao.registryActions.approveVersion(version(model, "1"))), description);
        BigInteger id = dao.governance.propose(dao.members.get(0), proposal);
        dao.governance.startVoting(id);
        dao.members.forEach(m -> dao.governance.vote(m, id, VoteType.FOR, "yes"));
        dao.governance.endVoting(id);
        return new Voted(proposal, id);
    }

    /** Anyone may execute a ready operation on the timelock itself, bypassing the governor (no ProposalExecuted). */
    private static TransactionReceipt executeOnTheTimelock(GovernanceProposal proposal) throws Exception {
        Credentials anyone = dao.chain.accounts().get(9);
        ModelDaoTimelock timelock = ModelDaoTimelock.load(dao.deployment.timelock(), dao.chain.web3j(),
                Transactions.signer(dao.chain.web3j(), anyone, dao.chain.chainId(), Duration.ofMillis(20)),
                Transactions.gasFromNode(dao.chain.web3j()));
        return timelock.executeBatch(proposal.targets(), proposal.values(), proposal.calldatas(), new byte[32],
                timelockSalt(proposal), BigInteger.ZERO).send();
    }

    private void assertExecutedAndLinked(BigInteger id, String model, TransactionReceipt execution) {
        assertThat(sql.sql("SELECT executed_tx FROM proposal WHERE proposal_id = ?").param(id.toString()).query(String.class).single())
                .isEqualTo(execution.getTransactionHash());
        assertThat(sql.sql("SELECT approved_by_proposal FROM model_version WHERE model = ?").param(model).query(String.class).single())
                .isEqualTo(id.toString());
    }

    /** GovernorTimelockControl's salt: bytes20(governor) XOR the description hash. */
    private static byte[] timelockSalt(GovernanceProposal proposal) {
        byte[] salt = proposal.descriptionHash().clone();
        byte[] governor = Numeric.hexStringToByteArray(dao.deployment.governor());
        for (int i = 0; i < 20; i++) {
            salt[i] ^= governor[i];
        }
        return salt;
    }

    @Test
    void long_text_is_stored_whole_up_to_its_cap_and_cut_with_a_visible_marker_beyond() {
        String description = "# Long read\n" + "x".repeat(150_000);
        BigInteger proposal = dao.propose(description, dao.registryActions.setCurrentVersion("long", "1"));
        dao.governance.startVoting(proposal);
        String reason = "because ".repeat(2_500);
        dao.governance.vote(dao.members.get(1), proposal, VoteType.FOR, reason);

        dao.indexer(database.dataSource()).catchUp();

        assertThat(sql.sql("SELECT description FROM proposal WHERE proposal_id = ?").param(proposal.toString()).query(String.class)
                .single()).isEqualTo(description);
        String stored = sql.sql("SELECT reason FROM vote WHERE proposal_id = ?").param(proposal.toString()).query(String.class).single();
        assertThat(stored).hasSize(ChainText.REASON).startsWith("because because").endsWith("more characters not stored]");
        assertThat(reason).startsWith(stored.substring(0, stored.indexOf('…')));
        assertThat(count("SELECT COUNT(*) FROM chain_event")).isEqualTo(dao.logCount());
    }

    @Test
    void resumes_from_its_cursor_after_a_restart_without_storing_anything_twice() throws Exception {
        dao.indexer(database.dataSource()).catchUp();
        BigInteger proposal = dao.propose("Restart test " + System.nanoTime(), dao.registryActions.setCurrentVersion("none", "1"));
        dao.governance.startVoting(proposal);
        dao.governance.vote(dao.members.get(1), proposal, VoteType.AGAINST, "no");

        ChainIndexer restarted = dao.indexer(database.dataSource());
        int storedAfterRestart = restarted.catchUp();

        assertThat(storedAfterRestart).isBetween(2, 10);
        assertThat(count("SELECT COUNT(*) FROM chain_event")).isEqualTo(dao.logCount());
        assertThat(count("SELECT COUNT(*) FROM (SELECT DISTINCT tx_hash, log_index FROM chain_event) d")).isEqualTo(dao.logCount());
        assertThat(sql.sql("SELECT against_votes FROM proposal WHERE proposal_id = ?").param(proposal.toString())
                .query(BigDecimal.class).single()).isEqualByComparingTo(new BigDecimal(tokens(15_000)));
        assertThat(restarted.catchUp()).isZero();
        assertReadModelMatchesChain();
    }

    @Test
    void reading_the_same_blocks_again_stores_no_log_twice() {
        ChainIndexer indexer = dao.indexer(database.dataSource());
        indexer.catchUp();
        String tallies = tallies();

        sql.sql("UPDATE indexer_cursor SET next_block = ?").param(dao.deployment.deploymentBlock()).update();
        int storedAgain = indexer.catchUp();

        assertThat(storedAgain).isZero();
        assertThat(count("SELECT COUNT(*) FROM chain_event")).isEqualTo(dao.logCount());
        assertThat(tallies()).isEqualTo(tallies);
    }

    @Test
    void waits_for_the_configured_confirmations_before_indexing_a_block() throws Exception {
        ChainIndexer indexer = dao.indexer(database.dataSource(), IndexerSettings.defaults().withConfirmations(3));
        dao.chain.mine(3);
        indexer.catchUp();
        assertThat(count("SELECT COUNT(*) FROM chain_event")).isEqualTo(dao.logCount());
        int indexed = count("SELECT COUNT(*) FROM chain_event");
        dao.governance.delegate(dao.members.get(3), dao.members.get(2).getAddress());

        indexer.catchUp();
        assertThat(count("SELECT COUNT(*) FROM chain_event")).isEqualTo(indexed);
        dao.chain.mine(2);
        indexer.catchUp();
        assertThat(count("SELECT COUNT(*) FROM chain_event")).isEqualTo(indexed);
        dao.chain.mine(1);
        indexer.catchUp();

        assertThat(count("SELECT COUNT(*) FROM chain_event")).isEqualTo(dao.logCount()).isGreaterThan(indexed);
        assertThat(sql.sql("SELECT delegate FROM account_delegate WHERE delegator = ?")
                .param(dao.members.get(3).getAddress().toLowerCase()).query(String.class).single())
                .isEqualTo(dao.members.get(2).getAddress().toLowerCase());
        dao.governance.delegateToSelf(dao.members.get(3));
    }

    @Test
    void a_reorganisation_is_rolled_back_and_the_canonical_chain_indexed_again() throws Exception {
        ChainIndexer indexer = dao.indexer(database.dataSource(), IndexerSettings.defaults().withBatchBlocks(3));
        indexer.catchUp();
        long forkBlock = dao.chain.blockNumber();
        String snapshot = dao.chain.snapshot();
        BigInteger orphan = dao.propose("Orphaned by a reorg " + System.nanoTime(), dao.registryActions.setCurrentVersion("x", "1"));
        dao.governance.startVoting(orphan);
        dao.governance.vote(dao.members.get(0), orphan, VoteType.FOR, "soon forgotten");
        dao.governance.delegate(dao.admin, dao.members.get(0).getAddress());
        indexer.catchUp();
        assertThat(count("SELECT COUNT(*) FROM proposal WHERE proposal_id = '" + orphan + "'")).isOne();

        assertThat(dao.chain.revert(snapshot)).isTrue();
        indexer.catchUp();
        assertThat(count("SELECT COUNT(*) FROM proposal WHERE proposal_id = '" + orphan + "'")).isZero();
        assertThat(dao.published).contains(new ChainReorganized(forkBlock, findLastIndexedBefore()));

        BigInteger canonical = dao.propose("Canonical after the reorg " + System.nanoTime(), dao.registryActions.setCurrentVersion("y", "1"));
        dao.governance.startVoting(canonical);
        dao.governance.vote(dao.members.get(2), canonical, VoteType.ABSTAIN, "kept");
        dao.chain.mine(5);
        indexer.catchUp();

        assertThat(count("SELECT COUNT(*) FROM proposal WHERE proposal_id = '" + canonical + "'")).isOne();
        assertThat(count("SELECT COUNT(*) FROM vote WHERE proposal_id = '" + orphan + "'")).isZero();
        assertThat(count("SELECT COUNT(*) FROM chain_event")).isEqualTo(dao.logCount());
        assertReadModelMatchesChain();
    }

    private long findLastIndexedBefore() {
        return dao.published.stream().filter(ChainReorganized.class::isInstance).map(ChainReorganized.class::cast)
                .findFirst().orElseThrow().discardedUpToBlock();
    }

    /** Current voting power and delegates in the read model equal what the token contract says now. */
    private void assertReadModelMatchesChain() throws Exception {
        Map<String, BigDecimal> power = new java.util.HashMap<>();
        sql.sql("SELECT delegate, votes FROM delegate_power").query((rs, n) -> power.put(rs.getString(1), rs.getBigDecimal(2))).list();
        for (var account : dao.chain.accounts().subList(0, 5)) {
            BigInteger onChain = dao.token().getVotes(account.getAddress()).send();
            assertThat(power.getOrDefault(account.getAddress().toLowerCase(), BigDecimal.ZERO))
                    .as("votes of %s", account.getAddress()).isEqualByComparingTo(new BigDecimal(onChain));
            String delegate = dao.token().delegates(account.getAddress()).send();
            assertThat(sql.sql("SELECT delegate FROM account_delegate WHERE delegator = ?").param(account.getAddress().toLowerCase())
                    .query(String.class).single()).isEqualTo(delegate.toLowerCase());
        }
    }

    private String tallies() {
        return sql.sql("SELECT proposal_id, for_votes, against_votes, abstain_votes, vote_count FROM proposal ORDER BY proposal_id")
                .query((rs, n) -> rs.getString(1) + rs.getBigDecimal(2) + rs.getBigDecimal(3) + rs.getBigDecimal(4) + rs.getInt(5))
                .list().toString();
    }

    private int count(String query) {
        return sql.sql(query).query(Integer.class).single();
    }
}
