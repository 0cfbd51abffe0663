package org.modeldao.app.indexer;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.modeldao.contracts.events.ChainReadException;
import org.modeldao.contracts.events.EventBatch;

/**
 * Reads the next batch on one background thread while the indexer stores the current one: the
 * node, JSON parsing and decoding of batch n+1 overlap with the projection and the database
 * transaction of batch n. One batch ahead, never more, so at most two batches are in memory.
 * Lives for one catch-up; closing it abandons a read still running.
 */
final class ReadAhead implements AutoCloseable {

    private static final long CLOSE_WAIT_SECONDS = 30;

    private ExecutorService reader; // started with the first read ahead: a poll at the head starts no thread
    private Future<EventBatch> next;

    void start(Supplier<EventBatch> read) {
        discard();
        if (reader == null) {
            reader = Executors.newSingleThreadExecutor(task -> {
                Thread thread = new Thread(task, "indexer-read-ahead");
                thread.setDaemon(true);
                return thread;
            });
        }
        next = reader.submit(read::get);
    }

    /** The batch read ahead (waiting for it if need be); the read's own exception when it failed. */
    EventBatch take() {
        Future<EventBatch> reading = next;
        next = null;
        if (reading == null) {
            throw new IllegalStateException("nothing is being read ahead");
        }
        try {
            return reading.get();
        } catch (ExecutionException failed) {
            switch (failed.getCause()) {
                case RuntimeException e -> throw e;
                case Error e -> throw e;
                default -> throw new IllegalStateException(failed.getCause());
            }
        } catch (InterruptedException interrupted) {
            reading.cancel(true);
            Thread.currentThread().interrupt();
            throw new ChainReadException.Unreachable("interrupted while reading the next batch", interrupted);
        }
    }

    /** Drops the batch being read ahead (the one in store was not committed as read). */
    void discard() {
        if (next != null) {
            next.cancel(true);
            next = null;
        }
    }

    @Override
    public void close() {
        discard();
        if (reader == null) {
            return;
        }
        reader.shutdownNow();
        try {
            // a read in flight ends within the node's call timeout (NodeConnection, 20 s by default)
            reader.awaitTermination(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
