package org.modeldao.app.audit;

import java.util.Comparator;
import java.util.List;
import org.modeldao.app.audit.internal.EventDescriber;
import org.modeldao.app.proposals.GovernanceContracts;
import org.modeldao.app.proposals.GovernanceLogs;
import org.modeldao.app.proposals.GovernorReader;
import org.springframework.stereotype.Service;
import org.web3j.protocol.core.methods.response.Log;

/** Every governance event of the DAO's contracts, newest first, filterable and exportable. */
@Service
public class AuditTrail {

    private final GovernanceLogs logs;
    private final GovernorReader chain;
    private final EventDescriber describer;

    public AuditTrail(GovernanceLogs logs, GovernorReader chain, GovernanceContracts contracts) {
        this.logs = logs;
        this.chain = chain;
        this.describer = new EventDescriber(contracts);
    }

    public List<AuditEvent> events(AuditFilter filter) {
        return logs.all().stream().map(this::toEvent).filter(filter::matches)
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
