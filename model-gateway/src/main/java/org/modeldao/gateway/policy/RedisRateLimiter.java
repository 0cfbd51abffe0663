package org.modeldao.gateway.policy;

import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.RedisClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Buckets kept in Redis (compare-and-swap through Lettuce), so every gateway replica
 * draws from the same per-caller limit.
 */
public final class RedisRateLimiter implements RateLimiter, AutoCloseable {

    private final RedisClient client;
    private final ProxyManager<byte[]> buckets;
    private final String prefix;

    public RedisRateLimiter(String redisUri, String prefix) {
        this.client = RedisClient.create(redisUri);
        this.prefix = prefix;
        this.buckets = Bucket4jLettuce.casBasedBuilder(client)
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(2)))
                .build();
    }

    @Override
    public long tryAcquire(String key, int requestsPerMinute) {
        byte[] redisKey = (prefix + key + "|" + requestsPerMinute).getBytes(StandardCharsets.UTF_8);
        return RateLimits.retryAfterSeconds(buckets.builder()
                .build(redisKey, () -> RateLimits.perMinute(requestsPerMinute))
                .tryConsumeAndReturnRemaining(1));
    }

    @Override
    public void close() {
        client.shutdown();
    }
}
