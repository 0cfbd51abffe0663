package org.modeldao.gateway.inference;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class InferenceMetricsTest {

    @Test
    void every_served_latency_reaches_the_timer_once_even_when_the_buffer_overflows() throws Exception {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (InferenceMetrics metrics = new InferenceMetrics(registry)) {
            InferenceMetrics.VersionMeters meters = metrics.forVersion("iris", "2");
            int threads = 4;
            int perThread = 25_000; // 100,000 in all: far more than the ring holds between drains
            List<Thread> producers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                producers.add(Thread.ofPlatform().start(() -> {
                    for (int i = 1; i <= perThread; i++) {
                        meters.served(i * 1_000L);
                    }
                }));
            }
            for (Thread producer : producers) {
                producer.join();
            }
            metrics.drain();
            Timer timer = registry.get("gateway.inference.latency").tag("model", "iris").tag("version", "2").timer();
            assertThat(timer.count()).isEqualTo((long) threads * perThread);
            // sum of i * 1 µs for i = 1..perThread, per thread: nothing counted twice or lost
            double expectedMicros = threads * (perThread * (perThread + 1L) / 2.0);
            assertThat(timer.totalTime(TimeUnit.MICROSECONDS)).isEqualTo(expectedMicros);
            assertThat(timer.max(TimeUnit.MICROSECONDS)).isEqualTo(perThread);
            assertThat(registry.get("gateway.requests").tag("outcome", "served").functionCounter().count())
                    .isEqualTo(threads * perThread);
        }
    }

    @Test
    void the_background_drain_records_latencies_without_being_asked() throws Exception {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (InferenceMetrics metrics = new InferenceMetrics(registry)) {
            metrics.forVersion("iris", "1").served(5_000_000);
            Timer timer = registry.get("gateway.inference.latency").tag("version", "1").timer();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (timer.count() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(timer.count()).isOne();
            assertThat(timer.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(5.0);
        }
    }
}
