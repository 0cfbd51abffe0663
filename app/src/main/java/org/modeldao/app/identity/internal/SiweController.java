package org.modeldao.app.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.modeldao.app.identity.CurrentMember;
import org.modeldao.app.identity.SignInService;
import org.modeldao.app.identity.SignedInMember;
import org.modeldao.app.identity.SignInOrigins;
import org.modeldao.app.identity.SiweAuthentication;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.security.web.authentication.session.ChangeSessionIdAuthenticationStrategy;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Sign-In with Ethereum over HTTP. {@code POST /api/siwe/verify} is the only way a session becomes
 * signed in (the Vaadin sign-in view posts here too). It accepts JSON only, which a cross-site
 * form cannot send without a CORS preflight this app never grants; hence no CSRF token.
 */
@RestController
@RequestMapping("/api/siwe")
class SiweController {

    private final SignInService signIn;
    private final SignInOrigins origins;
    private final CurrentMember currentMember;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();
    private final ChangeSessionIdAuthenticationStrategy sessionFixation = new ChangeSessionIdAuthenticationStrategy();

    SiweController(SignInService signIn, SignInOrigins origins, CurrentMember currentMember) {
        this.signIn = signIn;
        this.origins = origins;
        this.currentMember = currentMember;
    }

    record NonceResponse(String nonce, Instant expiresAt) {
    }

    record VerifyRequest(@NotBlank @Size(max = 8192) String message, @NotBlank @Size(max = 8194) String signature) {
    }

    record MemberResponse(String address, long chainId, String votes, List<String> roles) {
        static MemberResponse of(SignedInMember member) {
            return new MemberResponse(member.address(), member.chainId(), member.votes().toString(),
                    member.roles().stream().map(Enum::name).sorted().toList());
        }
    }

    @GetMapping("/nonce")
    NonceResponse nonce(HttpServletRequest request) {
        NonceStore.IssuedNonce nonce = signIn.issueNonce(request.getRemoteAddr());
        return new NonceResponse(nonce.nonce(), nonce.expiresAt());
    }

    @PostMapping(path = "/verify", consumes = MediaType.APPLICATION_JSON_VALUE)
    MemberResponse verify(@Valid @RequestBody VerifyRequest body, HttpServletRequest request, HttpServletResponse response) {
        SignedInMember member = signIn.signIn(body.message(), body.signature(), origins.of(request), request.getRemoteAddr());
        SiweAuthentication authentication = new SiweAuthentication(member);
        sessionFixation.onAuthentication(authentication, request, response);
        SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();
        SecurityContext context = holder.createEmptyContext();
        context.setAuthentication(authentication);
        holder.setContext(context);
        request.getSession(true);
        contexts.saveContext(context, request, response);
        return MemberResponse.of(member);
    }

    /** Ends the session (JSON clients; the UI signs out through Vaadin's logout). */
    @PostMapping("/logout")
    ResponseEntity<Void> logout(HttpServletRequest request, HttpServletResponse response) {
        new SecurityContextLogoutHandler().logout(request, response, SecurityContextHolder.getContextHolderStrategy().getContext().getAuthentication());
        return ResponseEntity.noContent().build();
    }

    /** The session's signed-in account, or 204 when nobody is signed in. */
    @GetMapping("/me")
    ResponseEntity<MemberResponse> me() {
        return currentMember.get().map(MemberResponse::of).map(ResponseEntity::ok).orElse(ResponseEntity.noContent().build());
    }
}
