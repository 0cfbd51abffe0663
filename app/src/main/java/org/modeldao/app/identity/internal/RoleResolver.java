package org.modeldao.app.identity.internal;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.modeldao.app.chain.VotingPower;
import org.modeldao.app.identity.IdentityProperties;
import org.modeldao.app.identity.MemberRole;
import org.springframework.stereotype.Component;
import org.web3j.crypto.Keys;

/** Turns on-chain voting power and the configured admin list into roles. */
@Component
public class RoleResolver {

    private final Set<String> adminAddresses;

    public RoleResolver(IdentityProperties properties) {
        this.adminAddresses = properties.adminAddresses().stream()
                .map(String::trim)
                .map(address -> Keys.toChecksumAddress(address))
                .collect(Collectors.toUnmodifiableSet());
    }

    public Set<MemberRole> rolesOf(String checksummedAddress, VotingPower power) {
        Set<MemberRole> roles = EnumSet.noneOf(MemberRole.class);
        if (power.isMember()) {
            roles.add(MemberRole.MEMBER);
            // A proposer must also be a member: a zero threshold must not make strangers proposers in the UI.
            if (power.mayPropose()) {
                roles.add(MemberRole.PROPOSER);
            }
        }
        if (adminAddresses.contains(checksummedAddress)) {
            roles.add(MemberRole.ADMIN);
        }
        return roles;
    }
}
