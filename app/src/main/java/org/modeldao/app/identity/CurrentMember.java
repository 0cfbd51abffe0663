package org.modeldao.app.identity;

import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** The signed-in account of the current request or Vaadin UI, if any. */
@Component
public class CurrentMember {

    public Optional<SignedInMember> get() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication instanceof SiweAuthentication siwe ? Optional.of(siwe.getPrincipal()) : Optional.empty();
    }

    /** @throws IllegalStateException if nobody is signed in (callers are behind a secured route) */
    public SignedInMember require() {
        return get().orElseThrow(() -> new IllegalStateException("Nobody is signed in"));
    }
}
