package org.modeldao.app.history;

import org.modeldao.app.readmodel.HistoryQuery;

/**
 * Which events to show; blank fields match everything.
 *
 * @param contract  Governor, Token, Registry or Timelock
 * @param event     event name, e.g. VoteCast
 * @param text      free text searched in the summary, transaction hash and proposal id
 * @param fromBlock first block (inclusive), 0 = from deployment
 * @param toBlock   last block (inclusive), 0 = to the latest
 */
public record HistoryFilter(String contract, String event, String text, long fromBlock, long toBlock) {

    public static HistoryFilter everything() {
        return new HistoryFilter("", "", "", 0, 0);
    }

    /** The same filter as a read-model query (which refuses negative blocks). */
    HistoryQuery query() {
        return new HistoryQuery(contract, event, text, fromBlock, toBlock);
    }
}
