package org.modeldao.gateway.policy;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;

final class RateLimits {

    private RateLimits() {}

    static BucketConfiguration perMinute(int requestsPerMinute) {
        return BucketConfiguration.builder()
                .addLimit(limit -> limit.capacity(requestsPerMinute).refillGreedy(requestsPerMinute, Duration.ofMinutes(1)))
                .build();
    }

    static long retryAfterSeconds(ConsumptionProbe probe) {
        if (probe.isConsumed()) {
            return 0;
        }
        return retryAfterSeconds(probe.getNanosToWaitForRefill());
    }

    /** For a refused call: at least one second, rounded up. */
    static long retryAfterSeconds(long nanosToWait) {
        return Math.max(1, (nanosToWait + 999_999_999L) / 1_000_000_000L);
    }
}
