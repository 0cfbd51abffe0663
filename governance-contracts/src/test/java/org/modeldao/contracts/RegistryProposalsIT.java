package org.modeldao.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.modeldao.contracts.GovernanceFixture.version;
import static org.modeldao.contracts.GovernanceFixture.votes;

import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.modeldao.contracts.RegistryKinds.ConstraintKind;
import org.modeldao.contracts.RegistryKinds.PolicyKind;
import org.modeldao.contracts.RegistryKinds.VersionState;
import org.modeldao.contracts.wrappers.ModelRegistry;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/** Each kind of registry change, end to end through an executed proposal. */
class RegistryProposalsIT {

    @RegisterExtension
    static final GovernanceFixture dao = new GovernanceFixture();



    @Test
    void the_current_version_switches_by_proposal_and_revoking_it_clears_the_alias() throws Exception {
        String model = "sentiment";
        dao.pass("Approve sentiment v1 and v2, v1 current",
                dao.registryActions.approveVersion(version(model, "1")),
                dao.registryActions.approveVersion(version(model, "2")),
                dao.registryActions.setCurrentVersion(model, "1"));
        assertThat(registry().currentVersion(model).send()).isEqualTo("1");
        assertThat(registry().versionsOf(model).send()).containsExactly("1", "2");

        TransactionReceipt switchExecution = dao.pass("Make sentiment v2 current",
                dao.registryActions.setCurrentVersion(model, "2")).execution();
        assertThat(registry().currentVersion(model).send()).isEqualTo("2");
        ModelRegistry.CurrentVersionChangedEventResponse switched =
                ModelRegistry.getCurrentVersionChangedEvents(switchExecution).getFirst();
        assertThat(switched.previousVersion).isEqualTo("1");
        assertThat(switched.newVersion).isEqualTo("2");

        TransactionReceipt revocation = dao.pass("Revoke sentiment v2: biased on dialects",
                dao.registryActions.revokeVersion(model, "2", "biased on dialects")).execution();

        ModelRegistry.ModelVersion revoked = registry().getVersion(model, "2").send();
        assertThat(VersionState.of(revoked.state)).isEqualTo(VersionState.REVOKED);
        assertThat(revoked.revocationReason).isEqualTo("biased on dialects");
        assertThat(revoked.revokedAtBlock).isEqualTo(revocation.getBlockNumber());
        assertThat(registry().isApproved(model, "2", revoked.artifactSha256).send()).isFalse();
        assertThat(registry().currentVersion(model).send()).isEmpty();
        assertThat(ModelRegistry.getModelVersionRevokedEvents(revocation).getFirst().reason).isEqualTo("biased on dialects");
        assertThat(ModelRegistry.getCurrentVersionChangedEvents(revocation).getFirst().newVersion).isEmpty();

        dao.pass("Fall back to sentiment v1", dao.registryActions.setCurrentVersion(model, "1"));
        assertThat(registry().currentVersion(model).send()).isEqualTo("1");
    }

    @Test
    void access_policies_are_set_by_proposal_and_replace_each_other() throws Exception {
        String model = "policy-model";
        dao.pass("Approve policy-model v1", dao.registryActions.approveVersion(version(model, "1")));
        assertThat(registry().hasAccessPolicy(model).send()).isFalse();

        ModelRegistry.AccessPolicy holders = new ModelRegistry.AccessPolicy(PolicyKind.TOKEN_HOLDERS.code(),
                votes(100), BigInteger.valueOf(60), BigInteger.valueOf(16), List.of());
        TransactionReceipt execution = dao.pass("Token holders only", dao.registryActions.setAccessPolicy(model, holders))
                .execution();

        ModelRegistry.AccessPolicy stored = registry().accessPolicy(model).send();
        assertThat(registry().hasAccessPolicy(model).send()).isTrue();
        assertThat(PolicyKind.of(stored.kind)).isEqualTo(PolicyKind.TOKEN_HOLDERS);
        assertThat(stored.minVotes).isEqualTo(votes(100));
        assertThat(stored.requestsPerMinute).isEqualTo(BigInteger.valueOf(60));
        assertThat(stored.maxBatchSize).isEqualTo(BigInteger.valueOf(16));
        ModelRegistry.AccessPolicySetEventResponse event = ModelRegistry.getAccessPolicySetEvents(execution).getFirst();
        assertThat(event.model).isEqualTo(model);
        assertThat(event.minVotes).isEqualTo(votes(100));

        String allowed = dao.members.get(3).getAddress();
        dao.pass("Allow-list only", dao.registryActions.setAccessPolicy(model, new ModelRegistry.AccessPolicy(
                PolicyKind.ALLOW_LIST.code(), BigInteger.ZERO, BigInteger.valueOf(10), BigInteger.ONE, List.of(allowed))));
        stored = registry().accessPolicy(model).send();
        assertThat(PolicyKind.of(stored.kind)).isEqualTo(PolicyKind.ALLOW_LIST);
        assertThat(stored.allowList).singleElement().satisfies(a -> assertThat(a).isEqualToIgnoringCase(allowed));
    }

