package org.modeldao.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.modeldao.contracts.GovernanceFixture.version;

import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.modeldao.contracts.RegistryKinds.ConstraintKind;
import org.modeldao.contracts.RegistryKinds.PolicyKind;
import org.modeldao.contracts.wrappers.ModelRegistry;
import org.web3j.crypto.Credentials;

/**
 * Every refusal of the registry: called directly by anyone but its owner, simulated as
 * the owner, and carried all the way through a passed proposal, whose execution then fails
 * with the registry's own custom error and changes nothing.
 */
class RegistryRejectionsIT {

    private static final String MODEL = "guarded";
    @RegisterExtension
    static final GovernanceFixture dao = new GovernanceFixture();
    private static RegistryActions actions;

    record Rejection(String what, ProposalCall call, String expectedError) {
        @Override
        public String toString() {
            return what;
        }
    }

    @BeforeAll
    static void approveTwoVersionsAndRevokeOne() {
        actions = dao.registryActions;
        dao.pass("Approve guarded v1 and v2, revoke v2",
                actions.approveVersion(version(MODEL, "1")),
                actions.approveVersion(version(MODEL, "2")),
                actions.revokeVersion(MODEL, "2", "superseded"));
    }


    static Stream<Rejection> rejections() {
        ModelRegistry.VersionSubmission good = version(MODEL, "3");
        byte[] zero = new byte[32];
        return Stream.of(
                new Rejection("zero artifact hash", actions.approveVersion(new ModelRegistry.VersionSubmission(MODEL, "3",
                        zero, good.artifactUri, good.cardSha256, good.cardUri, "onnx")), "ZeroHash"),
                new Rejection("zero card hash", actions.approveVersion(new ModelRegistry.VersionSubmission(MODEL, "3",
                        good.artifactSha256, good.artifactUri, zero, good.cardUri, "onnx")), "ZeroHash"),
                new Rejection("empty model name", actions.approveVersion(new ModelRegistry.VersionSubmission("", "3",
                        good.artifactSha256, good.artifactUri, good.cardSha256, good.cardUri, "onnx")), "EmptyName"),
                new Rejection("empty artifact URI", actions.approveVersion(new ModelRegistry.VersionSubmission(MODEL, "3",
                        good.artifactSha256, "", good.cardSha256, good.cardUri, "onnx")), "EmptyUri"),
                new Rejection("approving a version twice", actions.approveVersion(version(MODEL, "1")),
                        "VersionAlreadyRegistered"),
                new Rejection("re-approving a revoked version", actions.approveVersion(version(MODEL, "2")),
                        "VersionAlreadyRegistered"),
                new Rejection("revoking an unknown version", actions.revokeVersion(MODEL, "9", "never was"), "UnknownVersion"),
                new Rejection("revoking a revoked version", actions.revokeVersion(MODEL, "2", "again"),
                        "VersionAlreadyRevoked"),
                new Rejection("current version that is revoked", actions.setCurrentVersion(MODEL, "2"), "VersionNotApproved"),
                new Rejection("current version that is unknown", actions.setCurrentVersion(MODEL, "9"), "VersionNotApproved"),
                new Rejection("policy for an unknown model", actions.setAccessPolicy("nobody", publicPolicy(60, 8)),
                        "UnknownModel"),
                new Rejection("policy without a rate", actions.setAccessPolicy(MODEL, publicPolicy(0, 8)),
                        "InvalidAccessPolicy"),
                new Rejection("token-holder policy without minimum", actions.setAccessPolicy(MODEL,
                        new ModelRegistry.AccessPolicy(PolicyKind.TOKEN_HOLDERS.code(), BigInteger.ZERO, BigInteger.TEN,
                                BigInteger.ONE, List.of())), "InvalidAccessPolicy"),
                new Rejection("empty allow-list", actions.setAccessPolicy(MODEL, new ModelRegistry.AccessPolicy(
                        PolicyKind.ALLOW_LIST.code(), BigInteger.ZERO, BigInteger.TEN, BigInteger.ONE, List.of())),
                        "InvalidAccessPolicy"),
                new Rejection("constraint without rationale", actions.addConstraint(MODEL, constraint(
                        ConstraintKind.MIN_CONFIDENCE, 500_000, 0, "")), "InvalidConstraint"),
                new Rejection("inverted input range", actions.addConstraint(MODEL, new ModelRegistry.EthicalConstraint(
                        BigInteger.ZERO, ConstraintKind.INPUT_RANGE.code(), "features", BigInteger.TEN, BigInteger.ONE,
                        List.of(), "inverted")), "InvalidConstraint"),
                new Rejection("confidence above one", actions.addConstraint(MODEL, constraint(
                        ConstraintKind.MIN_CONFIDENCE, 1_500_000, 0, "impossible")), "InvalidConstraint"),
                new Rejection("removing an unknown constraint", actions.removeConstraint(MODEL, BigInteger.valueOf(77),
                        "never added"), "UnknownConstraint"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rejections")
    void anyone_but_the_owner_is_refused_whatever_the_call(Rejection rejection) {
        for (Credentials caller : List.of(dao.outsider, dao.admin, dao.members.getFirst())) {
            assertThat(simulateFrom(caller.getAddress(), rejection.call())).hasValueSatisfying(revert -> {
                assertThat(revert.name()).isEqualTo("OwnableUnauthorizedAccount");
                assertThat(revert.arguments().getFirst()).isEqualToIgnoringCase(caller.getAddress());
            });
        }
        assertThat(simulateFrom(dao.deployment.governor(), rejection.call()))
                .hasValueSatisfying(revert -> assertThat(revert.name()).isEqualTo("OwnableUnauthorizedAccount"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rejections")
    void the_owner_gets_the_registry_s_own_error(Rejection rejection) {
        assertThat(simulateFrom(dao.deployment.timelock(), rejection.call()))
                .hasValueSatisfying(revert -> assertThat(revert.name()).isEqualTo(rejection.expectedError()));
    }

    @Test
    void a_passed_proposal_whose_call_the_registry_refuses_fails_at_execution_and_changes_nothing() throws Exception {
        for (Rejection rejection : List.of(rejections().filter(r -> r.what().equals("zero artifact hash")).findFirst().orElseThrow(),
                rejections().filter(r -> r.what().equals("approving a version twice")).findFirst().orElseThrow(),
                rejections().filter(r -> r.what().equals("revoking a revoked version")).findFirst().orElseThrow(),
                rejections().filter(r -> r.what().equals("current version that is revoked")).findFirst().orElseThrow())) {
            GovernanceProposal proposal = new GovernanceProposal(List.of(rejection.call()), "Doomed: " + rejection.what());
            BigInteger id = dao.governance.propose(dao.members.getFirst(), proposal);
            dao.governance.startVoting(id);
            dao.members.forEach(member -> dao.governance.vote(member, id, VoteType.FOR, "looks fine"));
            dao.governance.endVoting(id);
            dao.governance.queue(dao.members.getFirst(), proposal);
            List<String> versionsBefore = versions();

            dao.chain.increaseTime(java.time.Duration.ofMinutes(2));
            String execute = dao.governance.governor(dao.admin).execute(proposal.targets(), proposal.values(),
                    proposal.calldatas(), proposal.descriptionHash(), BigInteger.ZERO).encodeFunctionCall();
            assertThat(ContractErrors.simulate(dao.chain.web3j(), dao.admin.getAddress(), dao.deployment.governor(), execute))
                    .as(rejection.what())
                    .hasValueSatisfying(revert -> assertThat(revert.name()).isEqualTo(rejection.expectedError()));
            assertThatThrownBy(() -> dao.governance.execute(dao.admin, proposal)).isInstanceOf(RuntimeException.class);

            assertThat(dao.governance.state(id)).isEqualTo(ProposalState.QUEUED);
            assertThat(versions()).isEqualTo(versionsBefore);
            assertThat(dao.registry().currentVersion(MODEL).send()).isEmpty();
        }
    }

    private static Optional<ContractErrors.Revert> simulateFrom(String from, ProposalCall call) {
        return ContractErrors.simulate(dao.chain.web3j(), from, call.target(), call.calldata());
    }

    @SuppressWarnings("unchecked")
    private static List<String> versions() throws Exception {
        return dao.registry().versionsOf(MODEL).send();
    }

    private static ModelRegistry.AccessPolicy publicPolicy(int perMinute, int batch) {
        return new ModelRegistry.AccessPolicy(PolicyKind.PUBLIC.code(), BigInteger.ZERO, BigInteger.valueOf(perMinute),
                BigInteger.valueOf(batch), List.of());
    }

    private static ModelRegistry.EthicalConstraint constraint(ConstraintKind kind, long min, long max, String rationale) {
        return new ModelRegistry.EthicalConstraint(BigInteger.ZERO, kind.code(), "", BigInteger.valueOf(min),
                BigInteger.valueOf(max), List.of(), rationale);
    }
}
