package org.modeldao.app.indexer;

import static org.modeldao.app.indexer.EventProjection.address;
import static org.modeldao.app.indexer.EventProjection.votes;

import java.math.BigDecimal;
import org.modeldao.contracts.events.TokenEvent;

/** Delegations, the voting power they move, and transfers with the balances they change. */
final class TokenProjection {

    private TokenProjection() {
    }

    static void apply(TokenEvent event, BatchChanges changes) {
        long block = event.position().blockNumber();
        String tx = event.position().txHash();
        int index = event.position().logIndex();
        switch (event) {
            case TokenEvent.DelegateChanged e -> {
                changes.add(Statement.INSERT_DELEGATION, tx, index, address(e.delegator()), address(e.fromDelegate()),
                        address(e.toDelegate()), block);
                changes.delegateChanged(address(e.delegator()), address(e.toDelegate()), block);
                changes.history(e, null, address(e.delegator()) + " delegated to " + address(e.toDelegate()));
            }
            case TokenEvent.DelegateVotesChanged e -> {
                changes.add(Statement.INSERT_POWER_CHANGE, tx, index, address(e.delegate()), new BigDecimal(e.previousVotes()),
                        new BigDecimal(e.newVotes()), block);
                changes.votingPowerChanged(address(e.delegate()), e.newVotes(), block);
                changes.history(e, null, address(e.delegate()) + " now has " + votes(e.newVotes()) + " votes (was "
                        + votes(e.previousVotes()) + ")");
            }
            case TokenEvent.Transfer e -> {
                changes.add(Statement.INSERT_TRANSFER, tx, index, address(e.from()), address(e.to()), new BigDecimal(e.value()), block);
                changes.transferred(address(e.from()), address(e.to()), e.value(), block);
                changes.history(e, null, votes(e.value()) + " tokens from " + address(e.from()) + " to " + address(e.to()));
            }
            case TokenEvent.Approval e -> changes.history(e, null, address(e.owner()) + " approved " + address(e.spender()) + " for "
                    + votes(e.value()) + " tokens");
        }
    }
}
