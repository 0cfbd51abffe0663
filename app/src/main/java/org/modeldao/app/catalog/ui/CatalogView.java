package org.modeldao.app.catalog.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Text;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.modeldao.app.base.ChainLinks;
import org.modeldao.app.base.Formats;
import org.modeldao.app.catalog.CatalogModel;
import org.modeldao.app.catalog.DecisionLink;
import org.modeldao.app.catalog.ModelCatalog;
import org.modeldao.app.readmodel.GovernanceUpdates;
import org.modeldao.app.readmodel.LiveRefresh;

/**
 * Every model the DAO governs: versions with state and hashes, current version, policy and
 * constraints, each linked to the proposal that decided it and the transaction that executed it.
 */
@Route("catalog")
@PageTitle("Model catalog · Model DAO")
@AnonymousAllowed
public class CatalogView extends VerticalLayout {

    private final ModelCatalog catalog;
    private final Div models = new Div();

    public CatalogView(ModelCatalog catalog, GovernanceUpdates updates) {
        this.catalog = catalog;
        models.setId("catalog");
        models.setWidthFull();
        add(new H2("Model catalog"), models);
        refresh();
        LiveRefresh.attach(this, updates, this::refresh);
    }

    private void refresh() {
        models.removeAll();
        var all = catalog.models();
        if (all.isEmpty()) {
            models.add(new Paragraph("No model has been approved yet."));
        }
        all.forEach(model -> models.add(card(model)));
    }

    private static Div card(CatalogModel model) {
        Div card = new Div();
        card.addClassName("catalog-model");
        card.setId("model-" + model.name());
        Paragraph current = new Paragraph("Current version: " + model.currentVersion().orElse("none"));
        model.currentSetBy().ifPresent(link -> current.add(new Text(" — set by "), link(link)));
        card.add(new H3(model.name()), current);
        Grid<CatalogModel.Version> versions = new Grid<>();
        versions.addColumn(CatalogModel.Version::version).setHeader("Version").setAutoWidth(true).setFlexGrow(0);
        versions.addColumn(v -> v.state().name().toLowerCase() + (v.revocationReason().isEmpty() ? "" : ": " + v.revocationReason()))
                .setHeader("State");
        versions.addColumn(CatalogModel.Version::artifactSha256).setHeader("Artifact sha256").setFlexGrow(3);
        versions.addComponentColumn(v -> ChainLinks.uri(v.artifactUri(), "artifact")).setHeader("Artifact");
        versions.addComponentColumn(v -> ChainLinks.uri(v.cardUri(), "card")).setHeader("Card");
        versions.addComponentColumn(v -> link(v.approvedBy())).setHeader("Approved by");
        versions.addComponentColumn(v -> v.revokedBy().map(CatalogView::link).orElse(new Span())).setHeader("Revoked by");
        versions.setItems(model.versions());
        versions.setAllRowsVisible(true);
        UnorderedList rules = new UnorderedList();
        model.accessPolicy().ifPresentOrElse(p -> rules.add(rule("Access: " + p.description(), p.decidedBy())),
                () -> rules.add(new ListItem("Access: no policy voted yet")));
        model.constraints().forEach(c -> rules.add(rule("Constraint #" + c.constraintId().orElse(0L) + ": " + c.description(), c.decidedBy())));
        card.add(versions, rules);
        return card;
    }

    private static ListItem rule(String text, DecisionLink link) {
        ListItem item = new ListItem(text + " ");
        item.add(link(link));
        return item;
    }

    /** The deciding proposal (or "outside governance") and the transaction, which opens the governance history filtered on it. */
    private static Span link(DecisionLink link) {
        Component decision = link.proposalId().<Component>map(id -> new Anchor("proposal/" + id, "proposal " + Formats.shortId(id.toString())))
                .orElseGet(() -> new Span("outside governance, " + Formats.chainTime(link.at())));
        decision.addClassName("decision-proposal");
        Span decided = new Span(decision);
        if (link.transactionHash() != null) {
            Anchor tx = new Anchor(ChainLinks.historyOf(link.transactionHash()), "tx " + Formats.shortId(link.transactionHash()));
            tx.addClassName("decision-tx");
            tx.setTitle(link.transactionHash());
            decided.add(new Text(" · "), tx);
        }
        return decided;
    }
}
