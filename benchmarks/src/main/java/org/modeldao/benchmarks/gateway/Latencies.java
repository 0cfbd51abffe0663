package org.modeldao.benchmarks.gateway;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.LongStream;

/** Recorded call durations with percentiles, for side-by-side printing. */
final class Latencies {

    private long[] nanos = new long[1024];
    private int count;

    synchronized void add(long duration) {
        if (count == nanos.length) {
            nanos = Arrays.copyOf(nanos, count * 2);
        }
        nanos[count++] = duration;
    }

    /** A copy: the stream is read after the lock is released. */
    synchronized LongStream nanos() {
        return Arrays.stream(Arrays.copyOf(nanos, count));
    }

    synchronized int count() {
        return count;
    }

    synchronized double percentileMicros(double p) {
        if (count == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(nanos, count);
        Arrays.sort(sorted);
        int index = (int) Math.min(count - 1, Math.max(0, Math.ceil(p / 100.0 * count) - 1));
        return sorted[index] / 1000.0;
    }

    String summary() {
        return String.format(Locale.ROOT, "p50 %8.1f µs  p99 %8.1f µs  (n=%d)", percentileMicros(50),
                percentileMicros(99), count());
    }
}
