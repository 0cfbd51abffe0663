package org.modeldao.gateway.serving;

import java.time.Duration;

/**
 * Capacity of each loaded version: predictors run calls in parallel; the queue holds calls
 * waiting for one; beyond that, calls are refused at once. {@code batching} says whether calls
 * waiting together for the same version are stacked into one engine run.
 */
public record ServingSettings(int predictorsPerVersion, int queueCapacityPerVersion, Duration queueTimeout,
        Duration retryUnavailableAfter, Batching batching) {

    /**
     * Dynamic batching per loaded version.
     *
     * @param enabled stack the calls that wait for a predictor into one run (up to the voted
     *     maximum batch size in rows); off: one run per call
     * @param maxDelay how long a free predictor waits for more calls when fewer rows than the
     *     maximum are queued; zero stacks only the calls that are already waiting (no added latency)
     */
    public record Batching(boolean enabled, Duration maxDelay) {

        public static final Batching OFF = new Batching(false, Duration.ZERO);

        public Batching {
            if (maxDelay.isNegative()) {
                throw new IllegalArgumentException("gateway.serving.batching.max-delay must not be negative: " + maxDelay);
            }
        }
    }

    /** Without batching: one engine run per call. */
    public ServingSettings(int predictorsPerVersion, int queueCapacityPerVersion, Duration queueTimeout,
            Duration retryUnavailableAfter) {
        this(predictorsPerVersion, queueCapacityPerVersion, queueTimeout, retryUnavailableAfter, Batching.OFF);
    }

    public static ServingSettings defaults() {
        return new ServingSettings(Math.max(2, Runtime.getRuntime().availableProcessors()), 64,
                Duration.ofSeconds(10), Duration.ofSeconds(30));
    }
}
