package org.modeldao.gateway.inference;

import io.micrometer.core.instrument.MeterRegistry;
import org.modeldao.gateway.approval.GovernanceState;
import org.modeldao.gateway.decisions.DecisionLog;
import org.modeldao.gateway.policy.AccessPolicyEnforcer;
import org.modeldao.gateway.serving.ServingRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the inference pipeline: approval, access policy, constraints, serving and the decision log, and its metrics. */
@Configuration(proxyBeanMethods = false)
class InferenceConfiguration {

    /** Closed by Spring (AutoCloseable): records the last latencies handed over before shutdown. */
    @Bean
    InferenceMetrics inferenceMetrics(MeterRegistry meters) {
        return new InferenceMetrics(meters);
    }

    @Bean
    InferenceService inferenceService(ServingRegistry registry, GovernanceState governance,
            AccessPolicyEnforcer access, DecisionLog decisions, InferenceMetrics metrics) {
        return new InferenceService(registry, governance, access, decisions, metrics);
    }
}
