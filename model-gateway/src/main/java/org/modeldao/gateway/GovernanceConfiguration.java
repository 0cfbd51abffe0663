package org.modeldao.gateway;

import org.modeldao.gateway.approval.GovernanceState;
import org.modeldao.gateway.decisions.DecisionLog;
import org.modeldao.gateway.constraints.ConstraintEngine;
import org.modeldao.gateway.inference.InferenceMetrics;
import org.modeldao.gateway.inference.InferenceService;
import org.modeldao.gateway.policy.AccessPolicyEnforcer;
import org.modeldao.gateway.policy.LocalRateLimiter;
import org.modeldao.gateway.policy.RateLimitProperties;
import org.modeldao.gateway.policy.RateLimiter;
import org.modeldao.gateway.policy.RedisRateLimiter;
import org.modeldao.gateway.policy.VotesLookup;
import org.modeldao.gateway.serving.ServingRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires policy, constraints and the inference pipeline (the audit log: audit.DecisionLogConfiguration). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RateLimitProperties.class)
class GovernanceConfiguration {

    @Bean
    RateLimiter rateLimiter(GatewayProperties properties, RateLimitProperties limits) {
        return properties.redisUri().isBlank() ? new LocalRateLimiter(limits.maxLocalBuckets())
                : new RedisRateLimiter(properties.redisUri(), properties.redisKeyPrefix());
    }

    @Bean
    AccessPolicyEnforcer accessPolicyEnforcer(ObjectProvider<VotesLookup> votes, RateLimiter rateLimiter,
            RateLimitProperties limits) {
        VotesLookup lookup = votes.getIfAvailable(() -> address -> {
            throw new VotesLookup.VotesUnavailableException("no chain configured", null);
        });
        return new AccessPolicyEnforcer(lookup, rateLimiter, limits.callersPerAddress());
    }

    /** Closed by Spring (AutoCloseable): records the last latencies handed over before shutdown. */
    @Bean
    InferenceMetrics inferenceMetrics(MeterRegistry meters) {
        return new InferenceMetrics(meters);
    }

    @Bean
    InferenceService inferenceService(ServingRegistry registry, GovernanceState governance,
            AccessPolicyEnforcer access, DecisionLog audit, InferenceMetrics metrics) {
        return new InferenceService(registry, governance, access, new ConstraintEngine(), audit, metrics);
    }
}
