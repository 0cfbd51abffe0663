package org.modeldao.gateway.inference;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.modeldao.contracts.RegistryKinds.ConstraintKind;
import org.modeldao.contracts.RegistryKinds.PolicyKind;
import org.modeldao.gateway.GovernanceFixture;
import org.modeldao.gateway.approval.AccessPolicy;
import org.modeldao.gateway.approval.GovernanceState;
import org.modeldao.gateway.decisions.DecisionEntry;
import org.modeldao.gateway.policy.AccessPolicyEnforcer;
import org.modeldao.gateway.policy.Caller;
import org.modeldao.gateway.policy.LocalRateLimiter;
import org.modeldao.gateway.serving.ModelSignature;
import org.modeldao.gateway.serving.ServingFixture;
import org.modeldao.gateway.serving.ServingSettings;
import org.modeldao.gateway.serving.Tensor;

/**
 * The governed pipeline with batching on and the real engine: callers whose calls share engine
 * runs still each get their own policy, validation, constraint and decision log outcome.
 */
class BatchedInferenceTest {

    private static final double[] SETOSA = {5.1, 3.5, 1.4, 0.2};
    private static final double[] VIRGINICA = {6.7, 3.0, 5.2, 2.3};

    @TempDir
    Path dir;

    @Test
    void callers_sharing_a_run_are_each_governed_and_recorded_on_their_own() throws Exception {
        List<Integer> runs = Collections.synchronizedList(new ArrayList<>());
        List<DecisionEntry> decisions = Collections.synchronizedList(new ArrayList<>());
        // one predictor holding back up to 1 s for the voted 4 rows: the calls below arrive together
        ServingSettings settings = new ServingSettings(1, 64, Duration.ofSeconds(10), Duration.ofSeconds(1),
                new ServingSettings.Batching(true, Duration.ofSeconds(1)));
        try (ServingFixture serving = new ServingFixture(settings, version -> runs::add)) {
            GovernanceState governance = new GovernanceState();
            governance.onChange(serving.reconciler::reconcile);
            GovernanceFixture dao = new GovernanceFixture(dir);
            dao.approveDemo("1");
            dao.current("1");
            dao.policy(GovernanceFixture.policy(PolicyKind.PUBLIC, 0, AccessPolicy.NO_RATE_LIMIT, 4, List.of(), "7"));
            dao.constraint(GovernanceFixture.constraint(41, ConstraintKind.FORBIDDEN_OUTPUT_LABEL, "", 0, 0,
                    List.of("virginica"), "no virginica, for the test"));
            governance.publish(dao.snapshot());
            serving.awaitSettled();
            InferenceService inference = new InferenceService(serving.registry, governance,
                    new AccessPolicyEnforcer(address -> BigInteger.ZERO, new LocalRateLimiter()), decisions::add,
                    new InferenceMetrics(new SimpleMeterRegistry()));

            List<List<Tensor>> inputs = List.of(
                    ServingFixture.irisRows(SETOSA), // 0 served
                    ServingFixture.irisRows(VIRGINICA), // 1 forbidden label
                    ServingFixture.irisRows(SETOSA), // 2 served
                    ServingFixture.irisRows(concat(SETOSA, SETOSA, SETOSA, SETOSA, SETOSA)), // 3 over the voted 4 rows
                    List.of(Tensor.numeric("input", org.modeldao.gateway.serving.DataType.FP32, new long[] {1, 3},
                            new double[] {1, 2, 3})), // 4 wrong shape
                    ServingFixture.irisRows(VIRGINICA), // 5 forbidden label
                    ServingFixture.irisRows(SETOSA)); // 6 served
            List<InferenceOutcome> outcomes = concurrently(inference, inputs);

            assertThat(outcomes.get(0)).isInstanceOf(InferenceOutcome.Served.class);
            assertThat(outcomes.get(1)).isInstanceOf(InferenceOutcome.Violated.class);
            assertThat(outcomes.get(2)).isInstanceOf(InferenceOutcome.Served.class);
            assertThat(outcomes.get(3)).isInstanceOf(InferenceOutcome.Refused.class);
            assertThat(outcomes.get(4)).isInstanceOf(InferenceOutcome.Invalid.class);
            assertThat(outcomes.get(5)).isInstanceOf(InferenceOutcome.Violated.class);
            assertThat(outcomes.get(6)).isInstanceOf(InferenceOutcome.Served.class);
            for (int i : new int[] {0, 2, 6}) {
                InferenceOutcome.Served served = (InferenceOutcome.Served) outcomes.get(i);
                assertThat(served.requestId()).isEqualTo("call-" + i);
                assertThat(served.version().version()).isEqualTo("1");
                Tensor label = served.outputs().stream().filter(t -> t.name().equals(ModelSignature.LABEL_OUTPUT))
                        .findFirst().orElseThrow();
                assertThat(label.strings()).containsExactly("setosa");
            }
            // five callers reached the engine (0, 1, 2, 5, 6), in runs of at most 4 rows, at least one shared
            assertThat(runs.stream().mapToInt(Integer::intValue).sum()).isEqualTo(5);
            assertThat(runs).anyMatch(n -> n > 1).allMatch(n -> n <= 4);
            // one decision per caller, each naming that caller
            assertThat(decisions).hasSize(inputs.size());
            for (int i = 0; i < inputs.size(); i++) {
                String caller = "anon:10.0.0." + i;
                String expected = switch (i) {
                    case 0, 2, 6 -> "INFERENCE";
                    case 1, 5 -> "VIOLATION";
                    default -> "REFUSAL";
                };
                assertThat(decisions).filteredOn(d -> d.caller().equals(caller)).singleElement()
                        .satisfies(d -> assertThat(d.kind()).isEqualTo(expected));
            }
        }
    }

    private static List<InferenceOutcome> concurrently(InferenceService inference, List<List<Tensor>> inputs)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(inputs.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<InferenceOutcome>> futures = new ArrayList<>();
            for (int i = 0; i < inputs.size(); i++) {
                InferenceCall call = new InferenceCall("iris", null, "call-" + i, Caller.anonymous("10.0.0." + i),
                        inputs.get(i), List.of(), null);
                futures.add(pool.submit(() -> {
                    start.await();
                    return inference.infer(call);
                }));
            }
            start.countDown();
            List<InferenceOutcome> outcomes = new ArrayList<>();
            for (Future<InferenceOutcome> f : futures) {
                outcomes.add(f.get(30, TimeUnit.SECONDS));
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    private static double[] concat(double[]... rows) {
        double[] all = new double[rows.length * 4];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(rows[i], 0, all, i * 4, 4);
        }
        return all;
    }
}
