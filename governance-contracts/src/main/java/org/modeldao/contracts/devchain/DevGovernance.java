package org.modeldao.contracts.devchain;

import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import org.modeldao.contracts.DeploymentDescriptor;
import org.modeldao.contracts.GovernanceProposal;
import org.modeldao.contracts.ProposalState;
import org.modeldao.contracts.Transactions;
import org.modeldao.contracts.VoteType;
import org.modeldao.contracts.wrappers.GovernanceToken;
import org.modeldao.contracts.wrappers.ModelDaoGovernor;
import org.modeldao.contracts.wrappers.ModelDaoTimelock;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.tx.gas.ContractGasProvider;
import org.web3j.utils.Numeric;

/**
 * Drives governance on a dev chain the way members would, only faster: delegate, propose,
 * vote, then mine past the voting period and travel past the timelock delay instead of
 * waiting. Used by tests and to seed the demo DAO through real executed proposals.
 */
public final class DevGovernance {

    private static final Duration RECEIPT_POLLING = Duration.ofMillis(50);

    private final DevChain chain;
    private final DeploymentDescriptor deployment;
    private final ContractGasProvider gas;

    public DevGovernance(DevChain chain, DeploymentDescriptor deployment) {
        this.chain = chain;
        this.deployment = deployment;
        this.gas = Transactions.gasFromNode(chain.web3j());
    }

    /** A proposal that went all the way: its id and the receipt of the execute transaction. */
    public record PassedProposal(BigInteger proposalId, TransactionReceipt execution) {
    }

    public ModelDaoGovernor governor(Credentials as) {
        return ModelDaoGovernor.load(deployment.governor(), chain.web3j(), signer(as), gas);
    }

    public GovernanceToken token(Credentials as) {
        return GovernanceToken.load(deployment.token(), chain.web3j(), signer(as), gas);
    }

    public void delegateToSelf(Credentials holder) {
        delegate(holder, holder.getAddress());
    }

    public void delegate(Credentials holder, String delegatee) {
        send(() -> token(holder).delegate(delegatee).send());
    }

    /** Proposes and returns the proposal id (read from the ProposalCreated event). */
    public BigInteger propose(Credentials proposer, GovernanceProposal proposal) {
        TransactionReceipt receipt = send(() -> governor(proposer)
                .propose(proposal.targets(), proposal.values(), proposal.calldatas(), proposal.description()).send());
        return ModelDaoGovernor.getProposalCreatedEvents(receipt).getFirst().proposalId;
    }

    public TransactionReceipt vote(Credentials voter, BigInteger proposalId, VoteType vote, String reason) {
        return send(() -> governor(voter).castVoteWithReason(proposalId, vote.support(), reason).send());
    }

    public ProposalState state(BigInteger proposalId) {
        return ProposalState.ofOrdinal(call(() -> governor(chain.accounts().getFirst()).state(proposalId).send()).intValueExact());
    }

    /** Mines until the proposal's snapshot block has passed, so votes can be cast. */
    public void startVoting(BigInteger proposalId) {
        mineBeyond(call(() -> governor(chain.accounts().getFirst()).proposalSnapshot(proposalId).send()));
    }

    /** Mines until the proposal's deadline (including any late-quorum extension) has passed. */
    public void endVoting(BigInteger proposalId) {
        mineBeyond(call(() -> governor(chain.accounts().getFirst()).proposalDeadline(proposalId).send()));
    }

    public TransactionReceipt queue(Credentials sender, GovernanceProposal proposal) {
        return send(() -> governor(sender)
                .queue(proposal.targets(), proposal.values(), proposal.calldatas(), proposal.descriptionHash()).send());
    }

    /** Travels past the timelock delay, then executes. */
    public TransactionReceipt execute(Credentials sender, GovernanceProposal proposal) {
        chain.increaseTime(timelockDelay().plusSeconds(1));
        return send(() -> governor(sender).execute(proposal.targets(), proposal.values(), proposal.calldatas(),
                proposal.descriptionHash(), BigInteger.ZERO).send());
    }

    /**
     * Travels past the timelock delay, then executes the queued proposal's operation on the
     * timelock itself, not through the governor: allowed to anyone once the operation is ready.
     * No ProposalExecuted is emitted; only the timelock's CallExecuted names the operation.
     */
    public TransactionReceipt executeOnTimelock(Credentials sender, GovernanceProposal proposal) {
        chain.increaseTime(timelockDelay().plusSeconds(1));
        ModelDaoTimelock timelock = ModelDaoTimelock.load(deployment.timelock(), chain.web3j(), signer(sender), gas);
        return send(() -> timelock.executeBatch(proposal.targets(), proposal.values(), proposal.calldatas(), new byte[32],
                timelockSalt(proposal), BigInteger.ZERO).send());
    }

    /** GovernorTimelockControl's salt for a proposal's operation: bytes20(governor) XOR the description hash. */
    private byte[] timelockSalt(GovernanceProposal proposal) {
        byte[] salt = proposal.descriptionHash().clone();
        byte[] governor = Numeric.hexStringToByteArray(deployment.governor());
        for (int i = 0; i < governor.length; i++) {
            salt[i] ^= governor[i];
        }
        return salt;
    }

    /**
     * Proposes, has every voter vote for, and queues and executes the proposal. The voters
     * must hold delegated votes at the proposal's snapshot (enough for quorum).
     */
    public PassedProposal pass(Credentials proposer, List<Credentials> voters, GovernanceProposal proposal) {
        BigInteger proposalId = propose(proposer, proposal);
        startVoting(proposalId);
        for (Credentials voter : voters) {
            vote(voter, proposalId, VoteType.FOR, "dev governance");
        }
        endVoting(proposalId);
        queue(proposer, proposal);
        return new PassedProposal(proposalId, execute(proposer, proposal));
    }

    private Duration timelockDelay() {
        ModelDaoTimelock timelock = ModelDaoTimelock.load(deployment.timelock(), chain.web3j(),
                Transactions.readOnly(chain.web3j()), gas);
        return Duration.ofSeconds(call(() -> timelock.getMinDelay().send()).longValueExact());
    }

    private void mineBeyond(BigInteger block) {
        long missing = block.longValueExact() - chain.blockNumber() + 1;
        if (missing > 0) {
            chain.mine(missing);
        }
    }

    private org.web3j.tx.TransactionManager signer(Credentials credentials) {
        return Transactions.signer(chain.web3j(), credentials, chain.chainId(), RECEIPT_POLLING);
    }

    private static TransactionReceipt send(ChainCall<TransactionReceipt> call) {
        return call(call);
    }

    private static <T> T call(ChainCall<T> call) {
        try {
            return call.run();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new DevChainException(e.getMessage(), e);
        }
    }

    @FunctionalInterface
    private interface ChainCall<T> {
        T run() throws Exception;
    }
}
