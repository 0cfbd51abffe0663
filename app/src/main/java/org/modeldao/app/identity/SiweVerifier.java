package org.modeldao.app.identity;

import static org.modeldao.app.identity.SignInRejected.Reason.INVALID_SIGNATURE;
import static org.modeldao.app.identity.SignInRejected.Reason.ISSUED_IN_FUTURE;
import static org.modeldao.app.identity.SignInRejected.Reason.MESSAGE_EXPIRED;
import static org.modeldao.app.identity.SignInRejected.Reason.MESSAGE_NOT_YET_VALID;
import static org.modeldao.app.identity.SignInRejected.Reason.WRONG_CHAIN;
import static org.modeldao.app.identity.SignInRejected.Reason.WRONG_DOMAIN;
import static org.modeldao.app.identity.SignInRejected.Reason.WRONG_URI;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.modeldao.app.chain.ContractSignatures;

/**
 * Checks everything about a signed SIWE message that needs no storage: that it parses, names this
 * site's domain and a URI on this site, the expected chain, is inside its time window, and that the
 * EIP-191 signature recovers its address — or, when the address is a contract (a multisig, a smart
 * wallet), that the contract accepts the signature over the EIP-191 hash (ERC-1271). The nonce is
 * checked (and consumed) afterwards by the caller, so a refused attempt leaves the nonce usable.
 */
public final class SiweVerifier {

    private final Clock clock;
    private final Duration allowedClockSkew;
    private final ContractSignatures contracts;

    /** Key-pair accounts only. */
    public SiweVerifier(Clock clock, Duration allowedClockSkew) {
        this(clock, allowedClockSkew, ContractSignatures.NONE);
    }

    public SiweVerifier(Clock clock, Duration allowedClockSkew, ContractSignatures contracts) {
        this.clock = clock;
        this.allowedClockSkew = allowedClockSkew;
        this.contracts = contracts;
    }

    public SiweMessage verify(String rawMessage, String signature, SiteOrigin origin, long expectedChainId) {
        SiweMessage message = checkMessage(rawMessage, origin, expectedChainId);
        checkSignature(rawMessage, signature, message.address());
        return message;
    }

    /** Everything that needs neither the chain nor storage: syntax, domain, URI, chain id, time window. */
    public SiweMessage checkMessage(String rawMessage, SiteOrigin origin, long expectedChainId) {
        SiweMessage message = SiweMessageParser.parse(rawMessage);
        checkDomain(message, origin);
        checkUri(message, origin);
        if (message.chainId() != expectedChainId) {
            throw new SignInRejected(WRONG_CHAIN, "The message is for chain " + message.chainId() + "; this DAO lives on chain " + expectedChainId + ".");
        }
        checkTimeWindow(message);
        return message;
    }

    /**
     * A key-pair signature is checked locally; only when it does not recover the address is the
     * chain asked (eth_getCode, then ERC-1271), so call this after every cheap check passed.
     */
    public void checkSignature(String rawMessage, String signatureHex, String address) {
        byte[] signature = PersonalSignature.bytes(signatureHex);
        if (signature.length == 65 && recovers(rawMessage, signatureHex, address)) {
            return;
        }
        // a contract has no key: only its own code can say whether the signature is its (ERC-1271)
        if (contracts.isContract(address)) {
            if (contracts.isValidSignature(address, PersonalSignature.messageHash(rawMessage), signature)) {
                return;
            }
            throw new SignInRejected(INVALID_SIGNATURE, "The contract wallet " + address + " did not accept the signature (ERC-1271).");
        }
        String signer = PersonalSignature.recoverSigner(rawMessage, signatureHex); // refuses a malformed one with its reason
        throw new SignInRejected(INVALID_SIGNATURE, "The signature was not made by " + address + ", but by " + signer + ".");
    }

    private static boolean recovers(String rawMessage, String signatureHex, String address) {
        try {
            return PersonalSignature.recoverSigner(rawMessage, signatureHex).equals(address);
        } catch (SignInRejected unrecoverable) {
            return false;
        }
    }

    private static void checkDomain(SiweMessage message, SiteOrigin origin) {
        if (!message.domain().equalsIgnoreCase(origin.authority())) {
            throw new SignInRejected(WRONG_DOMAIN, "The message asks to sign in to '" + message.domain() + "', not to '" + origin.authority() + "'.");
        }
        if (message.scheme() != null && !message.scheme().equalsIgnoreCase(origin.scheme())) {
            throw new SignInRejected(WRONG_DOMAIN, "The message names scheme '" + message.scheme() + "', this site uses '" + origin.scheme() + "'.");
        }
    }

    private static void checkUri(SiweMessage message, SiteOrigin origin) {
        URI uri = URI.create(message.uri());
        boolean sameOrigin = origin.scheme().equalsIgnoreCase(uri.getScheme()) && origin.authority().equalsIgnoreCase(uri.getRawAuthority());
        if (!sameOrigin) {
            throw new SignInRejected(WRONG_URI, "The message's URI '" + message.uri() + "' is not on " + origin + ".");
        }
    }

    private void checkTimeWindow(SiweMessage message) {
        Instant now = clock.instant();
        if (message.issuedAt().isAfter(now.plus(allowedClockSkew))) {
            throw new SignInRejected(ISSUED_IN_FUTURE, "The message claims to be issued at " + message.issuedAt() + ", in the future.");
        }
        if (message.expirationTime() != null && !now.isBefore(message.expirationTime())) {
            throw new SignInRejected(MESSAGE_EXPIRED, "The message expired at " + message.expirationTime() + ".");
        }
        if (message.notBefore() != null && now.plus(allowedClockSkew).isBefore(message.notBefore())) {
            throw new SignInRejected(MESSAGE_NOT_YET_VALID, "The message is not valid before " + message.notBefore() + ".");
        }
    }
}
