package org.modeldao.gateway.approval;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.modeldao.contracts.RegistryKinds.ConstraintKind;
import org.modeldao.contracts.RegistryKinds.PolicyKind;
import org.modeldao.gateway.GovernanceFixture;
import org.modeldao.gateway.approval.chain.ApprovedStateStore;

class GovernanceFolderTest {

    @TempDir
    Path dir;

    @Test
    void events_fold_into_versions_alias_policy_and_constraints() {
        GovernanceFixture dao = new GovernanceFixture(dir);
        dao.approveDemo("1");
        dao.approveDemo("2");
        dao.current("2").revoke("2", "bad").current("1")
                .policy(GovernanceFixture.policy(PolicyKind.TOKEN_HOLDERS, 5, 10, 2, List.of(), "9"))
                .constraint(GovernanceFixture.constraint(1, ConstraintKind.MIN_CONFIDENCE, "", 0.6, 0, List.of(), "r"))
                .constraint(GovernanceFixture.constraint(2, ConstraintKind.MAX_INPUT_SIZE, "", 0, 40, List.of(), "r"))
                .removeConstraint(BigInteger.ONE);
        ModelGovernance iris = dao.snapshot().model("iris").orElseThrow();
        assertThat(iris.currentVersion()).isEqualTo("1");
        assertThat(iris.version("2").orElseThrow().revoked()).isTrue();
        assertThat(iris.version("2").orElseThrow().revocationReason()).isEqualTo("bad");
        assertThat(iris.effectivePolicy().kind()).isEqualTo(PolicyKind.TOKEN_HOLDERS);
        assertThat(iris.constraints()).extracting(c -> c.id().intValue()).containsExactly(2);
        assertThat(iris.constraints().getFirst().maxValue()).isEqualTo(BigInteger.valueOf(40));
    }

    @Test
    void the_persisted_state_reads_back_equal() throws Exception {
        GovernanceFixture dao = new GovernanceFixture(dir);
        dao.approveDemo("1");
        dao.current("1").constraint(GovernanceFixture.constraint(3, ConstraintKind.ALLOWED_PURPOSES, "", 0, 0,
                List.of("education"), "r"));
        GovernanceSnapshot snapshot = dao.snapshot();
        ApprovedStateStore store = new ApprovedStateStore(dir.resolve("state/approved.json"));
        store.save(snapshot);
        assertThat(store.load()).contains(snapshot);
    }
}
