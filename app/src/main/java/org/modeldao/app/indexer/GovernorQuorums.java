package org.modeldao.app.indexer;

import java.math.BigInteger;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.modeldao.contracts.events.ChainReadException;
import org.modeldao.contracts.wrappers.ModelDaoGovernor;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.BatchRequest;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthCall;
import org.web3j.utils.Numeric;

/**
 * The governor's quorum at past blocks (proposal snapshots): contract state, not a log, so not in
 * the event stream. Fixed once those blocks are mined; one JSON-RPC batch however many proposals a
 * catch-up meets.
 */
final class GovernorQuorums {

    private final Web3j web3j;
    private final String governor;

    GovernorQuorums(Web3j web3j, String governor) {
        this.web3j = web3j;
        this.governor = governor;
    }

    /** @throws ChainReadException.Unreachable when the node does not answer (the poll is retried, nothing is blamed on data) */
    Map<Long, BigInteger> at(Collection<Long> snapshotBlocks) {
        Map<Long, BigInteger> quorums = new LinkedHashMap<>();
        List<Long> snapshots = snapshotBlocks.stream().distinct().toList();
        if (snapshots.isEmpty()) {
            return quorums;
        }
        BatchRequest batch = web3j.newBatch();
        for (long snapshot : snapshots) {
            String data = FunctionEncoder.encode(new Function(ModelDaoGovernor.FUNC_QUORUM,
                    List.of(new Uint256(snapshot)), List.of(new TypeReference<Uint256>() { })));
            batch.add(web3j.ethCall(Transaction.createEthCallTransaction(null, governor, data), DefaultBlockParameterName.LATEST));
        }
        List<? extends Response<?>> answers;
        try {
            answers = batch.send().getResponses();
        } catch (Exception e) {
            throw new ChainReadException.Unreachable("quorum calls failed: " + e.getMessage(), e);
        }
        for (int i = 0; i < snapshots.size(); i++) {
            EthCall answer = (EthCall) answers.get(i);
            if (answer.hasError() || answer.isReverted()) {
                throw new ChainReadException.Unreachable("quorum(" + snapshots.get(i) + ") failed: "
                        + (answer.hasError() ? answer.getError().getMessage() : answer.getRevertReason()), null);
            }
            quorums.put(snapshots.get(i), Numeric.toBigInt(answer.getValue()));
        }
        return quorums;
    }
}
