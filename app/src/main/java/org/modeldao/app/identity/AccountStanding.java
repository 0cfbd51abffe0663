package org.modeldao.app.identity;

import java.math.BigInteger;
import java.util.Set;

/**
 * What an account would sign in as, read from the chain now.
 *
 * @param roles the roles it would get
 * @param votes its delegated voting power in token units
 */
public record AccountStanding(Set<MemberRole> roles, BigInteger votes) {

    public AccountStanding {
        roles = Set.copyOf(roles);
    }
}
