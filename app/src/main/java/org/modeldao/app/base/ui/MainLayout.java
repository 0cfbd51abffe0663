package org.modeldao.app.base.ui;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.spring.security.AuthenticationContext;
import org.modeldao.app.identity.CurrentMember;
import org.modeldao.app.identity.SignedInMember;

/**
 * Shell around every view: title, navigation, and the signed-in address (or a sign-in link).
 * Features add their own entries to {@link #navigation()}'s list below.
 */
@Layout
@AnonymousAllowed
public class MainLayout extends AppLayout {

    public MainLayout(CurrentMember currentMember, AuthenticationContext authentication) {
        H1 title = new H1("Model DAO");
        title.addClassName("app-title");
        Div end = new Div();
        end.addClassName("app-navbar-end");
        currentMember.get().ifPresentOrElse(member -> showMember(end, member, authentication), () -> {
            Anchor signIn = new Anchor("sign-in", "Sign in");
            signIn.setId("sign-in-link");
            end.add(signIn);
        });
        addToNavbar(new DrawerToggle(), title, end);
        addToDrawer(navigation());
    }

    private static void showMember(Div end, SignedInMember member, AuthenticationContext authentication) {
        Span address = new Span(member.address());
        address.setId("signed-in-address");
        address.addClassNames("address", "address-badge");
        address.setTitle("Roles: " + (member.roles().isEmpty() ? "none" : member.roles()));
        Button signOut = new Button("Sign out", click -> authentication.logout());
        signOut.setId("sign-out");
        signOut.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        end.add(address, signOut);
    }

    private static SideNav navigation() {
        SideNav nav = new SideNav();
        nav.addItem(new SideNavItem("Home", "", VaadinIcon.HOME.create()));
        nav.addItem(new SideNavItem("My tokens", "my-tokens", VaadinIcon.KEY.create()));
        return nav;
    }
}
