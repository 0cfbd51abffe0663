package org.modeldao.app.indexer;

import java.math.BigInteger;

/**
 * Published after a committed batch touched a proposal: created, voted on, queued, executed,
 * canceled, extended, or registry changes its execution made.
 */
public record ProposalChanged(BigInteger proposalId, long atBlock) {
}
