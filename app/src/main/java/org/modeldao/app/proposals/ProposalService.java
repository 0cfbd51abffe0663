package org.modeldao.app.proposals;

import org.modeldao.app.wallet.WalletTransaction;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import org.modeldao.contracts.ContractErrors;
import org.modeldao.contracts.GovernanceProposal;
import org.modeldao.contracts.ProposalCall;
import org.modeldao.contracts.ProposalState;
import org.springframework.stereotype.Service;
import org.web3j.protocol.Web3j;

/**
 * Prepares proposal transactions for the member's wallet: propose, queue, execute, cancel.
 * Every transaction is checked first (rights, proposal state, and a dry run on the node), so
 * what reaches the wallet is what the chain will accept; the server signs nothing here.
 */
@Service
public class ProposalService {

    private final Web3j web3j;
    private final GovernanceContracts contracts;
    private final GovernorReader governor;
    private final ProposalQueries queries;
    private final ActionCodec codec;

    public ProposalService(Web3j web3j, GovernanceContracts contracts, GovernorReader governor, ProposalQueries queries,
            ActionCodec codec) {
        this.web3j = web3j;
        this.contracts = contracts;
        this.governor = governor;
        this.queries = queries;
        this.codec = codec;
    }

    /**
     * @throws InvalidProposal          if an action would fail when executed (e.g. approving a version twice)
     * @throws GovernanceActionRefused  if the proposer lacks the votes or the Governor would refuse it
     */
    public ProposalDraft draft(String proposer, ProposalForm form) {
        contracts.require();
        BigInteger votes = governor.currentVotes(proposer);
        BigInteger threshold = governor.proposalThreshold();
        if (votes.compareTo(threshold) < 0) {
            throw new GovernanceActionRefused("Proposing needs " + Votes.format(threshold) + " votes delegated to you; you have "
                    + Votes.format(votes) + ". Delegate to yourself or ask holders to delegate to you.");
        }
        List<ProposalCall> calls = form.actions().stream().map(codec::encode).toList();
        dryRunActions(form.actions(), calls);
        GovernanceProposal proposal = new GovernanceProposal(calls, form.description());
        String data = GovernorCalls.propose(proposal);
        refuseIfReverts(proposer, data, "proposal");
        return new ProposalDraft(governor.proposalId(proposal), proposal.description(),
                new WalletTransaction(proposer, contracts.governor(), data, "Propose: " + form.title()));
    }

    public WalletTransaction queue(String member, BigInteger proposalId) {
        ProposalDetails details = require(proposalId);
        requireState(details, ProposalState.SUCCEEDED, "queued");
        String data = GovernorCalls.queue(details.proposal(), details.descriptionHash());
        refuseIfReverts(member, data, "queue");
        return new WalletTransaction(member, contracts.governor(), data, "Queue: " + details.overview().title());
    }

    public WalletTransaction execute(String member, BigInteger proposalId) {
        ProposalDetails details = require(proposalId);
        requireState(details, ProposalState.QUEUED, "executed");
        details.executableAt().filter(at -> at.isAfter(governor.latestBlockTime())).ifPresent(at -> {
            throw new GovernanceActionRefused("The timelock delay has not passed: executable at " + at + ".");
        });
        String data = GovernorCalls.execute(details.proposal(), details.descriptionHash());
        refuseIfReverts(member, data, "execution");
        return new WalletTransaction(member, contracts.governor(), data, "Execute: " + details.overview().title());
    }

    /** The Governor lets only the proposer cancel, and only before voting starts. */
    public WalletTransaction cancel(String member, BigInteger proposalId) {
        ProposalDetails details = require(proposalId);
        if (!details.overview().proposer().equalsIgnoreCase(member)) {
            throw new GovernanceActionRefused("Only the proposer (" + details.overview().proposer() + ") may cancel this proposal.");
        }
        requireState(details, ProposalState.PENDING, "canceled (only before voting starts)");
        String data = GovernorCalls.cancel(details.proposal(), details.descriptionHash());
        refuseIfReverts(member, data, "cancellation");
        return new WalletTransaction(member, contracts.governor(), data, "Cancel: " + details.overview().title());
    }

    public ProposalDetails require(BigInteger proposalId) {
        return queries.find(proposalId).orElseThrow(() -> new GovernanceActionRefused("There is no proposal " + proposalId + "."));
    }

    /**
     * Runs each registry call as the timelock would, against today's registry. A call may depend
     * on an earlier action of the same proposal (approve v2, then make it current): such calls are
     * not judged alone.
     */
    private void dryRunActions(List<ProposalAction> actions, List<ProposalCall> calls) {
        for (int i = 0; i < calls.size(); i++) {
            String model = modelOf(actions.get(i));
            boolean dependsOnEarlier = actions.subList(0, i).stream().anyMatch(a -> model.equals(modelOf(a)));
            if (dependsOnEarlier) {
                continue;
            }
            Optional<ContractErrors.Revert> revert = ContractErrors.simulate(web3j, contracts.timelock(), calls.get(i).target(),
                    calls.get(i).calldata());
            if (revert.isPresent()) {
                throw new InvalidProposal("Action " + (i + 1) + " would fail when executed: " + revert.get() + " — "
                        + actions.get(i).describe());
            }
        }
    }

    private void refuseIfReverts(String from, String data, String what) {
        ContractErrors.simulate(web3j, from, contracts.governor(), data).ifPresent(revert -> {
            throw new GovernanceActionRefused("The Governor would refuse this " + what + ": " + revert);
        });
    }

    private static void requireState(ProposalDetails details, ProposalState expected, String verb) {
        ProposalState state = details.overview().state();
        if (state != expected) {
            throw new GovernanceActionRefused("A proposal that is " + state.name().toLowerCase() + " cannot be " + verb
                    + "; it must be " + expected.name().toLowerCase() + ".");
        }
    }

    private static String modelOf(ProposalAction action) {
        return switch (action) {
            case ProposalAction.ApproveVersion a -> a.model();
            case ProposalAction.RevokeVersion a -> a.model();
            case ProposalAction.SetCurrentVersion a -> a.model();
            case ProposalAction.SetAccessPolicy a -> a.model();
            case ProposalAction.AddConstraint a -> a.model();
            case ProposalAction.RemoveConstraint a -> a.model();
            case ProposalAction.UnrecognizedCall a -> a.target();
        };
    }
}
