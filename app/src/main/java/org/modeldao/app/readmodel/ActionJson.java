package org.modeldao.app.readmodel;

import tools.jackson.databind.json.JsonMapper;

/** Proposal actions are stored decoded, as the record's simple name and its JSON; this reads them back. */
final class ActionJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ActionJson() {
    }

    static ProposalAction read(String kind, String json) {
        for (Class<?> type : ProposalAction.class.getPermittedSubclasses()) {
            if (type.getSimpleName().equals(kind)) {
                return (ProposalAction) JSON.readValue(json, type);
            }
        }
        throw new IllegalStateException("the read model holds a proposal action of unknown kind " + kind);
    }
}
