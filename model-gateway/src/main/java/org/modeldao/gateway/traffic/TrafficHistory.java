package org.modeldao.gateway.traffic;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The last hour of each model's traffic from minute samples of the cumulative counters: the count an hour ago
 * subtracted from the count now. At most {@link #SAMPLES} samples of each known model are kept, whatever the
 * traffic, so memory is fixed per model; reading happens once a minute and per summary asked, never per call.
 */
public final class TrafficHistory {

    static final Duration SAMPLE_EVERY = Duration.ofMinutes(1);
    static final Duration WINDOW = Duration.ofHours(1);
    /** An hour of minute samples plus the one that starts the hour. */
    static final int SAMPLES = (int) (WINDOW.toMinutes() / SAMPLE_EVERY.toMinutes()) + 1;

    private record Sample(Instant at, Map<String, TrafficCounts> counts) {}

    private final TrafficMeters meters;
    private final Supplier<Set<String>> knownModels;
    private final Clock clock;
    private final Instant startedAt;
    private final Deque<Sample> samples = new ArrayDeque<>(SAMPLES);

    TrafficHistory(TrafficMeters meters, Supplier<Set<String>> knownModels, Clock clock) {
        this.meters = meters;
        this.knownModels = knownModels;
        this.clock = clock;
        this.startedAt = clock.instant();
        sample();
    }

    /** Takes this minute's sample and forgets the ones the hour no longer needs. */
    synchronized void sample() {
        Instant now = clock.instant();
        samples.addLast(new Sample(now, meters.read(knownModels.get())));
        while (samples.size() > SAMPLES) {
            samples.removeFirst();
        }
    }

    synchronized int sampleCount() {
        return samples.size();
    }

    /** @return the model's traffic, or empty for a model the DAO never approved a version of */
    public Optional<ModelTraffic> of(String model) {
        if (!knownModels.get().contains(model)) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        TrafficCounts current = meters.read(Set.of(model)).getOrDefault(model, TrafficCounts.NONE);
        Sample hourAgo = firstSampleSince(now.minus(WINDOW));
        TrafficCounts then = hourAgo.counts().getOrDefault(model, TrafficCounts.NONE);
        return Optional.of(new ModelTraffic(model, startedAt, now, new ModelTraffic.Window(hourAgo.at(), current.since(then)),
                new ModelTraffic.Window(startedAt, current)));
    }

    /**
     * The oldest sample taken at or after {@code from}, so the window never reaches back more than an hour; a model
     * approved after that sample has none there, and counts from zero, which is what its counters held.
     */
    private synchronized Sample firstSampleSince(Instant from) {
        for (Sample sample : samples) {
            if (!sample.at().isBefore(from)) {
                return sample;
            }
        }
        return samples.getLast();
    }
}
