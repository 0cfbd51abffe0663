package org.modeldao.app.readmodel;

import java.util.List;

/**
 * Everything about one proposal: its summary, full description and, once executed, the registry changes its execution produced.
 *
 * @param executedTx transaction that executed it, or null
 * @param effects    history entries of the registry changes made by its execution
 */
public record ProposalDetail(ProposalSummary summary, String description, String executedTx,
        List<HistoryRecord> effects) {

    public ProposalDetail {
        effects = List.copyOf(effects);
    }
}
