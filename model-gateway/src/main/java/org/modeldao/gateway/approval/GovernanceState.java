package org.modeldao.gateway.approval;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * The gateway's current view of the DAO's decisions. The approval sync publishes snapshots;
 * policy and constraint checks read {@link #current()} on every request, so a voted change
 * takes effect on the next request without a restart; serving listens to reload versions.
 */
public final class GovernanceState {

    private final AtomicReference<GovernanceSnapshot> snapshot = new AtomicReference<>(GovernanceSnapshot.EMPTY);
    private final AtomicReference<SyncStatus> status = new AtomicReference<>(SyncStatus.STARTING);
    private final List<Consumer<GovernanceSnapshot>> listeners = new CopyOnWriteArrayList<>();

    public GovernanceSnapshot current() {
        return snapshot.get();
    }

    public SyncStatus status() {
        return status.get();
    }

    /**
     * Tells {@code listener} of every snapshot published from now on, and at once of the current
     * one if any was published already: a snapshot restored from disk before serving subscribed
     * must still reach it, whatever order the components start in. A snapshot published while
     * this runs may be told twice; listeners apply snapshots idempotently.
     */
    public void onChange(Consumer<GovernanceSnapshot> listener) {
        listeners.add(listener);
        GovernanceSnapshot published = snapshot.get();
        if (published != GovernanceSnapshot.EMPTY) {
            listener.accept(published);
        }
    }

    public void publish(GovernanceSnapshot next) {
        GovernanceSnapshot previous = snapshot.getAndSet(next);
        if (!previous.equals(next)) {
            listeners.forEach(listener -> listener.accept(next));
        }
    }

    public void report(SyncStatus next) {
        status.set(next);
    }
}
