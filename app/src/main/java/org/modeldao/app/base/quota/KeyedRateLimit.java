package org.modeldao.app.base.quota;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * At most `permits` per `period` for each key, over a bounded set of keys (least recently used evicted).
 *
 * <p>Each key has a Bucket4j token bucket refilled greedily over the period. The buckets sit in an
 * access-ordered map capped at {@code maxKeys}, so a flood of new keys (addresses, IPs) cannot grow
 * memory; an evicted key starts afresh, which is why a hard bound (such as a daily spending cap) must
 * not rest on this class alone.
 */
public final class KeyedRateLimit {

    private final long permits;
    private final Duration period;
    private final TimeMeter time;
    private final Map<String, Bucket> buckets;

    public KeyedRateLimit(long permits, Duration period, int maxKeys) {
        this(permits, period, maxKeys, TimeMeter.SYSTEM_MILLISECONDS);
    }

    /** @param time Bucket4j's clock: the system's in production, a controlled one in tests */
    KeyedRateLimit(long permits, Duration period, int maxKeys, TimeMeter time) {
        if (permits < 1 || period.isNegative() || period.isZero() || maxKeys < 1) {
            throw new IllegalArgumentException("A rate limit needs permits >= 1, a positive period and maxKeys >= 1; got "
                    + permits + " per " + period + " over " + maxKeys + " keys");
        }
        this.permits = permits;
        this.period = period;
        this.time = time;
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
        if (probe.isConsumed()) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofNanos(Math.max(1, probe.getNanosToWaitForRefill())));
    }

    /** How many keys are tracked now (at most maxKeys). */
    public int trackedKeys() {
        synchronized (buckets) {
            return buckets.size();
        }
    }

    private Bucket newBucket() {
        return Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(permits).refillGreedy(permits, period).build())
                .withCustomTimePrecision(time)
                .build();
    }
}
