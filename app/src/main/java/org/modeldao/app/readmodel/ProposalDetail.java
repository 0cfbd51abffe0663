package org.modeldao.app.readmodel;

import java.util.List;
import java.util.Optional;

/**
 * Everything about one proposal: its summary, full description and, once executed, the registry changes its execution produced.
 *
 * @param description     the description as shown (cleaned by the indexer's ChainText)
 * @param descriptionHash keccak256 of the description's raw on-chain bytes, "0x…"; empty for rows indexed before it was kept
 * @param executedTx      transaction that executed it, or null
 * @param effects         history entries of the registry changes made by its execution
 */
public record ProposalDetail(ProposalSummary summary, String description, Optional<String> descriptionHash, String executedTx,
        List<HistoryRecord> effects) {

    public ProposalDetail {
        effects = List.copyOf(effects);
    }
}
