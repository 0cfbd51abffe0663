package org.modeldao.gateway.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class LocalRateLimiterTest {

    /** Bucket4j's clock, moved by the test: refills happen exactly when the test says, on any machine. */
    private final AtomicLong nanos = new AtomicLong();
    private final TimeMeter clock = new TimeMeter() {
        @Override
        public long currentTimeNanos() {
            return nanos.get();
        }

        @Override
        public boolean isWallClockBased() {
            return false;
        }
    };

    @Test
    void idle_callers_buckets_are_swept_but_a_drained_bucket_keeps_its_limit() {
        LocalRateLimiter limiter = new LocalRateLimiter(100, clock);
        assertThat(limiter.tryAcquire("busy", 1)).isZero(); // its one call a minute, spent
        for (int i = 0; i < 500; i++) {
            // a millisecond refills the token each earlier caller spent (a billion a minute): they are idle
            nanos.addAndGet(Duration.ofMillis(1).toNanos());
            assertThat(limiter.tryAcquire("anon-" + i, 1_000_000_000)).isZero();
        }
        assertThat(limiter.bucketCount()).isLessThanOrEqualTo(102);
        assertThat(limiter.tryAcquire("busy", 1)).as("still limited after the sweeps, 0.5 s into its minute").isPositive();
    }

    @Test
    void a_caller_is_refused_until_its_bucket_refills() {
        LocalRateLimiter limiter = new LocalRateLimiter(100, clock);
        assertThat(limiter.tryAcquire("iris", "0xabc", 2)).isZero();
        assertThat(limiter.tryAcquire("iris", "0xabc", 2)).isZero();
        assertThat(limiter.tryAcquire("iris", "0xabc", 2)).as("Retry-After seconds").isEqualTo(30);
        assertThat(limiter.tryAcquire("other-model", "0xabc", 2)).as("buckets are per model").isZero();

        nanos.addAndGet(Duration.ofSeconds(30).toNanos());
        assertThat(limiter.tryAcquire("iris", "0xabc", 2)).as("one token back after 30 s").isZero();
    }
}
