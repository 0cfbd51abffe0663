package org.modeldao.app.proposals;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Tells open pages when the chain moved on (a new block), so they refresh through Vaadin Push
 * instead of members reloading. Polls the node's block number; listeners must hand the work
 * to their UI ({@code ui.access}).
 */
@Component
public class GovernanceUpdates {

    private static final Logger log = LoggerFactory.getLogger(GovernanceUpdates.class);

    private final GovernorReader chain;
    private final GovernanceContracts contracts;
    private final List<LongConsumer> listeners = new CopyOnWriteArrayList<>();
    private final AtomicLong lastBlock = new AtomicLong(-1);

    public GovernanceUpdates(GovernorReader chain, GovernanceContracts contracts) {
        this.chain = chain;
        this.contracts = contracts;
    }

    /** @return call it to stop listening (when the view detaches) */
    public Runnable subscribe(LongConsumer onNewBlock) {
        listeners.add(onNewBlock);
        return () -> listeners.remove(onNewBlock);
    }

    @Scheduled(fixedDelayString = "${modeldao.governance.poll-interval:2s}")
    void poll() {
        if (!contracts.configured() || listeners.isEmpty()) {
            return;
        }
        try {
            long block = chain.blockNumber();
            if (lastBlock.getAndSet(block) != block) {
                listeners.forEach(listener -> listener.accept(block));
            }
        } catch (RuntimeException nodeDown) {
            log.debug("Chain poll failed: {}", nodeDown.getMessage());
        }
    }
}
