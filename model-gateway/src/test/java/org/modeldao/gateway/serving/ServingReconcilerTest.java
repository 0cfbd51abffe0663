package org.modeldao.gateway.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.modeldao.gateway.GovernanceFixture;
import org.modeldao.gateway.approval.ApprovedVersion;
import org.modeldao.gateway.approval.VersionKey;
import org.modeldao.gateway.verification.ArtifactFetcher;
import org.modeldao.gateway.verification.ArtifactVerifier;
import org.modeldao.gateway.verification.SourcePolicy;

class ServingReconcilerTest {

    @TempDir
    Path dir;

    private final ServingFixture serving = new ServingFixture();

    @AfterEach
    void close() {
        serving.close();
    }

    private List<Tensor> predict(String version) throws Exception {
        try (Lease lease = serving.registry.lease("iris", version)) {
            return lease.version().predict(ServingFixture.irisRows(5.1, 3.5, 1.4, 0.2, 6.7, 3.0, 5.2, 2.3));
        }
    }

    @Test
    void a_load_that_throws_marks_the_version_unavailable_and_it_is_loaded_at_the_next_retry() throws Exception {
        ServingSettings settings = new ServingSettings(2, 8, Duration.ofSeconds(5), Duration.ofSeconds(2));
        VersionLoader loader = new VersionLoader(
                new ArtifactVerifier(new ArtifactFetcher(10_000_000, Duration.ofSeconds(5), SourcePolicy.local())), settings);
        AtomicInteger attempts = new AtomicInteger();
        ServingRegistry registry = new ServingRegistry();
        // what a real load cannot be made to do on demand: the native library failing, a bug, then an artifact
        // too large for the heap (onnx-checks' scan holds a copy of the file: docs/benchmarks.md, "Large artifact")
        try (ServingReconciler reconciler = new ServingReconciler(registry, loader, version -> switch (attempts.incrementAndGet()) {
                    case 1 -> throw new UnsatisfiedLinkError("no onnxruntime in java.library.path");
                    case 2 -> throw new IllegalStateException("a bug in a load");
                    case 3 -> throw new OutOfMemoryError("Java heap space");
                    default -> loader.load(version);
                }, settings, Clock.systemUTC())) {
            GovernanceFixture governance = new GovernanceFixture(dir);
            ApprovedVersion approved = governance.approveDemo("1");
            List<String> failures = List.of("UnsatisfiedLinkError", "IllegalStateException", "OutOfMemoryError");
            for (String failure : failures) {
                reconciler.reconcile(governance.snapshot());
                assertThat(reconciler.awaitSettled(Duration.ofSeconds(30))).isTrue();
                assertThat(registry.state(approved.key()).orElseThrow()).isInstanceOfSatisfying(
                        VersionState.Unavailable.class, u -> assertThat(u.reason()).contains(failure));
                reconciler.reconcile(governance.snapshot()); // before the retry interval: not tried again
                assertThat(attempts.get()).isEqualTo(failures.indexOf(failure) + 1);
                Thread.sleep(2100);
            }
            reconciler.reconcile(governance.snapshot());
            assertThat(reconciler.awaitSettled(Duration.ofSeconds(30))).isTrue();
            assertThat(registry.state(approved.key()).orElseThrow().name()).isEqualTo("ready");
            assertThat(attempts.get()).isEqualTo(4);
        }
    }

