package org.modeldao.gateway.inference;

import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Hands served-call latencies from request threads to a version's timer. Recording into a
 * percentile-histogram timer costs more than all governance checks together; a request only
 * claims a slot and stores one long, and {@link InferenceMetrics}' drain records the batch.
 * Nothing is dropped: when the ring is full, the request records into the timer itself.
 */
final class LatencyBuffer {

    private static final int CAPACITY = 1 << 13;
    private static final int MASK = CAPACITY - 1;

    private final Timer timer;
    /** Latency + 1 per slot: 0 marks a slot claimed but not yet written, or already drained. */
    private final AtomicLongArray slots = new AtomicLongArray(CAPACITY);
    private final AtomicLong claimed = new AtomicLong();
    private volatile long drained;

    LatencyBuffer(Timer timer) {
        this.timer = timer;
    }

    void add(long nanos) {
        long value = Math.max(0, nanos) + 1;
        long sequence;
        do {
            sequence = claimed.get();
            if (sequence - drained >= CAPACITY) {
                timer.record(value - 1, TimeUnit.NANOSECONDS);
                return;
            }
        } while (!claimed.compareAndSet(sequence, sequence + 1));
        slots.setRelease((int) (sequence & MASK), value);
    }

    /** Single consumer: only {@link InferenceMetrics#drain()} calls this, under its lock. */
    void drainTo() {
        long next = drained;
        long end = claimed.get();
        while (next < end) {
            int slot = (int) (next & MASK);
            long value = slots.getAcquire(slot);
            if (value == 0) {
                break; // claimed by a request that has not written yet: the next drain takes it
            }
            timer.record(value - 1, TimeUnit.NANOSECONDS);
            slots.set(slot, 0);
            next++;
            drained = next; // after clearing the slot, so a producer that sees room finds it empty
        }
    }
}
