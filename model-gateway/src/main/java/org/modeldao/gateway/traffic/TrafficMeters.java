package org.modeldao.gateway.traffic;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.modeldao.gateway.inference.InferenceMetrics;

/**
 * Reads the counters the inference pipeline already keeps ({@link InferenceMetrics#REQUESTS} with outcome
 * {@code served}, {@link InferenceMetrics#REFUSALS} by reason), summed over a model's versions: the traffic
 * summary adds nothing to a call. Served counts lag the calls by the latency drain's period (50 ms).
 */
final class TrafficMeters {

    private final MeterRegistry registry;

    TrafficMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Cumulative counts since the gateway started, of each of {@code models} (those without traffic too). */
    Map<String, TrafficCounts> read(Set<String> models) {
        Map<String, TrafficCounts.Builder> counts = new HashMap<>();
        models.forEach(model -> counts.put(model, new TrafficCounts.Builder()));
        for (FunctionCounter served : registry.find(InferenceMetrics.REQUESTS).tag("outcome", "served").functionCounters()) {
            TrafficCounts.Builder model = counts.get(served.getId().getTag("model"));
            if (model != null) {
                model.served(served.count());
            }
        }
        for (Counter refused : registry.find(InferenceMetrics.REFUSALS).counters()) {
            TrafficCounts.Builder model = counts.get(refused.getId().getTag("model"));
            String reason = refused.getId().getTag("reason");
            if (model != null && reason != null) {
                model.refused(reason, refused.count());
            }
        }
        Map<String, TrafficCounts> built = new HashMap<>();
        counts.forEach((model, builder) -> built.put(model, builder.build()));
        return built;
    }
}
