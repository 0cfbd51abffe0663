package org.modeldao.gateway.inference;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/** Request counts, latency histograms per model and version, and refusals by reason. */
public final class InferenceMetrics {

    private final MeterRegistry registry;

    public InferenceMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void served(String model, String version, Duration latency) {
        count(model, version, "served");
        Timer.builder("gateway.inference.latency")
                .description("model inference time, governance checks included")
                .tags("model", model, "version", version)
                .publishPercentileHistogram()
                .register(registry)
                .record(latency);
    }

    void refused(String model, String version, String reason) {
        count(model, version, "refused");
        Counter.builder("gateway.refusals").description("requests refused, by reason")
                .tags("model", model, "version", version, "reason", reason)
                .register(registry).increment();
    }

    private void count(String model, String version, String outcome) {
        Counter.builder("gateway.requests").description("inference requests by outcome")
                .tags("model", model, "version", version, "outcome", outcome)
                .register(registry).increment();
    }
}
