package org.modeldao.gateway.serving;

import org.modeldao.gateway.approval.ApprovedVersion;

/** Where one approved version stands in the gateway. */
public sealed interface VersionState {

    ApprovedVersion approved();

    /** Short name for APIs and metrics. */
    String name();

    record Loading(ApprovedVersion approved) implements VersionState {
        public String name() {
            return "loading";
        }
    }

    record Ready(ApprovedVersion approved, LoadedVersion loaded) implements VersionState {
        public String name() {
            return "ready";
        }
    }

    /**
     * Never served. {@code sourceMismatch}: the bytes at the URIs did not hash to the voted
     * values, so the quarantine ends once they do again (an operator restored the file); any
     * other reason (unreadable model, unusable card, format) stays until the DAO acts.
     */
    record Quarantined(ApprovedVersion approved, String reason, boolean sourceMismatch) implements VersionState {
        public String name() {
            return "quarantined";
        }
    }

    /** Fetch or engine failure; retried after a delay. */
    record Unavailable(ApprovedVersion approved, String reason, long retryAtMillis) implements VersionState {
        public String name() {
            return "unavailable";
        }
    }

    record Revoked(ApprovedVersion approved) implements VersionState {
        public String name() {
            return "revoked";
        }
    }
}
