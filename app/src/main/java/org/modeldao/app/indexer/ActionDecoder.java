package org.modeldao.app.indexer;

import org.modeldao.contracts.ProposalCall;

/**
 * Decodes a proposal's call once, when the indexer stores it, into the JSON the proposal pages read
 * back ({@code proposal_action.decoded_action}). The decoder belongs to the proposals feature (its
 * one action model); the indexer only stores what it returns, next to the raw call.
 * Implementations never throw: a call that does not decode comes back as "another call".
 */
@FunctionalInterface
public interface ActionDecoder {

    String decodedJson(ProposalCall call);
}
