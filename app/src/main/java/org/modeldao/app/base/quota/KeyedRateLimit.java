package org.modeldao.app.base.quota;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * At most `permits` per `period` for each key, over a bounded set of keys (least recently used
 * evicted). One Bucket4j token bucket per key (greedy refill); the keys live in an access-ordered
 * map capped at {@code maxKeys}, so a flood of distinct keys costs memory O(maxKeys) and each
 * call O(1). An evicted key starts again with a full bucket: the cap must exceed the number of
 * keys active within one period for the limit to hold.
 */
public final class KeyedRateLimit {

    private final long permits;
    private final Duration period;
    private final Map<String, Bucket> buckets;

    public KeyedRateLimit(long permits, Duration period, int maxKeys) {
        if (permits < 1 || period.isNegative() || period.isZero() || maxKeys < 1) {
            throw new IllegalArgumentException("A rate limit needs permits >= 1, a positive period and maxKeys >= 1");
        }
        this.permits = permits;
        this.period = period;
        this.buckets = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
                return size() > maxKeys;
            }
        };
    }

    /** Empty when allowed; otherwise how long until the next permit (for Retry-After). */
    public Optional<Duration> tryAcquire(String key) {
        Bucket bucket;
        synchronized (buckets) {
            bucket = buckets.computeIfAbsent(key, k -> newBucket());
        }
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? Optional.empty() : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    /** How many keys are tracked now (at most maxKeys). */
    public int trackedKeys() {
        synchronized (buckets) {
            return buckets.size();
        }
    }

    private Bucket newBucket() {
        return Bucket.builder().addLimit(Bandwidth.builder().capacity(permits).refillGreedy(permits, period).build()).build();
    }
}
