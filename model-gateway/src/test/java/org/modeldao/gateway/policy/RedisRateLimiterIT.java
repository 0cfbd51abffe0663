package org.modeldao.gateway.policy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Buckets in the real Redis on 127.0.0.1:6379 are shared by every gateway replica. */
class RedisRateLimiterIT {

    @Test
    void two_replicas_draw_from_one_shared_bucket() {
        String prefix = "modeldao:test:" + System.nanoTime() + ":";
        try (RedisRateLimiter replicaA = new RedisRateLimiter("redis://127.0.0.1:6379", prefix);
                RedisRateLimiter replicaB = new RedisRateLimiter("redis://127.0.0.1:6379", prefix)) {
            assertThat(replicaA.tryAcquire("iris|0xabc", 3)).isZero();
            assertThat(replicaB.tryAcquire("iris|0xabc", 3)).isZero();
            assertThat(replicaA.tryAcquire("iris|0xabc", 3)).isZero();
            long retryAfter = replicaB.tryAcquire("iris|0xabc", 3);
            assertThat(retryAfter).isBetween(1L, 60L);
            // another caller has a bucket of its own
            assertThat(replicaB.tryAcquire("iris|0xdef", 3)).isZero();
        }
    }
}
