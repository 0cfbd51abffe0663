package org.modeldao.gateway.approval.chain;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.modeldao.contracts.DeploymentDescriptor;
import org.modeldao.contracts.events.ChainReadException;
import org.modeldao.contracts.events.EventBatch;
import org.modeldao.contracts.events.GovernanceEventStream;
import org.modeldao.contracts.events.InMemoryOperations;
import org.modeldao.contracts.events.RecentBlocks;
import org.modeldao.contracts.events.RegistryEvent;
import org.modeldao.contracts.events.Rollback;
import org.modeldao.contracts.events.StreamSettings;
import org.modeldao.gateway.approval.GovernanceFolder;
import org.modeldao.gateway.approval.GovernanceSnapshot;
import org.modeldao.gateway.approval.GovernanceState;
import org.modeldao.gateway.approval.SyncStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web3j.protocol.Web3j;

/**
 * Follows the ModelRegistry through the shared {@link GovernanceEventStream} (bounded batches,
 * confirmations, reorganisation detection and proposal attribution are the stream's; this class
 * keeps only the approved set). At start it restores the persisted approved set (marked as not
 * confirmed), then rebuilds the state from the deployment block, and from then on folds each
 * confirmed batch. Every poll first checks that the node serves the descriptor's chain: on
 * another chain nothing is applied and readiness says "wrong chain". A chain outage keeps the last
 * state served and readiness degraded. When the stream signals a {@link Rollback} (blocks the
 * gateway applied left the chain), the approved set is rebuilt from the deployment block
 * ({@link ChainReorg}): what came from dropped blocks cannot be undone event by event.
 */
