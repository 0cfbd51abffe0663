package org.modeldao.app.catalog;

import java.util.List;
import java.util.Optional;
import org.modeldao.contracts.RegistryKinds.VersionState;

/** A model as the DAO governs it: versions, current version, access policy and constraints in force. */
public record CatalogModel(String name, Optional<String> currentVersion, Optional<DecisionLink> currentSetBy,
        List<Version> versions, Optional<Rule> accessPolicy, List<Rule> constraints) {

    public record Version(String version, VersionState state, String artifactSha256, String artifactUri, String cardSha256,
            String cardUri, String format, DecisionLink approvedBy, Optional<DecisionLink> revokedBy, String revocationReason) {
    }

    /** A policy or constraint in force, in plain language, with the decision that made it. */
    public record Rule(Optional<Long> constraintId, String description, DecisionLink decidedBy) {
    }

    public Optional<Version> version(String name) {
        return versions.stream().filter(v -> v.version().equals(name)).findFirst();
    }
}
