package org.modeldao.gateway.traffic;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;

/** Calls served and refused (by {@link RefusalCategory}) of one model: cumulative, or the difference of two readings. */
public final class TrafficCounts {

    static final TrafficCounts NONE = new TrafficCounts(0, new long[RefusalCategory.values().length]);

    private final long served;
    private final long[] refused;

    private TrafficCounts(long served, long[] refused) {
        this.served = served;
        this.refused = refused;
    }

    public long served() {
        return served;
    }

    public long refused() {
        return Arrays.stream(refused).sum();
    }

    public long refused(RefusalCategory category) {
        return refused[category.ordinal()];
    }

    /** Every category, in declaration order, zeros included: the summary's shape never depends on the traffic. */
    public Map<RefusalCategory, Long> refusedByCategory() {
        Map<RefusalCategory, Long> all = new EnumMap<>(RefusalCategory.class);
        for (RefusalCategory category : RefusalCategory.values()) {
            all.put(category, refused[category.ordinal()]);
        }
        return all;
    }

    /**
     * What happened since {@code earlier}. A count below the earlier one (its meter was registered anew) gives 0,
     * never a negative number.
     */
    TrafficCounts since(TrafficCounts earlier) {
        long[] delta = new long[refused.length];
        for (int i = 0; i < delta.length; i++) {
            delta[i] = Math.max(0, refused[i] - earlier.refused[i]);
        }
        return new TrafficCounts(Math.max(0, served - earlier.served), delta);
    }

    /** Adds up counts while reading the meters. */
    static final class Builder {

        private long served;
        private final long[] refused = new long[RefusalCategory.values().length];

        Builder served(double count) {
            served += (long) count;
            return this;
        }

        Builder refused(String reason, double count) {
            refused[RefusalCategory.of(reason).ordinal()] += (long) count;
            return this;
        }

        TrafficCounts build() {
            return new TrafficCounts(served, refused.clone());
        }
    }

    @Override
    public String toString() {
        return "served " + served + ", refused " + refusedByCategory();
    }
}
