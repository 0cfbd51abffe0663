package org.modeldao.app.shell.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.ParentLayout;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A real 404 page for an unknown address, shown to anyone: sending an anonymous visitor to
 * sign-in for a page that does not exist would only have them sign in to find nothing.
 * Reachable because the security configuration lets unmatched requests through to Vaadin,
 * which still checks every real route's own access annotation.
 */
@ParentLayout(MainLayout.class)
@PageTitle("Page not found · Model DAO")
@AnonymousAllowed
public class NotFoundView extends Div implements HasErrorParameter<NotFoundException> {

    public NotFoundView() {
        setId("not-found");
        addClassName("page");
        Anchor home = new Anchor("", "Go to the home page");
        add(new H2("Page not found"), new Paragraph("There is no page at this address. It may have been mistyped or moved."), home);
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
        return HttpServletResponse.SC_NOT_FOUND;
    }
}
