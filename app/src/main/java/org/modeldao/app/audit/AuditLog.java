package org.modeldao.app.audit;

import java.math.BigInteger;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.List;
import org.modeldao.app.audit.internal.EventDescriber;
import org.modeldao.app.proposals.GovernanceContracts;
import org.modeldao.app.proposals.GovernanceLogs;
import org.modeldao.app.proposals.GovernorReader;
import org.springframework.stereotype.Service;
import org.web3j.protocol.core.methods.response.Log;

/** Every governance event of the DAO's contracts, newest first, filterable and exportable. */
@Service
public class AuditLog {

    private final GovernanceLogs logs;
    private final GovernorReader chain;
    private final EventDescriber describer;

    public AuditLog(GovernanceLogs logs, GovernorReader chain, GovernanceContracts contracts) {
        this.logs = logs;
        this.chain = chain;
        this.describer = new EventDescriber(contracts);
    }

    public List<AuditEvent> events(AuditFilter filter) {
        List<AuditEvent> all = logs.all().stream().map(this::toEvent).toList();
        // registry and timelock events of an execution belong to the proposal executed in the same transaction
        Map<String, BigInteger> executed = new HashMap<>();
        all.stream().filter(e -> e.event().equals("ProposalExecuted"))
                .forEach(e -> executed.put(e.transactionHash(), e.proposalId().orElseThrow()));
        return all.stream()
                .map(e -> e.proposalId().isPresent() || !executed.containsKey(e.transactionHash()) ? e
                        : new AuditEvent(e.block(), e.time(), e.transactionHash(), e.logIndex(), e.contract(), e.event(), e.summary(),
                                Optional.of(executed.get(e.transactionHash()))))
                .filter(filter::matches)
                .sorted(Comparator.comparingLong(AuditEvent::block).thenComparingLong(AuditEvent::logIndex).reversed())
                .toList();
    }

    public String csv(AuditFilter filter) {
        return AuditCsv.of(events(filter));
    }

    private AuditEvent toEvent(Log log) {
        EventDescriber.Described d = describer.describe(log);
        long block = log.getBlockNumber().longValueExact();
        return new AuditEvent(block, chain.blockTime(block), log.getTransactionHash(), log.getLogIndex().longValueExact(), d.contract(),
                d.event(), d.summary(), d.proposalId());
    }
}
