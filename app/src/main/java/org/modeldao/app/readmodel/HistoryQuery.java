package org.modeldao.app.readmodel;

import java.util.Locale;

/**
 * Narrows the audit trail; blank fields and zero blocks do not filter.
 *
 * @param contract  GOVERNOR, TOKEN, TIMELOCK or REGISTRY (any case)
 * @param eventName event name, e.g. VoteCast (any case)
 * @param text      searched (case-insensitive) in the summary, the transaction hash and the proposal id
 * @param fromBlock first block (inclusive), 0 = from the deployment
 * @param toBlock   last block (inclusive), 0 = to the indexed head
 */
public record HistoryQuery(String contract, String eventName, String text, long fromBlock, long toBlock) {

    public static final HistoryQuery EVERYTHING = new HistoryQuery("", "", "", 0, 0);

    public HistoryQuery {
        contract = contract == null ? "" : contract.strip().toUpperCase(Locale.ROOT);
        eventName = eventName == null ? "" : eventName.strip().toLowerCase(Locale.ROOT);
        text = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        if (fromBlock < 0 || toBlock < 0) {
            throw new InvalidQuery("Blocks must not be negative (from " + fromBlock + ", to " + toBlock + ").");
        }
    }
}
