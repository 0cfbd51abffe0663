package org.modeldao.gateway.policy;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import java.time.Duration;

/**
 * In-process Bucket4j buckets: the default, exact for a single gateway instance. The buckets
 * live in a bounded Caffeine cache (amortised O(1) per call): a bucket untouched for a minute
 * has refilled completely, is indistinguishable from a new one and expires; beyond
 * {@code maxBuckets} live ones the least used are evicted, so a flood of distinct callers can
 * cost an evicted caller its partly spent bucket, never the gateway its memory.
 */
public final class LocalRateLimiter implements RateLimiter {

    /** The limit is part of the key: a newly voted limit starts a fresh bucket. */
    private record BucketKey(String model, String caller, int requestsPerMinute) {}

    /** Every bucket refills from empty to full in one minute, whatever its rate. */
    private static final Duration FULL_REFILL = Duration.ofMinutes(1);

    private final Cache<BucketKey, Bucket> buckets;
    private final TimeMeter time;

    public LocalRateLimiter() {
        this(RateLimitProperties.DEFAULT_MAX_LOCAL_BUCKETS, TimeMeter.SYSTEM_MILLISECONDS);
    }

    public LocalRateLimiter(int maxBuckets) {
        this(maxBuckets, TimeMeter.SYSTEM_MILLISECONDS);
    }

    /** @param time Bucket4j's clock, also the cache's: the system's in production, a controlled one in tests */
    LocalRateLimiter(int maxBuckets, TimeMeter time) {
        this.time = time;
        this.buckets = Caffeine.newBuilder().maximumSize(maxBuckets).expireAfterAccess(FULL_REFILL)
                .ticker(time::currentTimeNanos)
                // maintenance on the calling thread: the bound holds at once, not when a pool gets to it
                .executor(Runnable::run)
                .build();
    }

    @Override
    public long tryAcquire(String key, int requestsPerMinute) {
        return acquire(new BucketKey("", key, requestsPerMinute));
    }

    /** Keyed by a record of the two names: no concatenated key string per request. */
    @Override
    public long tryAcquire(String model, String callerKey, int requestsPerMinute) {
        return acquire(new BucketKey(model, callerKey, requestsPerMinute));
    }

    private long acquire(BucketKey key) {
        Bucket bucket = buckets.get(key, k -> Bucket.builder()
                .addLimit(RateLimits.perMinute(k.requestsPerMinute()).getBandwidths()[0])
                .withCustomTimePrecision(time).build());
        // the common case only needs a yes; the wait is worked out for refusals alone
        if (bucket.tryConsume(1)) {
            return 0;
        }
        return RateLimits.retryAfterSeconds(bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill());
    }

    int bucketCount() {
        buckets.cleanUp();
        return (int) buckets.estimatedSize();
    }
}
