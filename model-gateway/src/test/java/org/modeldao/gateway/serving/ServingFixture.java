package org.modeldao.gateway.serving;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.modeldao.gateway.approval.ApprovedVersion;
import org.modeldao.gateway.verification.ArtifactFetcher;
import org.modeldao.gateway.verification.ArtifactVerifier;
import org.modeldao.gateway.verification.SourcePolicy;

/** A real serving stack (DJL + ONNX Runtime) without HTTP or chain. */
public final class ServingFixture implements AutoCloseable {

    public final ServingRegistry registry = new ServingRegistry();
    public final ServingReconciler reconciler;

    public ServingFixture(ServingSettings settings) {
        this(settings, version -> BatchMeter.NONE);
    }

    /** @param batchMeters told the size of every engine run of each loaded version */
    public ServingFixture(ServingSettings settings, Function<ApprovedVersion, BatchMeter> batchMeters) {
        VersionLoader loader = new VersionLoader(
                new ArtifactVerifier(new ArtifactFetcher(10_000_000, Duration.ofSeconds(5), SourcePolicy.local())), settings,
                batchMeters);
        reconciler = new ServingReconciler(registry, loader, settings, Clock.systemUTC());
    }

    public ServingFixture() {
        this(new ServingSettings(2, 8, Duration.ofSeconds(5), Duration.ofMillis(200)));
    }

    /** Waits (bounded) until no version is loading any more and the aliases have followed. */
    public void awaitSettled() throws InterruptedException {
        if (!reconciler.awaitSettled(Duration.ofSeconds(30))) {
            throw new AssertionError("versions still loading: " + registry.states());
        }
    }

    public static List<Tensor> irisRows(double... values) {
        return List.of(Tensor.numeric("input", DataType.FP32, new long[] {values.length / 4, 4}, values));
    }

    /**
     * A call that already holds a version the DAO withdrew still runs on it; the version's
     * predictors and native model are released only once that call lets go.
     */
    public static void assertInFlightCallFinishesThenReleases(Lease inFlight) throws Exception {
        assertThat(inFlight.version().predict(irisRows(5.1, 3.5, 1.4, 0.2))).hasSize(1);
        assertThat(inFlight.version().released()).isFalse();
        inFlight.close();
        assertThat(inFlight.version().released()).isTrue();
    }

    @Override
    public void close() {
        reconciler.close();
    }
}
