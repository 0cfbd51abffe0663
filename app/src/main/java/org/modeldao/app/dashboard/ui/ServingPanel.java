package org.modeldao.app.dashboard.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.modeldao.app.base.Formats;
import org.modeldao.app.dashboard.GatewayReport;
import org.modeldao.app.dashboard.GatewayTraffic;
import org.modeldao.app.dashboard.ServedModel;

/**
 * Per model: the version the DAO made current (catalog), what the gateway says it serves and how many calls it
 * served and refused in the last hour (filled in when its answers arrive, so a slow gateway never holds up the page).
 */
class ServingPanel extends Panel {

    private final Map<String, Span> gatewayLines = new HashMap<>();
    private final Map<String, Span> trafficLines = new HashMap<>();

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
            Span traffic = new Span("Asking the gateway for its traffic…");
            traffic.addClassNames("gateway-traffic", "muted");
            trafficLines.put(model.name(), traffic);
            Div meta = new Div(decided, gateway, traffic);
            meta.addClassName("dashboard-item-meta");
            ListItem item = new ListItem(name, meta);
            item.setId("served-" + model.name().replaceAll("[^A-Za-z0-9_-]", "_"));
            list.add(item);
        });
        add(list);
        add(note("Traffic is the gateway's own count of calls for each model, with no caller named; it starts again "
                + "when the gateway restarts."));
    }

    void show(Map<String, GatewayReport> reports) {
        reports.forEach((model, report) -> {
            Span line = gatewayLines.get(model);
            if (line != null) {
                line.setText(describe(report));
                line.removeClassName("muted");
                line.getElement().setAttribute("data-status", report.status().name().toLowerCase(Locale.ROOT));
            }
        });
    }

    void showTraffic(Map<String, GatewayTraffic> traffic) {
        traffic.forEach((model, counted) -> {
            Span line = trafficLines.get(model);
            if (line != null) {
                line.setText(describe(counted));
                line.setVisible(counted.status() != GatewayTraffic.Status.NOT_CONFIGURED);
                line.removeClassName("muted");
                line.getElement().setAttribute("data-status", counted.status().name().toLowerCase(Locale.ROOT));
                // the details go in the tooltip: the line beside says the same of the gateway's state
                line.getElement().setAttribute("title", counted.sinceStart()
                        .map(since -> "Since the gateway started (" + Formats.dateTime(since.from()) + "): " + counts(since))
                        .orElse(counted.detail()));
            }
        });
    }

    /** "Last hour: 1,234 served · 12 refused (10 access policy, 2 ethical constraint)". */
    static String describe(GatewayTraffic traffic) {
        return switch (traffic.status()) {
            case COUNTED -> "Last hour: " + traffic.lastHour().map(ServingPanel::counts).orElse("");
            case NOT_CONFIGURED -> "";
            case UNREACHABLE -> "Traffic unknown: gateway not reachable";
            case UNREADABLE -> "Traffic unknown: the gateway answered something this page cannot read";
            case UNKNOWN_MODEL -> "No traffic: the gateway does not know this model yet";
        };
    }

    private static String counts(GatewayTraffic.Counts counts) {
        String kinds = Arrays.stream(GatewayTraffic.RefusalKind.values())
                .filter(kind -> counts.refusedBy().getOrDefault(kind, 0L) > 0)
                .map(kind -> Formats.number(counts.refusedBy().get(kind)) + " " + kind.words())
                .collect(Collectors.joining(", "));
        return Formats.number(counts.served()) + " served · " + Formats.number(counts.refused()) + " refused"
                + (kinds.isEmpty() ? "" : " (" + kinds + ")");
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
