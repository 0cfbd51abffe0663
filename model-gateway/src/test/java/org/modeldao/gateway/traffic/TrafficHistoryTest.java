package org.modeldao.gateway.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.modeldao.gateway.inference.InferenceMetrics;

/** The hour window over minute samples, with the meters named and tagged as InferenceMetrics registers them. */
class TrafficHistoryTest {

    private final MeterRegistry registry = new SimpleMeterRegistry();
    private final MovableClock clock = new MovableClock(Instant.parse("2026-12-06T05:00:00Z"));
    private final AtomicLong servedV1 = new AtomicLong();
    private final AtomicLong servedV2 = new AtomicLong();

    TrafficHistoryTest() {
        served("iris", "1", servedV1);
        served("iris", "current", servedV2);
    }

    @Test
    void calls_older_than_an_hour_leave_the_last_hour_but_stay_in_the_count_since_start() {
        TrafficHistory history = history(Set.of("iris"));
        servedV1.addAndGet(100);
        refusal("iris", "1", "rate_limited").increment(7);
        minutes(history, 30);
        servedV2.addAndGet(20);
        refusal("iris", "current", "constraint_MIN_CONFIDENCE").increment(2);
        minutes(history, 31);

        ModelTraffic traffic = history.of("iris").orElseThrow();

        assertThat(traffic.sinceStart().counts().served()).isEqualTo(120);
        assertThat(traffic.sinceStart().counts().refused()).isEqualTo(9);
        assertThat(traffic.sinceStart().from()).isEqualTo(Instant.parse("2026-12-06T05:00:00Z"));
        assertThat(traffic.lastHour().counts().served()).isEqualTo(20);
        assertThat(traffic.lastHour().counts().refused(RefusalCategory.RATE_LIMIT)).isZero();
        assertThat(traffic.lastHour().counts().refused(RefusalCategory.ETHICAL_CONSTRAINT)).isEqualTo(2);
        assertThat(traffic.lastHour().from()).isEqualTo(Instant.parse("2026-12-06T05:01:00Z"));
        assertThat(traffic.asOf()).isEqualTo(Instant.parse("2026-12-06T06:01:00Z"));
    }

    @Test
    void in_the_first_hour_the_last_hour_is_everything_since_start() {
        TrafficHistory history = history(Set.of("iris"));
        minutes(history, 5);
        servedV1.addAndGet(3);
        refusal("iris", "unknown", "not_found").increment();

        ModelTraffic traffic = history.of("iris").orElseThrow();

        assertThat(traffic.lastHour().from()).isEqualTo(traffic.gatewayStartedAt());
        assertThat(traffic.lastHour().counts().served()).isEqualTo(3);
        assertThat(traffic.lastHour().counts().refused(RefusalCategory.UNAVAILABLE)).isEqualTo(1);
    }

    @Test
    void only_models_the_dao_approved_have_a_summary_and_other_models_calls_are_not_theirs() {
        TrafficHistory history = history(Set.of("iris", "vad"));
        servedV1.addAndGet(5);
        refusal("unknown", "unknown", "not_found").increment(1000);

        assertThat(history.of("nope")).isEmpty();
        assertThat(history.of("unknown")).isEmpty();
        assertThat(history.of("vad").orElseThrow().sinceStart().counts().served()).isZero();
        assertThat(history.of("vad").orElseThrow().sinceStart().counts().refused()).isZero();
        assertThat(history.of("iris").orElseThrow().sinceStart().counts().refused()).isZero();
    }

    @Test
    void memory_stays_at_an_hour_of_samples_whatever_runs() {
        TrafficHistory history = history(Set.of("iris"));
        minutes(history, 24 * 60);
        servedV1.addAndGet(1);
        assertThat(history.sampleCount()).isEqualTo(TrafficHistory.SAMPLES);
        assertThat(history.of("iris").orElseThrow().lastHour().counts().served()).isEqualTo(1);
    }

    private TrafficHistory history(Set<String> models) {
        return new TrafficHistory(new TrafficMeters(registry), () -> models, clock);
    }

    private void minutes(TrafficHistory history, int minutes) {
        for (int i = 0; i < minutes; i++) {
            clock.advance(TrafficHistory.SAMPLE_EVERY);
            history.sample();
        }
    }

    private void served(String model, String version, AtomicLong count) {
        FunctionCounter.builder(InferenceMetrics.REQUESTS, count, AtomicLong::get)
                .tags("model", model, "version", version, "outcome", "served").register(registry);
    }

    private Counter refusal(String model, String version, String reason) {
        Counter.builder(InferenceMetrics.REQUESTS).tags("model", model, "version", version, "outcome", "refused")
                .register(registry);
        return Counter.builder(InferenceMetrics.REFUSALS).tags("model", model, "version", version, "reason", reason)
                .register(registry);
    }

    private static final class MovableClock extends Clock {

        private Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
