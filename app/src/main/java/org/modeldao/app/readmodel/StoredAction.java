package org.modeldao.app.readmodel;

import org.modeldao.contracts.ProposalCall;
import java.util.Optional;

/**
 * One call of a proposal as the indexer stored it: the raw call, and the action decoded from it
 * once at indexing time (JSON written by {@code proposals.ActionCodec}; empty for rows indexed
 * before the column existed, which the reader decodes itself).
 */
public record StoredAction(ProposalCall call, Optional<String> decodedJson) {
}
