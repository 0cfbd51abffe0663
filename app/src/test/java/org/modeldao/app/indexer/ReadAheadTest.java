package org.modeldao.app.indexer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.modeldao.contracts.events.ChainReadException;
import org.modeldao.contracts.events.EventBatch;

/** The read ahead hands over the batch or the read's own failure, and leaves no thread behind. */
class ReadAheadTest {

    private static final EventBatch BATCH = new EventBatch(5, 9, List.of(), List.of(), List.of(), List.of(), Optional.empty());

    @Test
    void the_batch_read_ahead_is_handed_over_once() {
        try (ReadAhead readAhead = new ReadAhead()) {
            readAhead.start(() -> BATCH);

            assertThat(readAhead.take()).isSameAs(BATCH);
            assertThatThrownBy(readAhead::take).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void a_failed_read_throws_its_own_exception_as_a_read_in_line_would() {
        ChainReadException.BlockUnreadable unreadable = new ChainReadException.BlockUnreadable(7, "stalled at block 7", null);
        try (ReadAhead readAhead = new ReadAhead()) {
            readAhead.start(() -> {
                throw unreadable;
            });

            assertThatThrownBy(readAhead::take).isSameAs(unreadable);
        }
    }

    @Test
    void a_discarded_read_is_interrupted_and_closing_stops_the_thread() throws InterruptedException {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch interrupted = new CountDownLatch(1);
        Thread[] reader = new Thread[1];
        try (ReadAhead readAhead = new ReadAhead()) {
            readAhead.start(() -> {
                reader[0] = Thread.currentThread();
                started.countDown();
                try {
                    Thread.sleep(60_000);
                } catch (InterruptedException e) {
                    interrupted.countDown();
                }
                return BATCH;
            });
            assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
            readAhead.discard();
            assertThat(interrupted.await(10, TimeUnit.SECONDS)).isTrue();
        }
        reader[0].join(10_000);
        assertThat(reader[0].isAlive()).isFalse();
    }
}
