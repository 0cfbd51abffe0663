package org.modeldao.app.history;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.modeldao.app.readmodel.HistoryQuery;
import org.modeldao.app.readmodel.HistoryReadModel;
import org.modeldao.app.readmodel.IndexerStall;
import org.modeldao.app.readmodel.QuarantinedLog;
import org.springframework.stereotype.Service;

/** Every governance event of the DAO's contracts, newest first, filterable and exportable, from the indexer's read model. */
@Service
public class GovernanceHistory {

    private static final int CSV_PAGE = 500;

    private final HistoryReadModel trail;

    public GovernanceHistory(HistoryReadModel trail) {
        this.trail = trail;
    }

    /** One page of the events matching {@code filter}, newest first (for lazy grids). */
    public List<HistoryEntry> events(HistoryFilter filter, int offset, int limit) {
        return trail.events(filter.query(), offset, limit).stream().map(GovernanceHistory::event).toList();
    }

    public long count(HistoryFilter filter) {
        return trail.count(filter.query());
    }

    /** Every matching event, read page by page. */
    public List<HistoryEntry> events(HistoryFilter filter) {
        HistoryQuery query = filter.query();
        List<HistoryEntry> all = new ArrayList<>();
        List<org.modeldao.app.readmodel.HistoryRecord> page;
        do {
            page = trail.events(query, all.size(), CSV_PAGE);
            page.stream().map(GovernanceHistory::event).forEach(all::add);
        } while (page.size() == CSV_PAGE);
        return all;
    }

    /** Logs the indexer could not store and set aside (block, transaction, event, why), newest first. */
    public List<QuarantinedLog> quarantined(int offset, int limit) {
        return trail.quarantined(offset, limit);
    }

    public long countQuarantined() {
        return trail.countQuarantined();
    }

    /** Why the trail has stopped growing, when the indexer cannot read a block. */
    public Optional<IndexerStall> stall() {
        return trail.stall();
    }

    public String csv(HistoryFilter filter) {
        return HistoryCsv.of(events(filter));
    }

    private static HistoryEntry event(org.modeldao.app.readmodel.HistoryRecord e) {
        return new HistoryEntry(e.blockNumber(), e.time(), e.txHash(), e.logIndex(), displayName(e.contract()), e.eventName(), e.summary(),
                Optional.ofNullable(e.proposalId()));
    }

    /** GOVERNOR → Governor, as the filter and the CSV name contracts. */
    private static String displayName(String contract) {
        String lower = contract.toLowerCase(Locale.ROOT);
        return lower.isEmpty() ? lower : Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }
}
