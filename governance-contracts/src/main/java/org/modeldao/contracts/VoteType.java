package org.modeldao.contracts;

import java.math.BigInteger;

/** The Governor's vote types (GovernorCountingSimple): the numbers are the on-chain {@code support} values. */
public enum VoteType {
    AGAINST(0),
    FOR(1),
    ABSTAIN(2);

    private final int support;

    VoteType(int support) {
        this.support = support;
    }

    public BigInteger support() {
        return BigInteger.valueOf(support);
    }

    public static VoteType ofSupport(int support) {
        for (VoteType type : values()) {
            if (type.support == support) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown vote type " + support);
    }
}
