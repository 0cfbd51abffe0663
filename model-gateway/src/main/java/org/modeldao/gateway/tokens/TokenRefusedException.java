package org.modeldao.gateway.tokens;

/** A bearer token that names no caller; {@link #kind()} tells the transport which status to answer. */
public final class TokenRefusedException extends RuntimeException {

    public enum Kind {
        /** malformed, badly signed, expired, revoked, wrong issuer/audience/chain (401) */
        INVALID,
        /** verified, but its subject is no account address (400) */
        NO_ACCOUNT,
        /** the key set could not be fetched to verify it (503) */
        UNVERIFIABLE
    }

    private final Kind kind;

    public TokenRefusedException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    /** The HTTP status of this refusal (gRPC maps it like every other). */
    public int status() {
        return switch (kind) {
            case INVALID -> 401;
            case NO_ACCOUNT -> 400;
            case UNVERIFIABLE -> 503;
        };
    }
}
