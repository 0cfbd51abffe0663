package org.modeldao.app.indexer;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.modeldao.contracts.events.Eip712DomainChanged;
import org.modeldao.contracts.events.EventBatch;
import org.modeldao.contracts.events.GovernanceEvent;
import org.modeldao.contracts.events.GovernorEvent;
import org.modeldao.contracts.events.ProposalExecution;
import org.modeldao.contracts.events.RegistryEvent;
import org.modeldao.contracts.events.ScheduledOperation;
import org.modeldao.app.base.Formats;
import org.modeldao.contracts.events.TimelockEvent;
import org.modeldao.contracts.events.TokenEvent;
import org.modeldao.contracts.events.UnrecognisedLog;

/**
 * Turns the stream's events into read-model rows: one projection per contract, a history line for
 * every event, and the stream's attributions (operations the governor scheduled, proposals
 * executed) hung on the log they came from, so they are stored, skipped or quarantined with it.
 * Text from the chain is cleaned with {@link ChainText} here, at the SQL boundary.
 */
final class EventProjection {

    private final GovernorProjection governor;
    private final Clock clock;

    EventProjection(Clock clock, ActionDecoder actions) {
        this.governor = new GovernorProjection(actions);
        this.clock = clock;
    }

    /** The rows of one event (and of what the stream attributed to its log), added to {@code changes}. */
    void apply(GovernanceEvent event, Attributions attributions, BatchChanges changes) {
        switch (event) {
            case TokenEvent e -> TokenProjection.apply(e, changes);
            case GovernorEvent e -> governor.apply(e, changes);
            case TimelockEvent e -> TimelockProjection.apply(e, changes);
            case RegistryEvent e -> RegistryProjection.apply(e, changes);
            case Eip712DomainChanged e -> changes.history(e, null, "EIP-712 domain changed");
            case UnrecognisedLog e -> changes.quarantine(e.position(), e.eventName(),
                    "the log did not decode (" + e.reason() + "); topic0 " + e.signature(), now());
        }
        String log = event.position().logKey();
        for (ScheduledOperation operation : attributions.scheduled().getOrDefault(log, List.of())) {
            changes.add(Statement.INSERT_OPERATION, operation.operationId(), operation.proposalId().toString(),
                    operation.position().blockNumber());
        }
        for (ProposalExecution execution : attributions.executed().getOrDefault(log, List.of())) {
            changes.add(Statement.PROPOSAL_EXECUTED, execution.blockNumber(), execution.txHash(), execution.proposalId().toString());
            changes.touch(execution.proposalId());
        }
    }

    LocalDateTime now() {
        return utc(clock.instant());
    }

    /**
     * The stream's attributions of a batch, by the key ({@code txHash:logIndex}) of the log each one
     * rests on: the first {@code CallScheduled} of an operation, the governor's
     * {@code ProposalExecuted} or the timelock's first {@code CallExecuted} of a direct execution.
     */
    record Attributions(Map<String, List<ScheduledOperation>> scheduled, Map<String, List<ProposalExecution>> executed) {

        static Attributions of(EventBatch batch) {
            Map<String, List<ScheduledOperation>> scheduled = new HashMap<>();
            batch.scheduledOperations().forEach(o -> scheduled.computeIfAbsent(o.position().logKey(), k -> new ArrayList<>()).add(o));
            Map<String, List<ProposalExecution>> executed = new HashMap<>();
            batch.executions().forEach(e -> executed.computeIfAbsent(e.position().logKey(), k -> new ArrayList<>()).add(e));
            return new Attributions(scheduled, executed);
        }
    }

    static LocalDateTime utc(Instant time) {
        return LocalDateTime.ofInstant(time, ZoneOffset.UTC);
    }

    static String address(String address) {
        return address.toLowerCase(Locale.ROOT);
    }

    static String shortId(BigInteger proposalId) {
        return Formats.shortId(proposalId.toString());
    }

    /** Token amounts (18 decimals) as whole votes with at most two decimals, for humans. */
    static String votes(BigInteger amount) {
        return new BigDecimal(amount).movePointLeft(18).setScale(2, RoundingMode.DOWN).stripTrailingZeros().toPlainString();
    }

    /** Registry names are keys: made safe and capped (deterministically) so an absurdly long one cannot stop the indexer. */
    static String name(String text) {
        return ChainText.of(text, ChainText.KEY);
    }

    /** Free text from the chain (reasons, rationales), made safe and capped. */
    static String text(String text) {
        return ChainText.of(text, ChainText.REASON);
    }

    static String uri(String text) {
        return ChainText.of(text, ChainText.URI);
    }
}
