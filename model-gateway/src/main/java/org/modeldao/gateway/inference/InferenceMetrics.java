package org.modeldao.gateway.inference;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Request counts, latency histograms per model and version, and refusals by reason. Meters are
 * looked up once per tag combination: building a meter id per request costs more than the checks.
 * The served path does not even look them up: {@link #forVersion} hands them to the version's plan.
 */
public final class InferenceMetrics {

    /** The meters a served call touches, resolved once per model version. */
    static final class VersionMeters {

        private final Counter served;
        private final Timer latency;

        private VersionMeters(Counter served, Timer latency) {
            this.served = served;
            this.latency = latency;
        }

        void served(long latencyNanos) {
            served.increment();
            latency.record(latencyNanos, TimeUnit.NANOSECONDS);
        }
    }

    private final MeterRegistry registry;
    private final Map<String, VersionMeters> versions = new ConcurrentHashMap<>();
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    public InferenceMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    VersionMeters forVersion(String model, String version) {
        return versions.computeIfAbsent(model + '\u0000' + version, k -> new VersionMeters(
                counter(model, version, "served"),
                Timer.builder("gateway.inference.latency")
                        .description("model inference time, governance checks included")
                        .tags("model", model, "version", version)
                        .publishPercentileHistogram()
                        .register(registry)));
    }

    void refused(String model, String version, String reason) {
        counter(model, version, "refused").increment();
        counters.computeIfAbsent("refusal\u0000" + model + '\u0000' + version + '\u0000' + reason,
                k -> Counter.builder("gateway.refusals").description("requests refused, by reason")
                        .tags("model", model, "version", version, "reason", reason)
                        .register(registry)).increment();
    }

    private Counter counter(String model, String version, String outcome) {
        return counters.computeIfAbsent("requests\u0000" + model + '\u0000' + version + '\u0000' + outcome,
                k -> Counter.builder("gateway.requests").description("inference requests by outcome")
                        .tags("model", model, "version", version, "outcome", outcome)
                        .register(registry));
    }
}
