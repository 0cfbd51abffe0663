package org.modeldao.app.delegation;

import java.math.BigInteger;
import java.util.List;

/** An account that holds delegated voting power, and who delegated to it (with their balances). */
public record Delegate(String address, BigInteger votingPower, List<Delegator> delegators) {

    public record Delegator(String address, BigInteger balance) {
    }
}
