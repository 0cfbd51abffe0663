package org.modeldao.app.voting.ui;

import com.vaadin.flow.component.Component;
import java.math.BigInteger;
import org.modeldao.app.base.TransactionConfirmations;
import org.modeldao.app.proposals.BallotBox;
import org.modeldao.app.voting.VoteService;
import org.modeldao.app.wallet.MemberWallet;

/** Puts the {@link VotePanel} on proposal pages. */
@org.springframework.stereotype.Component
class VotePanels implements BallotBox {

    private final VoteService votes;
    private final TransactionConfirmations confirmations;

    VotePanels(VoteService votes, TransactionConfirmations confirmations) {
        this.votes = votes;
        this.confirmations = confirmations;
    }

    @Override
    public Component panel(MemberWallet wallet, BigInteger proposalId, Runnable afterVote) {
        return new VotePanel(votes, wallet, proposalId, afterVote, confirmations);
    }
}
