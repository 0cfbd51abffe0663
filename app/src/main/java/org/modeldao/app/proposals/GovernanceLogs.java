package org.modeldao.app.proposals;

import static org.modeldao.app.proposals.ChainCall.attempt;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.methods.request.EthFilter;
import org.web3j.protocol.core.methods.response.EthLog;
import org.web3j.protocol.core.methods.response.Log;

/**
 * Every event the DAO's four contracts emitted since deployment, in chain order, kept in memory
 * and topped up incrementally. The chain-backed read side of proposals, catalog, delegates and
 * audit; the indexer's SQL read model can replace it without changing their services.
 */
public class GovernanceLogs {

    private static final long MAX_RANGE = 10_000;

    private final Web3j web3j;
    private final GovernanceContracts contracts;
    private final List<Log> logs = new ArrayList<>();
    private long nextBlock;

    public GovernanceLogs(Web3j web3j, GovernanceContracts contracts) {
        this.web3j = web3j;
        this.contracts = contracts;
        this.nextBlock = contracts.deploymentBlock();
    }

    /** All events up to the latest block (fetches what is new first). */
    public synchronized List<Log> all() {
        if (!contracts.configured()) {
            return List.of();
        }
        long latest = attempt("read the block number", () -> web3j.ethBlockNumber().send().getBlockNumber()).longValueExact();
        while (nextBlock <= latest) {
            long to = Math.min(latest, nextBlock + MAX_RANGE - 1);
            logs.addAll(fetch(nextBlock, to));
            nextBlock = to + 1;
        }
        return List.copyOf(logs);
    }

    public synchronized long lastBlockRead() {
        return nextBlock - 1;
    }

    private List<Log> fetch(long from, long to) {
        EthFilter filter = new EthFilter(DefaultBlockParameter.valueOf(BigInteger.valueOf(from)),
                DefaultBlockParameter.valueOf(BigInteger.valueOf(to)),
                List.of(contracts.governor(), contracts.token(), contracts.registry(), contracts.timelock()));
        EthLog response = attempt("read governance events", () -> web3j.ethGetLogs(filter).send());
        if (response.hasError()) {
            throw new org.modeldao.app.chain.ChainUnavailable("The node refused eth_getLogs: " + response.getError().getMessage(), null);
        }
        return response.getLogs().stream().map(result -> (Log) result.get()).toList();
    }
}
