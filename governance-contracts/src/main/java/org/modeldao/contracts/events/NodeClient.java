package org.modeldao.contracts.events;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.modeldao.contracts.NodeConnection;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.BatchRequest;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.request.EthFilter;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.core.methods.response.EthGetTransactionReceipt;
import org.web3j.protocol.core.methods.response.EthLog;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/** The JSON-RPC calls the stream makes; every failure becomes a {@link ChainReadException} or {@link LogsRefused}. */
final class NodeClient {

    /** Requests per JSON-RPC batch (headers, receipts): bounded bodies whatever the range holds. */
    static final int PER_BATCH = 200;

    /**
     * What nodes answer when a range holds too many logs or takes too long: Infura/geth "query
     * returned more than 10000 results" (-32005), Alchemy "Log response size exceeded", QuickNode
     * "limit exceeded", Erigon "block range too large", timeouts.
     */
    private static final Pattern TOO_BIG = Pattern.compile(
            "(?i)more than|too many|limit|too large|exceed|timeout|timed out|response size|block range|range is too");
    private static final int LIMIT_EXCEEDED = -32005;

    private final Web3j web3j;
    private final List<String> contracts;

    NodeClient(Web3j web3j, List<String> contracts) {
        this.web3j = web3j;
        this.contracts = List.copyOf(contracts);
    }

    /** A block's header as the node gives it. */
    record Header(long number, String hash, String parentHash, Instant time) {
        ChainBlock block() {
            return new ChainBlock(number, hash, time);
        }
    }

    long chainId() {
        return call("eth_chainId", () -> web3j.ethChainId().send()).getChainId().longValueExact();
    }

    long head() {
        return call("eth_blockNumber", () -> web3j.ethBlockNumber().send()).getBlockNumber().longValueExact();
    }

    /** Headers of the given blocks, in JSON-RPC batches; a block the node does not have is absent. */
    Map<Long, Header> headers(Collection<Long> numbers) {
        Map<Long, Header> headers = new TreeMap<>();
        List<Long> wanted = numbers.stream().distinct().toList();
        for (int start = 0; start < wanted.size(); start += PER_BATCH) {
            BatchRequest batch = web3j.newBatch();
            wanted.subList(start, Math.min(start + PER_BATCH, wanted.size()))
                    .forEach(n -> batch.add(web3j.ethGetBlockByNumber(block(n), false)));
            for (Response<?> response : call("eth_getBlockByNumber", batch::send).getResponses()) {
                if (response.hasError()) {
                    throw new ChainReadException.Unreachable("eth_getBlockByNumber failed: " + response.getError().getMessage(), null);
                }
                EthBlock.Block block = ((EthBlock) response).getBlock();
                if (block != null) {
                    Header header = header(block);
                    headers.put(header.number(), header);
                }
            }
        }
        return headers;
    }

