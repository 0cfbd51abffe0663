package org.modeldao.gateway.approval.chain;

import java.time.Duration;
import java.util.List;
import org.modeldao.gateway.approval.GovernanceFolder;
import org.modeldao.gateway.approval.GovernanceSnapshot;
import org.modeldao.gateway.approval.GovernanceState;
import org.modeldao.gateway.approval.RegistryEvent;
import org.modeldao.gateway.approval.SyncStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the ModelRegistry. At start it restores the persisted approved set (marked as not
 * confirmed), then rebuilds the state from the registry's events since the deployment block,
 * and from then on applies each new block's events once they have {@code confirmations}
 * blocks on top. A chain outage keeps the last state served and readiness degraded.
 */
public final class ApprovalSync implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ApprovalSync.class);

    private final RegistryLogReader reader;
    private final GovernanceState state;
    private final ApprovedStateStore store;
    private final long deploymentBlock;
    private final int confirmations;
    private final Duration pollInterval;
    private volatile boolean confirmedByChain;
    private volatile boolean running;
    private Thread poller;

    public ApprovalSync(RegistryLogReader reader, GovernanceState state, ApprovedStateStore store,
            long deploymentBlock, int confirmations, Duration pollInterval) {
        this.reader = reader;
        this.state = state;
        this.store = store;
        this.deploymentBlock = deploymentBlock;
        this.confirmations = confirmations;
        this.pollInterval = pollInterval;
    }

    public void start() {
        store.load().ifPresent(saved -> {
            log.info("restored the approved set of block {} from disk until the chain confirms it", saved.block());
            state.report(new SyncStatus(false, -1, saved.block(), true, "serving the persisted approved set"));
            state.publish(saved);
        });
        running = true;
        poller = Thread.ofVirtual().name("approval-sync").start(this::pollLoop);
    }

    private void pollLoop() {
        while (running) {
            pollOnce();
            try {
                Thread.sleep(pollInterval);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** One sync step; public so tests and the bench can drive it without waiting. */
    public synchronized void pollOnce() {
        GovernanceSnapshot current = state.current();
        long head = -1;
        try {
            head = reader.headBlock();
            long target = head - confirmations;
            // the first contact rebuilds from the deployment block: the persisted set is only a fallback
            GovernanceSnapshot base = confirmedByChain ? current : GovernanceSnapshot.EMPTY;
            long from = confirmedByChain ? current.block() + 1 : deploymentBlock;
            if (target >= from || !confirmedByChain) {
                List<RegistryEvent> events = reader.read(from, Math.max(target, from - 1));
                GovernanceSnapshot next = GovernanceFolder.apply(base, events, Math.max(target, from - 1));
                state.publish(next);
                if (!events.isEmpty() || !confirmedByChain) {
                    store.save(next);
                }
                if (!events.isEmpty()) {
                    log.info("applied {} registry events up to block {}", events.size(), next.block());
                }
                confirmedByChain = true;
            }
            state.report(new SyncStatus(true, head, state.current().block(), false, ""));
        } catch (Exception e) {
            SyncStatus previous = state.status();
            if (previous.chainReachable() || previous == SyncStatus.STARTING) {
                log.warn("chain node unreachable, serving the last approved set: {}", e.getMessage());
            }
            state.report(new SyncStatus(false, head >= 0 ? head : previous.chainHead(), current.block(),
                    !confirmedByChain, "chain node unreachable: " + e.getMessage()));
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        if (poller != null) {
            poller.interrupt();
            poller.join(Duration.ofSeconds(5));
        }
    }
}
