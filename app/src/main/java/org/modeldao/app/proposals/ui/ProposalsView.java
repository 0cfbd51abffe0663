package org.modeldao.app.proposals.ui;

import org.modeldao.app.readmodel.LiveRefresh;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.time.Clock;
import org.modeldao.app.base.Formats;
import org.modeldao.app.base.RelativeTime;
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

    public ProposalsView(ProposalQueries proposals, GovernanceContracts contracts, GovernanceUpdates updates, Clock clock) {
        Button create = new Button("New proposal", click -> getUI().ifPresent(ui -> ui.navigate(NewProposalView.class)));
        create.setId("new-proposal");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        grid.setId("proposals");
        // title and proposer take the room; state, counts and date are as wide as their content. The title
        // is a link, so the list works by keyboard too; long titles wrap instead of being cut.
        grid.addColumn(StateBadge.renderer(ProposalOverview::state)).setHeader("State").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(LitRenderer.<ProposalOverview>of("<a href=\"proposal/${item.id}\">${item.title}</a>")
                .withProperty("id", p -> p.id().toString()).withProperty("title", ProposalOverview::title))
                .setHeader("Title").setFlexGrow(1).setWidth("14em");
        grid.addColumn(p -> Votes.format(p.tally().forVotes())).setHeader("For").setAutoWidth(true).setFlexGrow(0).setTextAlign(ColumnTextAlign.END);
        grid.addColumn(p -> Votes.format(p.tally().againstVotes())).setHeader("Against").setAutoWidth(true).setFlexGrow(0).setTextAlign(ColumnTextAlign.END);
        grid.addColumn(p -> Votes.format(p.tally().abstainVotes())).setHeader("Abstain").setAutoWidth(true).setFlexGrow(0).setTextAlign(ColumnTextAlign.END);
        grid.addColumn(LitRenderer.<ProposalOverview>of("<span class=\"address\" title=\"${item.proposer}\">${item.short}</span>")
                .withProperty("proposer", ProposalOverview::proposer).withProperty("short", p -> Formats.shortHash(p.proposer())))
                .setHeader("Proposer").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(RelativeTime.chainTimeRenderer(ProposalOverview::createdAt, clock)).setHeader("Created").setAutoWidth(true).setFlexGrow(0);
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setEmptyStateText("No proposal yet. Members with enough votes start one with New proposal.");
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
