package org.modeldao.gateway.serving;

import ai.djl.inference.Predictor;
import ai.djl.translate.TranslateException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * The predictors of one loaded version and the calls waiting for them, bounded: at most
 * predictors + queue capacity calls are admitted, the next is refused at once; a call waits for a
 * predictor at most the queue timeout.
 *
 * <p>With batching, the calls that wait together are stacked into one engine run (up to the
 * caller's row limit, the voted maximum batch size). No thread of its own: a caller that finds a
 * free predictor runs the waiting calls (its own among them, or first) and hands each its share;
 * a caller that finds none parks until its share is there, a predictor is free again or its queue
 * timeout has passed ({@link OverdueCalls} wakes it then: no timer per call). So a call
 * that arrives alone runs on its own thread at once, as without batching, and calls only stack
 * when they would have waited anyway — unless {@code maxDelay} asks a free predictor to wait for
 * more. A run that fails is repeated call by call, so one call's input never fails another's.
 */
final class PredictorPool {

    /** A call waiting in the queue; completed (once) by whichever caller runs it. */
    private static final class Waiting {
        final List<Tensor> inputs;
        final long rows;
        final Thread owner = Thread.currentThread();
        /** When the queue timeout refuses it ({@link System#nanoTime()}). */
        final long deadline;
        private volatile boolean done;
        private List<Tensor> outputs;
        private ServingException failure;

        Waiting(List<Tensor> inputs, long deadline) {
            this.inputs = inputs;
            this.deadline = deadline;
            this.rows = inputs.isEmpty() ? 0 : inputs.getFirst().batchSize();
        }

        void complete(List<Tensor> outputs, ServingException failure) {
            this.outputs = outputs;
            this.failure = failure;
            done = true; // publishes both fields
            LockSupport.unpark(owner);
        }

        List<Tensor> result() throws ServingException {
            if (failure != null) {
                throw failure;
            }
            return outputs;
        }
    }

    private final String name;
    private final ModelSignature signature;
    private final BlockingQueue<Predictor<List<Tensor>, List<Tensor>>> free;
    private final Semaphore admission;
    private final long queueTimeoutNanos;
    private final boolean stacking;
    private final long maxDelayNanos;
    private final BatchMeter meter;
    private final ConcurrentLinkedQueue<Waiting> waiting = new ConcurrentLinkedQueue<>();
    /** Rows in {@link #waiting}: what a predictor holding back for {@code maxDelay} watches. */
    private final AtomicInteger waitingRows = new AtomicInteger();

    PredictorPool(String name, ModelSignature signature, List<Predictor<List<Tensor>, List<Tensor>>> predictors,
            ServingSettings settings, BatchMeter meter) {
        this.name = name;
        this.signature = signature;
        this.free = new ArrayBlockingQueue<>(predictors.size(), false, predictors);
        this.admission = new Semaphore(predictors.size() + settings.queueCapacityPerVersion());
        this.queueTimeoutNanos = settings.queueTimeout().toNanos();
        this.stacking = settings.batching().enabled() && RowStacking.stackable(signature);
        this.maxDelayNanos = settings.batching().maxDelay().toNanos();
        this.meter = meter;
        if (stacking) {
            OverdueCalls.watch(this);
        }
    }

    /** Whether calls to this version share engine runs. */
    boolean stacking() {
        return stacking;
    }

    List<Tensor> predict(List<Tensor> inputs, int maxRows) throws ServingException {
        if (!admission.tryAcquire()) {
            throw new ServingException.AtCapacity(name + " has a full request queue");
        }
        try {
            return stacking ? predictStacked(new Waiting(inputs, System.nanoTime() + queueTimeoutNanos), maxRows)
                    : predictAlone(inputs);
        } finally {
            admission.release();
        }
    }

    private List<Tensor> predictAlone(List<Tensor> inputs) throws ServingException {
        Predictor<List<Tensor>, List<Tensor>> predictor;
        try {
            predictor = free.poll(queueTimeoutNanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServingException.AtCapacity("interrupted while waiting for a predictor");
        }
        if (predictor == null) {
            throw new ServingException.AtCapacity(name + " had no free predictor in time");
        }
        try {
            meter.ran(1);
            return run(predictor, inputs);
        } finally {
            free.add(predictor);
        }
    }

    private List<Tensor> predictStacked(Waiting call, int maxRows) throws ServingException {
        waiting.add(call);
        waitingRows.addAndGet((int) call.rows);
        while (!call.done) {
            // queued before looking for a predictor, and a runner frees its predictor before waking
            // the queue's head: one of the two always sees the other, so no call is left parked
            Predictor<List<Tensor>, List<Tensor>> predictor = free.poll();
            if (predictor != null) {
                try {
                    runWaiting(predictor, maxRows);
                } finally {
                    free.add(predictor);
                    wakeNext();
                }
                continue;
            }
            if (call.done) {
                // answered while this thread polled: the runner's unpark may have been taken by a park inside
                // poll()'s lock, and parking now would wait for the whole queue timeout (BatchingTest's closed loop)
                break;
            }
            boolean overdue = System.nanoTime() - call.deadline >= 0;
            boolean interrupted = Thread.currentThread().isInterrupted();
            if ((overdue || interrupted) && take(call)) {
                throw new ServingException.AtCapacity(interrupted ? "interrupted while waiting for a predictor"
                        : name + " had no free predictor in time");
            }
            if (interrupted) {
                // taken by a runner (not removed): its share comes within one run, and park() returns at once
                LockSupport.parkNanos(this, TimeUnit.MICROSECONDS.toNanos(50));
            } else {
                // no timer: a runner wakes it with its share or a free predictor, OverdueCalls at its deadline
                LockSupport.park(this);
            }
        }
        return call.result();
    }

    /** Runs what waits, up to {@code maxRows} rows (at least one call), on {@code predictor}. */
    private void runWaiting(Predictor<List<Tensor>, List<Tensor>> predictor, int maxRows) {
        holdBackForMore(maxRows);
        List<Waiting> batch = new ArrayList<>();
        long rows = 0;
        for (Waiting next = waiting.peek(); next != null; next = waiting.peek()) {
            if (!batch.isEmpty() && rows + next.rows > maxRows) {
                break;
            }
            if (take(next)) {
                batch.add(next);
                rows += next.rows;
            }
        }
        if (batch.isEmpty()) {
            return;
        }
        meter.ran(batch.size());
        try {
            if (batch.size() == 1 || !runStacked(predictor, batch)) {
                for (Waiting call : batch) {
                    runOne(predictor, call);
                }
            }
        } finally {
            for (Waiting call : batch) { // whatever went wrong, nobody is left waiting for ever
                if (!call.done) {
                    call.complete(null, new ServingException.EngineFailure(name + " failed to predict", null));
                }
            }
        }
    }

    private void holdBackForMore(int maxRows) {
        if (maxDelayNanos <= 0) {
            return;
        }
        long until = System.nanoTime() + maxDelayNanos;
        while (waitingRows.get() < maxRows && System.nanoTime() < until) {
            LockSupport.parkNanos(this, Math.min(TimeUnit.MICROSECONDS.toNanos(50), until - System.nanoTime()));
        }
    }

    /** @return false when the calls do not fit together or the stacked run failed: run them one by one then */
    private boolean runStacked(Predictor<List<Tensor>, List<Tensor>> predictor, List<Waiting> batch) {
        List<List<Tensor>> inputs = new ArrayList<>(batch.size());
        long[] rows = new long[batch.size()];
        for (int i = 0; i < batch.size(); i++) {
            inputs.add(batch.get(i).inputs);
            rows[i] = batch.get(i).rows;
        }
        List<Tensor> stacked = RowStacking.stack(signature, inputs);
        if (stacked == null) {
            return false;
        }
        List<List<Tensor>> shares;
        try {
            shares = RowStacking.split(predictor.predict(stacked), rows);
        } catch (TranslateException | RuntimeException e) {
            return false; // maybe one call's rows: each alone, so only that call fails
        }
        if (shares == null) {
            return false;
        }
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).complete(shares.get(i), null);
        }
        return true;
    }

    private void runOne(Predictor<List<Tensor>, List<Tensor>> predictor, Waiting call) {
        try {
            call.complete(run(predictor, call.inputs), null);
        } catch (ServingException e) {
            call.complete(null, e);
        } catch (RuntimeException e) {
            call.complete(null, new ServingException.EngineFailure(name + " failed to predict: " + e.getMessage(), e));
        }
    }

    private List<Tensor> run(Predictor<List<Tensor>, List<Tensor>> predictor, List<Tensor> inputs)
            throws ServingException {
        try {
            return predictor.predict(inputs);
        } catch (TranslateException e) {
            throw new ServingException.EngineFailure(name + " failed to predict: " + e.getMessage(), e);
        }
    }

    /** Takes a call out of the queue; false when another thread took it first. */
    private boolean take(Waiting call) {
        if (waiting.remove(call)) {
            waitingRows.addAndGet((int) -call.rows);
            return true;
        }
        return false;
    }

    /**
     * Wakes the queued calls whose queue timeout has passed: they take themselves out and are refused.
     * The whole queue (at most its capacity), not up to the first call still in time: a call's deadline
     * is set just before it queues, so two calls arriving together may queue out of deadline order.
     */
    void wakeOverdue(long now) {
        for (Waiting call : waiting) {
            if (now - call.deadline >= 0) {
                LockSupport.unpark(call.owner);
            }
        }
    }

    private void wakeNext() {
        Waiting head = waiting.peek();
        if (head != null) {
            LockSupport.unpark(head.owner);
        }
    }
}
