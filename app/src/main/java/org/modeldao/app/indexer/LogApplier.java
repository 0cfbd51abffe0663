package org.modeldao.app.indexer;

import java.math.BigInteger;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.modeldao.contracts.DeploymentDescriptor;
import org.modeldao.contracts.wrappers.ModelDaoGovernor;
import org.web3j.abi.EventEncoder;
import org.web3j.protocol.core.methods.response.Log;

/** Routes each log to its contract's handler, telling registry handlers which proposal a transaction executed. */
final class LogApplier {

    private static final String PROPOSAL_EXECUTED = EventEncoder.encode(ModelDaoGovernor.PROPOSALEXECUTED_EVENT);

    private final Map<String, ContractLogs> byAddress = new HashMap<>();
    private final String governor;

    LogApplier(DeploymentDescriptor deployment) {
        this.governor = lower(deployment.governor());
        byAddress.put(governor, new GovernorLogs(deployment.registry()));
        byAddress.put(lower(deployment.token()), new TokenLogs());
        byAddress.put(lower(deployment.timelock()), new TimelockLogs());
        byAddress.put(lower(deployment.registry()), new RegistryLogs());
    }

    BatchChanges apply(List<Log> logs, Map<Long, BlockHeader> headers) {
        Map<String, BigInteger> executedByTransaction = executedProposals(logs);
        BatchChanges changes = new BatchChanges();
        for (Log log : logs) {
            ContractLogs handler = byAddress.get(lower(log.getAddress()));
            if (handler == null) {
                continue; // the node filtered by address; anything else is not ours
            }
            BlockHeader block = headers.get(log.getBlockNumber().longValueExact());
            handler.apply(new LogContext(log, block, executedByTransaction.get(log.getTransactionHash())), changes);
        }
        return changes;
    }

    /**
     * The Governor emits ProposalExecuted after the calls it made, so the registry's logs come
     * first in the transaction: find the executed proposal of every transaction up front.
     */
    private Map<String, BigInteger> executedProposals(List<Log> logs) {
        Map<String, BigInteger> executed = new HashMap<>();
        for (Log log : logs) {
            if (governor.equals(lower(log.getAddress())) && !log.getTopics().isEmpty()
                    && PROPOSAL_EXECUTED.equals(log.getTopics().getFirst())) {
                executed.put(log.getTransactionHash(), ModelDaoGovernor.getProposalExecutedEventFromLog(log).proposalId);
            }
        }
        return executed;
    }

    private static String lower(String address) {
        return address.toLowerCase(Locale.ROOT);
    }
}
