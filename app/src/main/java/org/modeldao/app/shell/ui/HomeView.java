package org.modeldao.app.shell.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.math.BigDecimal;
import org.modeldao.app.identity.CurrentMember;

/** Landing page: what the DAO is, and who you are signed in as. */
@Route("")
@PageTitle("Model DAO")
@AnonymousAllowed
public class HomeView extends Div {

    private static final int TOKEN_DECIMALS = 18;

    public HomeView(CurrentMember currentMember) {
        addClassName("page");
        Div card = new Div();
        card.addClassName("card");
        card.add(new H2("Community-governed AI models"),
                new Paragraph("Token holders propose and vote on which model versions may be served, who may call them "
                        + "and what they must never do. Every decision is recorded on-chain."));
        currentMember.get().ifPresentOrElse(member -> {
            String votes = new BigDecimal(member.votes()).movePointLeft(TOKEN_DECIMALS).stripTrailingZeros().toPlainString();
            Paragraph who = new Paragraph("Signed in as " + member.address() + " with " + votes + " votes; roles: "
                    + (member.roles().isEmpty() ? "none" : member.roles()) + ".");
            who.setId("home-member");
            card.add(who);
        }, () -> card.add(new Paragraph("Sign in with your Ethereum wallet to take part.")));
        add(card);
    }
}
