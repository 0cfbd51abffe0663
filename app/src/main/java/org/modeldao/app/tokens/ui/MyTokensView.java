package org.modeldao.app.tokens.ui;

import com.vaadin.flow.component.Text;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.time.Clock;
import org.modeldao.app.base.Formats;
import org.modeldao.app.base.RelativeTime;
import org.modeldao.app.identity.CurrentMember;
import org.modeldao.app.identity.SignedInMember;
import org.modeldao.app.tokens.AccessToken;
import org.modeldao.app.tokens.AccessTokenService;
import org.modeldao.app.tokens.IssuedAccessToken;

/** Issue, list and revoke one's own gateway tokens. A new token is shown once and never again. */
@Route("my-tokens")
@PageTitle("My tokens · Model DAO")
@PermitAll
public class MyTokensView extends Div {


    private final AccessTokenService tokens;
    private final SignedInMember member;
    private final Clock clock;
    private final Grid<AccessToken> grid = new Grid<>(AccessToken.class, false);
    private final TextArea issued = new TextArea("Your new token (copy it now: it is not shown again)");

    public MyTokensView(AccessTokenService tokens, CurrentMember currentMember, Clock clock) {
        this.tokens = tokens;
        this.member = currentMember.require();
        this.clock = clock;
        addClassName("page");

        TextField label = new TextField("Token name");
        label.setId("token-label");
        label.setPlaceholder("e.g. notebook on my laptop");
        label.setMaxLength(100);
        Button issue = new Button("Issue token", click -> issue(label));
        issue.setId("issue-token");
        issue.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout form = new HorizontalLayout(label, issue);
        form.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        form.setWrap(true);

        issued.setId("issued-token");
        issued.addClassName("issued-token");
        issued.setReadOnly(true);
        issued.setVisible(false);

        configureGrid();
        Div card = new Div(new H2("Gateway tokens"),
                new Paragraph(new Text("Short-lived tokens that let your programs call the model gateway as "), address(member.address()), new Text(".")),
                form, issued, grid);
        card.addClassName("card");
        add(card);
        refresh();
    }

    private void configureGrid() {
        grid.setId("tokens");
        grid.setWidthFull();
        // the name takes the room left; the rest are as wide as their content, and Revoke stays in view
        // (frozen to the end) when a narrow screen makes the grid scroll sideways inside its card
        grid.addColumn(AccessToken::label).setHeader("Name").setAutoWidth(true).setFlexGrow(1);
        grid.addColumn(t -> Formats.shortId(t.jti())).setHeader("Id").setPartNameGenerator(t -> "token-id")
                .setTooltipGenerator(AccessToken::jti).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(RelativeTime.renderer(AccessToken::issuedAt, clock)).setHeader("Issued").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(RelativeTime.renderer(AccessToken::expiresAt, clock)).setHeader("Expires").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(this::status).setHeader("Status").setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(token -> {
            Button revoke = new Button("Revoke", click -> revoke(token));
            revoke.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_SMALL);
            revoke.setEnabled(!token.isRevoked() && !token.isExpiredAt(clock.instant()));
            revoke.setAriaLabel("Revoke token " + (token.label().isBlank() ? Formats.shortId(token.jti()) : token.label()));
            return revoke;
        }).setHeader("Action").setAutoWidth(true).setFlexGrow(0).setFrozenToEnd(true);
        grid.setEmptyStateText("You have no gateway tokens yet. Name one above and choose Issue token.");
        grid.setAllRowsVisible(true);
    }

    private static Span address(String address) {
        Span span = new Span(address);
        span.addClassName("address");
        return span;
    }

    private String status(AccessToken token) {
        if (token.isRevoked()) {
            return "revoked";
        }
        return token.isExpiredAt(clock.instant()) ? "expired" : "active";
    }

    private void issue(TextField label) {
        IssuedAccessToken token = tokens.issue(member, label.getValue());
        issued.setValue(token.jwt());
        issued.setVisible(true);
        label.clear();
        refresh();
        Notification.show("Token '" + token.record().label() + "' issued.");
    }

    private void revoke(AccessToken token) {
        tokens.revoke(member, token.jti());
        refresh();
        Notification.show("Token '" + token.label() + "' revoked.");
    }

    private void refresh() {
        grid.setItems(tokens.tokensOf(member));
    }
}
