package org.modeldao.app.indexer;

import java.util.HashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import org.web3j.abi.EventEncoder;
import org.web3j.abi.datatypes.Event;

/**
 * Applies the logs of one DAO contract. Each subclass registers a handler per event; the
 * topic0 check comes first because the wrappers' {@code get…EventFromLog} decoders assume it.
 * Logs of events without a handler are still recorded in the governance history.
 */
abstract class ContractLogs {

    private final String contract;
    private final Map<String, BiConsumer<LogContext, BatchChanges>> handlers = new HashMap<>();
    private final Map<String, String> names = new HashMap<>();

    ContractLogs(String contract) {
        this.contract = contract;
    }

    final String contract() {
        return contract;
    }

    final void on(Event event, BiConsumer<LogContext, BatchChanges> handler) {
        String topic = EventEncoder.encode(event);
        handlers.put(topic, handler);
        names.put(topic, event.getName());
    }

    /** Events only worth a line in the governance history. */
    final void historyOnly(Event event, java.util.function.Function<LogContext, String> summary) {
        on(event, (context, changes) -> context.record(changes, contract, event.getName(), null, summary.apply(context)));
    }

    final String eventName(org.web3j.protocol.core.methods.response.Log log) {
        String topic = log.getTopics().isEmpty() ? "" : log.getTopics().getFirst();
        return names.getOrDefault(topic, "Unknown");
    }

    final void apply(LogContext context, BatchChanges changes) {
        String topic = context.log().getTopics().isEmpty() ? "" : context.log().getTopics().getFirst();
        BiConsumer<LogContext, BatchChanges> handler = handlers.get(topic);
        if (handler == null) {
            context.record(changes, contract, "Unknown", null, "Unrecognised log with topic " + topic);
        } else {
            handler.accept(context, changes);
        }
    }

    final void record(LogContext context, BatchChanges changes, Event event, java.math.BigInteger proposalId, String summary) {
        context.record(changes, contract, event.getName(), proposalId, summary);
    }
}
