package org.modeldao.benchmarks.gateway;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A JIT warm-up at every concurrency a bench's rounds use, in turn, each a share of the warm-up time. Warmed up at
 * 8 connections alone, the gateway's first 32-connection round of gateway-vs-limit was its slowest in 6 of 6 runs:
 * its JIT threw away and recompiled Tomcat's request handling (uncommon traps) once 32 fresh connections stacked
 * bigger batches, inside the measured round (docs/benchmarks.md, 2026-12-08).
 */
final class WarmUp {

    private static final Logger log = LoggerFactory.getLogger(WarmUp.class);

    /** One load at a concurrency for a time; what it returns is logged. */
    @FunctionalInterface
    interface Load {
        Object run(int concurrency, Duration time) throws Exception;
    }

    private WarmUp() {}

    static void atEach(String what, int[] concurrencies, Duration total, Load load) throws Exception {
        Duration each = total.dividedBy(concurrencies.length);
        for (int concurrency : concurrencies) {
            log.info("warming up {} at {} for {} s: {}", what, concurrency, each.toSeconds(), load.run(concurrency, each));
        }
    }
}
