package org.modeldao.app.delegation;

import java.math.BigInteger;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.modeldao.app.proposals.ActionInputs;
import org.modeldao.app.wallet.Eip712;
import org.modeldao.app.proposals.GovernanceContracts;
import org.modeldao.app.proposals.GovernanceActionRefused;
import org.modeldao.app.proposals.GovernorReader;
import org.modeldao.app.wallet.RelayBudget;
import org.modeldao.app.wallet.RelayOutcome;
import org.modeldao.app.wallet.Relayer;
import org.modeldao.app.wallet.WalletTransaction;
import org.modeldao.app.readmodel.DelegateReadModel;
import org.modeldao.contracts.wrappers.GovernanceToken;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.abi.datatypes.generated.Uint8;
import org.springframework.stereotype.Service;

/**
 * Delegating voting power — from the wallet, or gasless by an EIP-712 {@code Delegation}
 * signature ({@code delegateBySig}) checked here before the relayer pays for it — and the
 * delegates directory from the indexer's read model.
 */
@Service
public class DelegationService {

    private static final Duration SIGNATURE_VALIDITY = Duration.ofHours(1);

    private final GovernanceContracts contracts;
    private final GovernorReader governor;
    private final DelegateReadModel directory;
    private final Relayer relayer;
    private final Clock clock;

    public DelegationService(GovernanceContracts contracts, GovernorReader governor, DelegateReadModel directory, Relayer relayer,
            Clock clock) {
        this.contracts = contracts;
        this.governor = governor;
        this.directory = directory;
        this.relayer = relayer;
        this.clock = clock;
    }

    public WalletTransaction delegateTransaction(String delegator, String delegatee) {
        String to = ActionInputs.address("Delegate address", delegatee);
        String data = FunctionEncoder.encode(new Function(GovernanceToken.FUNC_DELEGATE, List.of(new Address(to)), List.of()));
        return new WalletTransaction(delegator, contracts.require().token(), data, "Delegate your votes to " + to);
    }

    /**
     * The delegation for the member to sign, valid for an hour — only if relaying it would change
     * something (the member holds tokens and names a new delegate): the relayer pays for nothing else.
     */
    public SignedDelegation unsigned(String delegator, String delegatee) {
        String to = ActionInputs.address("Delegate address", delegatee);
        contracts.require();
        Optional<String> pointless = pointless(delegator, to);
        if (pointless.isPresent()) {
            throw new GovernanceActionRefused(pointless.get());
        }
        return new SignedDelegation(delegator, to, governor.tokenNonce(delegator), clock.instant().plus(SIGNATURE_VALIDITY).getEpochSecond(), "");
    }

    public String typedData(SignedDelegation delegation) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("delegatee", delegation.delegatee());
        message.put("nonce", delegation.nonce().toString());
        message.put("expiry", delegation.expiry());
        return Eip712.typedData(governor.tokenName(), contracts.chainId(), contracts.token(), "Delegation",
                List.of(Eip712.field("delegatee", "address"), Eip712.field("nonce", "uint256"), Eip712.field("expiry", "uint256")),
                message);
    }

    /**
     * Verifies the signature is the delegator's and that the delegation changes something, then
     * relays {@code delegateBySig}. {@code client} is the caller's IP address, for its quota.
     */
    public RelayOutcome relay(SignedDelegation delegation, String client) {
        contracts.require();
        Optional<RelayOutcome.Refused> notAdmitted = relayer.admit(client);
        if (notAdmitted.isPresent()) {
            return notAdmitted.get();
        }
        if (!isAddress(delegation.delegator()) || !isAddress(delegation.delegatee())) {
            return new RelayOutcome.Refused("The delegator and the delegate must be 0x-addresses of 40 hex digits.");
        }
        Optional<byte[]> signature = Eip712.signatureBytes(delegation.signature());
        if (signature.isEmpty()) {
            return new RelayOutcome.Refused("The signature is not 65 bytes of hex.");
        }
        Optional<String> signer = Eip712.recoverSigner(typedData(delegation), signature.get());
        if (signer.isEmpty() || !signer.get().equalsIgnoreCase(delegation.delegator())) {
            return new RelayOutcome.Refused("The signature was not made by " + delegation.delegator() + " for this delegation; it was not relayed.");
        }
        if (delegation.expiry() < clock.instant().getEpochSecond()) {
            return new RelayOutcome.Refused("This signed delegation expired; sign again.");
        }
        if (!governor.tokenNonce(delegation.delegator()).equals(delegation.nonce())) {
            return new RelayOutcome.Refused("This delegation was signed for a nonce already used; sign again.");
        }
        Optional<String> pointless = pointless(delegation.delegator(), delegation.delegatee());
        if (pointless.isPresent()) {
            return new RelayOutcome.Refused(pointless.get());
        }
        byte[] sig = signature.get();
        int v = sig[64] < 27 ? sig[64] + 27 : sig[64];
        String data = FunctionEncoder.encode(new Function(GovernanceToken.FUNC_DELEGATEBYSIG, List.of(new Address(delegation.delegatee()),
                new Uint256(delegation.nonce()), new Uint256(delegation.expiry()), new Uint8(v),
                new Bytes32(java.util.Arrays.copyOfRange(sig, 0, 32)), new Bytes32(java.util.Arrays.copyOfRange(sig, 32, 64))), List.of()));
        return relayer.relay(contracts.token(), data, "signed delegation of " + delegation.delegator(), delegation.delegator());
    }

    /** What is left of the relayer's gas budget today, for the page offering "without gas"; empty when relaying is off. */
    public Optional<RelayBudget.Status> gaslessBudget() {
        return relayer.budget();
    }

    /** Why relaying this delegation would pay for nothing: no tokens to move, or the delegate is already the one named. */
    private Optional<String> pointless(String delegator, String delegatee) {
        if (governor.tokenBalance(delegator).signum() == 0) {
            return Optional.of(delegator + " holds no tokens: a delegation would move no votes, so the relayer does not pay for it.");
        }
        if (governor.delegateOf(delegator).equalsIgnoreCase(delegatee)) {
            return Optional.of(delegator + " already delegates to " + checksum(delegatee) + "; nothing would change.");
        }
        return Optional.empty();
    }

    private static boolean isAddress(String address) {
        return address != null && address.matches("0x[0-9a-fA-F]{40}");
    }

    /** One page of the accounts holding voting power, most powerful first (from the indexer's read model). */
    public List<Delegate> delegates(int offset, int limit) {
        return directory.delegates(offset, limit).stream()
                .map(d -> new Delegate(checksum(d.address()), d.votes(), d.delegators()))
                .toList();
    }

    public long countDelegates() {
        return directory.countDelegates();
    }

    /** One page of the accounts delegating to {@code delegate}, largest balance first (read model). */
    public List<Delegator> delegators(String delegate, int offset, int limit) {
        return directory.delegators(delegate, offset, limit).stream().map(d -> new Delegator(checksum(d.address()), d.balance())).toList();
    }

    public long countDelegators(String delegate) {
        return directory.countDelegators(delegate);
    }

    /** Live from the token, so a member sees her own delegation as soon as it is mined. */
    public String currentDelegate(String account) {
        return checksum(governor.delegateOf(account));
    }

    /** Live from the token, like {@link #currentDelegate}. */
    public BigInteger votingPower(String account) {
        return governor.currentVotes(account);
    }

    private static String checksum(String address) {
        return org.web3j.crypto.Keys.toChecksumAddress(address);
    }
}
