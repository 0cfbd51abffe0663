package org.modeldao.app.audit;

import java.util.Locale;

/**
 * Which events to show; blank fields match everything.
 *
 * @param contract  Governor, Token, Registry or Timelock
 * @param event     event name, e.g. VoteCast
 * @param text      free text searched in the summary, transaction hash and proposal id
 * @param fromBlock first block (inclusive), 0 = from deployment
 * @param toBlock   last block (inclusive), 0 = to the latest
 */
public record AuditFilter(String contract, String event, String text, long fromBlock, long toBlock) {

    public static AuditFilter everything() {
        return new AuditFilter("", "", "", 0, 0);
    }

    public boolean matches(AuditEvent e) {
        return blankOr(contract, e.contract()) && blankOr(event, e.event())
                && (fromBlock <= 0 || e.block() >= fromBlock) && (toBlock <= 0 || e.block() <= toBlock)
                && (text == null || text.isBlank() || contains(e, text.strip().toLowerCase(Locale.ROOT)));
    }

    private static boolean blankOr(String wanted, String actual) {
        return wanted == null || wanted.isBlank() || wanted.equalsIgnoreCase(actual);
    }

    private static boolean contains(AuditEvent e, String needle) {
        return e.summary().toLowerCase(Locale.ROOT).contains(needle) || e.transactionHash().toLowerCase(Locale.ROOT).contains(needle)
                || e.proposalId().map(id -> id.toString().contains(needle)).orElse(false);
    }
}
