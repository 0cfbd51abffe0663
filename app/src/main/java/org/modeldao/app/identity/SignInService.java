package org.modeldao.app.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.modeldao.app.base.quota.KeyedRateLimit;
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
 * {@link SignedInMember}. The nonce is consumed only after the message and its signature passed every
 * check, so a refused attempt changes nothing; nonces and attempts are rate-limited per client address.
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
    private final SignInLimits limits;
    private final KeyedRateLimit nonceLimit;
    private final KeyedRateLimit verificationLimit;

    public SignInService(NonceStore nonces, VotingPowerReader votingPower, RoleResolver roles, IdentityProperties properties,
            SignInLimits limits, ChainDeployment chain, ContractSignatures contractWallets, Clock clock) {
        this.limits = limits;
        this.nonceLimit = new KeyedRateLimit(limits.noncesPerClient(), limits.period(), limits.trackedClients());
        this.verificationLimit = new KeyedRateLimit(limits.verificationsPerClient(), limits.period(), limits.trackedClients());
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

    /** A fresh nonce for {@code client} (its IP address), unless it asked for too many or too many are outstanding. */
    public NonceStore.IssuedNonce issueNonce(String client) {
        nonceLimit.tryAcquire(client).ifPresent(wait -> {
            throw new SignInThrottled("Too many sign-in nonces from " + client + "; try again in " + seconds(wait) + " s.", wait);
        });
        return nonces.issue(properties.nonceTtl(), limits.maxOutstandingNonces()).orElseThrow(() -> {
            log.warn("Refused a sign-in nonce: {} nonces are outstanding (modeldao.identity.limits.max-outstanding-nonces)",
                    limits.maxOutstandingNonces());
            return new SignInThrottled("Too many sign-ins are under way; try again in a minute.", limits.purgeInterval());
        });
    }

    private static long seconds(Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }

    /** A ready-to-sign message for {@code address} with a fresh nonce, bound to this site and chain. */
    public SiweMessage newMessage(String address, SiteOrigin origin, String client) {
        NonceStore.IssuedNonce nonce = issueNonce(client);
        return new SiweMessage(null, origin.authority(), Keys.toChecksumAddress(address), properties.statement(),
                origin.toString(), "1", chain.chainId(), nonce.nonce(), clock.instant().truncatedTo(ChronoUnit.SECONDS),
                nonce.expiresAt().truncatedTo(ChronoUnit.SECONDS), null, null, List.of());
    }

    /**
     * Verifies a signed message; on success the nonce is used up and the member's roles are read from
     * the chain. The cheap checks come first: syntax, domain, chain, time and a usable nonce are checked
     * before any RPC call (a contract wallet's ERC-1271 check, the voting-power reads), and the nonce is
     * consumed before the voting power is read, so one signed message costs the chain at most once.
     */
    public SignedInMember signIn(String message, String signature, SiteOrigin origin, String client) {
        verificationLimit.tryAcquire(client).ifPresent(wait -> {
            throw new SignInThrottled("Too many sign-in attempts from " + client + "; try again in " + seconds(wait) + " s.", wait);
        });
        SiweMessage verified = verifier.checkMessage(message, origin, chain.chainId());
        nonces.requireUsable(verified.nonce());
        verifier.checkSignature(message, signature, verified.address());
        nonces.consume(verified.nonce());
        VotingPower power = votingPower.read(verified.address());
        SignedInMember member = new SignedInMember(verified.address(), verified.chainId(), power.votes(), roles.rolesOf(verified.address(), power));
        log.info("{} signed in with roles {}", member.address(), member.roles());
        return member;
    }

    /** Roles and votes {@code address} would sign in with, read now: the dev wallet picker shows them before anyone signs. */
    public AccountStanding standingOf(String address) {
        String checksummed = Keys.toChecksumAddress(address);
        VotingPower power = votingPower.read(checksummed);
        return new AccountStanding(roles.rolesOf(checksummed, power), power.votes());
    }

    /** The member as the chain sees it now: voting power and roles read again (delegations come and go after sign-in). */
    public SignedInMember reread(SignedInMember member) {
        VotingPower power = votingPower.read(member.address());
        return new SignedInMember(member.address(), member.chainId(), power.votes(), roles.rolesOf(member.address(), power));
    }
}
