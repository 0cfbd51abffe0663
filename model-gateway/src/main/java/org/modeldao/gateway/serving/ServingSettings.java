package org.modeldao.gateway.serving;

import java.time.Duration;

/**
 * Capacity of each loaded version: predictors run calls in parallel; the queue holds calls
 * waiting for one; beyond that, calls are refused at once.
 */
public record ServingSettings(int predictorsPerVersion, int queueCapacityPerVersion, Duration queueTimeout,
        Duration retryUnavailableAfter) {

    public static ServingSettings defaults() {
        return new ServingSettings(Math.max(2, Runtime.getRuntime().availableProcessors()), 64,
                Duration.ofSeconds(10), Duration.ofSeconds(30));
    }
}
