package org.modeldao.app.dashboard.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import java.util.Optional;
import org.modeldao.app.base.Formats;
import org.modeldao.app.dashboard.MemberPower;

/** The signed-in member's votes and delegation, with a prompt to delegate when her tokens count for nothing yet. */
class PowerPanel extends Panel {

    /** For a visitor: what signing in gives. */
    PowerPanel(String signInHref) {
        super("my-power", "Your voting power");
        add(emptyState("Sign in with your Ethereum wallet to see your votes and delegation, and to vote.",
                new Anchor(signInHref, "Sign in")));
    }

    PowerPanel(Optional<MemberPower> read) {
        super("my-power", "Your voting power");
        if (read.isEmpty()) {
            add(note("Your voting power cannot be read from the chain right now; try again in a moment."));
            return;
        }
        MemberPower power = read.get();
        Paragraph votes = new Paragraph("You vote with " + Formats.tokens(power.votes()) + " votes and hold "
                + Formats.tokens(power.balance()) + " tokens.");
        votes.setId("my-votes");
        add(votes);
        if (power.balance().signum() == 0 && power.votes().signum() == 0) {
            add(emptyState("You hold no tokens, so you cannot vote yet. Holders can delegate their votes to you;",
                    new Anchor("delegates", "see the delegates")));
        } else if (!power.hasDelegated()) {
            Paragraph prompt = emptyState("Your tokens do not count in any vote until you delegate them — to yourself, "
                    + "or to a member you trust.", new Anchor("delegates", "Delegate now"));
            prompt.setId("delegate-prompt");
            prompt.addClassName("prompt");
            add(prompt);
        } else {
            Paragraph delegation = new Paragraph();
            delegation.setId("my-delegation");
            if (power.delegatesToSelf()) {
                delegation.add("Your tokens vote through you (you delegated to yourself). ");
            } else {
                Span delegate = new Span(power.delegate());
                delegate.addClassName("address");
                delegation.add(new Span("Your tokens vote through "), delegate, new Span(". "));
            }
            delegation.add(new Anchor("delegates", "Change delegation"));
            add(delegation);
        }
    }
}
