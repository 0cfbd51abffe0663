package org.modeldao.contracts;

/** OpenZeppelin Governor's proposal states, in the order of the on-chain enum. */
public enum ProposalState {
    PENDING,
    ACTIVE,
    CANCELED,
    DEFEATED,
    SUCCEEDED,
    QUEUED,
    EXPIRED,
    EXECUTED;

    public static ProposalState ofOrdinal(int ordinal) {
        if (ordinal < 0 || ordinal >= values().length) {
            throw new IllegalArgumentException("unknown proposal state " + ordinal);
        }
        return values()[ordinal];
    }
}