    @Test
    void approved_versions_load_and_give_different_outputs() throws Exception {
        GovernanceFixture governance = new GovernanceFixture(dir);
        governance.approveDemo("1");
        governance.approveDemo("2");
        serving.reconciler.reconcile(governance.snapshot());
        serving.awaitSettled();

        List<Tensor> v1 = predict("1");
        List<Tensor> v2 = predict("2");
        assertThat(v1.getFirst().shape()).containsExactly(2, 3);
        assertThat(v1.getFirst().numbers()).isNotEqualTo(v2.getFirst().numbers());
        double rowSum = v2.getFirst().numbers()[0] + v2.getFirst().numbers()[1] + v2.getFirst().numbers()[2];
        assertThat(rowSum).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-4));
    }

    @Test
    void unversioned_calls_follow_the_current_alias() throws Exception {
        GovernanceFixture governance = new GovernanceFixture(dir);
        governance.approveDemo("1");
        governance.approveDemo("2");
        governance.current("1");
        serving.reconciler.reconcile(governance.snapshot());
        serving.awaitSettled();
        assertThat(predict(null)).isEqualTo(predict("1"));

        serving.reconciler.reconcile(governance.current("2").snapshot());
        assertThat(predict(null)).isEqualTo(predict("2"));
    }

    @Test
    void a_tampered_artifact_is_quarantined_and_never_served() throws Exception {
        GovernanceFixture governance = new GovernanceFixture(dir);
        ApprovedVersion approved = governance.approveDemo("1");
        Path artifact = Path.of(java.net.URI.create(approved.artifactUri()));
        byte[] bytes = Files.readAllBytes(artifact);
        bytes[bytes.length - 1] ^= 1;
        Files.write(artifact, bytes);

        serving.reconciler.reconcile(governance.snapshot());
        serving.awaitSettled();

        assertThat(serving.registry.state(new VersionKey("iris", "1")).orElseThrow())
                .isInstanceOfSatisfying(VersionState.Quarantined.class,
                        q -> assertThat(q.reason()).startsWith("artifact does not match the voted sha256 " + approved.artifactSha256())
                                .doesNotContain(org.modeldao.gateway.verification.ArtifactVerifier.sha256Hex(bytes)));
        assertThatThrownBy(() -> predict("1")).isInstanceOf(ServingException.Quarantined.class);
    }

    @Test
    void a_tampered_model_card_is_quarantined_too() throws Exception {
        GovernanceFixture governance = new GovernanceFixture(dir);
        ApprovedVersion approved = governance.approveDemo("2");
        Files.writeString(Path.of(java.net.URI.create(approved.cardUri())), "{\"labels\": []}");
        serving.reconciler.reconcile(governance.snapshot());
        serving.awaitSettled();
        assertThat(serving.registry.state(approved.key()).orElseThrow().name()).isEqualTo("quarantined");
    }

    @Test
    void a_missing_artifact_is_unavailable_and_retried_until_it_appears() throws Exception {
        GovernanceFixture governance = new GovernanceFixture(dir);
        ApprovedVersion approved = governance.approveDemo("1");
        Path artifact = Path.of(java.net.URI.create(approved.artifactUri()));
        byte[] bytes = Files.readAllBytes(artifact);
        Files.delete(artifact);
        serving.reconciler.reconcile(governance.snapshot());
        serving.awaitSettled();
        assertThat(serving.registry.state(approved.key()).orElseThrow().name()).isEqualTo("unavailable");
        assertThatThrownBy(() -> predict("1")).isInstanceOf(ServingException.NotReady.class);

        Files.write(artifact, bytes);
        Thread.sleep(250);
        serving.reconciler.reconcile(governance.snapshot());
        serving.awaitSettled();
        assertThat(predict("1")).isNotEmpty();
    }

    @Test
    void revocation_stops_serving_and_releases_the_model_after_in_flight_calls() throws Exception {
        GovernanceFixture governance = new GovernanceFixture(dir);
        governance.approveDemo("1");
        governance.current("1");
        serving.reconciler.reconcile(governance.snapshot());
        serving.awaitSettled();

        Lease inFlight = serving.registry.lease("iris", "1");
        serving.reconciler.reconcile(governance.revoke("1", "biased").snapshot());

        assertThatThrownBy(() -> predict("1")).isInstanceOf(ServingException.Revoked.class).hasMessageContaining("biased");
        assertThatThrownBy(() -> predict(null)).isInstanceOf(ServingException.NotReady.class);
        ServingFixture.assertInFlightCallFinishesThenReleases(inFlight);
    }

    @Test
    void unknown_models_and_versions_are_not_found() throws Exception {
        GovernanceFixture governance = new GovernanceFixture(dir);
        governance.approveDemo("1");
        serving.reconciler.reconcile(governance.snapshot());
        serving.awaitSettled();
        assertThatThrownBy(() -> serving.registry.lease("nope", null)).isInstanceOf(ServingException.NotFound.class);
        assertThatThrownBy(() -> predict("9")).isInstanceOf(ServingException.NotFound.class);
    }

    @Test
    void a_loaded_version_whose_source_is_swapped_is_quarantined_and_unloaded_until_the_file_is_restored()
            throws Exception {
        GovernanceFixture governance = new GovernanceFixture(dir);
        ApprovedVersion approved = governance.approveDemo("1");
        governance.current("1");
        List<ServingEvent> events = new java.util.concurrent.CopyOnWriteArrayList<>();
        serving.reconciler.onEvent(events::add);
        serving.reconciler.reconcile(governance.snapshot());
        serving.awaitSettled();
        Lease inFlight = serving.registry.lease("iris", "1");

        Path artifact = Path.of(java.net.URI.create(approved.artifactUri()));
        byte[] original = Files.readAllBytes(artifact);
        byte[] swapped = original.clone();
        swapped[swapped.length - 1] ^= 1;
        Files.write(artifact, swapped);
        serving.reconciler.recheckSources();

        assertThat(serving.registry.state(approved.key()).orElseThrow())
                .isInstanceOfSatisfying(VersionState.Quarantined.class, q -> assertThat(q.reason())
                        .doesNotContain(org.modeldao.gateway.verification.ArtifactVerifier.sha256Hex(swapped))
                        .contains("does not match the voted sha256 " + approved.artifactSha256())
                        .contains("re-verification"));
        assertThatThrownBy(() -> predict("1")).isInstanceOf(ServingException.Quarantined.class);
        assertThatThrownBy(() -> predict(null)).isInstanceOf(ServingException.NotReady.class);
        assertThat(events).extracting(ServingEvent::kind).containsSubsequence(ServingEvent.Kind.LOADED,
                ServingEvent.Kind.QUARANTINED);
        // the call that held a lease before the swap finishes on the verified copy, then the model is closed
        assertThat(inFlight.version().predict(ServingFixture.irisRows(5.1, 3.5, 1.4, 0.2))).isNotEmpty();
        inFlight.close();
        assertThat(inFlight.version().released()).isTrue();

        serving.reconciler.recheckSources(); // still swapped: stays quarantined
        assertThat(serving.registry.state(approved.key()).orElseThrow().name()).isEqualTo("quarantined");

        Files.write(artifact, original);
        serving.reconciler.recheckSources();
        serving.awaitSettled();
        assertThat(predict("1")).isNotEmpty();
        assertThat(predict(null)).isEqualTo(predict("1"));
        assertThat(events.getLast().kind()).isEqualTo(ServingEvent.Kind.CURRENT_CHANGED);
    }

    @Test
    void a_quarantine_found_at_load_ends_when_the_source_matches_again() throws Exception {
        GovernanceFixture governance = new GovernanceFixture(dir);
        ApprovedVersion approved = governance.approveDemo("2");
        Path card = Path.of(java.net.URI.create(approved.cardUri()));
        byte[] original = Files.readAllBytes(card);
        Files.writeString(card, "{\"labels\": []}");
        serving.reconciler.reconcile(governance.snapshot());
        serving.awaitSettled();
        assertThat(serving.registry.state(approved.key()).orElseThrow())
                .isInstanceOfSatisfying(VersionState.Quarantined.class, q -> assertThat(q.reason()).startsWith("model card does not match the voted sha256"));

        Files.write(card, original);
        serving.reconciler.recheckSources();
        serving.awaitSettled();
        assertThat(predict("2")).isNotEmpty();
    }

    @Test
    void a_source_that_cannot_be_fetched_leaves_the_verified_copy_serving() throws Exception {
        GovernanceFixture governance = new GovernanceFixture(dir);
        ApprovedVersion approved = governance.approveDemo("1");
        serving.reconciler.reconcile(governance.snapshot());
        serving.awaitSettled();
        Files.delete(Path.of(java.net.URI.create(approved.artifactUri())));
        serving.reconciler.recheckSources();
        assertThat(serving.registry.state(approved.key()).orElseThrow().name()).isEqualTo("ready");
        assertThat(predict("1")).isNotEmpty();
    }

    @Test
    void a_quarantine_for_an_unusable_card_is_not_retried_by_rechecks() throws Exception {
        GovernanceFixture governance = new GovernanceFixture(dir);
        ApprovedVersion demo = governance.approveDemo("1");
        Path card = dir.resolve("unusable-card.json");
        Files.writeString(card, "{\"inputs\": [], \"outputs\": []}"); // declares a signature, and an empty one
        String cardSha = org.modeldao.gateway.verification.ArtifactVerifier.sha256Hex(Files.readAllBytes(card));
        ApprovedVersion broken = governance.approve("iris", "3", demo.artifactSha256(), demo.artifactUri(), cardSha,
                card.toUri().toString());
        serving.reconciler.reconcile(governance.snapshot());
        serving.awaitSettled();
        VersionState quarantined = serving.registry.state(broken.key()).orElseThrow();
        assertThat(quarantined).isInstanceOfSatisfying(VersionState.Quarantined.class,
                q -> assertThat(q.sourceMismatch()).isFalse());

        serving.reconciler.recheckSources();
        serving.awaitSettled();
        assertThat(serving.registry.state(broken.key()).orElseThrow()).isSameAs(quarantined);
    }

    @Test
    void scheduled_rechecks_find_a_swapped_artifact_without_any_governance_change() throws Exception {
        GovernanceFixture governance = new GovernanceFixture(dir);
        ApprovedVersion approved = governance.approveDemo("1");
        serving.reconciler.reconcile(governance.snapshot());
        serving.awaitSettled();
        try (SourceRecheck rechecks = SourceRecheck.every(java.time.Duration.ofMillis(50), serving.reconciler)) {
            Path artifact = Path.of(java.net.URI.create(approved.artifactUri()));
            byte[] bytes = Files.readAllBytes(artifact);
            bytes[0] ^= 1;
            Files.write(artifact, bytes);
            long deadline = System.nanoTime() + java.time.Duration.ofSeconds(20).toNanos();
            while (!(serving.registry.state(approved.key()).orElseThrow() instanceof VersionState.Quarantined)) {
                assertThat(System.nanoTime()).as("quarantined within 20 s").isLessThan(deadline);
                Thread.sleep(20);
            }
        }
        assertThatThrownBy(() -> predict("1")).isInstanceOf(ServingException.Quarantined.class);
    }

    @Test
    void a_negative_recheck_interval_is_refused() {
        assertThatThrownBy(() -> SourceRecheck.every(java.time.Duration.ofSeconds(-1), serving.reconciler))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("recheck-interval");
    }
}
