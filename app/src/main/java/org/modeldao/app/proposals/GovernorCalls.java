package org.modeldao.app.proposals;

import java.math.BigInteger;
import java.util.List;
import org.modeldao.contracts.GovernanceProposal;
import org.modeldao.contracts.VoteType;
import org.modeldao.contracts.wrappers.ModelDaoGovernor;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.DynamicBytes;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.abi.datatypes.generated.Uint8;

/**
 * Calldata for the Governor's write functions, for wallets and the relayer to send. Queue, execute
 * and cancel take the description hash as recorded from the chain ({@link ProposalDetails#descriptionHash()}),
 * not one recomputed from the description shown, which the indexer may have cleaned.
 */
public final class GovernorCalls {

    private GovernorCalls() {
    }

    public static String propose(GovernanceProposal p) {
        return encode(ModelDaoGovernor.FUNC_PROPOSE, targets(p), values(p), calldatas(p), new Utf8String(p.description()));
    }

    public static String queue(GovernanceProposal p, byte[] descriptionHash) {
        return encode(ModelDaoGovernor.FUNC_QUEUE, targets(p), values(p), calldatas(p), new Bytes32(descriptionHash));
    }

    public static String execute(GovernanceProposal p, byte[] descriptionHash) {
        return encode(ModelDaoGovernor.FUNC_EXECUTE, targets(p), values(p), calldatas(p), new Bytes32(descriptionHash));
    }

    public static String cancel(GovernanceProposal p, byte[] descriptionHash) {
        return encode(ModelDaoGovernor.FUNC_CANCEL, targets(p), values(p), calldatas(p), new Bytes32(descriptionHash));
    }

    public static String castVoteWithReason(BigInteger proposalId, VoteType vote, String reason) {
        return encode(ModelDaoGovernor.FUNC_CASTVOTEWITHREASON, new Uint256(proposalId), new Uint8(vote.support()), new Utf8String(reason));
    }

    public static String castVoteBySig(BigInteger proposalId, VoteType vote, String voter, byte[] signature) {
        return encode(ModelDaoGovernor.FUNC_CASTVOTEBYSIG, new Uint256(proposalId), new Uint8(vote.support()), new Address(voter),
                new DynamicBytes(signature));
    }

    public static String castVoteWithReasonAndParamsBySig(BigInteger proposalId, VoteType vote, String voter, String reason,
            byte[] params, byte[] signature) {
        return encode(ModelDaoGovernor.FUNC_CASTVOTEWITHREASONANDPARAMSBYSIG, new Uint256(proposalId), new Uint8(vote.support()),
                new Address(voter), new Utf8String(reason), new DynamicBytes(params), new DynamicBytes(signature));
    }

    private static DynamicArray<Address> targets(GovernanceProposal p) {
        return new DynamicArray<>(Address.class, p.targets().stream().map(Address::new).toList());
    }

    private static DynamicArray<Uint256> values(GovernanceProposal p) {
        return new DynamicArray<>(Uint256.class, p.values().stream().map(Uint256::new).toList());
    }

    private static DynamicArray<DynamicBytes> calldatas(GovernanceProposal p) {
        return new DynamicArray<>(DynamicBytes.class, p.calldatas().stream().map(DynamicBytes::new).toList());
    }

    private static String encode(String function, Type<?>... arguments) {
        return FunctionEncoder.encode(new Function(function, List.of(arguments), List.of()));
    }
}
