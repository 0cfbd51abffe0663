package org.modeldao.app.readmodel;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongConsumer;
import org.modeldao.app.indexer.ChainIndexed;
import org.modeldao.app.indexer.ChainReorganized;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells open pages when the read model moved on (the indexer committed a batch or rolled back a
 * reorganisation), so they refresh through Vaadin Push instead of members reloading. Events
 * arrive on the indexer's thread: listeners must hand the work to their UI ({@code ui.access}).
 */
@Component
public class GovernanceUpdates {

    private static final Logger log = LoggerFactory.getLogger(GovernanceUpdates.class);

    private final List<LongConsumer> listeners = new CopyOnWriteArrayList<>();

    /** @return call it to stop listening (when the view detaches) */
    public Runnable subscribe(LongConsumer onIndexedBlock) {
        listeners.add(onIndexedBlock);
        return () -> listeners.remove(onIndexedBlock);
    }

    @EventListener
    void indexed(ChainIndexed batch) {
        tell(batch.toBlock());
    }

    @EventListener
    void reorganized(ChainReorganized reorg) {
        tell(reorg.commonAncestorBlock());
    }

    /** A page closed without detaching cleanly (UIDetachedException) must not fail the indexer's batch. */
    private void tell(long block) {
        for (LongConsumer listener : listeners) {
            try {
                listener.accept(block);
            } catch (RuntimeException e) {
                listeners.remove(listener);
                log.debug("Dropped a governance update listener that failed: {}", e.toString());
            }
        }
    }
}
