package org.modeldao.gateway.policy;

import io.github.bucket4j.Bucket;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** In-process Bucket4j buckets: the default, exact for a single gateway instance. */
public final class LocalRateLimiter implements RateLimiter {

    /** The limit is part of the key: a newly voted limit starts a fresh bucket. */
    private record BucketKey(String key, int requestsPerMinute) {}

    private final Map<BucketKey, Bucket> buckets = new ConcurrentHashMap<>();

    @Override
    public long tryAcquire(String key, int requestsPerMinute) {
        Bucket bucket = buckets.computeIfAbsent(new BucketKey(key, requestsPerMinute),
                k -> Bucket.builder().addLimit(RateLimits.perMinute(requestsPerMinute).getBandwidths()[0]).build());
        return RateLimits.retryAfterSeconds(bucket.tryConsumeAndReturnRemaining(1));
    }
}
