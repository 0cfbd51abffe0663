package org.modeldao.app.voting.ui;

import com.vaadin.flow.component.Component;
import java.math.BigInteger;
import org.modeldao.app.proposals.BallotBox;
import org.modeldao.app.voting.VoteService;
import org.modeldao.app.wallet.MemberWallet;

/** Puts the {@link VotePanel} on proposal pages. */
@org.springframework.stereotype.Component
class VotePanels implements BallotBox {

    private final VoteService votes;

    VotePanels(VoteService votes) {
        this.votes = votes;
    }

    @Override
    public Component panel(MemberWallet wallet, BigInteger proposalId, Runnable afterVote) {
        return new VotePanel(votes, wallet, proposalId, afterVote);
    }
}