public final class ApprovalSync implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ApprovalSync.class);
    private static final String UNREACHABLE = "chain node unreachable: ";
    private static final String WRONG_CHAIN = "wrong chain: ";

    /** The node's chain id, asked on every poll (the stream checks it once; a node can be swapped behind a URL). */
    @FunctionalInterface
    public interface NodeChainId {
        long read() throws IOException;

        static NodeChainId of(Web3j web3j) {
            return () -> web3j.ethChainId().send().getChainId().longValueExact();
        }
    }

    private final GovernanceEventStream stream;
    private final InMemoryOperations operations;
    private final RecentBlocks blocks;
    private final NodeChainId nodeChainId;
    private final GovernanceState state;
    private final ApprovedStateStore store;
    private final Duration pollInterval;
    private final List<Consumer<ChainReorg>> reorgListeners = new CopyOnWriteArrayList<>();
    private volatile boolean confirmedByChain;
    private volatile boolean running;
    private Thread poller;

    public ApprovalSync(GovernanceEventStream stream, InMemoryOperations operations, NodeChainId nodeChainId,
            GovernanceState state, ApprovedStateStore store, Duration pollInterval) {
        this.stream = stream;
        this.operations = operations;
        this.blocks = new RecentBlocks(stream.settings().maxReorgDepth());
        this.nodeChainId = nodeChainId;
        this.state = state;
        this.store = store;
        this.pollInterval = pollInterval;
    }

    /** A sync over its own stream of {@code deployment} on {@code web3j}. */
    public static ApprovalSync following(Web3j web3j, DeploymentDescriptor deployment, StreamSettings settings,
            GovernanceState state, ApprovedStateStore store, Duration pollInterval) {
        InMemoryOperations operations = new InMemoryOperations();
        return new ApprovalSync(new GovernanceEventStream(web3j, deployment, settings, operations), operations,
                NodeChainId.of(web3j), state, store, pollInterval);
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
            requireDeploymentChain();
            head = stream.head();
            if (confirmedByChain) {
                follow(current);
            } else {
                // the first contact rebuilds from the deployment block: the persisted set is only a fallback
                publishRebuilt(rebuild());
                confirmedByChain = true;
            }
            state.report(new SyncStatus(true, head, state.current().block(), false, ""));
        } catch (ChainReadException.WrongChain e) {
            degrade(current, head, WRONG_CHAIN + e.getMessage());
        } catch (ChainReadException.ChainMoved e) {
            log.info("the chain moved while it was read; reading again at the next poll: {}", e.getMessage());
        } catch (IOException | RuntimeException e) { // ChainReadException.Unreachable and anything unexpected from the node
            degrade(current, head, UNREACHABLE + e.getMessage());
        }
    }

    private void requireDeploymentChain() throws IOException {
        long descriptor = stream.deployment().chainId();
        long node = nodeChainId.read();
        if (node != descriptor) {
            throw new ChainReadException.WrongChain(node, descriptor);
        }
    }

    private void degrade(GovernanceSnapshot current, long head, String error) {
        SyncStatus previous = state.status();
        String kind = error.substring(0, error.indexOf(':') + 1);
        if (!previous.lastError().startsWith(kind)) { // once per outage, also right after a restore
            log.warn("{}; serving the last approved set, nothing applied", error);
        }
        state.report(new SyncStatus(false, head >= 0 ? head : previous.chainHead(), current.block(),
                !confirmedByChain, error));
    }

    private void follow(GovernanceSnapshot current) throws IOException {
        GovernanceSnapshot snapshot = current;
        int applied = 0;
        while (true) { // each batch is bounded; the loop ends at the confirmed head
            EventBatch batch = stream.readBatch(snapshot.block() + 1, blocks);
            if (batch.rollback().isPresent()) {
                rebuildAfterReorg(current, batch.rollback().get());
                return;
            }
            if (batch.isEmpty()) {
                break;
            }
            List<RegistryEvent> events = batch.eventsOf(RegistryEvent.class);
            snapshot = GovernanceFolder.apply(snapshot, events, batch.toBlock());
            blocks.record(batch);
            operations.record(batch);
            applied += events.size();
        }
        state.publish(snapshot);
        if (applied > 0) {
            store.save(snapshot);
            log.info("applied {} registry events up to block {}", applied, snapshot.block());
        }
    }

    /** The approved set folded again from the deployment block up to the confirmed head. */
    private GovernanceSnapshot rebuild() {
        blocks.clear();
        operations.discardAbove(stream.firstBlock() - 1);
        GovernanceSnapshot snapshot = GovernanceFolder.apply(GovernanceSnapshot.EMPTY, List.of(), stream.firstBlock() - 1);
        while (true) {
            EventBatch batch = stream.readBatch(snapshot.block() + 1, blocks);
            if (batch.rollback().isPresent()) { // the chain moved under the rebuild: start it over at the next poll
                blocks.clear();
                throw new ChainReadException.ChainMoved(batch.rollback().get().describe());
            }
            if (batch.isEmpty()) {
                return snapshot;
            }
            snapshot = GovernanceFolder.apply(snapshot, batch.eventsOf(RegistryEvent.class), batch.toBlock());
            blocks.record(batch);
            operations.record(batch);
        }
    }

    private void publishRebuilt(GovernanceSnapshot rebuilt) throws IOException {
        state.publish(rebuilt);
        store.save(rebuilt);
    }

    /**
     * Blocks the gateway applied left the chain: confirmations were not enough. The state is
     * folded again from the deployment block on the canonical chain; serving then unloads what
     * that no longer approves and loads what it now does.
     */
    private void rebuildAfterReorg(GovernanceSnapshot current, Rollback rollback) throws IOException {
        GovernanceSnapshot rebuilt = rebuild();
        ChainReorg reorg = ChainReorg.between(current, rollback.heldHash(), rollback.canonicalHash(), rebuilt);
        log.warn("chain reorganisation deeper than {} confirmations: {}", stream.settings().confirmations(),
                reorg.describe());
        publishRebuilt(rebuilt);
        reorgListeners.forEach(listener -> listener.accept(reorg));
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
