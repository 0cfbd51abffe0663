package org.modeldao.gateway.serving;

import java.time.Clock;
import java.time.Duration;
import org.modeldao.gateway.GatewayProperties;
import org.modeldao.gateway.approval.ApprovedVersion;
import org.modeldao.gateway.approval.GovernanceState;
import org.modeldao.gateway.decisions.DecisionEntry;
import org.modeldao.gateway.decisions.DecisionLog;
import org.modeldao.gateway.decisions.DecisionLogUnavailableException;
import org.modeldao.gateway.verification.ArtifactFetcher;
import org.modeldao.gateway.verification.ArtifactMirrors;
import org.modeldao.gateway.verification.ArtifactVerifier;
import org.modeldao.gateway.verification.SourcePolicy;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the serving core (no web types): artifact verification, loading, hot swap, the periodic
 * re-check of the sources, and the lifecycle entries it writes to the decision log.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SourcePolicy.class)
class ServingConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ServingConfiguration.class);

    @Bean
    ServingSettings servingSettings(GatewayProperties properties) {
        GatewayProperties.Serving s = properties.serving();
        return new ServingSettings(s.predictorsPerVersion(), s.queueCapacity(), s.queueTimeout(),
                s.retryUnavailableAfter(), new ServingSettings.Batching(s.batching().enabled(), s.batching().maxDelay()));
    }

    @Bean
    ArtifactVerifier artifactVerifier(GatewayProperties properties, SourcePolicy sources) {
        return new ArtifactVerifier(new ArtifactFetcher(properties.serving().maxArtifactBytes(),
                properties.serving().fetchTimeout(), sources), new ArtifactMirrors(properties.artifacts().mirrors()));
    }

    @Bean
    ServingRegistry servingRegistry(MeterRegistry meters) {
        ServingRegistry registry = new ServingRegistry();
        Gauge.builder("gateway.versions.loaded", registry, ServingRegistry::readyCount)
                .description("model versions loaded and servable").register(meters);
        Gauge.builder("gateway.versions.quarantined", registry,
                r -> r.states().stream().filter(s -> s instanceof VersionState.Quarantined).count())
                .description("approved versions whose artifact or card did not match the voted hash").register(meters);
        return registry;
    }

    @Bean(destroyMethod = "close")
    ServingReconciler servingReconciler(ServingRegistry registry, ArtifactVerifier verifier, ServingSettings settings,
            Clock clock, GovernanceState governance, DecisionLog decisions, MeterRegistry meters) {
        ServingReconciler reconciler = new ServingReconciler(registry,
                new VersionLoader(verifier, settings, version -> batchMeter(meters, version)), settings, clock);
        reconciler.onEvent(event -> {
            DecisionEntry entry = new DecisionEntry(decisionKind(event.kind()), "gateway", event.version().model(),
                    event.version().version(), event.kind().name().toLowerCase(),
                    event.detail() + "; sha256 " + event.artifactSha256() + "; proposal " + event.proposalId());
            try {
                decisions.record(entry);
            } catch (DecisionLogUnavailableException e) {
                // a lifecycle change happens whether or not it can be recorded; counted, logged, readiness DOWN
                log.error("lifecycle event not in the decision log ({}): {}", e.getMessage(), entry);
            }
        });
        reconciler.onEvent(event -> {
            if (event.kind() == ServingEvent.Kind.QUARANTINED) {
                Counter.builder("gateway.quarantines").description("versions quarantined, with the reason")
                        .tags("model", event.version().model(), "version", event.version().version(),
                                "reason", quarantineReason(event.detail()))
                        .register(meters).increment();
            }
        });
        governance.onChange(reconciler::reconcile);
        return reconciler;
    }

    /**
     * Runs once every bean exists, before the web server opens its port: the approved set a
     * restart restored from disk (chain node down or not) is loaded and hash-verified first, so
     * the first request is served. Bounded: a version still loading after two fetch deadlines
     * and 30 s answers 503 until it is ready.
     */
    @Bean
    SmartInitializingSingleton loadRestoredSetBeforeServing(ServingReconciler reconciler, GatewayProperties properties) {
        Duration limit = properties.serving().fetchTimeout().multipliedBy(2).plusSeconds(30);
        return () -> {
            try {
                if (!reconciler.awaitSettled(limit)) {
                    log.warn("approved versions still loading after {}: serving starts, they answer 503 until ready", limit);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
    }

    @Bean(destroyMethod = "close")
    SourceRecheck sourceRecheck(GatewayProperties properties, ServingReconciler reconciler) {
        return SourceRecheck.every(properties.artifacts().recheckInterval(), reconciler);
    }

    /** How many calls each engine run of a version stacked (tags: approved names only, so the series stay bounded). */
    private static BatchMeter batchMeter(MeterRegistry meters, ApprovedVersion version) {
        DistributionSummary calls = DistributionSummary.builder("gateway.batch.calls")
                .description("calls stacked into one engine run (1 = ran alone)")
                .tags("model", version.model(), "version", version.version())
                .serviceLevelObjectives(1, 2, 4, 8, 16, 32, 64)
                .register(meters);
        return calls::record;
    }

    /** The metric's reason tag: a small fixed set, whatever the detail says. */
    static String quarantineReason(String detail) {
        if (detail.startsWith(ArtifactVerifier.MISMATCH_CARD)) {
            return "card_hash_mismatch";
        }
        if (detail.startsWith(ArtifactVerifier.MISMATCH_ARTIFACT)) {
            return "artifact_hash_mismatch";
        }
        if (ArtifactFetcher.TooLargeException.isReason(detail)) {
            return "over_size_limit";
        }
        return detail.startsWith("refused to fetch") ? "source_refused" : "unloadable";
    }

    private static String decisionKind(ServingEvent.Kind kind) {
        return switch (kind) {
            case LOADED -> "LOAD";
            case QUARANTINED -> "QUARANTINE";
            case UNAVAILABLE -> "UNAVAILABLE";
            case REVOKED -> "REVOKE";
            case CURRENT_CHANGED -> "CURRENT";
        };
    }
}
