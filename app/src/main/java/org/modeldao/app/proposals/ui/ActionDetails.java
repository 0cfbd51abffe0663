package org.modeldao.app.proposals.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.modeldao.app.artifacts.CardSummary;
import org.modeldao.app.base.ChainLinks;
import org.modeldao.app.base.Copyable;
import org.modeldao.app.base.Formats;
import org.modeldao.app.indexer.ChainText;
import org.modeldao.app.proposals.ProposalAction;
import org.modeldao.app.proposals.ProposalForm;

/**
 * One decoded action on the proposal page, each detail once: an approval reads as a sentence,
 * then its file and card as short hashes with copy buttons and links, then the model card itself
 * (when this app stores it) as a readable card; other actions are their plain-language sentence.
 * Every string came from calldata, so all of it passes {@link ChainText#forDisplay} like any chain text.
 */
final class ActionDetails {

    private ActionDetails() {
    }

    static ListItem of(ProposalAction action, Function<String, Optional<CardSummary>> cards) {
        ListItem item = new ListItem();
        item.addClassName("proposal-action");
        if (action instanceof ProposalAction.ApproveVersion a) {
            item.add(new Span(text("Approve model " + a.model() + " v" + a.version() + " (" + a.format() + ")")),
                    file("Model file", "artifact", a.artifactSha256(), a.artifactUri()),
                    file("Model card", "card", a.cardSha256(), a.cardUri()));
            cards.apply(a.cardSha256()).filter(c -> !c.sections().isEmpty()).ifPresent(card -> item.add(card(card)));
        } else {
            item.add(new Span(text(action.describe())));
        }
        return item;
    }

    /**
     * The description without its closing list of actions when that list is exactly the decoded
     * calls (as the wizard writes it): the page lists them once, under "What it does". A list that
     * differs from the calls in any way stays, so a description can never hide what it claims.
     */
    static Optional<String> withoutRepeatedActions(String description, List<ProposalAction> actions) {
        String text = description == null ? "" : description.stripTrailing();
        String list = ProposalForm.actionList(actions).stripTrailing();
        if (actions.isEmpty() || !text.endsWith("\n" + list)) {
            return Optional.empty();
        }
        return Optional.of(text.substring(0, text.length() - list.length()).stripTrailing());
    }

    private static Div file(String label, String kind, String sha256, String uri) {
        Div line = new Div(new Span(label + ": sha256 "), new Copyable(sha256, Formats.shortHash(sha256), label.toLowerCase() + " sha256"),
                new Span(" · "), ChainLinks.uri(text(uri), "download"));
        line.addClassName("action-" + kind);
        return line;
    }

    /** The card as sections with headings: what voters read before approving (summary, intended use, limits…). */
    private static Div card(CardSummary summary) {
        Div card = new Div(new H4("Model card"));
        card.addClassName("model-card");
        for (CardSummary.Section section : summary.sections()) {
            Div part = new Div(new Span(section.heading()), new Div(text(section.text())));
            part.addClassName("model-card-section");
            card.add(part);
        }
        return card;
    }

    private static String text(String chainText) {
        return ChainText.forDisplay(chainText);
    }
}
