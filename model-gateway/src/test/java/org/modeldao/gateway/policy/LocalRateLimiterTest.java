package org.modeldao.gateway.policy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LocalRateLimiterTest {

    @Test
    void idle_callers_buckets_are_swept_but_a_drained_bucket_keeps_its_limit() {
        LocalRateLimiter limiter = new LocalRateLimiter(100);
        assertThat(limiter.tryAcquire("busy", 1)).isZero();
        for (int i = 0; i < 500; i++) {
            limiter.tryAcquire("anon-" + i, 1_000_000_000); // refills within a microsecond: idle at once
        }
        assertThat(limiter.bucketCount()).isLessThanOrEqualTo(102);
        assertThat(limiter.tryAcquire("busy", 1)).as("still limited after the sweep").isPositive();
    }
}
