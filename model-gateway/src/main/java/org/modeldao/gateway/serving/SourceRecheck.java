package org.modeldao.gateway.serving;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@link ServingReconciler#recheckSources()} every {@code interval}: a check at load time
 * alone would miss an artifact swapped on disk later, and would keep a quarantine after the
 * operator restored the file. A zero interval turns the rechecks off.
 */
public final class SourceRecheck implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SourceRecheck.class);

    private final ScheduledExecutorService timer;

    private SourceRecheck(ScheduledExecutorService timer) {
        this.timer = timer;
    }

    public static SourceRecheck every(Duration interval, ServingReconciler reconciler) {
        if (interval.isNegative()) {
            throw new IllegalArgumentException("gateway.artifacts.recheck-interval must not be negative, was " + interval);
        }
        if (interval.isZero()) {
            log.warn("Artifact re-verification is off (gateway.artifacts.recheck-interval=0)");
            return new SourceRecheck(null);
        }
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("artifact-recheck").daemon().factory());
        long millis = interval.toMillis();
        timer.scheduleWithFixedDelay(() -> {
            try {
                reconciler.recheckSources();
            } catch (RuntimeException e) {
                // one failed round must not end the schedule
                log.warn("Artifact re-verification failed; next round in {}", interval, e);
            }
        }, millis, millis, TimeUnit.MILLISECONDS);
        return new SourceRecheck(timer);
    }

    @Override
    public void close() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }
}
