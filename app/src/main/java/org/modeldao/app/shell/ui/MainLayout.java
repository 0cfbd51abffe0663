package org.modeldao.app.shell.ui;

import com.vaadin.flow.component.ClientCallable;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Header;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.SvgIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.spring.security.AuthenticationContext;
import org.modeldao.app.wallet.BrowserWallet;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.modeldao.app.chain.ChainDeployment;
import org.modeldao.app.identity.CurrentMember;
import org.modeldao.app.identity.SignedInMember;

/**
 * Shell around every view: title, navigation, and the signed-in address (or a sign-in link). While
 * signed in through a browser wallet, it follows that wallet: switching accounts signs out.
 * Features add their own entries to {@link #navigation()}'s list below.
 */
@Layout
@AnonymousAllowed
public class MainLayout extends AppLayout implements AfterNavigationObserver {

    private final AuthenticationContext authentication;
    private final ChainDeployment chain;
    private static final String SIGN_IN_PATH = "sign-in";
    /** Served from the jar's META-INF/resources (frontend/icons), relative to the page's base like Vaadin's own URLs. */
    private static final String NAVIGATION_ICONS = "icons/navigation.svg";

    private final Anchor signIn = new Anchor(SIGN_IN_PATH, "Sign in");

    public MainLayout(CurrentMember currentMember, AuthenticationContext authentication, ChainDeployment chain) {
        this.authentication = authentication;
        this.chain = chain;
        // the title is the way home from every page, the sign-in page included
        Anchor home = new Anchor("", "Model DAO");
        home.setId("home-link");
        H1 title = new H1(home);
        title.addClassName("app-title");
        Div end = new Div();
        end.addClassName("app-navbar-end");
        currentMember.get().ifPresentOrElse(member -> {
            showMember(end, member, authentication);
            new BrowserWallet(UI.getCurrent()).watchSignedInWallet(this, member.address());
        }, () -> {
            signIn.setId("sign-in-link");
            end.add(signIn);
        });
        // one banner landmark holds the header; the view is the main landmark (afterNavigation)
        Header header = new Header(new DrawerToggle(), title, end);
        header.addClassName("app-header");
        addToNavbar(header);
        addToDrawer(navigation());
    }

    /**
     * The view shown is the page's main landmark. The sign-in link brings the member back to this page (SignInView
     * checks the target is same-origin); on the sign-in page itself it is hidden: it would only lead to itself.
     */
    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        if (getContent() != null) {
            getContent().getElement().setAttribute("role", "main");
        }
        String path = event.getLocation().getPath();
        signIn.setVisible(!SIGN_IN_PATH.equals(path));
        String here = "/" + event.getLocation().getPathWithQueryParameters();
        signIn.setHref(SIGN_IN_PATH + "?return=" + URLEncoder.encode(here, StandardCharsets.UTF_8));
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

    /** The wallet this tab signed in with switched accounts: the session no longer speaks for its owner. */
    @ClientCallable
    void walletAccountChanged(String account) {
        Notification.show("Your wallet switched to another account: you were signed out.", 5000, Notification.Position.TOP_CENTER);
        authentication.logout();
    }

    @ClientCallable
    void walletChainChanged(int chainId) {
        if (chainId != chain.chainId()) {
            Notification.show("Your wallet is now on chain " + chainId + "; the DAO lives on chain " + chain.chainId()
                    + ". Switch back before signing votes or transactions.", 8000, Notification.Position.TOP_CENTER)
                    .addThemeVariants(NotificationVariant.LUMO_WARNING);
        }
    }

    private static SideNav navigation() {
        SideNav nav = new SideNav();
        nav.addItem(new SideNavItem("Home", "", icon("home")));
        nav.addItem(new SideNavItem("My tokens", "my-tokens", icon("key")));
        nav.addItem(new SideNavItem("Proposals", "proposals", icon("gavel")));
        nav.addItem(new SideNavItem("Model catalog", "catalog", icon("archives")));
        nav.addItem(new SideNavItem("Delegates", "delegates", icon("users")));
        nav.addItem(new SideNavItem("Governance history", "history", icon("list")));
        return nav;
    }

    /**
     * One symbol of frontend/icons/navigation.svg. Not {@code VaadinIcon}: its {@code Icon} loads the whole Vaadin
     * icon set (~240 KB of script, parsed on every first page load) for six icons (docs/benchmarks.md, ui-pages).
     */
    private static SvgIcon icon(String symbol) {
        return new SvgIcon(NAVIGATION_ICONS, symbol);
    }
}
