package org.modeldao.app.shell.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ErrorHandler;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.modeldao.app.base.AppException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * The one Vaadin error handler: expected refusals ({@link AppException}) are shown as they are,
 * anything else is logged with its stack trace and shown as a generic error.
 */
@Component
class MainErrorHandler implements ErrorHandler, VaadinServiceInitListener {

    private static final Logger log = LoggerFactory.getLogger(MainErrorHandler.class);

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(init -> init.getSession().setErrorHandler(this));
    }

    @Override
    public void error(ErrorEvent event) {
        Throwable cause = rootAppException(event.getThrowable());
        String message;
        if (cause instanceof AppException refusal) {
            log.info("Refused in the UI ({}): {}", refusal.code(), refusal.getMessage());
            message = refusal.getMessage();
        } else if (cause instanceof AccessDeniedException) {
            message = "You are not allowed to do that.";
        } else {
            log.error("Unexpected error in the UI", event.getThrowable());
            message = "Something went wrong; the error was logged.";
        }
        UI ui = UI.getCurrent();
        if (ui != null) {
            ui.access(() -> Notification.show(message, 6000, Notification.Position.TOP_CENTER)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR));
        }
    }

    private static Throwable rootAppException(Throwable throwable) {
        for (Throwable t = throwable; t != null; t = t.getCause()) {
            if (t instanceof AppException || t instanceof AccessDeniedException) {
                return t;
            }
        }
        return throwable;
    }
}
