package org.modeldao.gateway.decisions;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * DOWN while entries wait and the writer has stored nothing for {@link DecisionLogSettings#stallAfter()}:
 * a gateway that cannot record must not be sent traffic. Part of the readiness group.
 */
final class DecisionWriterHealthIndicator implements HealthIndicator {

    private final DecisionLog audit;

    DecisionWriterHealthIndicator(DecisionLog audit) {
        this.audit = audit;
    }

    @Override
    public Health health() {
        DecisionWriterStatus status = audit.status();
        Health.Builder health = status.stalled() ? Health.down() : Health.up();
        health.withDetail("backlog", status.backlog())
                .withDetail("lastSuccessAgeMillis", status.lastSuccessAgeMillis())
                .withDetail("writeFailures", status.writeFailures())
                .withDetail("asciiOnlyEntries", status.asciiOnlyEntries())
                .withDetail("refusedCalls", status.refusedCalls());
        if (!status.lastError().isEmpty()) {
            health.withDetail("lastError", status.lastError());
        }
        return health.build();
    }
}
