package org.modeldao.benchmarks.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class JavaLoadTest {

    @Test
    void figures_come_from_the_calls_durations_over_the_window() {
        Latencies latencies = new Latencies();
        // 100 calls of 1..100 ms, shuffled: p50 is the 50th smallest, p99 the 99th
        for (int i = 0; i < 100; i++) {
            latencies.add(((i * 37) % 100 + 1) * 1_000_000L);
        }
        WrkResult r = JavaLoad.result(latencies, 3, Duration.ofSeconds(4));
        assertEquals(100, r.requests());
        assertEquals(25.0, r.requestsPerSecond(), 1e-9);
        assertEquals(50.0, r.p50Millis(), 1e-9);
        assertEquals(99.0, r.p99Millis(), 1e-9);
        assertEquals(3, r.errors());
    }

    @Test
    void the_child_process_line_round_trips_after_whatever_it_logged_before() {
        WrkResult r = new WrkResult(60834, 6077.32, 0.812, 1200.0, 27);
        assertEquals(r, JavaLoad.parse("12:00:00 INFO something logged\n" + JavaLoad.line(r)));
        assertThrows(IllegalArgumentException.class, () -> JavaLoad.parse("no figures here"));
    }
}
