package org.modeldao.app.indexer;

import static org.modeldao.app.indexer.LogContext.address;
import static org.modeldao.app.indexer.LogContext.votes;
import static org.modeldao.contracts.wrappers.GovernanceToken.*;

import java.math.BigDecimal;

/** Delegations, the voting power they move, and transfers (from which balances are summed). */
final class TokenLogs extends ContractLogs {

    TokenLogs() {
        super("TOKEN");
        on(DELEGATECHANGED_EVENT, (c, changes) -> {
            DelegateChangedEventResponse e = getDelegateChangedEventFromLog(c.log());
            changes.add(Statement.INSERT_DELEGATION, c.txHash(), c.logIndex(), address(e.delegator), address(e.fromDelegate),
                    address(e.toDelegate), c.blockNumber());
            changes.delegateChanged(address(e.delegator), address(e.toDelegate), c.blockNumber());
            record(c, changes, DELEGATECHANGED_EVENT, null, address(e.delegator) + " delegated to " + address(e.toDelegate));
        });
        on(DELEGATEVOTESCHANGED_EVENT, (c, changes) -> {
            DelegateVotesChangedEventResponse e = getDelegateVotesChangedEventFromLog(c.log());
            changes.add(Statement.INSERT_POWER_CHANGE, c.txHash(), c.logIndex(), address(e.delegate),
                    new BigDecimal(e.previousVotes), new BigDecimal(e.newVotes), c.blockNumber());
            changes.votingPowerChanged(address(e.delegate), e.newVotes, c.blockNumber());
            record(c, changes, DELEGATEVOTESCHANGED_EVENT, null, address(e.delegate) + " now has " + votes(e.newVotes)
                    + " votes (was " + votes(e.previousVotes) + ")");
        });
        on(TRANSFER_EVENT, (c, changes) -> {
            TransferEventResponse e = getTransferEventFromLog(c.log());
            changes.add(Statement.INSERT_TRANSFER, c.txHash(), c.logIndex(), address(e.from), address(e.to), new BigDecimal(e.value),
                    c.blockNumber());
            record(c, changes, TRANSFER_EVENT, null, votes(e.value) + " tokens from " + address(e.from) + " to " + address(e.to));
        });
        historyOnly(APPROVAL_EVENT, c -> {
            ApprovalEventResponse e = getApprovalEventFromLog(c.log());
            return address(e.owner) + " approved " + address(e.spender) + " for " + votes(e.value) + " tokens";
        });
        historyOnly(EIP712DOMAINCHANGED_EVENT, c -> "EIP-712 domain changed");
    }
}
