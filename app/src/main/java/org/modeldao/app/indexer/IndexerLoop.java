package org.modeldao.app.indexer;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs the indexer on one virtual thread: lead (or stand by), catch up, pause, repeat. Failures
 * (node down, chain moved mid-batch, another indexer first, a block the node refuses) are logged
 * and retried with a growing pause (at most a minute). Bad data never fails a poll: the indexer
 * quarantines what it cannot store.
 */
final class IndexerLoop implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(IndexerLoop.class);
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(1);

    private final ChainIndexer indexer;
    private final IndexerLeadership leadership;
    private final Duration pollInterval;
    private final Runnable onStop;
    private volatile CountDownLatch stopSignal;
    private volatile Thread thread;
    private volatile boolean leading;
    private String lastFailure;
    private volatile int consecutiveFailures;

    IndexerLoop(ChainIndexer indexer, IndexerLeadership leadership, Duration pollInterval, Runnable onStop) {
        this.indexer = indexer;
        this.leadership = leadership;
        this.pollInterval = pollInterval;
        this.onStop = onStop;
    }

    @Override
    public synchronized void start() {
        if (thread != null) {
            return;
        }
        stopSignal = new CountDownLatch(1);
        thread = Thread.ofVirtual().name("chain-indexer").start(this::run);
    }

    private void run() {
        CountDownLatch stop = stopSignal;
        while (stop.getCount() > 0) {
            pollOnce();
            try {
                if (stop.await(nextPause().toMillis(), TimeUnit.MILLISECONDS)) {
                    return;
                }
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** One poll: package-visible so tests can drive the loop step by step. */
    void pollOnce() {
        try {
            leading = leadership.tryLead();
            if (leading) {
                CountDownLatch stop = stopSignal;
                indexer.catchUp(() -> stop == null || stop.getCount() > 0);
            }
            if (lastFailure != null) {
                log.info("Chain indexer recovered");
                lastFailure = null;
            }
            consecutiveFailures = 0;
        } catch (RuntimeException e) {
            consecutiveFailures++;
            String failure = e.getClass().getSimpleName() + ": " + e.getMessage();
            if (!failure.equals(lastFailure)) {
                log.warn("Chain indexer poll failed, retrying with backoff (now {}): {}", nextPause(), failure);
                lastFailure = failure;
            }
        }
    }

    /**
     * The poll interval, doubled after each failed poll in a row up to {@link #MAX_BACKOFF}: a node
     * that keeps refusing (or is down) is asked again at a bounded, falling rate, never in a spin.
     */
    Duration nextPause() {
        if (consecutiveFailures == 0) {
            return pollInterval;
        }
        Duration doubled = pollInterval.multipliedBy(1L << Math.min(consecutiveFailures, 16));
        return doubled.compareTo(MAX_BACKOFF) > 0 ? (pollInterval.compareTo(MAX_BACKOFF) > 0 ? pollInterval : MAX_BACKOFF) : doubled;
    }

    boolean isLeading() {
        return leading;
    }

    @Override
    public synchronized void stop() {
        Thread running = thread;
        if (running == null) {
            return;
        }
        stopSignal.countDown();
        try {
            running.join(Duration.ofSeconds(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        thread = null;
        leading = false;
        leadership.close();
        onStop.run();
    }

    @Override
    public boolean isRunning() {
        return thread != null;
    }
}