    /**
     * Logs of the DAO's contracts in [from, to] as the node returns them.
     *
     * @throws LogsRefused when the node refuses the range as too big
     */
    List<Log> logs(long from, long to) {
        EthLog answer;
        try {
            answer = web3j.ethGetLogs(new EthFilter(block(from), block(to), contracts)).send();
        } catch (InterruptedIOException timeout) {
            throw new LogsRefused("eth_getLogs " + from + "-" + to + " timed out: " + timeout.getMessage(), timeout);
        } catch (NodeConnection.AnswerTooLarge tooBig) {
            throw new LogsRefused("eth_getLogs " + from + "-" + to + ": " + tooBig.getMessage(), tooBig);
        } catch (IOException e) {
            if (refusedAsTooBig(e.getMessage())) {
                throw new LogsRefused("eth_getLogs " + from + "-" + to + " refused: " + e.getMessage(), e);
            }
            throw new ChainReadException.Unreachable("eth_getLogs failed: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new ChainReadException.Unreachable("eth_getLogs failed: " + e.getMessage(), e);
        }
        if (answer.hasError()) {
            String message = answer.getError().getMessage();
            if (answer.getError().getCode() == LIMIT_EXCEEDED || refusedAsTooBig(message)) {
                throw new LogsRefused("eth_getLogs " + from + "-" + to + " refused: " + message, null);
            }
            throw new ChainReadException.Unreachable("eth_getLogs failed: " + message, null);
        }
        List<Log> logs = new ArrayList<>(answer.getLogs() == null ? 0 : answer.getLogs().size());
        if (answer.getLogs() != null) {
            for (EthLog.LogResult<?> result : answer.getLogs()) {
                if (!(result.get() instanceof Log log)) {
                    throw new ChainReadException.Unreachable("eth_getLogs answered with hashes, not logs", null);
                }
                logs.add(log);
            }
        }
        return logs;
    }

    /**
     * The DAO's logs in one block, from its transactions' receipts: the way to read a block whose
     * logs alone exceed what the node returns from eth_getLogs (a receipt has no such cap).
     */
    List<Log> logsFromReceipts(long number) {
        EthBlock.Block block = call("eth_getBlockByNumber", () -> web3j.ethGetBlockByNumber(block(number), false).send()).getBlock();
        if (block == null) {
            throw new ChainReadException.ChainMoved("block " + number + " is no longer known to the node");
        }
        List<String> transactions = block.getTransactions().stream().map(t -> String.valueOf(t.get())).toList();
        Set<String> ours = new HashSet<>();
        contracts.forEach(c -> ours.add(c.toLowerCase(Locale.ROOT)));
        List<Log> logs = new ArrayList<>();
        for (int start = 0; start < transactions.size(); start += PER_BATCH) {
            BatchRequest batch = web3j.newBatch();
            transactions.subList(start, Math.min(start + PER_BATCH, transactions.size()))
                    .forEach(tx -> batch.add(web3j.ethGetTransactionReceipt(tx)));
            for (Response<?> response : call("eth_getTransactionReceipt", batch::send).getResponses()) {
                if (response.hasError()) {
                    throw new ChainReadException.BlockUnreadable(number, "block " + number + ": eth_getTransactionReceipt failed: "
                            + response.getError().getMessage(), null);
                }
                TransactionReceipt receipt = ((EthGetTransactionReceipt) response).getTransactionReceipt()
                        .orElseThrow(() -> new ChainReadException.BlockUnreadable(number, "a receipt of block " + number
                                + " is missing", null));
                receipt.getLogs().stream()
                        .filter(l -> l.getAddress() != null && ours.contains(l.getAddress().toLowerCase(Locale.ROOT)))
                        .forEach(logs::add);
            }
        }
        return logs;
    }

    static boolean refusedAsTooBig(String message) {
        return message != null && TOO_BIG.matcher(message).find();
    }

    private static Header header(EthBlock.Block block) {
        try {
            return new Header(block.getNumber().longValueExact(), ChainHex.normalise(block.getHash()),
                    ChainHex.normalise(block.getParentHash()), Instant.ofEpochSecond(block.getTimestamp().longValueExact()));
        } catch (RuntimeException malformed) {
            throw new ChainReadException.Unreachable("the node returned a malformed block header: " + malformed.getMessage(), malformed);
        }
    }

    private static DefaultBlockParameter block(long number) {
        return DefaultBlockParameter.valueOf(BigInteger.valueOf(number));
    }

    private static <T> T call(String what, RpcCall<T> call) {
        try {
            T result = call.run();
            if (result instanceof Response<?> response && response.hasError()) {
                throw new ChainReadException.Unreachable(what + " failed: " + response.getError().getMessage(), null);
            }
            return result;
        } catch (ChainReadException e) {
            throw e;
        } catch (Exception e) {
            throw new ChainReadException.Unreachable(what + " failed: " + e.getMessage(), e);
        }
    }

    @FunctionalInterface
    private interface RpcCall<T> {
        T run() throws Exception;
    }

    /** The node refused a log range as too big: the stream halves it (a single block is read from its receipts). */
    static final class LogsRefused extends RuntimeException {
        LogsRefused(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
