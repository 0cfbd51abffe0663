package org.modeldao.contracts.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.modeldao.contracts.DeploymentDescriptor;
import org.modeldao.contracts.DeploymentSettings;
import org.modeldao.contracts.ProposalCall;
import org.modeldao.contracts.RegistryKinds;
import org.modeldao.contracts.wrappers.GovernanceToken;
import org.modeldao.contracts.wrappers.ModelRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web3j.abi.EventEncoder;
import org.web3j.crypto.Hash;
import org.web3j.protocol.Web3j;
import tools.jackson.databind.node.ArrayNode;

/**
 * The stream against a real Hardhat node holding {@link StreamFixture}'s story: typed decoding of
 * a whole proposal lifecycle, attribution of a change executed on the timelock directly, reading
 * through a node that caps eth_getLogs, a node of another chain, a reorganisation, a hostile node.
 * The reorganisation tests rewrite the chain's tip, so they run last.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GovernanceEventStreamIT {

    private static final Logger log = LoggerFactory.getLogger(GovernanceEventStreamIT.class);

    private static StreamFixture dao;

    @BeforeAll
    static void playTheStory() {
        dao = StreamFixture.start();
    }

    @AfterAll
    static void stop() {
        if (dao != null) {
            dao.close();
        }
    }

    @Test
    @Order(1)
    void a_full_proposal_lifecycle_reads_as_typed_events_in_chain_order() {
        List<GovernanceEvent> events = StreamFixture.readAll(dao.stream(StreamSettings.defaults(), OperationLookup.NONE));

        assertThat(events).isSortedAccordingTo((a, b) -> EventPosition.CHAIN_ORDER.compare(a.position(), b.position()));
        assertThat(events).noneMatch(e -> e instanceof UnrecognisedLog);
        assertThat(events).allSatisfy(e -> assertThat(e.position().blockHash()).isEqualTo(blockHash(e.position().blockNumber())));

        var created = only(events, GovernorEvent.ProposalCreated.class, c -> c.proposalId().equals(dao.proposalA));
        assertThat(created.proposer()).isEqualTo(StreamFixture.address(dao.members.getFirst()));
        assertThat(created.description()).isEqualTo(StreamFixture.DESCRIPTION_A);
        assertThat(created.descriptionBytes()).isEqualTo(StreamFixture.DESCRIPTION_A.getBytes(StandardCharsets.UTF_8));
        assertThat(created.descriptionHash()).isEqualTo(ChainHex.of(dao.bodyA.descriptionHash()));
        assertThat(created.calls()).extracting(ProposalCall::target).containsOnly(ChainHex.address(dao.deployment.registry()));
        assertThat(created.calls()).extracting(ProposalCall::calldata)
                .containsExactlyElementsOf(dao.bodyA.calls().stream().map(c -> ChainHex.normalise(c.calldata())).toList());

        List<GovernorEvent.VoteCast> votes = all(events, GovernorEvent.VoteCast.class, v -> v.proposalId().equals(dao.proposalA));
        assertThat(votes).extracting(GovernorEvent.VoteCast::voter)
                .containsExactlyElementsOf(dao.members.stream().map(StreamFixture::address).toList());
        assertThat(votes).allSatisfy(v -> {
            assertThat(v.support()).isEqualTo(1);
            assertThat(v.weight()).isEqualTo(DeploymentSettings.tokens(15_000));
            assertThat(v.reason()).isEqualTo("dev governance");
        });

        var queued = only(events, GovernorEvent.ProposalQueued.class, q -> q.proposalId().equals(dao.proposalA));
        List<TimelockEvent.CallScheduled> scheduled = all(events, TimelockEvent.CallScheduled.class,
                s -> s.position().txHash().equals(queued.position().txHash()));
        assertThat(scheduled).hasSize(4).extracting(TimelockEvent.CallScheduled::id).containsOnly(created.timelockOperationId());

        var executed = only(events, GovernorEvent.ProposalExecuted.class, x -> x.proposalId().equals(dao.proposalA));
        assertThat(executed.position().txHash()).isEqualTo(dao.executionA.getTransactionHash());
        List<RegistryEvent> changes = all(events, RegistryEvent.class,
                r -> r.position().txHash().equals(dao.executionA.getTransactionHash()));
        assertThat(changes).extracting(GovernanceEvent::eventName)
                .containsExactly("ModelVersionApproved", "CurrentVersionChanged", "AccessPolicySet", "EthicalConstraintAdded");
        assertThat(changes).allSatisfy(change -> {
            ProposalExecution execution = change.execution().orElseThrow();
            assertThat(execution.proposalId()).isEqualTo(dao.proposalA);
            assertThat(execution.route()).isEqualTo(ProposalExecution.Route.GOVERNOR);
            assertThat(execution.operationId()).isEqualTo(created.timelockOperationId());
            assertThat(execution.txHash()).isEqualTo(dao.executionA.getTransactionHash());
        });
        var approved = (RegistryEvent.ModelVersionApproved) changes.get(0);
        assertThat(approved.model()).isEqualTo(StreamFixture.MODEL);
        assertThat(approved.version()).isEqualTo("1");
        assertThat(approved.modelKey()).isEqualTo(ChainHex.of(Hash.sha3(StreamFixture.MODEL.getBytes(StandardCharsets.UTF_8))));
        assertThat(approved.artifactSha256()).isEqualTo(ChainHex.of(StreamFixture.sha256("artifact sentiment 1")));
        assertThat(approved.cardUri()).isEqualTo("https://models.example/sentiment/1/card.json");
        assertThat(approved.format()).isEqualTo("onnx");
        var policy = (RegistryEvent.AccessPolicySet) changes.get(2);
        assertThat(policy.kind()).isEqualTo(RegistryKinds.PolicyKind.TOKEN_HOLDERS);
        assertThat(policy.minVotes()).isEqualTo(DeploymentSettings.tokens(100));
        assertThat(policy.requestsPerMinute()).isEqualTo(60);
        assertThat(policy.maxBatchSize()).isEqualTo(16);
        var constraint = (RegistryEvent.EthicalConstraintAdded) changes.get(3);
        assertThat(constraint.kind()).isEqualTo(RegistryKinds.ConstraintKind.MIN_CONFIDENCE);
        assertThat(constraint.minValue()).isEqualTo(BigInteger.valueOf(600_000));
        assertThat(constraint.rationale()).isEqualTo("below 60 % the model must abstain");

        assertThat(all(events, TokenEvent.DelegateChanged.class, d -> true)).extracting(TokenEvent.DelegateChanged::delegator)
                .contains(StreamFixture.address(dao.admin));
        assertThat(all(events, TokenEvent.Transfer.class, t -> true)).hasSizeGreaterThanOrEqualTo(5);
        assertThat(all(events, TimelockEvent.RoleGranted.class, r -> true)).isNotEmpty();
        assertThat(all(events, RegistryEvent.OwnershipTransferred.class, o -> true)).allSatisfy(o -> assertThat(o.execution()).isEmpty());
    }

    @Test
    @Order(2)
    void a_registry_change_executed_on_the_timelock_directly_is_attributed_to_its_proposal() {
        String directTx = dao.directExecutionB.getTransactionHash();

        // all in one batch: the queue transaction in the same batch names the proposal
        List<EventBatch> batches = new ArrayList<>();
        List<GovernanceEvent> oneBatch = StreamFixture.readAll(dao.stream(StreamSettings.defaults(), OperationLookup.NONE),
                new RecentBlocks(1000), null, batches);
        assertRevocationAttributedToB(oneBatch, directTx);
        assertThat(oneBatch).noneMatch(e -> e instanceof GovernorEvent.ProposalExecuted x && x.proposalId().equals(dao.proposalB));
        assertThat(batches.stream().flatMap(b -> b.executions().stream()).filter(x -> x.proposalId().equals(dao.proposalB)))
                .singleElement().satisfies(x -> {
                    assertThat(x.route()).isEqualTo(ProposalExecution.Route.TIMELOCK);
                    assertThat(x.txHash()).isEqualTo(directTx);
                });

        // one block per batch: the queue is in an earlier batch, only the consumer's lookup knows it
        InMemoryOperations operations = new InMemoryOperations();
        List<GovernanceEvent> blockByBlock = StreamFixture.readAll(
                dao.stream(StreamSettings.defaults().withBatchBlocks(1), operations), new RecentBlocks(1000), operations, null);
        assertRevocationAttributedToB(blockByBlock, directTx);
        assertThat(operations.proposalOf(revocation(blockByBlock).execution().orElseThrow().operationId())).contains(dao.proposalB);

        // without the lookup the earlier queue is out of reach: the change stays unattributed
        List<GovernanceEvent> forgetful = StreamFixture.readAll(
                dao.stream(StreamSettings.defaults().withBatchBlocks(1), OperationLookup.NONE), new RecentBlocks(1000), null, null);
        assertThat(revocation(forgetful).execution()).isEmpty();
    }

    private static void assertRevocationAttributedToB(List<GovernanceEvent> events, String directTx) {
        RegistryEvent.ModelVersionRevoked revoked = revocation(events);
        assertThat(revoked.position().txHash()).isEqualTo(directTx);
        assertThat(revoked.reason()).isEqualTo("biased on dialects");
        ProposalExecution execution = revoked.execution().orElseThrow();
        assertThat(execution.proposalId()).isEqualTo(dao.proposalB);
        assertThat(execution.route()).isEqualTo(ProposalExecution.Route.TIMELOCK);
        assertThat(execution.txHash()).isEqualTo(directTx);
        var createdB = only(events, GovernorEvent.ProposalCreated.class, c -> c.proposalId().equals(dao.proposalB));
        assertThat(execution.operationId()).isEqualTo(createdB.timelockOperationId());
        // the current-version alias cleared by the revocation is attributed too
        assertThat(only(events, RegistryEvent.CurrentVersionChanged.class, c -> c.position().txHash().equals(directTx))
                .approvingProposal()).contains(dao.proposalB);
    }

    private static RegistryEvent.ModelVersionRevoked revocation(List<GovernanceEvent> events) {
        return only(events, RegistryEvent.ModelVersionRevoked.class, r -> true);
    }

    @Test
    @Order(3)
    void ranges_over_the_nodes_log_cap_are_halved_and_a_single_block_over_it_is_read_from_its_receipts() {
        // halving puts the queue and the direct execution of B in different batches: the consumer's lookup links them
        InMemoryOperations directOperations = new InMemoryOperations();
        List<GovernanceEvent> direct = StreamFixture.readAll(dao.stream(StreamSettings.defaults(), directOperations),
                new RecentBlocks(1000), directOperations, null);
        int cap = 3;
        long executionBlock = dao.executionA.getBlockNumber().longValueExact();
        assertThat(direct.stream().filter(e -> e.position().blockNumber() == executionBlock).count()).isGreaterThan(cap);
        try (JsonRpcProxy proxy = new JsonRpcProxy(dao.chain.rpcUrl(), cap)) {
            Web3j client = proxy.client();
            try {
                List<EventBatch> batches = new ArrayList<>();
                InMemoryOperations operations = new InMemoryOperations();
                List<GovernanceEvent> capped = StreamFixture.readAll(
                        new GovernanceEventStream(client, dao.deployment, StreamSettings.defaults(), operations),
                        new RecentBlocks(1000), operations, batches);

                log.info("MEASURED {} events through a node capped at {} logs: {} batches, {} refusals, {} eth_getLogs, {} receipts",
                        capped.size(), cap, batches.size(), proxy.refusals(), proxy.calls("eth_getLogs"),
                        proxy.calls("eth_getTransactionReceipt"));
                assertThat(capped).containsExactlyElementsOf(direct);
                assertThat(revocation(capped).approvingProposal()).contains(dao.proposalB);
                assertThat(proxy.refusals()).isPositive();
                assertThat(proxy.calls("eth_getTransactionReceipt")).isPositive();
                assertThat(batches).anySatisfy(b -> {
                    assertThat(b.fromBlock()).isEqualTo(executionBlock);
                    assertThat(b.toBlock()).isEqualTo(executionBlock);
                });
            } finally {
                client.shutdown();
            }
        }
    }

    @Test
    @Order(3)
    void a_crowded_block_whose_receipts_are_refused_too_is_reported_as_unreadable_and_nothing_is_returned() {
        try (JsonRpcProxy proxy = new JsonRpcProxy(dao.chain.rpcUrl(), 3)) {
            proxy.refuseReceipts();
            Web3j client = proxy.client();
            try {
                GovernanceEventStream stream = new GovernanceEventStream(client, dao.deployment, StreamSettings.defaults(),
                        OperationLookup.NONE);
                long crowded = dao.executionA.getBlockNumber().longValueExact();

                assertThatThrownBy(() -> stream.readBatch(crowded, KnownBlocks.NONE))
                        .isInstanceOfSatisfying(ChainReadException.BlockUnreadable.class, e -> assertThat(e.block()).isEqualTo(crowded))
                        .hasMessageContaining("stalled at block " + crowded)
                        .hasMessageContaining("query returned more than 3 results")
                        .hasMessageContaining("receipts are not available");
            } finally {
                client.shutdown();
            }
        }
    }

    @Test
    @Order(4)
    void a_node_of_another_chain_is_refused_before_anything_is_read() {
        DeploymentDescriptor elsewhere = new DeploymentDescriptor(dao.deployment.chainId() + 1, dao.deployment.rpcUrl(),
                dao.deployment.token(), dao.deployment.timelock(), dao.deployment.governor(), dao.deployment.registry(),
                dao.deployment.deploymentBlock(), dao.deployment.deployedAt());
        GovernanceEventStream stream = new GovernanceEventStream(dao.web3j(), elsewhere, StreamSettings.defaults(), OperationLookup.NONE);

        assertThatThrownBy(stream::requireDeploymentChain).isInstanceOfSatisfying(ChainReadException.WrongChain.class, wrong -> {
            assertThat(wrong.nodeChainId()).isEqualTo(dao.deployment.chainId());
            assertThat(wrong.descriptorChainId()).isEqualTo(dao.deployment.chainId() + 1);
        }).hasMessageContaining("serves chain " + dao.deployment.chainId());
        assertThatThrownBy(() -> stream.readBatch(stream.firstBlock(), KnownBlocks.NONE)).isInstanceOf(ChainReadException.WrongChain.class);
        dao.stream(StreamSettings.defaults(), OperationLookup.NONE).requireDeploymentChain();
        assertThat(stream.nodeChainId()).isEqualTo(dao.deployment.chainId());
    }

    @Test
    @Order(5)
    void confirmations_keep_the_newest_blocks_out_of_reach() {
        dao.chain.mine(10);
        GovernanceEventStream stream = dao.stream(StreamSettings.defaults().withConfirmations(5), OperationLookup.NONE);
        long head = stream.head();

        EventBatch batch = stream.readBatch(head - 7, KnownBlocks.NONE);

        assertThat(stream.confirmedHead()).isEqualTo(head - 5);
        assertThat(batch.toBlock()).isEqualTo(head - 5);
        assertThat(stream.readBatch(head - 4, KnownBlocks.NONE).isEmpty()).isTrue();
    }

    @Test
    @Order(6)
    void logs_a_node_garbles_become_unrecognised_logs_and_the_rest_still_reads() {
        String approvedTopic = EventEncoder.encode(ModelRegistry.MODELVERSIONAPPROVED_EVENT);
        String transferTopic = EventEncoder.encode(GovernanceToken.TRANSFER_EVENT);
        String unknownTopic = Hash.sha3String("Unknown(uint256)");
        String hostileLength = "0x" + "0".repeat(62) + "20" + "0".repeat(56) + "7fffffff";
        List<GovernanceEvent> honest = StreamFixture.readAll(dao.stream(StreamSettings.defaults(), OperationLookup.NONE));
        try (JsonRpcProxy proxy = new JsonRpcProxy(dao.chain.rpcUrl(), Integer.MAX_VALUE)) {
            proxy.tamperLogs(l -> {
                String topic0 = l.path("topics").path(0).asString("");
                if (topic0.equals(approvedTopic)) {
                    l.put("data", hostileLength);
                } else if (topic0.equals(transferTopic)) {
                    ((ArrayNode) l.get("topics")).set(0, unknownTopic);
                }
            });
            Web3j client = proxy.client();
            try {
                List<GovernanceEvent> garbled = StreamFixture.readAll(
                        new GovernanceEventStream(client, dao.deployment, StreamSettings.defaults(), OperationLookup.NONE));

                assertThat(garbled).hasSameSizeAs(honest);
                List<UnrecognisedLog> unrecognised = all(garbled, UnrecognisedLog.class, u -> true);
                assertThat(unrecognised).filteredOn(u -> u.signature().equals(approvedTopic)).singleElement().satisfies(u -> {
                    assertThat(u.position().contract()).isEqualTo(DaoContract.REGISTRY);
                    assertThat(u.reason()).contains("ModelVersionApproved does not decode");
                    assertThat(u.data()).isEqualTo(hostileLength);
                });
                assertThat(unrecognised).filteredOn(u -> u.signature().equals(unknownTopic))
                        .hasSize(all(honest, TokenEvent.Transfer.class, t -> true).size())
                        .allSatisfy(u -> assertThat(u.reason()).contains("no TOKEN event has the signature"));
                assertThat(all(garbled, RegistryEvent.ModelVersionRevoked.class, r -> true)).isNotEmpty();
                assertThat(all(garbled, GovernorEvent.ProposalCreated.class, c -> true)).hasSize(2);
            } finally {
                client.shutdown();
            }
        }
    }

    @Test
    @Order(7)
    void a_reorganisation_is_found_by_block_hash_and_rolls_back_to_the_last_common_block() {
        GovernanceEventStream stream = dao.stream(StreamSettings.defaults(), OperationLookup.NONE);
        RecentBlocks known = new RecentBlocks(1000);
        StreamFixture.readAll(stream, known, null, null);
        long common = stream.head();
        String snapshot = dao.chain.snapshot();
        String member0 = StreamFixture.address(dao.members.get(0));
        String member1 = StreamFixture.address(dao.members.get(1));
        dao.transfer(dao.admin, member0, 7);
        dao.chain.mine(2);
        List<GovernanceEvent> dropped = StreamFixture.readOn(stream, common + 1, known).stream()
                .flatMap(b -> b.events().stream()).toList();
        assertThat(all(dropped, TokenEvent.Transfer.class, t -> true)).singleElement().satisfies(t -> assertThat(t.to()).isEqualTo(member0));
        assertThat(known.newestFirst(1).getFirst().number()).isEqualTo(common + 3);

        assertThat(dao.chain.revert(snapshot)).isTrue();
        dao.transfer(dao.admin, member1, 11);
        dao.chain.mine(3);

        Rollback rollback = stream.reorganisation(known).orElseThrow();
        assertThat(rollback.toBlock()).isEqualTo(common);
        assertThat(rollback.beyondMaxDepth()).isFalse();
        assertThat(rollback.lastHeldBlock()).isEqualTo(common + 3);
        assertThat(rollback.canonicalHash()).isEqualTo(blockHash(common + 3)).isNotEqualTo(rollback.heldHash());
        assertThat(stream.readBatch(common + 4, known).rollback()).contains(rollback);

        // only blocks above the common one are held there, not within a depth of one block: rebuild
        Rollback deep = dao.stream(StreamSettings.defaults().withMaxReorgDepth(1), OperationLookup.NONE).reorganisation(known)
                .orElseThrow();
        assertThat(deep.beyondMaxDepth()).isTrue();
        assertThat(deep.toBlock()).isEqualTo(dao.deployment.deploymentBlock() - 1);

        known.apply(rollback);
        List<GovernanceEvent> canonical = StreamFixture.readOn(stream, rollback.nextBlock(), known).stream()
                .flatMap(b -> b.events().stream()).toList();
        assertThat(all(canonical, TokenEvent.Transfer.class, t -> true)).singleElement()
                .satisfies(t -> assertThat(t.to()).isEqualTo(member1));
        assertThat(stream.reorganisation(known)).isEmpty();
    }

    private static String blockHash(long number) {
        try {
            return dao.web3j().ethGetBlockByNumber(org.web3j.protocol.core.DefaultBlockParameter.valueOf(BigInteger.valueOf(number)),
                    false).send().getBlock().getHash();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static <T extends GovernanceEvent> List<T> all(List<GovernanceEvent> events, Class<T> type,
            java.util.function.Predicate<T> filter) {
        return events.stream().filter(type::isInstance).map(type::cast).filter(filter).toList();
    }

    private static <T extends GovernanceEvent> T only(List<GovernanceEvent> events, Class<T> type, java.util.function.Predicate<T> filter) {
        List<T> found = all(events, type, filter);
        assertThat(found).as("%s matching", type.getSimpleName()).hasSize(1);
        return found.getFirst();
    }
}
