package org.modeldao.gateway.policy;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * In-process Bucket4j buckets: the default, exact for a single gateway instance. Buckets of
 * idle callers are swept once there are many: a full bucket is indistinguishable from a new
 * one, so dropping it changes no decision, and anonymous callers cannot grow memory without bound.
 */
public final class LocalRateLimiter implements RateLimiter {

    /** The limit is part of the key: a newly voted limit starts a fresh bucket. */
    private record BucketKey(String model, String caller, int requestsPerMinute) {}

    private final Map<BucketKey, Bucket> buckets = new ConcurrentHashMap<>();
    private final int sweepAbove;
    private final TimeMeter time;

    public LocalRateLimiter() {
        this(50_000, TimeMeter.SYSTEM_MILLISECONDS);
    }

    /** @param time Bucket4j's clock: the system's in production, a controlled one in tests */
    LocalRateLimiter(int sweepAbove, TimeMeter time) {
        this.sweepAbove = sweepAbove;
        this.time = time;
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
        if (buckets.size() > sweepAbove) {
            buckets.entrySet().removeIf(e -> e.getValue().getAvailableTokens() >= e.getKey().requestsPerMinute());
        }
        Bucket bucket = buckets.computeIfAbsent(key,
                k -> Bucket.builder().addLimit(RateLimits.perMinute(k.requestsPerMinute()).getBandwidths()[0])
                        .withCustomTimePrecision(time).build());
        // the common case only needs a yes; the wait is worked out for refusals alone
        if (bucket.tryConsume(1)) {
            return 0;
        }
        return RateLimits.retryAfterSeconds(bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill());
    }

    int bucketCount() {
        return buckets.size();
    }
}
