package org.modeldao.gateway.policy;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** In-process Bucket4j buckets: the default, exact for a single gateway instance. */
public final class LocalRateLimiter implements RateLimiter {

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    @Override
    public long tryAcquire(String key, int requestsPerMinute) {
        // the limit is part of the key: a newly voted limit starts a fresh bucket
        Bucket bucket = buckets.computeIfAbsent(key + "|" + requestsPerMinute, k -> Bucket.builder()
                .addLimit(limit -> limit.capacity(requestsPerMinute).refillGreedy(requestsPerMinute, Duration.ofMinutes(1)))
                .build());
        return RateLimits.retryAfterSeconds(bucket.tryConsumeAndReturnRemaining(1));
    }
}
