package org.modeldao.app.indexer;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.modeldao.contracts.events.EventPosition;
import org.modeldao.contracts.events.GovernanceEvent;

/**
 * The rows one batch of logs turns into, collected in memory and then written with JDBC batch
 * statements in a single transaction. Per-key "latest" state (an account's delegate, a
 * delegate's votes) keeps only the last value the batch saw.
 */
final class BatchChanges {

    static final String ZERO_ADDRESS = "0x0000000000000000000000000000000000000000";

    private final Map<Statement, List<Object[]>> rows = new EnumMap<>(Statement.class);
    private final Map<String, long[]> tallyCounts = new LinkedHashMap<>();
    private final Map<String, BigInteger[]> tallies = new LinkedHashMap<>();
    private final Map<String, Object[]> accountDelegates = new LinkedHashMap<>();
    private final Map<String, Object[]> delegatePowers = new LinkedHashMap<>();
    private final Map<String, BalanceMove> balanceMoves = new LinkedHashMap<>();
    private final Set<BigInteger> touchedProposals = new LinkedHashSet<>();
    private int events;
    private int quarantined;

    /**
     * Every string bound to SQL passes {@link ChainText} here once more, whatever handler built it:
     * no NUL or unpaired surrogate can reach the database even if a handler forgot to clean a field.
     */
    void add(Statement statement, Object... arguments) {
        for (int i = 0; i < arguments.length; i++) {
            if (arguments[i] instanceof String text) {
                arguments[i] = ChainText.escape(text); // no cap: calldata must stay whole
            }
        }
        rows.computeIfAbsent(statement, s -> new ArrayList<>()).add(arguments);
        if (statement == Statement.INSERT_EVENT) {
            events++;
        } else if (statement == Statement.INSERT_QUARANTINE) {
            quarantined++;
        }
    }

    /** The history line every stored event gets, whatever else it changes. */
    void history(GovernanceEvent event, BigInteger proposalId, String summary) {
        EventPosition at = event.position();
        add(Statement.INSERT_EVENT, at.blockNumber(), at.blockHash(), EventProjection.utc(at.blockTime()), at.txHash(), at.logIndex(),
                at.contract().name(), event.eventName(), proposalId == null ? null : proposalId.toString(),
                ChainText.of(summary, ChainText.SUMMARY));
    }

    /** A log the indexer could not store: recorded with the reason and never tried again (re-reading skips it like a stored one). */
    void quarantine(EventPosition at, String eventName, String reason, java.time.LocalDateTime now) {
        add(Statement.INSERT_QUARANTINE, at.txHash(), at.logIndex(), at.blockNumber(), at.contract().name(),
                ChainText.of(eventName, 48), ChainText.of(reason, 1000), now);
    }

    void countVote(String proposalId, int support, BigInteger weight) {
        BigInteger[] sums = tallies.computeIfAbsent(proposalId, id -> new BigInteger[] {BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO});
        if (support >= 0 && support < 3) {
            sums[support] = sums[support].add(weight);
        }
        tallyCounts.computeIfAbsent(proposalId, id -> new long[1])[0]++;
    }

    void delegateChanged(String delegator, String delegate, long block) {
        accountDelegates.put(delegator, new Object[] {delegator, delegate, block, delegator});
    }

    void votingPowerChanged(String delegate, BigInteger votes, long block) {
        delegatePowers.put(delegate, new Object[] {delegate, new BigDecimal(votes), block});
    }

    /** A transfer's effect on both balances; the zero address (mint, burn) is not a holder and keeps no balance. */
    void transferred(String from, String to, BigInteger amount, long block) {
        if (!ZERO_ADDRESS.equals(from)) {
            balanceMoves.merge(from, new BalanceMove(amount.negate(), block), BalanceMove::then);
        }
        if (!ZERO_ADDRESS.equals(to)) {
            balanceMoves.merge(to, new BalanceMove(amount, block), BalanceMove::then);
        }
    }

    void touch(BigInteger proposalId) {
        touchedProposals.add(proposalId);
    }

    /** Statements with their argument rows, in execution order, derived state included. */
    Map<Statement, List<Object[]>> statements() {
        Map<Statement, List<Object[]>> all = new EnumMap<>(rows);
        tallies.forEach((id, sums) -> all.computeIfAbsent(Statement.PROPOSAL_TALLY, s -> new ArrayList<>()).add(new Object[] {
                new BigDecimal(sums[0]), new BigDecimal(sums[1]), new BigDecimal(sums[2]), tallyCounts.get(id)[0], id}));
        accountDelegates.forEach((delegator, row) -> {
            all.computeIfAbsent(Statement.FORGET_ACCOUNT_DELEGATE, s -> new ArrayList<>()).add(new Object[] {delegator});
            all.computeIfAbsent(Statement.SET_ACCOUNT_DELEGATE, s -> new ArrayList<>()).add(row);
        });
        delegatePowers.forEach((delegate, row) -> {
            all.computeIfAbsent(Statement.FORGET_DELEGATE_POWER, s -> new ArrayList<>()).add(new Object[] {delegate});
            all.computeIfAbsent(Statement.SET_DELEGATE_POWER, s -> new ArrayList<>()).add(row);
        });
        balanceMoves.forEach((account, move) -> {
            all.computeIfAbsent(Statement.OPEN_BALANCE, s -> new ArrayList<>()).add(new Object[] {account, move.block(), account});
            all.computeIfAbsent(Statement.MOVE_BALANCE, s -> new ArrayList<>())
                    .add(new Object[] {new BigDecimal(move.amount()), move.block(), account});
            all.computeIfAbsent(Statement.COPY_BALANCE, s -> new ArrayList<>()).add(new Object[] {account, account});
        });
        return all;
    }

    Set<BigInteger> touchedProposals() {
        return touchedProposals;
    }

    /** Proposals created in this batch, as (id, snapshot block), for the quorum look-up. */
    List<Object[]> newProposals() {
        return rows.getOrDefault(Statement.INSERT_PROPOSAL, List.of());
    }

    /** The net amount one batch moves in or out of an account, and the block of its last transfer there. */
    private record BalanceMove(BigInteger amount, long block) {

        BalanceMove then(BalanceMove later) {
            return new BalanceMove(amount.add(later.amount), Math.max(block, later.block));
        }
    }

    int eventCount() {
        return events;
    }

    int quarantinedCount() {
        return quarantined;
    }
}
