package org.modeldao.app.readmodel;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;

/** Re-runs a view's refresh whenever the indexer moves the read model on, pushed to the browser (Vaadin Push). */
public final class LiveRefresh {

    private LiveRefresh() {
    }

    public static void attach(Component view, GovernanceUpdates updates, Runnable refresh) {
        view.addAttachListener(attach -> {
            UI ui = attach.getUI();
            Runnable unsubscribe = updates.subscribe(block -> ui.access(refresh::run));
            view.addDetachListener(detach -> {
                unsubscribe.run();
                detach.unregisterListener();
            });
        });
    }
}
