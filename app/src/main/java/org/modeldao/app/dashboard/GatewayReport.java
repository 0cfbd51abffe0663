package org.modeldao.app.dashboard;

import java.util.Optional;

/**
 * What the model gateway itself says about a model, from its public metadata
 * ({@code GET /v2/models/{name}}).
 *
 * @param version the version it serves unversioned calls with, when it names one
 * @param detail  the gateway's reason (quarantine, unavailability, revocation) or why it could not be asked; may be empty
 */
public record GatewayReport(Status status, Optional<String> version, String detail) {

    public enum Status {
        /** No gateway URL is configured (modeldao.gateway.url). */
        NOT_CONFIGURED,
        /** No answer within the timeout, or the connection failed. */
        UNREACHABLE,
        /** An answer this app cannot read. */
        UNREADABLE,
        UNKNOWN_MODEL,
        NO_CURRENT_VERSION,
        READY,
        LOADING,
        QUARANTINED,
        UNAVAILABLE,
        REVOKED
    }

    public static GatewayReport of(Status status, String detail) {
        return new GatewayReport(status, Optional.empty(), detail);
    }
}
