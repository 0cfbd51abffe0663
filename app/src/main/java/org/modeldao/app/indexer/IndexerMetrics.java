package org.modeldao.app.indexer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the indexer reports beside its logs: logs quarantined, ranges halved because their rows
 * could not be stored, and the block the stream cannot read (-1 when there is none). (Ranges the
 * node refuses are the stream's to halve; it reads a single block over the node's cap from receipts.)
 * Fixed names, no per-block tags: the number of series never grows.
 */
final class IndexerMetrics {

    private final Counter quarantined;
    private final Counter splits;
    private final AtomicLong stalledBlock = new AtomicLong(-1);

    IndexerMetrics(MeterRegistry registry) {
        quarantined = Counter.builder("modeldao.indexer.quarantined.logs")
                .description("Logs the indexer could not store and recorded in quarantined_log").register(registry);
        splits = Counter.builder("modeldao.indexer.range.splits")
                .description("Block ranges halved because their rows could not be stored").register(registry);
        Gauge.builder("modeldao.indexer.stalled.block", stalledBlock, AtomicLong::get)
                .description("Block the indexer cannot read at all (-1: none)").register(registry);
    }

    static IndexerMetrics unregistered() {
        return new IndexerMetrics(new SimpleMeterRegistry());
    }

    void quarantined() {
        quarantined.increment();
    }

    void split() {
        splits.increment();
    }

    void stalledAt(long block) {
        stalledBlock.set(block);
    }

    double quarantinedCount() {
        return quarantined.count();
    }

    double splitCount() {
        return splits.count();
    }

    long stalledBlock() {
        return stalledBlock.get();
    }
}
