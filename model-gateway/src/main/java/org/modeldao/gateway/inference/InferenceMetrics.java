package org.modeldao.gateway.inference;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Request counts, latency histograms per model and version, and refusals by reason. Meters are
 * looked up once per tag combination: building a meter id per request costs more than the checks.
 */
public final class InferenceMetrics {

    private final MeterRegistry registry;
    private final Map<String, Timer> latencies = new ConcurrentHashMap<>();
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    public InferenceMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void served(String model, String version, Duration latency) {
        count(model, version, "served");
        latencies.computeIfAbsent(model + '\u0000' + version, k -> Timer.builder("gateway.inference.latency")
                .description("model inference time, governance checks included")
                .tags("model", model, "version", version)
                .publishPercentileHistogram()
                .register(registry)).record(latency);
    }

    void refused(String model, String version, String reason) {
        count(model, version, "refused");
        counters.computeIfAbsent("refusal\u0000" + model + '\u0000' + version + '\u0000' + reason,
                k -> Counter.builder("gateway.refusals").description("requests refused, by reason")
                        .tags("model", model, "version", version, "reason", reason)
                        .register(registry)).increment();
    }

    private void count(String model, String version, String outcome) {
        counters.computeIfAbsent("requests\u0000" + model + '\u0000' + version + '\u0000' + outcome,
                k -> Counter.builder("gateway.requests").description("inference requests by outcome")
                        .tags("model", model, "version", version, "outcome", outcome)
                        .register(registry)).increment();
    }
}
