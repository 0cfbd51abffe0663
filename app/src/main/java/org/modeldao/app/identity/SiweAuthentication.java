package org.modeldao.app.identity;

import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** Spring Security's view of a session signed in with Ethereum; the principal is a {@link SignedInMember}. */
public final class SiweAuthentication extends AbstractAuthenticationToken {

    private final SignedInMember member;

    public SiweAuthentication(SignedInMember member) {
        super(member.roles().stream().map(role -> new SimpleGrantedAuthority(role.authority())).toList());
        this.member = member;
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public SignedInMember getPrincipal() {
        return member;
    }

    @Override
    public String getName() {
        return member.address();
    }

    List<String> roleNames() {
        return member.roles().stream().map(Enum::name).sorted().toList();
    }
}
