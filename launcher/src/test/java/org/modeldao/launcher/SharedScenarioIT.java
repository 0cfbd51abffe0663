package org.modeldao.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.modeldao.contracts.GovernanceProposal;
import org.modeldao.contracts.RegistryActions;
import org.modeldao.contracts.RegistryKinds.ConstraintKind;
import org.modeldao.contracts.RegistryKinds.PolicyKind;
import org.modeldao.contracts.VoteType;
import org.modeldao.contracts.devchain.DevChain;
import org.modeldao.contracts.devchain.DevGovernance;
import org.modeldao.contracts.wrappers.ModelRegistry;
import org.modeldao.demomodels.DemoModels;
import org.modeldao.launcher.report.SystemDescriptor;
import org.modeldao.launcher.seed.ArtifactFolder;
import org.modeldao.launcher.seed.DemoDao;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One governance scenario read by both consumers of the chain, the real app and the real gateway
 * of the local run: approvals through the governor, one executed directly on the timelock (no
 * ProposalExecuted in that transaction), a revocation, a current-version switch, a policy change,
 * a constraint added and one removed, and a reorganisation past the services' confirmations (0 in
 * the local run) after which the same proposal is executed again in another transaction. After
 * each step the app's catalog API and the gateway's metadata must name, for every version, the
 * current-version switch, the policy and each constraint, the proposal and the transaction the
 * chain says made it.
 */
@Order(3) // uses its own model; after the stories, so their block-by-block expectations are undisturbed
class SharedScenarioIT {

