package org.modeldao.gateway.serving;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.modeldao.gateway.approval.VersionKey;

/**
 * Which versions the gateway holds and in what state, and which version answers unversioned
 * calls. State changes are single map writes, so a request sees either the old or the new
 * version, never a mix; in-flight requests keep their lease on the old one.
 */
public final class ServingRegistry {

    private final Map<VersionKey, VersionState> states = new ConcurrentHashMap<>();
    private final Map<String, String> currentAlias = new ConcurrentHashMap<>();

    /** Leases the named version, or the model's current version when {@code version} is null. */
    public Lease lease(String model, String version) throws ServingException {
        String resolved = version;
        if (resolved == null) {
            resolved = currentAlias.get(model);
            if (resolved == null) {
                throw knownModel(model)
                        ? new ServingException.NotReady("model " + model + " has no current version being served")
                        : new ServingException.NotFound("unknown model " + model);
            }
        }
        VersionKey key = new VersionKey(model, resolved);
        VersionState state = states.get(key);
        if (state == null) {
            throw new ServingException.NotFound(knownModel(model)
                    ? "model " + model + " has no version " + resolved
                    : "unknown model " + model);
        }
        return switch (state) {
            case VersionState.Ready ready -> {
                if (!ready.loaded().retain()) {
                    // lost a race with revocation between lookup and retain
                    throw new ServingException.Revoked(key + " was just retired");
                }
                yield new Lease(ready.loaded());
            }
            case VersionState.Revoked revoked -> throw new ServingException.Revoked(
                    key + " was revoked by the DAO: " + revoked.approved().revocationReason(), revoked.approved());
            case VersionState.Quarantined q -> throw new ServingException.Quarantined(key + " is quarantined: " + q.reason());
            case VersionState.Loading loading -> throw new ServingException.NotReady(key + " is still loading");
            case VersionState.Unavailable u -> throw new ServingException.NotReady(key + " is unavailable: " + u.reason());
        };
    }

    public Optional<VersionState> state(VersionKey key) {
        return Optional.ofNullable(states.get(key));
    }

    public Collection<VersionState> states() {
        return states.values();
    }

    public Optional<String> currentVersion(String model) {
        return Optional.ofNullable(currentAlias.get(model));
    }

    public boolean knownModel(String model) {
        return states.keySet().stream().anyMatch(k -> k.model().equals(model));
    }

    public long readyCount() {
        return states.values().stream().filter(s -> s instanceof VersionState.Ready).count();
    }

    void put(VersionKey key, VersionState state) {
        VersionState previous = states.put(key, state);
        if (previous instanceof VersionState.Ready ready && !(state instanceof VersionState.Ready)) {
            ready.loaded().release();
        }
    }

    /** Forgets a version; a loaded one is released once its in-flight calls finish. */
    void remove(VersionKey key) {
        if (states.remove(key) instanceof VersionState.Ready ready) {
            ready.loaded().release();
        }
    }

    Set<String> aliasedModels() {
        return Set.copyOf(currentAlias.keySet());
    }

    void setCurrent(String model, String version) {
        if (version == null) {
            currentAlias.remove(model);
        } else {
            currentAlias.put(model, version);
        }
    }

    /** Drops every loaded version (shutdown); in-flight calls finish first. */
    void releaseAll() {
        states.replaceAll((key, state) -> {
            if (state instanceof VersionState.Ready ready) {
                ready.loaded().release();
                return new VersionState.Unavailable(state.approved(), "gateway shut down", Long.MAX_VALUE);
            }
            return state;
        });
    }
}
