package org.modeldao.app.history.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.modeldao.app.base.Formats;
import org.modeldao.app.base.RelativeTime;
import org.modeldao.app.history.HistoryEntry;
import org.modeldao.app.history.HistoryFilter;
import org.modeldao.app.history.GovernanceHistory;
import org.modeldao.app.readmodel.GovernanceUpdates;
import org.modeldao.app.readmodel.QuarantinedLog;
import org.modeldao.app.readmodel.LiveRefresh;

/** Every governance event, filterable (also from the URL: {@code ?text=}), exportable as CSV; loaded lazily and updated live. */
@Route("history")
@PageTitle("Governance history · Model DAO")
@AnonymousAllowed
public class HistoryView extends VerticalLayout implements BeforeEnterObserver {

    private static final int QUARANTINE_SHOWN = 100;

    private final GovernanceHistory history;
    private final Grid<HistoryEntry> grid = new Grid<>();
    private final Select<String> contract = new Select<>();
    private final TextField event = new TextField("Event");
    private final TextField text = new TextField("Contains");
    private final Grid<QuarantinedLog> quarantine = new Grid<>();
    private final Details quarantineSection = new Details("", quarantine);
    private final Paragraph stall = new Paragraph();

    public HistoryView(GovernanceHistory history, GovernanceUpdates updates, Clock clock) {
        this.history = history;
        contract.setLabel("Contract");
        contract.setItems("", "Governor", "Token", "Registry", "Timelock");
        contract.setItemLabelGenerator(c -> c.isEmpty() ? "All" : c);
        contract.setValue("");
        contract.setId("history-contract");
        text.setId("history-text");
        Button apply = new Button("Filter", click -> refresh());
        apply.setId("history-filter");
        Anchor csv = new Anchor(DownloadHandler.fromInputStream(download -> new DownloadResponse(new ByteArrayInputStream(
                history.csv(filter()).getBytes(StandardCharsets.UTF_8)), "model-dao-governance-history.csv", "text/csv", -1)), "Export CSV");
        csv.setId("history-csv");
        HorizontalLayout filters = new HorizontalLayout(contract, event, text, apply, csv);
        filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        filters.setWrap(true);
        grid.setId("history");
        // the short columns take their content's width; "What happened" takes the rest and wraps rather than cut
        grid.addColumn(HistoryEntry::block).setHeader("Block").setAutoWidth(true).setFlexGrow(0).setTextAlign(ColumnTextAlign.END);
        grid.addColumn(RelativeTime.chainTimeRenderer(HistoryEntry::time, clock)).setHeader("Chain time").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(HistoryEntry::contract).setHeader("Contract").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(HistoryEntry::event).setHeader("Event").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(HistoryEntry::summary).setHeader("What happened").setFlexGrow(1).setWidth("16em");
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setEmptyStateText("No governance event matches these filters. Clear them and choose Filter to see every event.");
        quarantine.setId("quarantine");
        quarantine.addColumn(QuarantinedLog::blockNumber).setHeader("Block").setAutoWidth(true).setFlexGrow(0);
        quarantine.addColumn(q -> q.txHash() + ":" + q.logIndex()).setHeader("Transaction:log").setAutoWidth(true);
        quarantine.addColumn(q -> q.contract() + " " + q.eventName()).setHeader("Event").setAutoWidth(true);
        quarantine.addColumn(QuarantinedLog::reason).setHeader("Why it could not be stored").setFlexGrow(1).setWidth("16em");
        quarantine.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        quarantine.setEmptyStateText("The indexer stored every log it read.");
        quarantine.setAllRowsVisible(true);
        quarantineSection.setId("quarantine-section");
        stall.setId("indexer-stall");
        stall.addClassName("indexer-stall");
        add(new H2("Governance history"), stall, filters, grid, quarantineSection);
        setSizeFull();
        refresh();
        refreshHealth();
        LiveRefresh.attach(this, updates, () -> {
            grid.getDataProvider().refreshAll();
            refreshHealth();
        });
    }

    /** {@code history?text=…} opens the history already filtered, e.g. on one transaction (the catalog links there). */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        event.getLocation().getQueryParameters().getSingleParameter("text").ifPresent(value -> {
            text.setValue(value);
            refresh();
        });
    }

    /**
     * What the history is missing: the block the indexer is stuck on (if any) and the logs it set
     * aside because they could not be stored (the newest {@value #QUARANTINE_SHOWN}; the count is exact).
     */
    private void refreshHealth() {
        history.stall().ifPresentOrElse(s -> {
            stall.setText("Indexing is stalled at block " + s.block() + " since " + Formats.dateTime(s.since()) + ": " + s.reason());
            stall.setVisible(true);
        }, () -> stall.setVisible(false));
        long count = history.countQuarantined();
        quarantineSection.setSummaryText("Logs the indexer could not store: " + count);
        quarantineSection.setVisible(count > 0);
        quarantine.setItems(count > 0 ? history.quarantined(0, QUARANTINE_SHOWN) : java.util.List.of());
    }

    private HistoryFilter filter() {
        return new HistoryFilter(contract.getValue(), event.getValue(), text.getValue(), 0, 0);
    }

    /** Filters are applied in the database; the grid loads page by page as it scrolls. */
    private void refresh() {
        HistoryFilter current = filter();
        grid.setItems(query -> history.events(current, query.getOffset(), query.getLimit()).stream(), query -> (int) history.count(current));
    }
}
