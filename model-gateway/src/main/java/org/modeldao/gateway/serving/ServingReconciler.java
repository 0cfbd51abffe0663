package org.modeldao.gateway.serving;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.Function;
import org.modeldao.gateway.approval.ApprovedVersion;
import org.modeldao.gateway.approval.GovernanceSnapshot;
import org.modeldao.gateway.approval.ModelGovernance;
import org.modeldao.gateway.approval.VersionKey;
import org.modeldao.gateway.verification.Verification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the {@link ServingRegistry} follow the DAO: loads newly approved versions in the
 * background (serving continues meanwhile), retires revoked ones at once, and moves the
 * current-version alias once its target is ready.
 */
public final class ServingReconciler implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ServingReconciler.class);

    private final ServingRegistry registry;
    private final VersionLoader loader;
    /** {@link VersionLoader#load}, replaceable in tests to make a load throw what no real one can be made to. */
    private final Function<ApprovedVersion, VersionLoader.Outcome> load;
    private final ServingSettings settings;
    private final Clock clock;
    private final ExecutorService loads = Executors.newVirtualThreadPerTaskExecutor();
    private final List<Consumer<ServingEvent>> listeners = new CopyOnWriteArrayList<>();
    private volatile GovernanceSnapshot latest = GovernanceSnapshot.EMPTY;

    public ServingReconciler(ServingRegistry registry, VersionLoader loader, ServingSettings settings, Clock clock) {
        this(registry, loader, loader::load, settings, clock);
    }

    ServingReconciler(ServingRegistry registry, VersionLoader loader, Function<ApprovedVersion, VersionLoader.Outcome> load,
            ServingSettings settings, Clock clock) {
        this.registry = registry;
        this.loader = loader;
        this.load = load;
        this.settings = settings;
        this.clock = clock;
    }

    public void onEvent(Consumer<ServingEvent> listener) {
        listeners.add(listener);
    }

    public synchronized void reconcile(GovernanceSnapshot snapshot) {
        latest = snapshot;
        retireUnbacked(snapshot);
        for (ModelGovernance model : snapshot.models().values()) {
            for (ApprovedVersion version : model.versions().values()) {
                reconcileVersion(version);
            }
        }
        updateAliases(snapshot);
    }

    /**
     * Drops (and unloads, in-flight calls first) what the snapshot no longer backs, as after a
     * chain reorganisation: a version it does not hold at all, one whose approval now differs
     * (other hashes, sources or approving transaction: loaded again from the new approval), a
     * revocation that vanished (loaded again); and the alias of a model it no longer knows.
     */
    private void retireUnbacked(GovernanceSnapshot snapshot) {
        for (VersionState state : List.copyOf(registry.states())) {
            VersionKey key = state.approved().key();
            ApprovedVersion voted = snapshot.version(key).orElse(null);
            if (voted == null || !sameApproval(state.approved(), voted)
                    || state instanceof VersionState.Revoked && !voted.revoked()) {
                registry.remove(key);
                log.warn("{} as held is no longer what the canonical chain approved: unloaded", key);
            }
        }
        registry.aliasedModels().stream().filter(model -> snapshot.model(model).isEmpty())
                .forEach(model -> registry.setCurrent(model, null));
    }

    private static boolean sameApproval(ApprovedVersion held, ApprovedVersion voted) {
        return held.artifactSha256().equals(voted.artifactSha256()) && held.cardSha256().equals(voted.cardSha256())
                && held.artifactUri().equals(voted.artifactUri()) && held.cardUri().equals(voted.cardUri())
                && held.approval().equals(voted.approval());
    }

    private void reconcileVersion(ApprovedVersion version) {
        VersionKey key = version.key();
        VersionState state = registry.state(key).orElse(null);
        if (version.revoked()) {
            if (!(state instanceof VersionState.Revoked)) {
                registry.put(key, new VersionState.Revoked(version));
                log.warn("{} revoked by the DAO ({}): no longer served", key, version.revocationReason());
                emit(ServingEvent.Kind.REVOKED, version, version.revocationReason());
            }
            return;
        }
        boolean retryDue = state instanceof VersionState.Unavailable u && u.retryAtMillis() <= clock.millis();
        if (state == null || retryDue) {
            registry.put(key, new VersionState.Loading(version));
            loads.submit(() -> loadInBackground(version));
        }
    }

    private void loadInBackground(ApprovedVersion version) {
        VersionLoader.Outcome outcome;
        try {
            outcome = load.apply(version);
        } catch (RuntimeException | LinkageError | OutOfMemoryError e) {
            // a native library that fails to load, a bug, an artifact too large for the heap: the task would end
            // silently and leave the version Loading for good; it becomes Unavailable and is tried again after the
            // retry interval (the load's allocations are garbage by then, so the JVM itself goes on serving)
            log.error("{} could not be loaded", version.key(), e);
            outcome = new VersionLoader.Outcome.Failed("loading failed: " + e);
        }
        synchronized (this) {
            VersionKey key = version.key();
            boolean stillWanted = latest.version(key).map(v -> !v.revoked()).orElse(false)
                    && registry.state(key).orElse(null) instanceof VersionState.Loading;
            switch (outcome) {
                case VersionLoader.Outcome.Loaded loaded when stillWanted -> {
                    registry.put(key, new VersionState.Ready(version, loaded.version()));
                    log.info("{} loaded (sha256 {}), approved by proposal {}", key, version.artifactSha256(),
                            version.approval().proposalId());
                    emit(ServingEvent.Kind.LOADED, version, "loaded");
                }
                case VersionLoader.Outcome.Loaded loaded -> loaded.version().release();
                case VersionLoader.Outcome.Quarantined q when stillWanted -> {
                    registry.put(key, new VersionState.Quarantined(version, q.reason(), q.sourceMismatch()));
                    log.error("{} QUARANTINED: {}", key, q.reason());
                    emit(ServingEvent.Kind.QUARANTINED, version, q.reason());
                }
                case VersionLoader.Outcome.Failed f when stillWanted -> {
                    long retryAt = clock.millis() + settings.retryUnavailableAfter().toMillis();
                    registry.put(key, new VersionState.Unavailable(version, f.reason(), retryAt));
                    log.warn("{} unavailable, retrying later: {}", key, f.reason());
                    emit(ServingEvent.Kind.UNAVAILABLE, version, f.reason());
                }
                default -> log.debug("{} load outcome dropped: no longer wanted", key);
            }
            updateAliases(latest);
        }
    }

    /**
     * Hashes the sources of loaded and hash-quarantined versions again. A loaded version whose
     * artifact or card no longer matches the voted hash is quarantined and unloaded (in-flight
     * calls finish); a quarantined one whose source matches again is loaded. A source that
     * cannot be fetched changes nothing: the loaded copy was verified and the file may come back.
     * Fetching and hashing run outside the lock, so serving and reconciling go on meanwhile.
     */
    public void recheckSources() {
        List<VersionState> checked = registry.states().stream()
                .filter(s -> s instanceof VersionState.Ready || s instanceof VersionState.Quarantined q && q.sourceMismatch())
                .toList();
        for (VersionState state : checked) {
            applyRecheck(state, loader.verify(state.approved()));
        }
    }

    private synchronized void applyRecheck(VersionState checked, Verification result) {
        VersionKey key = checked.approved().key();
        if (registry.state(key).orElse(null) != checked) {
            return; // revoked, reloaded or quarantined meanwhile: the newer state stands
        }
        switch (checked) {
            case VersionState.Ready ready when result instanceof Verification.Mismatch mismatch ->
                    quarantineLoaded(ready, mismatch.reason());
            // the verified bytes were within the limits: refused now (say, too large), the source no longer holds them
            case VersionState.Ready ready when result instanceof Verification.Refused refused ->
                    quarantineLoaded(ready, refused.reason());
            case VersionState.Quarantined quarantined when result instanceof Verification.Verified -> {
                registry.put(key, new VersionState.Loading(quarantined.approved()));
                log.warn("{} source matches the approved hashes again: loading it", key);
                loads.submit(() -> loadInBackground(quarantined.approved()));
            }
            case VersionState.Ready ready when result instanceof Verification.Unavailable unavailable ->
                    log.warn("{} source could not be re-verified (still serving the verified copy): {}", key,
                            unavailable.reason());
            default -> log.debug("{} source re-verified: unchanged", key);
        }
    }

    private void quarantineLoaded(VersionState.Ready ready, String found) {
        String reason = found + " (found by re-verification of the source)";
        registry.put(ready.approved().key(), new VersionState.Quarantined(ready.approved(), reason, true));
        log.error("{} QUARANTINED and unloaded: {}", ready.approved().key(), reason);
        emit(ServingEvent.Kind.QUARANTINED, ready.approved(), reason);
        updateAliases(latest);
    }

    private void updateAliases(GovernanceSnapshot snapshot) {
        for (ModelGovernance model : snapshot.models().values()) {
            String desired = model.currentVersion();
            String effective = registry.currentVersion(model.name()).orElse(null);
            if (ready(model.name(), desired)) {
                if (!desired.equals(effective)) {
                    registry.setCurrent(model.name(), desired);
                    model.version(desired).ifPresent(v -> emit(ServingEvent.Kind.CURRENT_CHANGED, v,
                            "unversioned calls now answered by " + desired));
                }
            } else if (effective != null && (!ready(model.name(), effective) || desired.isEmpty())) {
                // the alias may lag only while its new target loads, and never onto a revoked version
                registry.setCurrent(model.name(), null);
            }
        }
    }

    private boolean ready(String model, String version) {
        return version != null && !version.isEmpty()
                && registry.state(new VersionKey(model, version)).orElse(null) instanceof VersionState.Ready;
    }

    private void emit(ServingEvent.Kind kind, ApprovedVersion version, String detail) {
        ServingEvent event = new ServingEvent(kind, version.key(), version.artifactSha256(),
                kind == ServingEvent.Kind.REVOKED ? version.revocation().proposalId() : version.approval().proposalId(),
                detail);
        listeners.forEach(listener -> listener.accept(event));
    }

    /**
     * Waits until no version is loading any more, at most {@code limit}; true if none is. Lets
     * a restarted gateway load its restored approved set before it takes requests.
     */
    public boolean awaitSettled(Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!settled()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(20);
        }
        return true;
    }

    /** Under the lock a finished load holds while it also moves the alias: settled includes the alias. */
    private synchronized boolean settled() {
        return registry.states().stream().noneMatch(s -> s instanceof VersionState.Loading);
    }

    @Override
    public synchronized void close() {
        loads.shutdownNow();
        registry.releaseAll();
    }
}
