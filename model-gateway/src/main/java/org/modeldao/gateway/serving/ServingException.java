package org.modeldao.gateway.serving;

import org.modeldao.gateway.approval.ApprovedVersion;

/** Why a version could not answer; the HTTP adapter maps each subclass to one status. */
public abstract sealed class ServingException extends Exception {

    protected ServingException(String message, Throwable cause) {
        super(message, cause);
    }

    /** No such model, or no such version of it (404). */
    public static final class NotFound extends ServingException {
        public NotFound(String message) {
            super(message, null);
        }
    }

    /** The DAO revoked the version (410); names the revocation when the version is known. */
    public static final class Revoked extends ServingException {
        private final transient ApprovedVersion version;

        public Revoked(String message) {
            this(message, null);
        }

        public Revoked(String message, ApprovedVersion version) {
            super(message, null);
            this.version = version;
        }

        /** The revoked version (its revocation: proposal, transaction, block, reason), when known. */
        public java.util.Optional<ApprovedVersion> version() {
            return java.util.Optional.ofNullable(version);
        }
    }

    /** The artifact or card did not match the voted hash (409); never served. */
    public static final class Quarantined extends ServingException {
        public Quarantined(String message) {
            super(message, null);
        }
    }

    /** Approved but not loaded (yet): loading, fetch failed, or no current version (503). */
    public static final class NotReady extends ServingException {
        public NotReady(String message) {
            super(message, null);
        }
    }

    /** The request queue is full (503 with Retry-After). */
    public static final class AtCapacity extends ServingException {
        public AtCapacity(String message) {
            super(message, null);
        }
    }

    /** The engine failed on a request that passed validation (500). */
    public static final class EngineFailure extends ServingException {
        public EngineFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
