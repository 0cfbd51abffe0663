package org.modeldao.app.proposals;

import java.math.BigInteger;
import java.time.Instant;
import org.modeldao.app.base.Formats;
import org.modeldao.contracts.ProposalState;

/** A line in the proposal list. */
public record ProposalOverview(BigInteger id, String title, String proposer, ProposalState state, long createdBlock,
        Instant createdAt, GovernorReader.Tally tally) {

    /** Proposal ids are 256-bit hashes; pages show a short form. */
    public String shortId() {
        return Formats.shortId(id.toString());
    }
}
