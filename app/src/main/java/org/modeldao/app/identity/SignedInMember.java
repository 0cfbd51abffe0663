package org.modeldao.app.identity;

import java.io.Serializable;
import java.math.BigInteger;
import java.util.Set;

/**
 * The account behind a session: proven by a SIWE signature, roles read from the chain at sign-in.
 *
 * @param address EIP-55 checksummed address
 * @param chainId chain the sign-in message named
 * @param votes voting power at sign-in
 * @param roles roles at sign-in
 */
public record SignedInMember(String address, long chainId, BigInteger votes, Set<MemberRole> roles) implements Serializable {

    public SignedInMember {
        roles = Set.copyOf(roles);
    }

    public boolean has(MemberRole role) {
        return roles.contains(role);
    }
}
