package org.modeldao.contracts.events;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decodes a batch's logs and links each registry change to the proposal whose execution made it.
 *
 * <p>The timelock emits {@code CallExecuted(id)} after each call it makes, so a registry log
 * belongs to the operation of the first {@code CallExecuted} after it in its transaction. Through
 * the governor, {@code ProposalExecuted} follows the operation's calls in the same transaction and
 * names the proposal. Called directly on the timelock (anyone may execute a ready operation), only
 * the operation id tells: it was scheduled by the governor's {@code queue}, whose transaction holds
 * the {@code CallScheduled}s and then {@code ProposalQueued} — in this batch, or in an earlier one
 * the consumer's {@link OperationLookup} remembers.
 */
final class ExecutionLinks {

    /** One log as read, before decoding. */
    record RawLog(EventPosition position, List<String> topics, String data) {
    }

    record Linked(List<GovernanceEvent> events, List<ScheduledOperation> scheduled, List<ProposalExecution> executions) {
    }

    private final EventCatalogue catalogue;
    private final OperationLookup lookup;

    ExecutionLinks(EventCatalogue catalogue, OperationLookup lookup) {
        this.catalogue = catalogue;
        this.lookup = lookup;
    }

    /** @param logs in chain order */
    Linked decode(List<RawLog> logs) {
        List<GovernanceEvent> events = new ArrayList<>(logs.size());
        logs.forEach(l -> events.add(catalogue.decode(l.position(), l.topics(), l.data(), Optional.empty())));

        Map<String, List<Integer>> transactions = new LinkedHashMap<>();
        for (int i = 0; i < events.size(); i++) {
            transactions.computeIfAbsent(events.get(i).position().txHash(), tx -> new ArrayList<>()).add(i);
        }
        Map<String, BigInteger> queuedInBatch = new HashMap<>();
        Map<String, BigInteger> createdInBatch = new HashMap<>();
        List<ScheduledOperation> scheduled = new ArrayList<>();
        List<ProposalExecution> executions = new ArrayList<>();
        for (List<Integer> transaction : transactions.values()) {
            List<GovernanceEvent> txEvents = transaction.stream().map(events::get).toList();
            schedule(txEvents, scheduled, queuedInBatch, createdInBatch);
            Map<String, ProposalExecution> byOperation = execute(txEvents, executions, queuedInBatch, createdInBatch);
            for (int k = 0; k < transaction.size(); k++) {
                RawLog log = logs.get(transaction.get(k));
                if (catalogue.isRegistryEvent(log.position().contract(), log.topics())) {
                    Optional<ProposalExecution> execution = operationAfter(txEvents, k).map(byOperation::get);
                    events.set(transaction.get(k), catalogue.decode(log.position(), log.topics(), log.data(), execution));
                }
            }
        }
        return new Linked(events, scheduled, executions);
    }

    /** The governor's {@code queue}: CallScheduled(s) of the batch, then ProposalQueued. */
    private static void schedule(List<GovernanceEvent> txEvents, List<ScheduledOperation> scheduled,
            Map<String, BigInteger> queuedInBatch, Map<String, BigInteger> createdInBatch) {
        Map<String, EventPosition> pending = new LinkedHashMap<>();
        for (GovernanceEvent event : txEvents) {
            if (event instanceof TimelockEvent.CallScheduled call) {
                pending.putIfAbsent(call.id(), call.position());
            } else if (event instanceof GovernorEvent.ProposalQueued queued) {
                pending.forEach((operation, position) -> {
                    scheduled.add(new ScheduledOperation(operation, queued.proposalId(), position));
                    queuedInBatch.put(operation, queued.proposalId());
                });
                pending.clear();
            } else if (event instanceof GovernorEvent.ProposalCreated created) {
                createdInBatch.put(created.timelockOperationId(), created.proposalId());
            }
        }
    }

    /** Executions of the transaction, by operation id; appends them to {@code executions}. */
    private Map<String, ProposalExecution> execute(List<GovernanceEvent> txEvents, List<ProposalExecution> executions,
            Map<String, BigInteger> queuedInBatch, Map<String, BigInteger> createdInBatch) {
        Map<String, ProposalExecution> byOperation = new HashMap<>();
        Map<String, EventPosition> pending = new LinkedHashMap<>();
        for (GovernanceEvent event : txEvents) {
            if (event instanceof TimelockEvent.CallExecuted call) {
                pending.putIfAbsent(call.id(), call.position());
            } else if (event instanceof GovernorEvent.ProposalExecuted executed) {
                if (pending.isEmpty()) {
                    executions.add(new ProposalExecution(executed.proposalId(), null, ProposalExecution.Route.GOVERNOR,
                            executed.position()));
                }
                pending.keySet().forEach(operation -> {
                    ProposalExecution execution = new ProposalExecution(executed.proposalId(), operation,
                            ProposalExecution.Route.GOVERNOR, executed.position());
                    byOperation.put(operation, execution);
                    executions.add(execution);
                });
                pending.clear();
            }
        }
        pending.forEach((operation, position) -> {
            Optional<BigInteger> proposal = Optional.ofNullable(queuedInBatch.get(operation))
                    .or(() -> Optional.ofNullable(createdInBatch.get(operation)))
                    .or(() -> lookup.proposalOf(operation));
            proposal.ifPresent(id -> {
                ProposalExecution execution = new ProposalExecution(id, operation, ProposalExecution.Route.TIMELOCK, position);
                byOperation.put(operation, execution);
                executions.add(execution);
            });
        });
        return byOperation;
    }

    /** The operation of the first CallExecuted after event {@code k} of the transaction. */
    private static Optional<String> operationAfter(List<GovernanceEvent> txEvents, int k) {
        for (int i = k + 1; i < txEvents.size(); i++) {
            if (txEvents.get(i) instanceof TimelockEvent.CallExecuted call) {
                return Optional.of(call.id());
            }
        }
        return Optional.empty();
    }
}
