package org.modeldao.app.dashboard.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.modeldao.app.dashboard.GatewayReport;
import org.modeldao.app.dashboard.ServedModel;

/**
 * Per model: the version the DAO made current (catalog) and what the gateway says it serves
 * (filled in when its answers arrive, so a slow gateway never holds up the page).
 */
class ServingPanel extends Panel {

    private final Map<String, Span> gatewayLines = new HashMap<>();

    ServingPanel(List<ServedModel> models) {
        super("served-models", "What the gateway serves");
        if (models.isEmpty()) {
            add(emptyState("No model has been approved yet. Approving one is a proposal like any other:",
                    new Anchor("proposals/new", "New proposal")));
            return;
        }
        UnorderedList list = new UnorderedList();
        list.addClassName("dashboard-list");
        models.forEach(model -> {
            Anchor name = new Anchor("catalog", model.name());
            name.addClassName("dashboard-item-title");
            Span decided = new Span(model.currentVersion().map(v -> "The DAO's current version: " + v)
                    .orElse("No current version decided (" + model.versions() + " approved)"));
            decided.addClassName("catalog-version");
            Span gateway = new Span("Asking the gateway…");
            gateway.addClassNames("gateway-state", "muted");
            gatewayLines.put(model.name(), gateway);
            Div meta = new Div(decided, gateway);
            meta.addClassName("dashboard-item-meta");
            ListItem item = new ListItem(name, meta);
            item.setId("served-" + model.name().replaceAll("[^A-Za-z0-9_-]", "_"));
            list.add(item);
        });
        add(list);
        add(note("The gateway's request counts and refusals are not shown: it publishes them only on its "
                + "restricted metrics endpoint, not in its public metadata."));
    }

    void show(Map<String, GatewayReport> reports) {
        reports.forEach((model, report) -> {
            Span line = gatewayLines.get(model);
            if (line != null) {
                line.setText(describe(report));
                line.removeClassName("muted");
                line.getElement().setAttribute("data-status", report.status().name().toLowerCase(java.util.Locale.ROOT));
            }
        });
    }

    static String describe(GatewayReport report) {
        String version = report.version().map(v -> " v" + v).orElse("");
        String detail = report.detail().isEmpty() ? "" : ": " + report.detail();
        return switch (report.status()) {
            case NOT_CONFIGURED -> "Gateway not configured here (modeldao.gateway.url), so its own state is not shown";
            case UNREACHABLE -> "Gateway not reachable" + detail;
            case UNREADABLE -> "Gateway answered something this page cannot read" + detail;
            case UNKNOWN_MODEL -> "The gateway does not know this model yet" + detail;
            case NO_CURRENT_VERSION -> "The gateway serves no version: none is current";
            case READY -> "Gateway serves" + version + " (ready)";
            case LOADING -> "Gateway is loading" + version;
            case QUARANTINED -> "Gateway refuses to serve" + version + ", quarantined" + detail;
            case UNAVAILABLE -> "Gateway cannot serve" + version + " right now" + detail;
            case REVOKED -> "Gateway refuses" + version + ", revoked by the DAO" + detail;
        };
    }
}
