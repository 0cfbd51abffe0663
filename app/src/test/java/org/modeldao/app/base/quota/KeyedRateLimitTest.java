package org.modeldao.app.base.quota;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class KeyedRateLimitTest {

    private final AtomicLong nanos = new AtomicLong();
    private final TimeMeter time = new TimeMeter() {
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
    void each_key_gets_its_permits_and_then_is_told_how_long_to_wait() {
        var limit = new KeyedRateLimit(3, Duration.ofMinutes(1), 100, time);

        for (int i = 0; i < 3; i++) {
            assertThat(limit.tryAcquire("alice")).isEmpty();
        }
        assertThat(limit.tryAcquire("alice")).hasValueSatisfying(wait -> assertThat(wait).isBetween(Duration.ofSeconds(19), Duration.ofSeconds(21)));
        assertThat(limit.tryAcquire("bob")).isEmpty();
    }

    @Test
    void permits_come_back_as_the_period_passes() {
        var limit = new KeyedRateLimit(2, Duration.ofSeconds(10), 100, time);
        limit.tryAcquire("k");
        limit.tryAcquire("k");
        assertThat(limit.tryAcquire("k")).isPresent();

        nanos.addAndGet(Duration.ofSeconds(5).toNanos());

        assertThat(limit.tryAcquire("k")).isEmpty();
        assertThat(limit.tryAcquire("k")).isPresent();
    }

    @Test
    void a_flood_of_new_keys_never_holds_more_than_max_keys_and_evicts_the_least_recently_used() {
        var limit = new KeyedRateLimit(1, Duration.ofHours(1), 1_000, time);
        limit.tryAcquire("busy");
        for (int i = 0; i < 100_000; i++) {
            limit.tryAcquire("attacker-" + i);
            if (i % 500 == 0) {
                assertThat(limit.tryAcquire("busy")).as("recently used key keeps its spent bucket").isPresent();
            }
        }
        assertThat(limit.trackedKeys()).isEqualTo(1_000);
        assertThat(limit.tryAcquire("attacker-99999")).isPresent();
        assertThat(limit.tryAcquire("attacker-0")).as("evicted long ago: starts afresh").isEmpty();
    }

    @Test
    void nonsense_limits_are_refused() {
        assertThatThrownBy(() -> new KeyedRateLimit(0, Duration.ofMinutes(1), 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new KeyedRateLimit(1, Duration.ZERO, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new KeyedRateLimit(1, Duration.ofMinutes(1), 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
