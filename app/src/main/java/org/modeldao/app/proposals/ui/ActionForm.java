package org.modeldao.app.proposals.ui;

import com.vaadin.flow.component.Component;
import org.modeldao.app.proposals.ProposalAction;

/** The fields of one kind of action; {@link #build()} validates (throwing InvalidProposal with a readable message). */
interface ActionForm {

    Component component();

    ProposalAction build();
}
