package org.modeldao.gateway.serving;

import java.time.Duration;
import java.util.Collections;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wakes the batched calls that have waited past their queue timeout, in every {@link PredictorPool}
 * of the JVM, from one platform daemon thread every {@link #TICK}. A waiting call parks without a
 * timer of its own: a virtual thread's timed park arms and cancels a timer in the JDK's delay
 * scheduler and wakes that scheduler's thread, which spent 6–8 % of a call's CPU at 32 connections
 * (docs/benchmarks.md); this thread wakes 20 times a second, whatever the load. So a call is refused
 * at most one tick after its timeout.
 *
 * <p>Like the JDK's own timer threads, one for the JVM rather than a bean: a pool is watched from
 * its creation for as long as anything holds it (the watch holds it weakly), without a lifecycle
 * of its own to wire through the loader.
 */
final class OverdueCalls {

    private static final Duration TICK = Duration.ofMillis(50);

    private static final Logger log = LoggerFactory.getLogger(OverdueCalls.class);
    private static final Set<PredictorPool> POOLS = Collections.synchronizedSet(
            Collections.newSetFromMap(new WeakHashMap<>()));

    static {
        ScheduledExecutorService ticks = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("queue-timeouts").daemon().factory());
        ticks.scheduleWithFixedDelay(OverdueCalls::tick, TICK.toNanos(), TICK.toNanos(), TimeUnit.NANOSECONDS);
    }

    private OverdueCalls() {}

    static void watch(PredictorPool pool) {
        POOLS.add(pool);
    }

    private static void tick() {
        PredictorPool[] pools;
        synchronized (POOLS) {
            pools = POOLS.toArray(PredictorPool[]::new);
        }
        long now = System.nanoTime();
        for (PredictorPool pool : pools) {
            try {
                pool.wakeOverdue(now);
            } catch (RuntimeException e) { // a failed tick would end the schedule: no queue timeout for anyone
                log.error("waking overdue calls failed; trying again at the next tick", e);
            }
        }
    }
}
