package org.modeldao.gateway.approval.chain;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
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
 * blocks on top. A chain outage keeps the last state served and readiness degraded. Each poll
 * first checks that the block last applied is still canonical; if a reorganisation deeper than
 * the confirmations dropped it, the state is rebuilt from the deployment block ({@link ChainReorg}).
 */
public final class ApprovalSync implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ApprovalSync.class);
    private static final String UNREACHABLE = "chain node unreachable: ";

    private final RegistryLogReader reader;
    private final GovernanceState state;
    private final ApprovedStateStore store;
    private final long deploymentBlock;
    private final int confirmations;
    private final Duration pollInterval;
    private final List<Consumer<ChainReorg>> reorgListeners = new CopyOnWriteArrayList<>();
    private volatile boolean confirmedByChain;
    /** Hash of the block the current snapshot is as of, when applied: a reorg past it changes it. */
    private String appliedHash;
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

    /** Told after a reorganisation made the gateway rebuild its approved set. */
    public void onReorg(Consumer<ChainReorg> listener) {
        reorgListeners.add(listener);
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
            boolean checkable = confirmedByChain && appliedHash != null;
            String canonical = checkable ? hashOf(current.block()) : null;
            if (checkable && !appliedHash.equals(canonical)) {
                rebuildAfterReorg(current, canonical, target);
            } else {
                follow(current, target);
            }
            state.report(new SyncStatus(true, head, state.current().block(), false, ""));
        } catch (Exception e) {
            SyncStatus previous = state.status();
            if (!previous.lastError().startsWith(UNREACHABLE)) { // once per outage, also right after a restore
                log.warn("chain node unreachable, serving the last approved set: {}", e.getMessage());
            }
            state.report(new SyncStatus(false, head >= 0 ? head : previous.chainHead(), current.block(),
                    !confirmedByChain, UNREACHABLE + e.getMessage()));
        }
    }

    private void follow(GovernanceSnapshot current, long target) throws IOException {
        // the first contact rebuilds from the deployment block: the persisted set is only a fallback
        GovernanceSnapshot base = confirmedByChain ? current : GovernanceSnapshot.EMPTY;
        long from = confirmedByChain ? current.block() + 1 : deploymentBlock;
        if (target < from && confirmedByChain) {
            return;
        }
        Applied applied = fold(base, from, Math.max(target, from - 1));
        if (applied == null) {
            return;
        }
        state.publish(applied.snapshot());
        appliedHash = applied.blockHash();
        if (applied.events() > 0 || !confirmedByChain) {
            store.save(applied.snapshot());
        }
        if (applied.events() > 0) {
            log.info("applied {} registry events up to block {}", applied.events(), applied.snapshot().block());
        }
        confirmedByChain = true;
    }

    /**
     * The block last applied is no longer on the chain: confirmations were not enough. What was
     * applied from the dropped blocks cannot be undone event by event, so the state is folded
     * again from the deployment block on the canonical chain; serving then unloads what that no
     * longer approves and loads what it now does.
     */
    private void rebuildAfterReorg(GovernanceSnapshot current, String canonicalHash, long target) throws IOException {
        Applied rebuilt = fold(GovernanceSnapshot.EMPTY, deploymentBlock, Math.max(target, deploymentBlock - 1));
        if (rebuilt == null) {
            return;
        }
        ChainReorg reorg = ChainReorg.between(current, appliedHash, canonicalHash, rebuilt.snapshot());
        log.warn("chain reorganisation deeper than {} confirmations: {}", confirmations, reorg.describe());
        state.publish(rebuilt.snapshot());
        appliedHash = rebuilt.blockHash();
        store.save(rebuilt.snapshot());
        reorgListeners.forEach(listener -> listener.accept(reorg));
    }

    private record Applied(GovernanceSnapshot snapshot, String blockHash, int events) {}

    /**
     * Folds the events of blocks {@code from..to} onto {@code base}, remembering the hash of
     * {@code to}; null when that block changed during the read (a reorg under way: next poll).
     */
    private Applied fold(GovernanceSnapshot base, long from, long to) throws IOException {
        String hash = hashOf(to);
        List<RegistryEvent> events = reader.read(from, to);
        if (!Objects.equals(hash, hashOf(to))) {
            log.info("block {} changed while its events were read; reading again at the next poll", to);
            return null;
        }
        return new Applied(GovernanceFolder.apply(base, events, to), hash, events.size());
    }

    private String hashOf(long block) throws IOException {
        return block < 0 ? null : reader.blockHash(block).orElse(null);
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
