package org.modeldao.app.catalog.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Text;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
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
import java.time.Clock;
import org.modeldao.app.base.ChainLinks;
import org.modeldao.app.base.Formats;
import org.modeldao.app.base.RelativeTime;
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
    private final Clock clock;

    public CatalogView(ModelCatalog catalog, GovernanceUpdates updates, Clock clock) {
        this.catalog = catalog;
        this.clock = clock;
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
            Paragraph empty = new Paragraph("No model has been approved yet. Propose a model version from ");
            empty.add(new Anchor("proposals/new", "New proposal"), new Text("; it is listed here once the proposal is executed."));
            empty.setId("catalog-empty");
            models.add(empty);
        }
        all.forEach(model -> models.add(card(model)));
    }

    private Div card(CatalogModel model) {
        Div card = new Div();
        card.addClassName("catalog-model");
        card.setId("model-" + model.name());
        Paragraph current = new Paragraph("Current version: " + model.currentVersion().orElse("none"));
        model.currentSetBy().ifPresent(link -> current.add(new Text(" — set by "), link(link)));
        card.add(new H3(model.name()), current);
        Grid<CatalogModel.Version> versions = new Grid<>();
        // every column takes its content's width; hashes are shortened (full on hover), so nothing is cut
        versions.addColumn(CatalogModel.Version::version).setHeader("Version").setAutoWidth(true).setFlexGrow(0);
        versions.addComponentColumn(v -> state(model, v)).setHeader("State").setAutoWidth(true).setFlexGrow(1);
        versions.addComponentColumn(v -> hash(v.artifactSha256())).setHeader("Artifact sha256").setAutoWidth(true).setFlexGrow(0);
        versions.addComponentColumn(v -> ChainLinks.uri(v.artifactUri(), "artifact")).setHeader("Artifact").setAutoWidth(true).setFlexGrow(0);
        versions.addComponentColumn(v -> ChainLinks.uri(v.cardUri(), "card")).setHeader("Card").setAutoWidth(true).setFlexGrow(0);
        versions.addComponentColumn(v -> link(v.approvedBy())).setHeader("Approved by").setAutoWidth(true).setFlexGrow(0);
        versions.addComponentColumn(v -> v.revokedBy().map(this::link).orElse(new Span())).setHeader("Revoked by").setAutoWidth(true).setFlexGrow(0);
        versions.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        versions.setEmptyStateText("No version of " + model.name() + " is approved yet: propose one from Proposals → New proposal.");
        versions.setItems(model.versions());
        versions.setAllRowsVisible(true);
        UnorderedList rules = new UnorderedList();
        model.accessPolicy().ifPresentOrElse(p -> rules.add(rule("Access: " + p.description(), p.decidedBy())),
                () -> rules.add(new ListItem("Access: no policy voted yet")));
        model.constraints().forEach(c -> rules.add(rule("Constraint #" + c.constraintId().orElse(0L) + ": " + c.description(), c.decidedBy())));
        card.add(versions, rules);
        return card;
    }

    /** The version's state, with a "current" badge on the version the gateway serves by default. */
    private static Span state(CatalogModel model, CatalogModel.Version version) {
        Span state = new Span(version.state().name().toLowerCase() + (version.revocationReason().isEmpty() ? "" : ": " + version.revocationReason()));
        Span cell = new Span(state);
        if (model.currentVersion().filter(version.version()::equals).isPresent()) {
            Span current = new Span("current");
            current.getElement().getThemeList().add("badge success");
            current.addClassName("current-version");
            cell.add(new Text(" "), current);
        }
        return cell;
    }

    private static Span hash(String sha256) {
        Span hash = new Span(Formats.shortHash(sha256));
        hash.setTitle(sha256);
        hash.addClassName("address");
        return hash;
    }

    private ListItem rule(String text, DecisionLink link) {
        ListItem item = new ListItem(text + " ");
        item.add(link(link));
        return item;
    }

    /** The deciding proposal (or "outside governance") and the transaction, which opens the governance history filtered on it. */
    private Span link(DecisionLink link) {
        Component decision = link.proposalId().<Component>map(id -> new Anchor("proposal/" + id, "proposal " + Formats.shortId(id.toString())))
                .orElseGet(() -> new Span(new Text("outside governance, "), RelativeTime.ofChainTime(link.at(), clock)));
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