    private static final Logger log = LoggerFactory.getLogger(SharedScenarioIT.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration CONVERGENCE = Duration.ofSeconds(90);
    private static final String MODEL = "scenario";

    /** Which proposal made a registry change, in which transaction ("" = no proposal). */
    record Decision(String proposalId, String transaction) {

        Decision {
            transaction = transaction.toLowerCase(Locale.ROOT);
        }

        static Decision of(BigInteger proposalId, TransactionReceipt receipt) {
            return new Decision(proposalId.toString(), receipt.getTransactionHash());
        }
    }

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void the_app_and_the_gateway_name_the_same_proposal_and_transaction_for_every_decision() throws Exception {
        RunningDao running = RunningDao.get();
        SystemDescriptor system = running.system;
        DevChain chain = running.dao.chain().orElseThrow();
        DemoDao demo = running.dao.dao().orElseThrow();
        DevGovernance governance = new DevGovernance(chain, demo.deployment());
        RegistryActions registry = new RegistryActions(demo.deployment().registry());
        ArtifactFolder artifacts = new ArtifactFolder(running.home.resolve("artifacts"), system.urls().app() + "/artifacts/");
        Credentials proposer = demo.members().getFirst();
        List<Credentials> voters = demo.members().subList(0, 3);
        Credentials anyone = chain.accounts().get(9); // holds no votes, has no role: may still execute a ready operation
        Map<String, Decision> expected = new LinkedHashMap<>();

        // 1. through the governor: v1 approved and current, a public policy, a purpose constraint
        GovernanceProposal serveV1 = new GovernanceProposal(List.of(
                registry.approveVersion(submission(artifacts.publish(DemoModels.iris("1")), "1")),
                registry.setCurrentVersion(MODEL, "1"),
                registry.setAccessPolicy(MODEL, publicPolicy(600)),
                registry.addConstraint(MODEL, purposes("education", "research"))),
                "Serve " + MODEL + " v1 to everyone for education and research");
        DevGovernance.PassedProposal first = governance.pass(proposer, voters, serveV1);
        long executedAt = System.nanoTime();
        Decision byFirst = Decision.of(first.proposalId(), first.execution());
        BigInteger educationConstraint = constraintIds(first.execution()).getFirst();
        expected.put("approved:1", byFirst);
        expected.put("current", byFirst);
        expected.put("policy", byFirst);
        expected.put("constraint:" + educationConstraint, byFirst);
        Duration firstInference = awaitInference(system, "1");
        log.info("Execute → first /infer on the new version: {} ms", firstInference.toMillis());
        awaitSameDecisions(running, expected, "after an approval through the governor");

        // 2. v2 approved by a proposal whose operation someone executed on the timelock directly
        GovernanceProposal approveV2 = new GovernanceProposal(List.of(
                registry.approveVersion(submission(artifacts.publish(DemoModels.iris("2")), "2"))),
                "Approve " + MODEL + " v2");
        BigInteger second = queued(governance, proposer, voters, approveV2);
        TransactionReceipt direct = governance.executeOnTimelock(anyone, approveV2);
        expected.put("approved:2", Decision.of(second, direct));
        awaitSameDecisions(running, expected, "after a proposal executed on the timelock directly");

        // 3. switch to v2, revoke v1, change the policy, replace the constraint
        GovernanceProposal switchToV2 = new GovernanceProposal(List.of(
                registry.setCurrentVersion(MODEL, "2"),
                registry.revokeVersion(MODEL, "1", "superseded by v2"),
                registry.setAccessPolicy(MODEL, publicPolicy(1200)),
                registry.removeConstraint(MODEL, educationConstraint, "research only from now on"),
                registry.addConstraint(MODEL, purposes("research"))),
                "Serve " + MODEL + " v2 for research only; retire v1");
        DevGovernance.PassedProposal third = governance.pass(proposer, voters, switchToV2);
        Decision byThird = Decision.of(third.proposalId(), third.execution());
        expected.put("current", byThird);
        expected.put("revoked:1", byThird);
        expected.put("policy", byThird);
        expected.remove("constraint:" + educationConstraint);
        expected.put("constraint:" + constraintIds(third.execution()).getFirst(), byThird);
        awaitSameDecisions(running, expected, "after a switch, a revocation, a policy and a constraint change");

        // 4. a constraint executed through the governor, then that block reorganised away (0 confirmations:
        // both services had applied it) and the same operation executed on the timelock in another transaction
        GovernanceProposal teaching = new GovernanceProposal(List.of(registry.addConstraint(MODEL, purposes("teaching"))),
                "Allow " + MODEL + " for teaching too");
        BigInteger fourth = queued(governance, proposer, voters, teaching);
        String beforeExecution = chain.snapshot();
        TransactionReceipt doomed = governance.execute(proposer, teaching);
        String teachingKey = "constraint:" + constraintIds(doomed).getFirst();
        expected.put(teachingKey, Decision.of(fourth, doomed));
        awaitSameDecisions(running, expected, "before the reorganisation");
        assertThat(chain.revert(beforeExecution)).as("evm_revert").isTrue();
        TransactionReceipt replacement = governance.executeOnTimelock(anyone, teaching);
        expected.remove(teachingKey);
        expected.put("constraint:" + constraintIds(replacement).getFirst(), Decision.of(fourth, replacement));
        awaitSameDecisions(running, expected, "after the reorganisation");
    }

    /** Proposes, votes and queues; returns the proposal id (the operation is then ready after the delay). */
    private static BigInteger queued(DevGovernance governance, Credentials proposer, List<Credentials> voters,
            GovernanceProposal proposal) {
        BigInteger id = governance.propose(proposer, proposal);
        governance.startVoting(id);
        voters.forEach(v -> governance.vote(v, id, VoteType.FOR, "shared scenario"));
        governance.endVoting(id);
        governance.queue(proposer, proposal);
        return id;
    }

    private void awaitSameDecisions(RunningDao running, Map<String, Decision> expected, String when) throws Exception {
        long deadline = System.nanoTime() + CONVERGENCE.toNanos();
        Map<String, Decision> app;
        Map<String, Decision> gateway;
        do {
            Thread.sleep(500);
            app = fromApp(running.system);
            gateway = fromGateway(running.system);
        } while (!(app.equals(expected) && gateway.equals(expected)) && System.nanoTime() < deadline);
        assertThat(app).as("the app's catalog " + when + running.logTails(40)).containsExactlyInAnyOrderEntriesOf(expected);
        assertThat(gateway).as("the gateway's metadata " + when + running.logTails(40))
                .containsExactlyInAnyOrderEntriesOf(expected);
    }

    /** {@code GET /api/catalog/models/{name}}, anonymous. */
    private Map<String, Decision> fromApp(SystemDescriptor system) throws Exception {
        HttpResponse<String> response = get(system.urls().app() + "/api/catalog/models/" + MODEL);
        Map<String, Decision> decisions = new LinkedHashMap<>();
        if (response.statusCode() != 200) {
            return decisions;
        }
        JsonNode model = JSON.readTree(response.body());
        putIfPresent(decisions, "current", model.get("current_version_set_by"));
        if (model.hasNonNull("policy")) {
            putIfPresent(decisions, "policy", model.get("policy").get("decided_by"));
        }
        for (JsonNode constraint : model.get("constraints")) {
            putIfPresent(decisions, "constraint:" + constraint.get("id").asString(), constraint.get("decided_by"));
        }
        for (JsonNode version : model.get("versions")) {
            putIfPresent(decisions, "approved:" + version.get("version").asString(), version.get("approved_by"));
            putIfPresent(decisions, "revoked:" + version.get("version").asString(), version.get("revoked_by"));
        }
        return decisions;
    }

    private static void putIfPresent(Map<String, Decision> decisions, String key, JsonNode decision) {
        if (decision != null && !decision.isNull()) {
            decisions.put(key, new Decision(decision.get("proposal_id").asString(), decision.get("transaction").asString()));
        }
    }

    /** {@code GET /v2/models/{name}/versions/{v}} for every version the gateway knows (410 for a revoked one). */
    private Map<String, Decision> fromGateway(SystemDescriptor system) throws Exception {
        String base = system.urls().gateway() + "/v2/models/" + MODEL;
        Map<String, Decision> decisions = new LinkedHashMap<>();
        HttpResponse<String> model = get(base);
        if (model.statusCode() != 200) {
            return decisions;
        }
        for (JsonNode name : JSON.readTree(model.body()).get("versions")) {
            String version = name.asString();
            HttpResponse<String> response = get(base + "/versions/" + version);
            JsonNode p = JSON.readTree(response.body()).get("parameters");
            if (p == null || p.isNull()) {
                continue;
            }
            decisions.put("approved:" + version, new Decision(p.get("approving_proposal_id").asString(),
                    p.get("approval_transaction").asString()));
            if (response.statusCode() == 410) {
                decisions.put("revoked:" + version, new Decision(p.get("revoking_proposal_id").asString(),
                        p.get("revocation_transaction").asString()));
                continue;
            }
            putIfPresent(decisions, "current", p.get("current_version_set_by"));
            if (p.get("policy").has("proposal_id")) {
                putIfPresent(decisions, "policy", p.get("policy"));
            }
            for (JsonNode constraint : p.get("constraints")) {
                putIfPresent(decisions, "constraint:" + constraint.get("id").asString(), constraint);
            }
        }
        return decisions;
    }

    private Duration awaitInference(SystemDescriptor system, String version) throws Exception {
        long start = System.nanoTime();
        long deadline = start + CONVERGENCE.toNanos();
        int status;
        do {
            status = http.send(HttpRequest.newBuilder(URI.create(system.urls().gateway() + "/v2/models/" + MODEL
                            + "/versions/" + version + "/infer")).timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(system.demoModel().requestBody())).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode();
            if (status != 200) {
                Thread.sleep(50);
            }
        } while (status != 200 && System.nanoTime() < deadline);
        assertThat(status).as("inference on " + MODEL + " v" + version).isEqualTo(200);
        return Duration.ofNanos(System.nanoTime() - start);
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static List<BigInteger> constraintIds(TransactionReceipt receipt) {
        return ModelRegistry.getEthicalConstraintAddedEvents(receipt).stream().map(e -> e.constraintId).toList();
    }

    private static ModelRegistry.VersionSubmission submission(ArtifactFolder.PublishedModel published, String version) {
        return new ModelRegistry.VersionSubmission(MODEL, version, HexFormat.of().parseHex(published.model().artifactSha256()),
                published.artifactUri(), HexFormat.of().parseHex(published.model().cardSha256()), published.cardUri(), "onnx");
    }

    private static ModelRegistry.AccessPolicy publicPolicy(long requestsPerMinute) {
        return new ModelRegistry.AccessPolicy(PolicyKind.PUBLIC.code(), BigInteger.ZERO, BigInteger.valueOf(requestsPerMinute),
                BigInteger.valueOf(32), List.of());
    }

    private static ModelRegistry.EthicalConstraint purposes(String... allowed) {
        return new ModelRegistry.EthicalConstraint(BigInteger.ZERO, ConstraintKind.ALLOWED_PURPOSES.code(), "",
                BigInteger.ZERO, BigInteger.ZERO, List.of(allowed), "Shared scenario: allowed for " + String.join(", ", allowed));
    }
}
