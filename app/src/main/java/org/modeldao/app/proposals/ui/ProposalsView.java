package org.modeldao.app.proposals.ui;

import org.modeldao.app.readmodel.LiveRefresh;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.modeldao.app.proposals.GovernanceContracts;
import org.modeldao.app.readmodel.GovernanceUpdates;
import org.modeldao.app.proposals.ProposalOverview;
import org.modeldao.app.proposals.ProposalQueries;
import org.modeldao.app.proposals.Votes;

/** All proposals, newest first, with state and tallies, loaded page by page as the grid scrolls; updates live. Public: governance is transparent. */
@Route("proposals")
@PageTitle("Proposals · Model DAO")
@AnonymousAllowed
public class ProposalsView extends VerticalLayout {

    private final Grid<ProposalOverview> grid = new Grid<>();

    public ProposalsView(ProposalQueries proposals, GovernanceContracts contracts, GovernanceUpdates updates) {
        Button create = new Button("New proposal", click -> getUI().ifPresent(ui -> ui.navigate(NewProposalView.class)));
        create.setId("new-proposal");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        grid.setId("proposals");
        grid.addComponentColumn(p -> StateBadge.of(p.state())).setHeader("State").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(ProposalOverview::title).setHeader("Title").setFlexGrow(3);
        grid.addColumn(p -> Votes.format(p.tally().forVotes())).setHeader("For");
        grid.addColumn(p -> Votes.format(p.tally().againstVotes())).setHeader("Against");
        grid.addColumn(p -> Votes.format(p.tally().abstainVotes())).setHeader("Abstain");
        grid.addColumn(ProposalOverview::proposer).setHeader("Proposer").setFlexGrow(2);
        grid.addColumn(ProposalOverview::createdAt).setHeader("Created");
        grid.addItemClickListener(click -> getUI().ifPresent(ui -> ui.navigate(ProposalView.class, click.getItem().id().toString())));
        add(new H2("Proposals"), create);
        if (!contracts.configured()) {
            add(new Paragraph("No DAO deployment is configured."));
            return;
        }
        grid.setItems(query -> proposals.page(query.getOffset(), query.getLimit()).stream(), query -> (int) proposals.count());
        add(grid);
        setSizeFull();
        LiveRefresh.attach(this, updates, () -> grid.getDataProvider().refreshAll());
    }
}
