package org.modeldao.app.proposals;

import java.math.BigInteger;
import java.util.List;
import java.util.Optional;

/** Reading proposals (newest first) from the indexer's read model, paged for lazy grids. */
public interface ProposalQueries {

    List<ProposalOverview> page(int offset, int limit);

    long count();

    Optional<ProposalDetails> find(BigInteger proposalId);

    /** The last block the read model reflects (-1 before the indexer's first batch). */
    long indexedBlock();
}
