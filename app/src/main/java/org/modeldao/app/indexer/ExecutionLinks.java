package org.modeldao.app.indexer;

import java.math.BigInteger;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.modeldao.contracts.DeploymentDescriptor;
import org.modeldao.contracts.wrappers.ModelDaoGovernor;
import org.modeldao.contracts.wrappers.ModelDaoTimelock;
import org.web3j.abi.EventEncoder;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.utils.Numeric;

/**
 * Which proposal each transaction of a batch executed. Usually the governor says so
 * (ProposalExecuted, emitted after the calls, so after the registry's logs). But anyone may
 * execute a ready operation on the timelock directly; then only the timelock's CallExecuted names
 * the operation, which the governor's queue transaction tied to its proposal (ProposalQueued and
 * CallScheduled in one transaction).
 */
final class ExecutionLinks {

    private static final String PROPOSAL_EXECUTED = EventEncoder.encode(ModelDaoGovernor.PROPOSALEXECUTED_EVENT);
    private static final String PROPOSAL_QUEUED = EventEncoder.encode(ModelDaoGovernor.PROPOSALQUEUED_EVENT);
    private static final String CALL_SCHEDULED = EventEncoder.encode(ModelDaoTimelock.CALLSCHEDULED_EVENT);
    private static final String CALL_EXECUTED = EventEncoder.encode(ModelDaoTimelock.CALLEXECUTED_EVENT);

    private final String governor;
    private final String timelock;
    private final Function<String, BigInteger> storedOperations;

    /** @param storedOperations the proposal an operation id was queued for in an earlier batch, or null */
    ExecutionLinks(DeploymentDescriptor deployment, Function<String, BigInteger> storedOperations) {
        this.governor = deployment.governor().toLowerCase(Locale.ROOT);
        this.timelock = deployment.timelock().toLowerCase(Locale.ROOT);
        this.storedOperations = storedOperations;
    }

    /** Executed proposal per transaction hash; records new operations and direct executions in {@code changes}. */
    Map<String, BigInteger> executedProposals(List<Log> logs, BatchChanges changes) {
        Map<String, List<Log>> byTransaction = new LinkedHashMap<>();
        logs.forEach(l -> byTransaction.computeIfAbsent(l.getTransactionHash(), t -> new java.util.ArrayList<>()).add(l));
        Map<String, BigInteger> queuedOperations = new HashMap<>();
        Map<String, BigInteger> executed = new HashMap<>();
        byTransaction.forEach((tx, txLogs) -> {
            BigInteger viaGovernor = null;
            BigInteger queued = null;
            String executedOperation = null;
            for (Log log : txLogs) {
                String topic = log.getTopics().isEmpty() ? "" : log.getTopics().getFirst();
                String from = log.getAddress().toLowerCase(Locale.ROOT);
                if (from.equals(governor) && topic.equals(PROPOSAL_EXECUTED)) {
                    viaGovernor = ModelDaoGovernor.getProposalExecutedEventFromLog(log).proposalId;
                } else if (from.equals(governor) && topic.equals(PROPOSAL_QUEUED)) {
                    queued = ModelDaoGovernor.getProposalQueuedEventFromLog(log).proposalId;
                } else if (from.equals(timelock) && topic.equals(CALL_EXECUTED)) {
                    executedOperation = Numeric.toHexString(ModelDaoTimelock.getCallExecutedEventFromLog(log).id);
                }
            }
            if (queued != null) {
                for (Log log : txLogs) {
                    if (log.getAddress().equalsIgnoreCase(timelock) && !log.getTopics().isEmpty()
                            && CALL_SCHEDULED.equals(log.getTopics().getFirst())) {
                        String operation = Numeric.toHexString(ModelDaoTimelock.getCallScheduledEventFromLog(log).id);
                        if (queuedOperations.putIfAbsent(operation, queued) == null) {
                            changes.add(Statement.INSERT_OPERATION, operation, queued.toString(), log.getBlockNumber().longValueExact());
                        }
                    }
                }
            }
            if (viaGovernor != null) {
                executed.put(tx, viaGovernor);
            } else if (executedOperation != null) {
                BigInteger proposal = queuedOperations.containsKey(executedOperation)
                        ? queuedOperations.get(executedOperation) : storedOperations.apply(executedOperation);
                if (proposal != null) {
                    executed.put(tx, proposal);
                    changes.add(Statement.PROPOSAL_EXECUTED, txLogs.getFirst().getBlockNumber().longValueExact(), tx, proposal.toString());
                    changes.touch(proposal);
                }
            }
        });
        return executed;
    }
}
