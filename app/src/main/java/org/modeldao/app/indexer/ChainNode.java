package org.modeldao.app.indexer;

import java.io.IOException;
import java.io.InterruptedIOException;
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
import org.web3j.protocol.core.methods.response.EthGetTransactionReceipt;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.utils.Numeric;

/** The indexer's view of the JSON-RPC node: heads, block hashes, the DAO's logs, quorums. */
class ChainNode {

    private static final int RECEIPTS_PER_BATCH = 200;
    private static final java.util.regex.Pattern TOO_BIG = java.util.regex.Pattern.compile(
            "(?i)more than|too many|limit|too large|exceed|timeout|timed out|response size|block range|range is too");

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

    /**
     * Logs of the four DAO contracts in [from, to], in chain order.
     *
     * @throws LogsRefused when the node refuses the range as too big (result cap, response size, timeout)
     */
    List<Log> logs(long from, long to) {
        EthFilter filter = new EthFilter(block(from), block(to), contracts);
        EthLog answer;
        try {
            answer = web3j.ethGetLogs(filter).send();
        } catch (InterruptedIOException timeout) {
            throw new LogsRefused("eth_getLogs " + from + "-" + to + " timed out: " + timeout.getMessage(), timeout);
        } catch (IOException e) {
            if (refusedAsTooBig(e.getMessage())) {
                throw new LogsRefused("eth_getLogs " + from + "-" + to + " refused: " + e.getMessage(), e);
            }
            throw new ChainUnreachable("eth_getLogs failed: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new ChainUnreachable("eth_getLogs failed: " + e.getMessage(), e);
        }
        if (answer.hasError()) {
            String message = answer.getError().getMessage();
            if (refusedAsTooBig(message)) {
                throw new LogsRefused("eth_getLogs " + from + "-" + to + " refused: " + message, null);
            }
            throw new ChainUnreachable("eth_getLogs failed: " + message, null);
        }
        List<Log> logs = new ArrayList<>(answer.getLogs().size());
        for (EthLog.LogResult<?> result : answer.getLogs()) {
            logs.add((Log) result.get());
        }
        return logs;
    }

    /**
     * The DAO's logs of one block from its transactions' receipts: the way to read a block whose
     * logs alone exceed what the node returns from eth_getLogs (a receipt has no such cap).
     */
    List<Log> logsFromReceipts(long number) {
        EthBlock.Block block = call("eth_getBlockByNumber", () -> web3j.ethGetBlockByNumber(block(number), false).send()).getBlock();
        if (block == null) {
            throw new ChainUnreachable("block " + number + " is not known to the node", null);
        }
        List<String> transactions = block.getTransactions().stream().map(t -> (String) t.get()).toList();
        java.util.Set<String> ours = new java.util.HashSet<>();
        contracts.forEach(c -> ours.add(c.toLowerCase(java.util.Locale.ROOT)));
        List<Log> logs = new ArrayList<>();
        for (int start = 0; start < transactions.size(); start += RECEIPTS_PER_BATCH) {
            BatchRequest batch = web3j.newBatch();
            transactions.subList(start, Math.min(start + RECEIPTS_PER_BATCH, transactions.size()))
                    .forEach(tx -> batch.add(web3j.ethGetTransactionReceipt(tx)));
            for (Response<?> response : call("eth_getTransactionReceipt", batch::send).getResponses()) {
                if (response.hasError()) {
                    throw new ChainUnreachable("eth_getTransactionReceipt failed: " + response.getError().getMessage(), null);
                }
                TransactionReceipt receipt = ((EthGetTransactionReceipt) response).getTransactionReceipt()
                        .orElseThrow(() -> new ChainUnreachable("a receipt of block " + number + " is missing", null));
                receipt.getLogs().stream().filter(l -> ours.contains(l.getAddress().toLowerCase(java.util.Locale.ROOT))).forEach(logs::add);
            }
        }
        logs.sort(java.util.Comparator.comparing(Log::getLogIndex));
        return logs;
    }

    /** What hosted nodes answer when a range holds too many logs (Infura, Alchemy, QuickNode, geth, Erigon…). */
    static boolean refusedAsTooBig(String message) {
        return message != null && TOO_BIG.matcher(message).find();
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

    /** The node refused a log range as too big: the indexer halves it (a single block is read from its receipts). */
    static class LogsRefused extends RuntimeException {
        LogsRefused(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The node did not answer, or answered with an error; the indexer retries on its next poll. */
    static class ChainUnreachable extends RuntimeException {
        ChainUnreachable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
