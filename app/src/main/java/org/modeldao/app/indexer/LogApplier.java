package org.modeldao.app.indexer;

import java.math.BigInteger;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.modeldao.contracts.DeploymentDescriptor;
import org.web3j.protocol.core.methods.response.Log;

/** Routes each log to its contract's handler, telling registry handlers which proposal a transaction executed. */
final class LogApplier {

    private final Map<String, ContractLogs> byAddress = new HashMap<>();
    private final ExecutionLinks links;

    LogApplier(DeploymentDescriptor deployment, Function<String, BigInteger> storedOperations) {
        this.links = new ExecutionLinks(deployment, storedOperations);
        byAddress.put(lower(deployment.governor()), new GovernorLogs());
        byAddress.put(lower(deployment.token()), new TokenLogs());
        byAddress.put(lower(deployment.timelock()), new TimelockLogs());
        byAddress.put(lower(deployment.registry()), new RegistryLogs());
    }

    BatchChanges apply(List<Log> logs, Map<Long, BlockHeader> headers) {
        BatchChanges changes = new BatchChanges();
        Map<String, BigInteger> executedByTransaction = links.executedProposals(logs, changes);
        for (Log log : logs) {
            apply(log, headers, executedByTransaction, changes);
        }
        return changes;
    }

    /** Which proposal each transaction executed (see {@link ExecutionLinks}), recording what that finds in {@code changes}. */
    Map<String, BigInteger> executions(List<Log> logs, BatchChanges changes) {
        return links.executedProposals(logs, changes);
    }

    /** One log's rows, alone (when a block's logs are stored one by one). */
    BatchChanges applyOne(Log log, Map<Long, BlockHeader> headers, Map<String, BigInteger> executedByTransaction) {
        BatchChanges changes = new BatchChanges();
        apply(log, headers, executedByTransaction, changes);
        return changes;
    }

    private void apply(Log log, Map<Long, BlockHeader> headers, Map<String, BigInteger> executedByTransaction, BatchChanges changes) {
        ContractLogs handler = byAddress.get(lower(log.getAddress()));
        if (handler == null) {
            return; // the node filtered by address; anything else is not ours
        }
        BlockHeader block = headers.get(log.getBlockNumber().longValueExact());
        handler.apply(new LogContext(log, block, executedByTransaction.get(log.getTransactionHash())), changes);
    }

    /** Contract and event name of a log, for the quarantine table. */
    String[] describe(Log log) {
        ContractLogs handler = byAddress.get(lower(log.getAddress()));
        return handler == null ? new String[] {"UNKNOWN", "Unknown"} : new String[] {handler.contract(), handler.eventName(log)};
    }

    private static String lower(String address) {
        return address.toLowerCase(Locale.ROOT);
    }
}
