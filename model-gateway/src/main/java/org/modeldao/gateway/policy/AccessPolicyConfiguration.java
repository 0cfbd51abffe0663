package org.modeldao.gateway.policy;

import org.modeldao.gateway.GatewayProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the access policy: the rate limiter (Redis when configured, else in memory) and its enforcer. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RateLimitProperties.class)
class AccessPolicyConfiguration {

    @Bean
    RateLimiter rateLimiter(GatewayProperties properties, RateLimitProperties limits) {
        return properties.redisUri().isBlank() ? new LocalRateLimiter(limits.maxLocalBuckets())
                : new RedisRateLimiter(properties.redisUri(), properties.redisKeyPrefix());
    }

    /** Without a chain (no deployment descriptor) no one holds votes: a token-weighted policy then refuses. */
    @Bean
    AccessPolicyEnforcer accessPolicyEnforcer(ObjectProvider<VotesLookup> votes, RateLimiter rateLimiter,
            RateLimitProperties limits) {
        VotesLookup lookup = votes.getIfAvailable(() -> address -> {
            throw new VotesLookup.VotesUnavailableException("no chain configured", null);
        });
        return new AccessPolicyEnforcer(lookup, rateLimiter, limits.callersPerAddress());
    }
}
