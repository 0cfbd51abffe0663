package org.modeldao.gateway.inference;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Request counts, latency histograms per model and version, and refusals by reason. Meters are
 * looked up once per tag combination: building a meter id per request costs more than the checks.
 * The served path does not even look them up: {@link #forVersion} hands them to the version's plan,
 * and its latency goes through a {@link LatencyBuffer} that a background drain records every
 * {@link #DRAIN_INTERVAL} (so a scrape may miss the last few milliseconds of calls, never a call).
 */
public final class InferenceMetrics implements AutoCloseable {

    static final Duration DRAIN_INTERVAL = Duration.ofMillis(50);
    /** Calls by outcome ({@code served}, {@code refused}), tagged {@code model}, {@code version}, {@code outcome}. */
    public static final String REQUESTS = "gateway.requests";
    /** Refused calls, tagged {@code model}, {@code version} and {@code reason}. */
    public static final String REFUSALS = "gateway.refusals";

    /**
     * The one meter a served call touches, resolved once per model version. The served count is
     * not a second meter to bump: {@code gateway_requests_total{outcome="served"}} reads the
     * latency timer's own count, which every served call already increments.
     */
    static final class VersionMeters {

        private final LatencyBuffer latency;

        private VersionMeters(LatencyBuffer latency) {
            this.latency = latency;
        }

        void served(long latencyNanos) {
            latency.add(latencyNanos);
        }
    }

    private static final Logger log = LoggerFactory.getLogger(InferenceMetrics.class);

    private final MeterRegistry registry;
    private final Map<String, VersionMeters> versions = new ConcurrentHashMap<>();
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    private final Thread drainer;
    private volatile boolean running = true;

    public InferenceMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.drainer = Thread.ofVirtual().name("latency-drain").start(this::drainLoop);
    }

    VersionMeters forVersion(String model, String version) {
        return versions.computeIfAbsent(model + '\u0000' + version, k -> {
            Timer latency = Timer.builder("gateway.inference.latency")
                    .description("model inference time, governance checks included")
                    .tags("model", model, "version", version)
                    .publishPercentileHistogram()
                    .register(registry);
            FunctionCounter.builder(REQUESTS, latency, Timer::count)
                    .description("inference requests by outcome")
                    .tags("model", model, "version", version, "outcome", "served")
                    .register(registry);
            return new VersionMeters(new LatencyBuffer(latency));
        });
    }

    /** Records every latency handed over so far into the timers (the drain loop; tests; shutdown). */
    public synchronized void drain() {
        for (VersionMeters meters : versions.values()) {
            meters.latency.drainTo();
        }
    }

    private void drainLoop() {
        while (running) {
            try {
                Thread.sleep(DRAIN_INTERVAL);
                drain();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.warn("recording latencies failed; retrying at the next drain", e);
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        drainer.interrupt();
        drainer.join(1000);
        drain();
    }

    void refused(String model, String version, String reason) {
        counter(model, version, "refused").increment();
        counters.computeIfAbsent("refusal\u0000" + model + '\u0000' + version + '\u0000' + reason,
                k -> Counter.builder(REFUSALS).description("requests refused, by reason")
                        .tags("model", model, "version", version, "reason", reason)
                        .register(registry)).increment();
    }

    private Counter counter(String model, String version, String outcome) {
        return counters.computeIfAbsent("requests\u0000" + model + '\u0000' + version + '\u0000' + outcome,
                k -> Counter.builder(REQUESTS).description("inference requests by outcome")
                        .tags("model", model, "version", version, "outcome", outcome)
                        .register(registry));
    }
}
