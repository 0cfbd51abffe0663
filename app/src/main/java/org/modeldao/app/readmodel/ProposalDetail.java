package org.modeldao.app.readmodel;

import java.util.List;

/**
 * Everything about one proposal: its summary, full description, the calls it makes (decoded)
 * and, once executed, the registry changes its execution produced.
 *
 * @param executedTx transaction that executed it, or null
 * @param effects    audit entries of the registry changes made by its execution
 */
public record ProposalDetail(ProposalSummary summary, String description, List<ProposalAction> actions, String executedTx,
        List<HistoryRecord> effects) {

    public ProposalDetail {
        actions = List.copyOf(actions);
        effects = List.copyOf(effects);
    }
}
