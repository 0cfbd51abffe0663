package org.modeldao.app.voting;

import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.modeldao.app.wallet.Eip712;
import org.modeldao.app.proposals.GovernanceActionRefused;
import org.modeldao.app.proposals.GovernanceContracts;
import org.modeldao.app.proposals.GovernorCalls;
import org.modeldao.app.proposals.GovernorReader;
import org.modeldao.app.proposals.InvalidProposal;
import org.modeldao.app.wallet.RelayBudget;
import org.modeldao.app.wallet.RelayOutcome;
import org.modeldao.app.wallet.Relayer;
import org.modeldao.app.proposals.Votes;
import org.modeldao.app.wallet.WalletTransaction;
import org.modeldao.contracts.ProposalState;
import org.modeldao.contracts.VoteType;
import org.springframework.stereotype.Service;
import org.web3j.crypto.Keys;

/**
 * Voting, either from the member's wallet (a prepared transaction) or gasless: the member signs
 * an EIP-712 ballot, and the relayer submits it only after checking the signature really is
 * the voter's, so a forged ballot never reaches the chain.
 */
@Service
public class VoteService {

    private static final String NO_PARAMS = "0x";

    private final GovernanceContracts contracts;
    private final GovernorReader governor;
    private final Relayer relayer;

    public VoteService(GovernanceContracts contracts, GovernorReader governor, Relayer relayer) {
        this.contracts = contracts;
        this.governor = governor;
        this.relayer = relayer;
    }

    /** A vote the member's wallet sends itself (the member pays gas). */
    public WalletTransaction voteTransaction(String voter, BigInteger proposalId, VoteType vote, String reason) {
        requireReasonFits(reason);
        requireCanVote(voter, proposalId);
        return new WalletTransaction(voter, contracts.governor(),
                GovernorCalls.castVoteWithReason(proposalId, vote, reason == null ? "" : reason.strip()),
                "Vote " + vote.name().toLowerCase());
    }

    /**
     * What the member signs for a gasless vote. With a reason it is an {@code ExtendedBallot}
     * (a plain {@code Ballot} would silently drop the reason).
     */
    public String ballotToSign(String voter, BigInteger proposalId, VoteType vote, String reason) {
        return typedData(prepare(voter, proposalId, vote, reason));
    }

    /** The ballot (with the voter's current nonce) whose {@link #typedData} the member signs. */
    public Ballot prepare(String voter, BigInteger proposalId, VoteType vote, String reason) {
        requireReasonFits(reason);
        requireCanVote(voter, proposalId);
        return new Ballot(proposalId, vote, Keys.toChecksumAddress(voter), reason, governor.governorNonce(voter));
    }

    /**
     * Verifies and relays a signed ballot for {@code client} (the caller's IP address, for its
     * quota). A refusal is a value: nothing was sent. Cheap refusals (quota, budget, reason
     * length, signature) come before any call to the node.
     */
    public RelayOutcome relay(Ballot ballot, String signatureHex, String client) {
        Optional<RelayOutcome.Refused> notAdmitted = relayer.admit(client);
        if (notAdmitted.isPresent()) {
            return notAdmitted.get();
        }
        if (ballot.reasonTooLong()) {
            return new RelayOutcome.Refused(reasonTooLong(ballot.reason()));
        }
        Optional<byte[]> signature = Eip712.signatureBytes(signatureHex);
        if (signature.isEmpty()) {
            return new RelayOutcome.Refused("The signature is not 65 bytes of hex.");
        }
        Optional<String> signer = Eip712.recoverSigner(typedData(ballot), signature.get());
        if (signer.isEmpty() || !signer.get().equalsIgnoreCase(ballot.voter())) {
            return new RelayOutcome.Refused("The signature was not made by " + ballot.voter() + " for this ballot; it was not relayed.");
        }
        BigInteger nonce = governor.governorNonce(ballot.voter());
        if (!nonce.equals(ballot.nonce())) {
            return new RelayOutcome.Refused("This ballot was signed for nonce " + ballot.nonce() + " but the voter's nonce is " + nonce
                    + " (already used or out of order); sign again.");
        }
        try {
            requireCanVote(ballot.voter(), ballot.proposalId());
        } catch (GovernanceActionRefused refused) {
            return new RelayOutcome.Refused(refused.getMessage());
        }
        String data = ballot.reason().isEmpty()
                ? GovernorCalls.castVoteBySig(ballot.proposalId(), ballot.vote(), ballot.voter(), signature.get())
                : GovernorCalls.castVoteWithReasonAndParamsBySig(ballot.proposalId(), ballot.vote(), ballot.voter(), ballot.reason(),
                        new byte[0], signature.get());
        return relayer.relay(contracts.governor(), data, "signed vote of " + ballot.voter(), ballot.voter());
    }

    public boolean gaslessAvailable() {
        return relayer.enabled();
    }

    /** What is left of the relayer's gas budget today, for the page offering "without gas"; empty when relaying is off. */
    public Optional<RelayBudget.Status> gaslessBudget() {
        return relayer.budget();
    }

    private static void requireReasonFits(String reason) {
        if (reason != null && reason.strip().length() > Ballot.MAX_REASON_LENGTH) {
            throw new InvalidProposal(reasonTooLong(reason.strip()));
        }
    }

    private static String reasonTooLong(String reason) {
        return "The reason is " + reason.length() + " characters long; at most " + Ballot.MAX_REASON_LENGTH
                + " are recorded with a vote. Shorten it.";
    }

    private void requireCanVote(String voter, BigInteger proposalId) {
        contracts.require();
        ProposalState state = governor.state(proposalId);
        if (state != ProposalState.ACTIVE) {
            throw new GovernanceActionRefused("Voting is not open: the proposal is " + state.name().toLowerCase() + ".");
        }
        if (governor.hasVoted(proposalId, voter)) {
            throw new GovernanceActionRefused(voter + " has already voted on this proposal.");
        }
        BigInteger weight = governor.votesAt(voter, governor.snapshot(proposalId));
        if (weight.signum() == 0) {
            throw new GovernanceActionRefused(voter + " had no votes delegated at the proposal's snapshot; a vote would count for "
                    + Votes.format(weight) + ".");
        }
    }

    public String typedData(Ballot ballot) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("proposalId", ballot.proposalId().toString());
        message.put("support", ballot.vote().support().intValueExact());
        message.put("voter", ballot.voter());
        message.put("nonce", ballot.nonce().toString());
        if (ballot.reason().isEmpty()) {
            return Eip712.typedData(governor.governorName(), contracts.chainId(), contracts.governor(), "Ballot",
                    List.of(Eip712.field("proposalId", "uint256"), Eip712.field("support", "uint8"), Eip712.field("voter", "address"),
                            Eip712.field("nonce", "uint256")), message);
        }
        message.put("reason", ballot.reason());
        message.put("params", NO_PARAMS);
        return Eip712.typedData(governor.governorName(), contracts.chainId(), contracts.governor(), "ExtendedBallot",
                List.of(Eip712.field("proposalId", "uint256"), Eip712.field("support", "uint8"), Eip712.field("voter", "address"),
                        Eip712.field("nonce", "uint256"), Eip712.field("reason", "string"), Eip712.field("params", "bytes")), message);
    }
}
