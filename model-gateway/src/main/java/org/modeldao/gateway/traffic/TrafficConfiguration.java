package org.modeldao.gateway.traffic;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.modeldao.gateway.approval.GovernanceState;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the public traffic summary over the pipeline's meters, with its minute sampler. */
@Configuration(proxyBeanMethods = false)
class TrafficConfiguration {

    /** Only models the DAO approved a version of have a summary (and samples): an unknown name costs nothing. */
    @Bean
    TrafficHistory trafficHistory(MeterRegistry meters, GovernanceState governance, Clock clock) {
        return new TrafficHistory(new TrafficMeters(meters), () -> governance.current().models().keySet(), clock);
    }

    /** Closed by Spring (AutoCloseable). */
    @Bean
    TrafficSampler trafficSampler(TrafficHistory history) {
        return TrafficSampler.start(history, TrafficHistory.SAMPLE_EVERY);
    }
}
