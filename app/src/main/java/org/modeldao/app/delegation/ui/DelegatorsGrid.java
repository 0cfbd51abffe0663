package org.modeldao.app.delegation.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import org.modeldao.app.delegation.DelegationService;
import org.modeldao.app.delegation.Delegator;
import org.modeldao.app.proposals.Votes;

/** The accounts delegating to one delegate with their balances; lazy, so a delegate with thousands of delegators is cheap. */
final class DelegatorsGrid {

    private DelegatorsGrid() {
    }

    static Grid<Delegator> of(DelegationService delegation, String delegate) {
        Grid<Delegator> grid = new Grid<>();
        grid.setId("delegators-" + delegate.toLowerCase());
        grid.addClassName("delegators");
        grid.addColumn(Delegator::address).setHeader("Delegator").setFlexGrow(2);
        grid.addColumn(d -> Votes.format(d.balance())).setHeader("Tokens held");
        grid.setItems(query -> delegation.delegators(delegate, query.getOffset(), query.getLimit()).stream(),
                query -> (int) delegation.countDelegators(delegate));
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        grid.setHeight("14em");
        grid.setEmptyStateText("No account delegates to this address.");
        return grid;
    }
}
