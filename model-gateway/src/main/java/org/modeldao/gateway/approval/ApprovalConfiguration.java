package org.modeldao.gateway.approval;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the approved set the gateway serves from and its sync meters; the chain side that fills
 * it (approval sync) is wired by {@code ChainConfiguration} when a deployment is configured.
 */
@Configuration(proxyBeanMethods = false)
class ApprovalConfiguration {

    @Bean
    GovernanceState governanceState(MeterRegistry meters) {
        GovernanceState state = new GovernanceState();
        Gauge.builder("gateway.sync.lag.blocks", state, s -> s.status().lagBlocks())
                .description("blocks the applied registry state trails the chain head").register(meters);
        Gauge.builder("gateway.sync.chain.reachable", state, s -> s.status().chainReachable() ? 1 : 0)
                .register(meters);
        return state;
    }
}
