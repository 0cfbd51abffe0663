package org.modeldao.app.proposals;

import com.vaadin.flow.component.Component;
import java.math.BigInteger;
import org.modeldao.app.wallet.MemberWallet;

/**
 * The voting part of a proposal page, shown while the proposal is active. The voting feature
 * supplies it (voting depends on proposals, never the other way round), so the proposal page
 * needs no reference to voting.
 */
@FunctionalInterface
public interface BallotBox {

    /** @param afterVote run on the UI thread once the member's ballot was sent, to refresh the page */
    Component panel(MemberWallet wallet, BigInteger proposalId, Runnable afterVote);
}
