package org.modeldao.contracts;

import java.math.BigInteger;

/** Java twins of the ModelRegistry's enums; the ordinals are the on-chain values. */
public final class RegistryKinds {

    private RegistryKinds() {
    }

    public enum VersionState {
        UNKNOWN,
        APPROVED,
        REVOKED;

        public static VersionState of(BigInteger code) {
            return values()[checked(code, values().length)];
        }
    }

    public enum PolicyKind {
        PUBLIC,
        TOKEN_HOLDERS,
        ALLOW_LIST;

        public BigInteger code() {
            return BigInteger.valueOf(ordinal());
        }

        public static PolicyKind of(BigInteger code) {
            return values()[checked(code, values().length)];
        }
    }

    public enum ConstraintKind {
        MAX_INPUT_SIZE,
        INPUT_RANGE,
        FORBIDDEN_OUTPUT_LABEL,
        MIN_CONFIDENCE,
        ALLOWED_PURPOSES;

        public BigInteger code() {
            return BigInteger.valueOf(ordinal());
        }

        public static ConstraintKind of(BigInteger code) {
            return values()[checked(code, values().length)];
        }
    }

    /** Fixed-point scale of decimal values in the registry (0.6 is stored as 600000). */
    public static final long VALUE_SCALE = 1_000_000;

    private static int checked(BigInteger code, int size) {
        if (code.signum() < 0 || code.compareTo(BigInteger.valueOf(size)) >= 0) {
            throw new IllegalArgumentException("value " + code + " is not one of the " + size + " known kinds");
        }
        return code.intValueExact();
    }
}
