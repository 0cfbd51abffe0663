package org.modeldao.app.proposals;

import java.math.BigInteger;
import java.util.List;
import java.util.Optional;

/** Reading proposals (newest first). Backed by the chain today; by the indexer's read model later. */
public interface ProposalQueries {

    List<ProposalOverview> list();

    Optional<ProposalDetails> find(BigInteger proposalId);
}
