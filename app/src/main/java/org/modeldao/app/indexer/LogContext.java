package org.modeldao.app.indexer;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import org.web3j.protocol.core.methods.response.Log;

/**
 * One log being applied, with its block and — when its transaction executed a proposal — the
 * id of that proposal, so registry changes name the decision that produced them.
 */
record LogContext(Log log, BlockHeader block, BigInteger executedProposal) {

    long blockNumber() {
        return block.number();
    }

    String txHash() {
        return log.getTransactionHash();
    }

    int logIndex() {
        return log.getLogIndex().intValueExact();
    }

    LocalDateTime time() {
        return LocalDateTime.ofInstant(block.time(), ZoneOffset.UTC);
    }

    String executedProposalId() {
        return executedProposal == null ? null : executedProposal.toString();
    }

    /** Adds the governance history row every log gets, whatever else it changes. */
    void record(BatchChanges changes, String contract, String eventName, BigInteger proposalId, String summary) {
        changes.add(Statement.INSERT_EVENT, blockNumber(), block.hash(), time(), txHash(), logIndex(), contract, eventName,
                proposalId == null ? null : proposalId.toString(), ChainText.of(summary, ChainText.SUMMARY));
    }

    static String address(String address) {
        return address.toLowerCase(Locale.ROOT);
    }

    static String shortId(BigInteger proposalId) {
        String id = proposalId.toString();
        return id.length() <= 12 ? id : id.substring(0, 6) + "…" + id.substring(id.length() - 4);
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
