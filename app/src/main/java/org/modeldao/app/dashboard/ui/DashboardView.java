package org.modeldao.app.dashboard.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.Command;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.List;
import java.util.Optional;
import org.modeldao.app.dashboard.Dashboard;
import org.modeldao.app.dashboard.ServedModel;
import org.modeldao.app.identity.CurrentMember;
import org.modeldao.app.identity.SignedInMember;

/**
 * The home page: open proposals, what is served, the member's voting power and the latest
 * decisions. Visitors see all but the voting power; the gateway's answers arrive after the page.
 */
@Route("")
@PageTitle("Model DAO")
@AnonymousAllowed
public class DashboardView extends Div {

    private final Dashboard dashboard;
    private final List<ServedModel> models;
    private final ServingPanel serving;

    public DashboardView(Dashboard dashboard, CurrentMember currentMember) {
        this.dashboard = dashboard;
        setId("dashboard");
        addClassName("page");
        Optional<SignedInMember> member = currentMember.get();
        Paragraph intro = new Paragraph("Token holders propose and vote on which model versions may be served, who may call "
                + "them and what they must never do. Every decision is recorded on-chain.");
        intro.addClassName("muted");
        models = dashboard.models();
        serving = new ServingPanel(models);
        Div panels = new Div(new OpenProposalsPanel(dashboard.openProposals(member.map(SignedInMember::address)), member.isPresent()),
                member.map(m -> new PowerPanel(dashboard.power(m.address()))).orElseGet(() -> new PowerPanel("sign-in")),
                serving, new DecisionsPanel(dashboard.recentDecisions()));
        panels.addClassName("dashboard");
        add(new H2("Community-governed AI models"), intro, panels);
    }

    @Override
    protected void onAttach(AttachEvent attach) {
        if (models.isEmpty()) {
            return;
        }
        UI ui = attach.getUI();
        dashboard.gatewayReports(models).thenAccept(reports -> push(ui, () -> serving.show(reports)));
        dashboard.gatewayTraffic(models).thenAccept(traffic -> push(ui, () -> serving.showTraffic(traffic)));
    }

    private static void push(UI ui, Command change) {
        try {
            ui.access(change);
        } catch (UIDetachedException gone) {
            // the visitor left before the gateway answered: nothing to show it on
        }
    }
}
