package org.modeldao.app.tokens.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
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

        issued.setId("issued-token");
        issued.addClassName("issued-token");
        issued.setReadOnly(true);
        issued.setVisible(false);

        configureGrid();
        Div card = new Div(new H2("Gateway tokens"),
                new Paragraph("Short-lived tokens that let your programs call the model gateway as " + member.address() + "."),
                form, issued, grid);
        card.addClassName("card");
        add(card);
        refresh();
    }

    private void configureGrid() {
        grid.setId("tokens");
        grid.addColumn(AccessToken::label).setHeader("Name").setAutoWidth(true);
        grid.addColumn(AccessToken::jti).setHeader("Id").setPartNameGenerator(t -> "token-id").setAutoWidth(true);
        grid.addColumn(t -> Formats.dateTime(t.issuedAt())).setHeader("Issued").setAutoWidth(true);
        grid.addColumn(t -> Formats.dateTime(t.expiresAt())).setHeader("Expires").setAutoWidth(true);
        grid.addColumn(this::status).setHeader("Status");
        grid.addComponentColumn(token -> {
            Button revoke = new Button("Revoke", click -> revoke(token));
            revoke.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_SMALL);
            revoke.setEnabled(!token.isRevoked() && !token.isExpiredAt(clock.instant()));
            return revoke;
        }).setHeader("");
        grid.setAllRowsVisible(true);
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
