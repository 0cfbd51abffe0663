package org.modeldao.gateway.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.modeldao.gateway.GovernanceFixture;
import org.modeldao.gateway.approval.Approval;
import org.modeldao.gateway.approval.ApprovedVersion;
import org.modeldao.gateway.approval.GovernanceFolder;
import org.modeldao.gateway.approval.GovernanceSnapshot;
import org.modeldao.gateway.approval.VersionKey;

/** What a chain reorganisation does to serving: snapshots that no longer back what is loaded. */
class UnbackedVersionsTest {

    @TempDir
    Path dir;

    private final ServingFixture serving = new ServingFixture();

    @AfterEach
    void close() {
        serving.close();
    }

    @Test
    void a_version_whose_approval_vanished_is_unloaded_and_its_alias_cleared() throws Exception {
        GovernanceFixture before = new GovernanceFixture(dir);
        before.approveDemo("1");
        before.current("1");
        serving.reconciler.reconcile(before.snapshot());
        serving.awaitSettled();
        Lease inFlight = serving.registry.lease("iris", null);

        // the canonical history approved nothing for iris
        serving.reconciler.reconcile(new GovernanceFixture(dir, "other").snapshot());

        assertThat(serving.registry.state(new VersionKey("iris", "1"))).isEmpty();
        assertThatThrownBy(() -> serving.registry.lease("iris", "1")).isInstanceOf(ServingException.NotFound.class);
        assertThatThrownBy(() -> serving.registry.lease("iris", null)).isInstanceOf(ServingException.NotFound.class);
        // the call already running finishes on the version it holds; then the version is released
        ServingFixture.assertInFlightCallFinishesThenReleases(inFlight);
    }

    @Test
    void a_version_approved_again_by_another_transaction_is_reloaded_from_the_new_approval() throws Exception {
        GovernanceFixture before = new GovernanceFixture(dir);
        before.approveDemo("1");
        serving.reconciler.reconcile(before.snapshot());
        serving.awaitSettled();
        LoadedVersion old;
        try (Lease lease = serving.registry.lease("iris", "1")) {
            old = lease.version();
        }

        // the same bytes, approved in the canonical history by another proposal and transaction
        ApprovedVersion held = old.approved();
        ApprovedVersion reapproved = ApprovedVersion.approved("iris", "1", held.artifactSha256(), held.artifactUri(),
                held.cardSha256(), held.cardUri(), "onnx", new Approval("777", "0x" + "cd".repeat(32), 9));
        serving.reconciler.reconcile(GovernanceFolder.apply(GovernanceSnapshot.EMPTY,
                List.of(GovernanceFixture.versionApproved(reapproved, 0)), 9));
        serving.awaitSettled();

        try (Lease lease = serving.registry.lease("iris", "1")) {
            assertThat(lease.version()).isNotSameAs(old);
            assertThat(lease.version().approved().approval().proposalId()).isEqualTo("777");
        }
        assertThat(old.released()).isTrue();
    }

    @Test
    void a_revocation_that_vanished_makes_the_version_servable_again() throws Exception {
        GovernanceFixture revoked = new GovernanceFixture(dir);
        revoked.approveDemo("1");
        revoked.revoke("1", "drift");
        serving.reconciler.reconcile(revoked.snapshot());
        assertThatThrownBy(() -> serving.registry.lease("iris", "1")).isInstanceOf(ServingException.Revoked.class);

        GovernanceFixture canonical = new GovernanceFixture(dir);
        canonical.approveDemo("1");
        serving.reconciler.reconcile(canonical.snapshot());
        serving.awaitSettled();
        try (Lease lease = serving.registry.lease("iris", "1")) {
            assertThat(lease.version().predict(ServingFixture.irisRows(5.1, 3.5, 1.4, 0.2))).hasSize(1);
        }
    }
}
