package org.modeldao.gateway.serving;

import org.modeldao.gateway.approval.VersionKey;

/** Something happened to a version's lifecycle; the decision log and metrics listen. */
public record ServingEvent(Kind kind, VersionKey version, String artifactSha256, String proposalId, String detail) {

    public enum Kind { LOADED, QUARANTINED, UNAVAILABLE, REVOKED, CURRENT_CHANGED }
}
