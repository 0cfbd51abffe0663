package org.modeldao.app.proposals;

import static org.modeldao.app.chain.ChainCall.attempt;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.modeldao.contracts.GovernanceProposal;
import org.modeldao.contracts.ProposalState;
import org.modeldao.contracts.Transactions;
import org.modeldao.contracts.wrappers.GovernanceToken;
import org.modeldao.contracts.wrappers.ModelDaoGovernor;
import org.modeldao.contracts.wrappers.ModelDaoTimelock;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.tx.gas.DefaultGasProvider;

/** Live reads of the Governor, token and timelock (view calls only; this class never sends). */
public class GovernorReader {

    private final Web3j web3j;
    private final GovernanceContracts contracts;
    /** Blocks whose time was read, least recently used dropped beyond this: every new head adds one. */
    private static final int MAX_CACHED_BLOCK_TIMES = 10_000;

    private final Map<Long, Instant> blockTimes = Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Instant> eldest) {
            return size() > MAX_CACHED_BLOCK_TIMES;
        }
    });

    public GovernorReader(Web3j web3j, GovernanceContracts contracts) {
        this.web3j = web3j;
        this.contracts = contracts;
    }

    /** A tally of a proposal: for, against, abstain (as the read model counted the votes). */
    public record Tally(BigInteger forVotes, BigInteger againstVotes, BigInteger abstainVotes) {
    }

    /**
     * The state a transaction sent now meets: read in the pending block, as the pages show it
     * (a proposal whose snapshot is the latest block already takes votes in the next one).
     */
    public ProposalState state(BigInteger proposalId) {
        ModelDaoGovernor nextBlock = governor();
        nextBlock.setDefaultBlockParameter(DefaultBlockParameterName.PENDING);
        return ProposalState.ofOrdinal(attempt("read the proposal state", () -> nextBlock.state(proposalId).send()).intValueExact());
    }

    public BigInteger quorum(long block) {
        return attempt("read the quorum", () -> governor().quorum(BigInteger.valueOf(block)).send());
    }

    public long snapshot(BigInteger proposalId) {
        return attempt("read the snapshot", () -> governor().proposalSnapshot(proposalId).send()).longValueExact();
    }

    public BigInteger proposalThreshold() {
        return attempt("read the proposal threshold", () -> governor().proposalThreshold().send());
    }

    /** Voting power right now (the Governor checks the previous block when proposing). */
    public BigInteger currentVotes(String account) {
        return attempt("read voting power", () -> token().getVotes(account).send());
    }

    /**
     * Voting power at a past block, read in the pending block: a snapshot that is the latest
     * block is already past for the next one (asked at the latest block, the token would refuse
     * it as a future lookup).
     */
    public BigInteger votesAt(String account, long block) {
        GovernanceToken nextBlock = token();
        nextBlock.setDefaultBlockParameter(DefaultBlockParameterName.PENDING);
        return attempt("read voting power", () -> nextBlock.getPastVotes(account, BigInteger.valueOf(block)).send());
    }

    /** Tokens the account holds (not its voting power): what a delegation of it would move. */
    public BigInteger tokenBalance(String account) {
        return attempt("read the token balance", () -> token().balanceOf(account).send());
    }

    public String delegateOf(String account) {
        return attempt("read the delegate", () -> token().delegates(account).send());
    }

    public boolean hasVoted(BigInteger proposalId, String account) {
        return attempt("read whether the account voted", () -> governor().hasVoted(proposalId, account).send());
    }

    public BigInteger governorNonce(String account) {
        return attempt("read the ballot nonce", () -> governor().nonces(account).send());
    }

    public BigInteger tokenNonce(String account) {
        return attempt("read the delegation nonce", () -> token().nonces(account).send());
    }

    public String governorName() {
        return attempt("read the governor's name", () -> governor().name().send());
    }

    public String tokenName() {
        return attempt("read the token's name", () -> token().name().send());
    }

    public BigInteger proposalId(GovernanceProposal proposal) {
        return attempt("hash the proposal", () -> governor().hashProposal(proposal.targets(), proposal.values(),
                proposal.calldatas(), proposal.descriptionHash()).send());
    }

    public Duration timelockDelay() {
        var timelock = ModelDaoTimelock.load(contracts.timelock(), web3j, Transactions.readOnly(web3j), new DefaultGasProvider());
        return Duration.ofSeconds(attempt("read the timelock delay", () -> timelock.getMinDelay().send()).longValueExact());
    }

    public long blockNumber() {
        return attempt("read the block number", () -> web3j.ethBlockNumber().send().getBlockNumber()).longValueExact();
    }

    /** Timestamp of a mined block (cached: mined blocks never change time). */
    public Instant blockTime(long block) {
        Instant cached = blockTimes.get(block);
        if (cached != null) {
            return cached;
        }
        // read outside the map's lock: one slow node call must not hold up every other page's reads
        Instant time = Instant.ofEpochSecond(attempt("read a block",
                () -> web3j.ethGetBlockByNumber(DefaultBlockParameter.valueOf(BigInteger.valueOf(block)), false).send())
                .getBlock().getTimestamp().longValueExact());
        blockTimes.put(block, time);
        return time;
    }

    /** The latest block with the average block time over the last {@link ChainClock#SAMPLE_BLOCKS} (two block reads, cached). */
    public ChainClock clock() {
        long head = blockNumber();
        long earlier = Math.max(0, head - ChainClock.SAMPLE_BLOCKS);
        return ChainClock.measured(head, blockTime(head), earlier, blockTime(earlier));
    }

    public Instant latestBlockTime() {
        return blockTime(blockNumber());
    }


    private ModelDaoGovernor governor() {
        return ModelDaoGovernor.load(contracts.require().governor(), web3j, Transactions.readOnly(web3j), new DefaultGasProvider());
    }

    private GovernanceToken token() {
        return GovernanceToken.load(contracts.require().token(), web3j, Transactions.readOnly(web3j), new DefaultGasProvider());
    }
}
