package org.modeldao.app.proposals.ui;

import com.vaadin.flow.component.Component;
import org.modeldao.app.proposals.ProposalAction;

/** The fields of one kind of action; {@link #build()} validates (throwing InvalidProposal with a readable message). */
interface ActionForm {

    Component component();

    ProposalAction build();

    /** Whether the action can be built again from this form once added (an upload's files are gone once stored). */
    default boolean editable() {
        return true;
    }

    /** What voters should read besides the action just built (e.g. an uploaded model's inputs and outputs). */
    default java.util.Optional<String> note() {
        return java.util.Optional.empty();
    }
}
