package org.modeldao.app.readmodel;

import java.util.Locale;
import org.modeldao.contracts.ProposalState;

/**
 * Narrows the proposal list; null fields do not filter.
 *
 * @param state    only proposals in this state (as of the indexed head)
 * @param proposer only proposals by this address
 */
public record ProposalFilter(ProposalState state, String proposer) {

    public static final ProposalFilter ALL = new ProposalFilter(null, null);

    public ProposalFilter {
        proposer = proposer == null || proposer.isBlank() ? null : proposer.strip().toLowerCase(Locale.ROOT);
    }

    public static ProposalFilter inState(ProposalState state) {
        return new ProposalFilter(state, null);
    }
}
