package org.modeldao.app.indexer;

import java.io.IOException;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.modeldao.contracts.DeploymentDescriptor;
import org.modeldao.contracts.wrappers.ModelDaoGovernor;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthCall;
import org.web3j.protocol.core.BatchRequest;
import org.web3j.protocol.core.BatchResponse;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.request.EthFilter;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.core.methods.response.EthLog;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.utils.Numeric;

/** The indexer's view of the JSON-RPC node: heads, block hashes, the DAO's logs, quorums. */
class ChainNode {

    private final Web3j web3j;
    private final List<String> contracts;
    private final String governorAddress;

    ChainNode(Web3j web3j, DeploymentDescriptor deployment) {
        this.web3j = web3j;
        this.contracts = List.of(deployment.governor(), deployment.token(), deployment.timelock(), deployment.registry());
        this.governorAddress = deployment.governor();
    }

    long chainId() {
        return call("eth_chainId", () -> web3j.ethChainId().send()).getChainId().longValueExact();
    }

    long latestBlock() {
        return call("eth_blockNumber", () -> web3j.ethBlockNumber().send()).getBlockNumber().longValueExact();
    }

    /** Logs of the four DAO contracts in [from, to], in chain order. */
    List<Log> logs(long from, long to) {
        EthFilter filter = new EthFilter(block(from), block(to), contracts);
        EthLog answer = call("eth_getLogs", () -> web3j.ethGetLogs(filter).send());
        List<Log> logs = new ArrayList<>(answer.getLogs().size());
        for (EthLog.LogResult<?> result : answer.getLogs()) {
            logs.add((Log) result.get());
        }
        return logs;
    }

    /** Headers of the given blocks in one JSON-RPC batch; a block the node does not have is absent. */
    Map<Long, BlockHeader> headers(Collection<Long> numbers) {
        Map<Long, BlockHeader> headers = new LinkedHashMap<>();
        if (numbers.isEmpty()) {
            return headers;
        }
        BatchRequest batch = web3j.newBatch();
        numbers.forEach(n -> batch.add(web3j.ethGetBlockByNumber(block(n), false)));
        BatchResponse answer = call("eth_getBlockByNumber", batch::send);
        for (Response<?> response : answer.getResponses()) {
            if (response.hasError()) {
                throw new ChainUnreachable("eth_getBlockByNumber failed: " + response.getError().getMessage(), null);
            }
            EthBlock.Block block = ((EthBlock) response).getBlock();
            if (block != null) {
                headers.put(block.getNumber().longValueExact(), new BlockHeader(block.getNumber().longValueExact(),
                        block.getHash(), Instant.ofEpochSecond(block.getTimestamp().longValueExact())));
            }
        }
        return headers;
    }

    /**
     * The governor's quorum at past blocks (proposal snapshots), fixed once those blocks are
     * mined; one JSON-RPC batch however many proposals a catch-up meets.
     */
    Map<Long, BigInteger> quorums(Collection<Long> snapshotBlocks) {
        Map<Long, BigInteger> quorums = new LinkedHashMap<>();
        List<Long> snapshots = snapshotBlocks.stream().distinct().toList();
        if (snapshots.isEmpty()) {
            return quorums;
        }
        BatchRequest batch = web3j.newBatch();
        for (long snapshot : snapshots) {
            String data = FunctionEncoder.encode(new Function(ModelDaoGovernor.FUNC_QUORUM,
                    List.of(new Uint256(snapshot)), List.of(new TypeReference<Uint256>() { })));
            batch.add(web3j.ethCall(Transaction.createEthCallTransaction(null, governorAddress, data), DefaultBlockParameterName.LATEST));
        }
        List<? extends Response<?>> answers = call("quorum", batch::send).getResponses();
        for (int i = 0; i < snapshots.size(); i++) {
            EthCall answer = (EthCall) answers.get(i);
            if (answer.hasError() || answer.isReverted()) {
                throw new ChainUnreachable("quorum(" + snapshots.get(i) + ") failed: "
                        + (answer.hasError() ? answer.getError().getMessage() : answer.getRevertReason()), null);
            }
            quorums.put(snapshots.get(i), Numeric.toBigInt(answer.getValue()));
        }
        return quorums;
    }

    private static DefaultBlockParameter block(long number) {
        return DefaultBlockParameter.valueOf(BigInteger.valueOf(number));
    }

    private static <T> T call(String what, RpcCall<T> call) {
        try {
            T result = call.run();
            if (result instanceof Response<?> response && response.hasError()) {
                throw new ChainUnreachable(what + " failed: " + response.getError().getMessage(), null);
            }
            return result;
        } catch (IOException e) {
            throw new ChainUnreachable(what + " failed: " + e.getMessage(), e);
        } catch (ChainUnreachable e) {
            throw e;
        } catch (Exception e) {
            throw new ChainUnreachable(what + " failed: " + e.getMessage(), e);
        }
    }

    @FunctionalInterface
    private interface RpcCall<T> {
        T run() throws Exception;
    }

    /** The node did not answer, or answered with an error; the indexer retries on its next poll. */
    static class ChainUnreachable extends RuntimeException {
        ChainUnreachable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
