package org.modeldao.gateway.approval.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.modeldao.contracts.DeploymentDescriptor;
import org.modeldao.contracts.RegistryKinds;
import org.modeldao.contracts.devchain.DevGovernance;
import org.modeldao.contracts.events.StreamSettings;
import org.modeldao.contracts.wrappers.ModelRegistry;
import org.modeldao.demomodels.DemoModel;
import org.modeldao.demomodels.DemoModels;
import org.modeldao.gateway.api.HttpFixture;
import org.modeldao.gateway.api.JwtFixture;
import org.modeldao.gateway.approval.GovernanceState;
import org.modeldao.gateway.serving.ServingFixture;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The gateway following a real DAO on a Hardhat dev chain, over HTTP. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:approval-sync;DB_CLOSE_DELAY=-1",
        "gateway.chain.poll-interval=100ms",
        "gateway.serving.retry-unavailable-after=500ms"})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ApprovalSyncIT {

    static ChainFixture dao;
    static final JwtFixture JWT = new JwtFixture();
    static Path dir;

    @DynamicPropertySource
    static void chain(DynamicPropertyRegistry registry) throws Exception {
        dir = Files.createTempDirectory("approval-sync-it");
        dao = new ChainFixture();
        dao.configureGateway(registry, dir, JWT);
    }

    @AfterAll
    static void stop() throws Exception {
        JWT.close();
        dao.close();
    }

    @LocalServerPort
    int port;
    @Autowired
    GovernanceState governance;
    HttpFixture http;

    @BeforeEach
    void client() {
        http = new HttpFixture(port);
    }

    static DemoModel.WrittenFiles files(String model, String version) {
        return DemoModels.iris(version).writeTo(dir.resolve(model));
    }

    HttpFixture.Reply awaitReply(Supplier<HttpFixture.Reply> call, Predicate<HttpFixture.Reply> until) throws Exception {
        long deadline = System.currentTimeMillis() + 15_000;
        HttpFixture.Reply reply = call.get();
        while (!until.test(reply) && System.currentTimeMillis() < deadline) {
            Thread.sleep(25);
            reply = call.get();
        }
        return reply;
    }

    HttpFixture.Reply infer(String model, String version, String token) {
        String path = "/v2/models/" + model + (version == null ? "" : "/versions/" + version) + "/infer";
        return http.post(path, HttpFixture.irisRequest("x", "{}", 6.0, 2.9, 4.5, 1.5), token);
    }

    @Test
    @Order(1)
    void an_executed_approval_is_served_with_its_proposal_and_transaction() throws Exception {
        DevGovernance.PassedProposal passed = dao.pass("Approve iris v1 and v2, v1 current",
                dao.approve("iris", DemoModels.iris("1"), files("iris", "1")),
                dao.approve("iris", DemoModels.iris("2"), files("iris", "2")),
                dao.actions.setCurrentVersion("iris", "1"));

        HttpFixture.Reply reply = awaitReply(() -> infer("iris", null, null), r -> r.status() == 200);
        assertThat(reply.status()).as(reply.raw().body()).isEqualTo(200);
        assertThat(reply.json().get("model_version").asString()).isEqualTo("1");
        assertThat(reply.json().at("/parameters/approving_proposal_id").asString())
                .isEqualTo(passed.proposalId().toString());
        assertThat(reply.json().at("/parameters/approval_transaction").asString())
                .isEqualTo(passed.execution().getTransactionHash());
        assertThat(awaitReply(() -> http.get("/v2/health/ready"), r -> r.status() == 200).json().get("status").asString())
                .isEqualTo("ok");
    }

    @Test
    @Order(2)
    void moving_the_current_alias_switches_unversioned_calls() throws Exception {
        dao.pass("Make iris v2 current", dao.actions.setCurrentVersion("iris", "2"));
        HttpFixture.Reply reply = awaitReply(() -> infer("iris", null, null),
                r -> "2".equals(r.json().path("model_version").asString()));
        assertThat(reply.json().get("model_version").asString()).isEqualTo("2");
    }

    @Test
    @Order(3)
    void a_revoked_version_answers_410_within_one_block() throws Exception {
        DevGovernance.PassedProposal revocation = dao.pass("Revoke iris v2", dao.actions.revokeVersion("iris", "2",
                "drifted on new data"));
        long revocationBlock = revocation.execution().getBlockNumber().longValueExact();
        HttpFixture.Reply reply = awaitReply(() -> infer("iris", "2", null), r -> r.status() == 410);
        assertThat(reply.status()).isEqualTo(410);
        assertThat(reply.json().get("error").asString()).contains("drifted on new data");
        // automine: no block was mined after the revocation, so the gateway stopped within it
        assertThat(dao.chain.blockNumber()).isEqualTo(revocationBlock);
        assertThat(infer("iris", null, null).status()).isEqualTo(503);
        assertThat(infer("iris", "1", null).status()).isEqualTo(200);
    }

    @Test
    @Order(4)
    void a_tampered_artifact_is_quarantined_with_its_reason_visible() throws Exception {
        DemoModel.WrittenFiles files = files("tampered", "1");
        byte[] bytes = Files.readAllBytes(files.artifact());
        bytes[100] ^= 0x20;
        Files.write(files.artifact(), bytes);
        dao.pass("Approve tampered v1", dao.approve("tampered", DemoModels.iris("1"), files));

        HttpFixture.Reply meta = awaitReply(() -> http.get("/v2/models/tampered/versions/1"),
                r -> r.status() == 200 && "quarantined".equals(r.json().at("/parameters/state").asString()));
        assertThat(meta.json().at("/parameters/quarantine_reason").asString()).contains("does not match the voted sha256")
                .doesNotContain(org.modeldao.gateway.verification.ArtifactVerifier.sha256Hex(bytes));
        assertThat(infer("tampered", "1", null).status()).isEqualTo(409);
        assertThat(http.get("/actuator/prometheus").raw().body()).contains("gateway_quarantines_total")
                .contains("artifact_hash_mismatch");
    }

    @Test
    @Order(5)
    void a_voted_token_holder_policy_reads_real_voting_power() throws Exception {
        dao.pass("Approve holders v1", dao.approve("holders", DemoModels.iris("1"), files("holders", "1")));
        DevGovernance.PassedProposal policy = dao.pass("Only holders of 1000 votes",
                dao.actions.setAccessPolicy("holders", new ModelRegistry.AccessPolicy(
                        RegistryKinds.PolicyKind.TOKEN_HOLDERS.code(), ChainFixture.votes(1000), BigInteger.valueOf(100),
                        BigInteger.valueOf(8), List.of())));
        HttpFixture.Reply anonymous = awaitReply(() -> infer("holders", "1", null), r -> r.status() == 401);
        assertThat(anonymous.json().at("/parameters/policy_proposal_id").asString())
                .isEqualTo(policy.proposalId().toString());
        assertThat(infer("holders", "1", JWT.token(dao.members.get(2).getAddress())).status()).isEqualTo(200);
        assertThat(infer("holders", "1", JWT.token(dao.smallHolder.getAddress())).status()).isEqualTo(403);
        assertThat(infer("holders", "1", JWT.token(dao.outsider.getAddress())).status()).isEqualTo(403);
    }

    @Test
    @Order(6)
    void a_voted_constraint_applies_without_restart_and_names_its_proposal() throws Exception {
        DevGovernance.PassedProposal constraint = dao.pass("Petal widths above 2 cm are out of scope",
                dao.actions.addConstraint("iris", new ModelRegistry.EthicalConstraint(BigInteger.ZERO,
                        RegistryKinds.ConstraintKind.INPUT_RANGE.code(), "input", BigInteger.ZERO,
                        BigInteger.valueOf(5_000_000), List.of(), "sensor range is 0-5 cm")));
        HttpFixture.Reply reply = awaitReply(() -> http.post("/v2/models/iris/versions/1/infer",
                HttpFixture.irisRequest("c", "{}", 6.0, 2.9, 4.5, 1.5), null), r -> r.status() == 422);
        assertThat(reply.json().at("/parameters/constraint_proposal_id").asString())
                .isEqualTo(constraint.proposalId().toString());
        assertThat(reply.json().at("/parameters/rationale").asString()).isEqualTo("sensor range is 0-5 cm");
    }

    @Test
    @Order(7)
    void with_the_chain_node_down_the_last_approved_set_is_served_and_readiness_degrades() throws Exception {
        dao.proxy.stop();
        try {
            HttpFixture.Reply ready = awaitReply(() -> http.get("/v2/health/ready"),
                    r -> "degraded".equals(r.json().path("status").asString()));
            assertThat(ready.status()).isEqualTo(200);
            assertThat(ready.json().at("/parameters/chain_reachable").asBoolean()).isFalse();
            assertThat(http.post("/v2/models/iris/versions/1/infer",
                    HttpFixture.irisRequest("d", "{}", 4.9, 3.0, 1.4, 0.2), null).status()).isEqualTo(200);

            // a second gateway started while the node is down serves the persisted approved set
            try (ServingFixture restarted = new ServingFixture()) {
                GovernanceState state = new GovernanceState();
                state.onChange(restarted.reconciler::reconcile);
                ApprovalSync sync = ApprovalSync.following(
                        org.web3j.protocol.Web3j.build(new org.web3j.protocol.http.HttpService(dao.deployment.rpcUrl())),
                        dao.deployment, StreamSettings.defaults(), state,
                        new ApprovedStateStore(dir.resolve("approved-state.json")), Duration.ofHours(1));
                sync.start();
                sync.pollOnce();
                restarted.awaitSettled();
                assertThat(state.status().fromPersistedState()).isTrue();
                assertThat(state.status().healthy()).isFalse();
                try (var lease = restarted.registry.lease("iris", "1")) {
                    assertThat(lease.version().predict(ServingFixture.irisRows(5.1, 3.5, 1.4, 0.2))).isNotEmpty();
                }
                assertThat(restarted.registry.state(new org.modeldao.gateway.approval.VersionKey("iris", "2"))
                        .orElseThrow().name()).isEqualTo("revoked");

                dao.proxy.start();
                sync.pollOnce();
                assertThat(state.status().healthy()).isTrue();
                sync.close();
            }
        } finally {
            if (!dao.proxy.isRunning()) {
                dao.proxy.start();
            }
        }
        HttpFixture.Reply recovered = awaitReply(() -> http.get("/v2/health/ready"),
                r -> "ok".equals(r.json().path("status").asString()));
        assertThat(recovered.json().get("status").asString()).isEqualTo("ok");
    }

    @Test
    @Order(8)
    void with_confirmations_an_event_applies_only_once_buried_deep_enough() throws Exception {
        GovernanceState state = new GovernanceState();
        org.web3j.protocol.Web3j web3j = org.web3j.protocol.Web3j.build(
                new org.web3j.protocol.http.HttpService(dao.deployment.rpcUrl()));
        ApprovalSync sync = ApprovalSync.following(web3j, dao.deployment, StreamSettings.defaults().withConfirmations(3),
                state, new ApprovedStateStore(dir.resolve("confirmations-state.json")), Duration.ofHours(1));
        sync.pollOnce();
        assertThat(state.current().model("late")).isEmpty();
        dao.pass("Approve late v1", dao.approve("late", DemoModels.iris("1"), files("late", "1")));
        sync.pollOnce();
        assertThat(state.current().model("late")).as("not yet 3 blocks deep").isEmpty();
        dao.chain.mine(3);
        sync.pollOnce();
        assertThat(state.current().model("late")).isPresent();
        assertThat(state.status().lagBlocks()).isEqualTo(3);
        sync.close();
        web3j.shutdown();
    }

    @Test
    @Order(9)
    void a_node_on_another_chain_than_the_descriptor_names_is_not_followed_and_readiness_says_wrong_chain()
            throws Exception {
        GovernanceState state = new GovernanceState();
        org.web3j.protocol.Web3j web3j = org.web3j.protocol.Web3j.build(
                new org.web3j.protocol.http.HttpService(dao.deployment.rpcUrl()));
        // the same contracts' addresses, but the descriptor names chain 1 while the node serves 31337
        DeploymentDescriptor mainnet = new DeploymentDescriptor(1, dao.deployment.rpcUrl(), dao.deployment.token(),
                dao.deployment.timelock(), dao.deployment.governor(), dao.deployment.registry(),
                dao.deployment.deploymentBlock(), dao.deployment.deployedAt());
        ApprovalSync sync = ApprovalSync.following(web3j, mainnet, StreamSettings.defaults(), state,
                new ApprovedStateStore(dir.resolve("wrong-chain-state.json")), Duration.ofHours(1));
        sync.pollOnce();
        sync.pollOnce();

        assertThat(state.current().models()).as("nothing applied from another chain").isEmpty();
        assertThat(state.status().healthy()).isFalse();
        assertThat(state.status().lastError()).startsWith("wrong chain: ").contains("31337").contains("chain 1");
        sync.close();
        web3j.shutdown();
    }
}
