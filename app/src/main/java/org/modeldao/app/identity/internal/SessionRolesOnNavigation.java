package org.modeldao.app.identity.internal;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.WrappedHttpSession;
import org.springframework.stereotype.Component;

/**
 * With Vaadin Push, a page's later messages (navigation included) travel over the WebSocket and
 * never pass the servlet filters: refresh the roles on each navigation too. Only the session is
 * updated (never this pooled thread's security holder): the new roles apply from the next message.
 */
@Component
class SessionRolesOnNavigation implements VaadinServiceInitListener {

    private final SessionRoles roles;

    SessionRolesOnNavigation(SessionRoles roles) {
        this.roles = roles;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> init.getUI().addBeforeEnterListener(navigation -> {
            VaadinSession session = VaadinSession.getCurrent();
            if (session != null && session.getSession() instanceof WrappedHttpSession http) {
                roles.refreshIfDue(http.getHttpSession());
            }
        }));
    }
}
