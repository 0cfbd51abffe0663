package org.modeldao.app.base.quota;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class KeyedRateLimitTest {

    @Test
    void a_key_gets_its_permits_then_is_told_how_long_to_wait() {
        KeyedRateLimit limit = new KeyedRateLimit(3, Duration.ofMinutes(1), 100);

        for (int i = 0; i < 3; i++) {
            assertThat(limit.tryAcquire("10.0.0.1")).isEmpty();
        }
        Optional<Duration> refused = limit.tryAcquire("10.0.0.1");

        assertThat(refused).isPresent();
        assertThat(refused.get()).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(1));
        assertThat(limit.tryAcquire("10.0.0.2")).as("another key has its own bucket").isEmpty();
    }

    @Test
    void a_flood_of_distinct_keys_keeps_at_most_max_keys() {
        KeyedRateLimit limit = new KeyedRateLimit(1, Duration.ofMinutes(1), 1_000);

        for (int i = 0; i < 50_000; i++) {
            assertThat(limit.tryAcquire("key-" + i)).isEmpty();
        }

        assertThat(limit.trackedKeys()).isEqualTo(1_000);
    }

    @Test
    void the_most_recently_used_keys_survive_eviction() {
        KeyedRateLimit limit = new KeyedRateLimit(1, Duration.ofHours(1), 2);
        limit.tryAcquire("a");
        limit.tryAcquire("b");
        limit.tryAcquire("a"); // refused, but touches a
        limit.tryAcquire("c"); // evicts b

        assertThat(limit.tryAcquire("a")).as("a is still limited").isPresent();
        assertThat(limit.tryAcquire("b")).as("b was evicted and starts afresh").isEmpty();
    }
}
