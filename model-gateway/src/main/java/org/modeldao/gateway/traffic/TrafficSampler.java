package org.modeldao.gateway.traffic;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Takes {@link TrafficHistory}'s minute samples on a virtual thread. */
final class TrafficSampler implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TrafficSampler.class);

    private final Thread thread;

    private TrafficSampler(Thread thread) {
        this.thread = thread;
    }

    static TrafficSampler start(TrafficHistory history, Duration every) {
        return new TrafficSampler(Thread.ofVirtual().name("traffic-sampler").start(() -> loop(history, every)));
    }

    private static void loop(TrafficHistory history, Duration every) {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                Thread.sleep(every);
                history.sample();
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                // a missed sample only moves where the next summaries' hour starts, and they name that time
                log.warn("traffic sample failed, next one in {}: {}", every, e.toString());
            }
        }
    }

    @Override
    public void close() {
        thread.interrupt();
    }
}
