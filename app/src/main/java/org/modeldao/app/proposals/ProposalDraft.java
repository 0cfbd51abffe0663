package org.modeldao.app.proposals;

import org.modeldao.app.wallet.WalletTransaction;
import java.math.BigInteger;

/** A checked proposal, ready for the proposer's wallet: its future id, description and the transaction. */
public record ProposalDraft(BigInteger proposalId, String description, WalletTransaction transaction) {
}
