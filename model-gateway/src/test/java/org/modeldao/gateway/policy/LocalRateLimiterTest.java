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
    void idle_buckets_expire_after_a_minute_but_a_drained_bucket_keeps_its_limit_within_the_bound() {
        LocalRateLimiter limiter = new LocalRateLimiter(1_000, clock);
        assertThat(limiter.tryAcquire("busy", 1)).isZero(); // its one call a minute, spent
        for (int i = 0; i < 500; i++) {
            nanos.addAndGet(Duration.ofMillis(1).toNanos());
            assertThat(limiter.tryAcquire("anon-" + i, 1_000_000_000)).isZero();
        }
        assertThat(limiter.tryAcquire("busy", 1)).as("still limited, 0.5 s into its minute").isPositive();
        assertThat(limiter.bucketCount()).isEqualTo(501);
        nanos.addAndGet(Duration.ofSeconds(61).toNanos());
        assertThat(limiter.bucketCount()).as("a minute without calls: every bucket is full again, so none is kept")
                .isZero();
        assertThat(limiter.tryAcquire("busy", 1)).isZero();
    }

    @Test
    void the_limiter_keeps_at_most_its_configured_number_of_buckets() {
        LocalRateLimiter limiter = new LocalRateLimiter(100, clock);
        for (int i = 0; i < 10_000; i++) {
            assertThat(limiter.tryAcquire("m", "caller-" + i, 5)).isZero();
            assertThat(limiter.bucketCount()).isLessThanOrEqualTo(100);
        }
        assertThat(limiter.bucketCount()).isLessThanOrEqualTo(100).isGreaterThan(50);
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