    @Test
    void ethical_constraints_are_added_and_removed_by_proposal_with_their_rationale() throws Exception {
        String model = "constrained-model";
        dao.pass("Approve constrained-model v1", dao.registryActions.approveVersion(version(model, "1")));

        ModelRegistry.EthicalConstraint range = new ModelRegistry.EthicalConstraint(BigInteger.ZERO,
                ConstraintKind.INPUT_RANGE.code(), "features", BigInteger.ZERO, BigInteger.valueOf(10_000_000),
                List.of(), "measurements outside 0-10 cm are sensor errors");
        ModelRegistry.EthicalConstraint forbidden = new ModelRegistry.EthicalConstraint(BigInteger.ZERO,
                ConstraintKind.FORBIDDEN_OUTPUT_LABEL.code(), "", BigInteger.ZERO, BigInteger.ZERO,
                List.of("Iris-virginica"), "this label was trained on mislabelled data");
        ModelRegistry.EthicalConstraint confidence = new ModelRegistry.EthicalConstraint(BigInteger.ZERO,
                ConstraintKind.MIN_CONFIDENCE.code(), "", BigInteger.valueOf(600_000), BigInteger.ZERO, List.of(),
                "below 60 % the model must abstain");
        ModelRegistry.EthicalConstraint purposes = new ModelRegistry.EthicalConstraint(BigInteger.ZERO,
                ConstraintKind.ALLOWED_PURPOSES.code(), "", BigInteger.ZERO, BigInteger.ZERO,
                List.of("education", "research"), "not for commercial botany");
        ModelRegistry.EthicalConstraint size = new ModelRegistry.EthicalConstraint(BigInteger.ZERO,
                ConstraintKind.MAX_INPUT_SIZE.code(), "", BigInteger.ZERO, BigInteger.valueOf(400), List.of(),
                "bulk scoring is out of the intended use");
        TransactionReceipt execution = dao.pass("Five constraints for constrained-model",
                dao.registryActions.addConstraint(model, range), dao.registryActions.addConstraint(model, forbidden),
                dao.registryActions.addConstraint(model, confidence), dao.registryActions.addConstraint(model, purposes),
                dao.registryActions.addConstraint(model, size)).execution();

        List<ModelRegistry.EthicalConstraintAddedEventResponse> added =
                ModelRegistry.getEthicalConstraintAddedEvents(execution);
        assertThat(added).hasSize(5);
        assertThat(added.get(1).values).containsExactly("Iris-virginica");
        assertThat(added.get(1).rationale).isEqualTo("this label was trained on mislabelled data");
        assertThat(added.get(0).target).isEqualTo("features");
        assertThat(added.get(0).maxValue).isEqualTo(BigInteger.valueOf(10_000_000));
        @SuppressWarnings("unchecked")
        List<ModelRegistry.EthicalConstraint> inForce = registry().constraintsOf(model).send();
        assertThat(inForce).extracting(c -> ConstraintKind.of(c.kind)).containsExactly(ConstraintKind.INPUT_RANGE,
                ConstraintKind.FORBIDDEN_OUTPUT_LABEL, ConstraintKind.MIN_CONFIDENCE, ConstraintKind.ALLOWED_PURPOSES,
                ConstraintKind.MAX_INPUT_SIZE);
        assertThat(inForce.get(3).values).containsExactly("education", "research");
        assertThat(inForce).extracting(c -> c.id).containsExactlyElementsOf(added.stream().map(e -> e.constraintId).toList());

        BigInteger forbiddenId = added.get(1).constraintId;
        TransactionReceipt removal = dao.pass("Lift the virginica ban",
                dao.registryActions.removeConstraint(model, forbiddenId, "relabelled and re-evaluated")).execution();

        assertThat(ModelRegistry.getEthicalConstraintRemovedEvents(removal).getFirst().reason)
                .isEqualTo("relabelled and re-evaluated");
        @SuppressWarnings("unchecked")
        List<ModelRegistry.EthicalConstraint> remaining = registry().constraintsOf(model).send();
        assertThat(remaining).extracting(c -> c.id).hasSize(4).doesNotContain(forbiddenId);
    }

    private ModelRegistry registry() {
        return dao.registry();
    }
}
