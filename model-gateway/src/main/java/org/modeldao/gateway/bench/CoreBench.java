package org.modeldao.gateway.bench;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.flywaydb.core.Flyway;
import org.modeldao.contracts.RegistryKinds.ConstraintKind;
import org.modeldao.contracts.RegistryKinds.PolicyKind;
import org.modeldao.contracts.events.DaoContract;
import org.modeldao.contracts.events.EventPosition;
import org.modeldao.contracts.events.ProposalExecution;
import org.modeldao.contracts.events.RegistryEvent;
import org.modeldao.demomodels.DemoModel;
import org.modeldao.demomodels.DemoModels;
import org.modeldao.gateway.approval.Approval;
import org.modeldao.gateway.approval.GovernanceFolder;
import org.modeldao.gateway.approval.GovernanceSnapshot;
import org.modeldao.gateway.approval.GovernanceState;
import org.modeldao.gateway.constraints.ConstraintEngine;
import org.modeldao.gateway.decisions.DecisionLog;
import org.modeldao.gateway.decisions.DecisionLogSettings;
import org.modeldao.gateway.inference.InferenceCall;
import org.modeldao.gateway.inference.InferenceMetrics;
import org.modeldao.gateway.inference.InferenceOutcome;
import org.modeldao.gateway.inference.InferenceService;
import org.modeldao.gateway.policy.AccessPolicyEnforcer;
import org.modeldao.gateway.policy.Caller;
import org.modeldao.gateway.policy.LocalRateLimiter;
import org.modeldao.gateway.serving.DataType;
import org.modeldao.gateway.serving.Lease;
import org.modeldao.gateway.serving.ServingException;
import org.modeldao.gateway.serving.ServingReconciler;
import org.modeldao.gateway.serving.ServingRegistry;
import org.modeldao.gateway.serving.ServingSettings;
import org.modeldao.gateway.serving.Tensor;
import org.modeldao.gateway.serving.VersionLoader;
import org.modeldao.gateway.serving.VersionState;
import org.modeldao.gateway.verification.ArtifactFetcher;
import org.modeldao.gateway.verification.ArtifactVerifier;
import org.modeldao.gateway.verification.SourcePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/** In-process measurements: governance overhead and hot swap under load. */
final class CoreBench implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CoreBench.class);
    static final List<Tensor> ROW = List.of(Tensor.numeric("input", DataType.FP32, new long[] {1, 4},
            new double[] {5.1, 3.5, 1.4, 0.2}));

    private final Path dir = Files.createTempDirectory("gateway-bench");
    private final List<RegistryEvent> events = new ArrayList<>();
    private final GovernanceState state = new GovernanceState();
    private final ServingRegistry registry = new ServingRegistry();
    private final ServingReconciler reconciler;
    private final DecisionLog audit;
    private final InferenceService inference;
    private final InferenceService inferenceWithoutAudit;
    private final InferenceMetrics metrics = new InferenceMetrics(new SimpleMeterRegistry());
    private final InferenceMetrics metricsWithoutAudit = new InferenceMetrics(new SimpleMeterRegistry());

    CoreBench() throws Exception {
        ServingSettings settings = new ServingSettings(2, 64, Duration.ofSeconds(10), Duration.ofSeconds(5));
        reconciler = new ServingReconciler(registry, new VersionLoader(new ArtifactVerifier(
                new ArtifactFetcher(10_000_000, Duration.ofSeconds(5), SourcePolicy.local())), settings), settings, Clock.systemUTC());
        state.onChange(reconciler::reconcile);
        var dataSource = new DriverManagerDataSource("jdbc:h2:mem:bench;DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/common").load().migrate();
        audit = new DecisionLog(new JdbcTemplate(dataSource),
                new TransactionTemplate(new DataSourceTransactionManager(dataSource)), Clock.systemUTC(),
                DecisionLogSettings.defaults());
        inference = new InferenceService(registry, state, new AccessPolicyEnforcer(a -> java.math.BigInteger.ZERO,
                new LocalRateLimiter()), new ConstraintEngine(), audit, metrics);
        inferenceWithoutAudit = new InferenceService(registry, state, new AccessPolicyEnforcer(
                a -> java.math.BigInteger.ZERO, new LocalRateLimiter()), new ConstraintEngine(), entry -> { },
                metricsWithoutAudit);
    }

    private GovernanceSnapshot approve(String version, DemoModel demo) {
        DemoModel.WrittenFiles files = demo.writeTo(dir.resolve(version));
        Approval a = new Approval("1", "0x0", events.size());
        events.add(new RegistryEvent.ModelVersionApproved(at(a), NO_HASH, "iris", version, "0x" + demo.artifactSha256(),
                files.artifact().toUri().toString(), "0x" + demo.cardSha256(), files.card().toUri().toString(), "onnx", by(a)));
        return snapshot();
    }

    private GovernanceSnapshot snapshot() {
        return GovernanceFolder.apply(GovernanceSnapshot.EMPTY, events, events.size());
    }

    private void event(RegistryEvent event) {
        events.add(event);
    }

    private static final String NO_HASH = "0x" + "00".repeat(32);

    /** Where a bench event sits: the approval's block and transaction. */
    private static EventPosition at(Approval a) {
        return new EventPosition(a.blockNumber(), NO_HASH, a.transactionHash(), 0, java.time.Instant.EPOCH,
                DaoContract.REGISTRY);
    }

    private static Optional<ProposalExecution> by(Approval a) {
        return Optional.of(new ProposalExecution(new java.math.BigInteger(a.proposalId()), NO_HASH,
                ProposalExecution.Route.GOVERNOR, at(a)));
    }

    private void awaitSettled() throws InterruptedException {
        while (registry.states().stream().anyMatch(s -> s instanceof VersionState.Loading)) {
            Thread.sleep(5);
        }
    }

    /** Governance checks (policy, validation, 4 constraints, audit enqueue, metrics) vs the bare predictor. */
    void governanceOverhead(int iterations) throws Exception {
        approve("1", DemoModels.iris("1"));
        approve("2", DemoModels.iris("2"));
        Approval a = new Approval("2", "0x0", 0);
        event(new RegistryEvent.CurrentVersionChanged(at(a), NO_HASH, "iris", "", "2", by(a)));
        event(new RegistryEvent.AccessPolicySet(at(a), NO_HASH, "iris", PolicyKind.PUBLIC, java.math.BigInteger.ZERO,
                Integer.MAX_VALUE, 16, List.of(), by(a)));
        event(constraint(1, ConstraintKind.INPUT_RANGE, "input", 0, 10_000_000, List.of()));
        event(constraint(2, ConstraintKind.ALLOWED_PURPOSES, "", 0, 0, List.of("research")));
        event(constraint(3, ConstraintKind.MIN_CONFIDENCE, "", 10_000, 0, List.of()));
        event(constraint(4, ConstraintKind.FORBIDDEN_OUTPUT_LABEL, "", 0, 0, List.of("none")));
        state.publish(snapshot());
        awaitSettled();

        // same model, version and row as the raw call; the three paths take turns going first, so
        // none of them always runs right after another's cache and branch-predictor footprint
        InferenceCall call = new InferenceCall("iris", "2", "b", Caller.anonymous("127.0.0.1"), ROW, List.of(),
                "research");
        Latencies raw = new Latencies();
        Latencies checks = new Latencies();
        Latencies governed = new Latencies();
        for (int round = 0; round < 2; round++) { // round 0 warms up the JIT
            raw = new Latencies();
            checks = new Latencies();
            governed = new Latencies();
            for (int i = 0; i < iterations; i++) {
                for (int step = 0; step < 3; step++) {
                    switch ((i + step) % 3) {
                        case 0 -> raw.add(timeRaw());
                        case 1 -> checks.add(timeGoverned(inferenceWithoutAudit, call));
                        default -> governed.add(timeGoverned(inference, call));
                    }
                }
            }
            audit.flush();
        }
        double checksRatio = checks.percentileMicros(50) / raw.percentileMicros(50);
        double ratio = governed.percentileMicros(50) / raw.percentileMicros(50);
        log.info(String.format(Locale.ROOT, "%n[governance overhead] raw predictor             %s%n"
                + "[governance overhead] checks, no audit          %s%n"
                + "[governance overhead] checks + audit log (H2)   %s%n"
                + "[governance overhead] p50 ratios: checks %.3f (%+.1f%%), with audit %.3f (%+.1f%%); goal <= 5%%%n"
                + "[governance overhead] added at p50: checks %+.0f ns, audit %+.0f ns",
                raw.summary(), checks.summary(), governed.summary(), checksRatio, (checksRatio - 1) * 100, ratio,
                (ratio - 1) * 100, (checks.percentileMicros(50) - raw.percentileMicros(50)) * 1000,
                (governed.percentileMicros(50) - checks.percentileMicros(50)) * 1000));
    }

    private long timeRaw() throws ServingException {
        long t0 = System.nanoTime();
        try (Lease lease = registry.lease("iris", "2")) {
            lease.version().predict(ROW);
        }
        return System.nanoTime() - t0;
    }

    private static long timeGoverned(InferenceService service, InferenceCall call) {
        long t0 = System.nanoTime();
        InferenceOutcome outcome = service.infer(call);
        long elapsed = System.nanoTime() - t0;
        if (!(outcome instanceof InferenceOutcome.Served)) {
            throw new IllegalStateException("governed call was not served: " + outcome);
        }
        return elapsed;
    }

    private static RegistryEvent constraint(long id, ConstraintKind kind, String target, long min, long max,
            List<String> values) {
        Approval a = new Approval("3", "0x0", 0);
        return new RegistryEvent.EthicalConstraintAdded(at(a), NO_HASH, "iris", java.math.BigInteger.valueOf(id), kind,
                target, java.math.BigInteger.valueOf(min), java.math.BigInteger.valueOf(max), values, "bench", by(a));
    }

    /** Flips the current alias {@code swaps} times under 2 client threads; then load/revoke cycles. */
    void hotSwap(int swaps, int loadCycles) throws Exception {
        Approval a = new Approval("4", "0x0", 0);
        event(new RegistryEvent.CurrentVersionChanged(at(a), NO_HASH, "iris", "", "1", by(a)));
        GovernanceSnapshot onV1 = snapshot();
        event(new RegistryEvent.CurrentVersionChanged(at(a), NO_HASH, "iris", "", "2", by(a)));
        GovernanceSnapshot onV2 = snapshot();
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong served = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        AtomicLong capacity = new AtomicLong();
        List<Thread> clients = new ArrayList<>();
        for (int c = 0; c < 2; c++) {
            clients.add(Thread.ofVirtual().start(() -> {
                while (running.get()) {
                    try (Lease lease = registry.lease("iris", null)) {
                        lease.version().predict(ROW);
                        served.incrementAndGet();
                    } catch (ServingException.AtCapacity e) {
                        capacity.incrementAndGet();
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    }
                }
            }));
        }
        long start = System.nanoTime();
        for (int i = 0; i < swaps; i++) {
            reconciler.reconcile(i % 2 == 0 ? onV1 : onV2);
            Thread.sleep(2); // spread the swaps over the clients' traffic
        }
        double swapMillis = (System.nanoTime() - start) / 1e6;
        running.set(false);
        for (Thread client : clients) {
            client.join();
        }
        // full lifecycles: approve a new version (verify + load), serve it, revoke it (release);
        // memory is read after a warm-up fifth of the cycles and at the end: a leak grows linearly
        long rssWarm = 0;
        long nativeWarm = 0;
        for (int i = 0; i < loadCycles; i++) {
            if (i == loadCycles / 5) {
                System.gc();
                rssWarm = MemoryProbe.rssKb();
                nativeWarm = MemoryProbe.nonHeapRssKb();
            }
            String version = "cycle-" + i;
            state.publish(approve(version, DemoModels.iris(i % 2 == 0 ? "1" : "2")));
            awaitSettled();
            try (Lease lease = registry.lease("iris", version)) {
                lease.version().predict(ROW);
            }
            event(new RegistryEvent.ModelVersionRevoked(at(a), NO_HASH, "iris", version, "bench", by(a)));
            state.publish(snapshot());
        }
        System.gc();
        long rssAfter = MemoryProbe.rssKb();
        long nativeAfter = MemoryProbe.nonHeapRssKb();
        log.info(String.format(Locale.ROOT, "%n[hot swap] %d alias swaps in %.0f ms under 2 clients: %d served, %d errors,"
                        + " %d capacity refusals%n[hot swap] %d load→serve→revoke cycles; loaded versions now %d; "
                        + "from cycle %d to %d: RSS %d → %d MB, RSS outside the Java heap %d → %d MB",
                swaps, swapMillis, served.get(), errors.get(), capacity.get(), loadCycles, registry.readyCount(),
                loadCycles / 5, loadCycles, rssWarm / 1024, rssAfter / 1024, nativeWarm / 1024, nativeAfter / 1024));
    }

    /** The bare predictor loop for {@code duration}, one thread: the HTTP comparison's baseline. */
    Latencies rawLoop(Duration duration) throws Exception {
        Latencies latencies = new Latencies();
        long end = System.nanoTime() + duration.toNanos();
        while (System.nanoTime() < end) {
            long t0 = System.nanoTime();
            try (Lease lease = registry.lease("iris", "2")) {
                lease.version().predict(ROW);
            }
            latencies.add(System.nanoTime() - t0);
        }
        return latencies;
    }

    @Override
    public void close() throws Exception {
        metrics.close();
        metricsWithoutAudit.close();
        audit.close();
        reconciler.close();
    }
}
