package org.modeldao.app.proposals;

import java.util.List;

/**
 * What the propose wizard collects.
 *
 * @param title     one line, becomes the description's heading
 * @param rationale why members should vote for it
 * @param actions   what it does, in order
 */
public record ProposalForm(String title, String rationale, List<ProposalAction> actions) {

    public ProposalForm {
        title = ActionInputs.text("Title", title);
        ActionInputs.check(!title.contains("\n"), "Title must be a single line");
        rationale = ActionInputs.text("Rationale", rationale);
        actions = actions == null ? List.of() : List.copyOf(actions);
        ActionInputs.check(!actions.isEmpty(), "A proposal needs at least one action");
        ActionInputs.check(actions.stream().noneMatch(a -> a instanceof ProposalAction.UnrecognizedCall),
                "Proposals built here only carry registry actions");
    }

    /** The on-chain description: Markdown heading, rationale, then every action in plain language. */
    public String description() {
        return "# " + title + "\n\n" + rationale + "\n\n" + actionList(actions);
    }

    /** The description's closing section: every action in plain language, numbered (pages may show it once, elsewhere). */
    public static String actionList(List<ProposalAction> actions) {
        StringBuilder text = new StringBuilder("## Actions\n");
        for (int i = 0; i < actions.size(); i++) {
            text.append(i + 1).append(". ").append(actions.get(i).describe()).append('\n');
        }
        return text.toString();
    }
}
