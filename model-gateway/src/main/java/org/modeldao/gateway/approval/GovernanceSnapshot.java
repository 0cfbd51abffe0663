package org.modeldao.gateway.approval;

import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The registry's state as of {@code block} (the last block whose events were applied).
 * Immutable: followers swap whole snapshots, so readers never see half an update.
 */
public record GovernanceSnapshot(long block, Map<String, ModelGovernance> models) {

    public static final GovernanceSnapshot EMPTY = new GovernanceSnapshot(-1, Map.of());

    public GovernanceSnapshot {
        models = Map.copyOf(models);
    }

    public Optional<ModelGovernance> model(String name) {
        return Optional.ofNullable(models.get(name));
    }

    public Optional<ApprovedVersion> version(VersionKey key) {
        return model(key.model()).flatMap(m -> m.version(key.version()));
    }

    /** Versions that are approved and not revoked: the set the gateway must serve. */
    public Stream<ApprovedVersion> servable() {
        return models.values().stream().flatMap(m -> m.versions().values().stream()).filter(v -> !v.revoked());
    }
}
