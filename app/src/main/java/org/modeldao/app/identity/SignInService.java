package org.modeldao.app.identity;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.modeldao.app.chain.ChainDeployment;
import org.modeldao.app.chain.ContractSignatures;
import org.modeldao.app.chain.VotingPower;
import org.modeldao.app.chain.VotingPowerReader;
import org.modeldao.app.identity.internal.NonceStore;
import org.modeldao.app.identity.internal.RoleResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.web3j.crypto.Keys;

/**
 * Sign-In with Ethereum: issues nonces and messages, and turns a signed message into a
 * {@link SignedInMember}. The nonce is consumed only after every other check passed, so a refused
 * attempt changes nothing.
 */
@Service
public class SignInService {

    private static final Logger log = LoggerFactory.getLogger(SignInService.class);

    private final NonceStore nonces;
    private final VotingPowerReader votingPower;
    private final RoleResolver roles;
    private final IdentityProperties properties;
    private final ChainDeployment chain;
    private final SiweVerifier verifier;
    private final Clock clock;

    public SignInService(NonceStore nonces, VotingPowerReader votingPower, RoleResolver roles,
            IdentityProperties properties, ChainDeployment chain, ContractSignatures contractWallets, Clock clock) {
        this.nonces = nonces;
        this.votingPower = votingPower;
        this.roles = roles;
        this.properties = properties;
        this.chain = chain;
        this.clock = clock;
        this.verifier = new SiweVerifier(clock, properties.allowedClockSkew(), contractWallets);
        requireWritableStatement(properties.statement());
    }

    /** Fails at start-up, not at every sign-in, when the configured statement breaks the EIP-4361 grammar. */
    private static void requireWritableStatement(String statement) {
        SiweMessage sample = new SiweMessage(null, "localhost", "0x0000000000000000000000000000000000000000", statement,
                "http://localhost/", "1", 1, "00000000", java.time.Instant.EPOCH, null, null, null, List.of());
        try {
            SiweMessageParser.parse(sample.toMessage());
        } catch (SignInRejected e) {
            throw new IllegalStateException("modeldao.identity.statement cannot appear in a SIWE message: " + e.getMessage(), e);
        }
    }

    public NonceStore.IssuedNonce issueNonce() {
        return nonces.issue(properties.nonceTtl());
    }

    /** A ready-to-sign message for {@code address} with a fresh nonce, bound to this site and chain. */
    public SiweMessage newMessage(String address, SiteOrigin requestOrigin) {
        SiteOrigin origin = originFor(requestOrigin);
        NonceStore.IssuedNonce nonce = issueNonce();
        return new SiweMessage(null, origin.authority(), Keys.toChecksumAddress(address), properties.statement(),
                origin.toString(), "1", chain.chainId(), nonce.nonce(), clock.instant().truncatedTo(ChronoUnit.SECONDS),
                nonce.expiresAt().truncatedTo(ChronoUnit.SECONDS), null, null, List.of());
    }

    /** Verifies a signed message; on success the nonce is used up and the member's roles are read from the chain. */
    public SignedInMember signIn(String message, String signature, SiteOrigin requestOrigin) {
        SiweMessage verified = verifier.verify(message, signature, originFor(requestOrigin), chain.chainId());
        VotingPower power = votingPower.read(verified.address());
        nonces.consume(verified.nonce());
        SignedInMember member = new SignedInMember(verified.address(), verified.chainId(), power.votes(), roles.rolesOf(verified.address(), power));
        log.info("{} signed in with roles {}", member.address(), member.roles());
        return member;
    }

    /** The member as the chain sees it now: voting power and roles read again (delegations come and go after sign-in). */
    public SignedInMember reread(SignedInMember member) {
        VotingPower power = votingPower.read(member.address());
        return new SignedInMember(member.address(), member.chainId(), power.votes(), roles.rolesOf(member.address(), power));
    }

    /** The configured public origin wins over what the request says (proxies may rewrite it). */
    private SiteOrigin originFor(SiteOrigin requestOrigin) {
        return properties.publicOrigin().isEmpty() ? requestOrigin : SiteOrigin.parse(properties.publicOrigin());
    }
}
