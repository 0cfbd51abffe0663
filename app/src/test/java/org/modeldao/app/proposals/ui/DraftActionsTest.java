package org.modeldao.app.proposals.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.textfield.TextField;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.modeldao.app.proposals.ProposalAction;

class DraftActionsTest {

    private final DraftActions drafts = new DraftActions();

    @Test
    void added_actions_move_up_and_down_by_their_named_buttons_and_can_be_removed() {
        for (String version : new String[] {"1", "2", "3"}) {
            drafts.add(new ProposalAction.SetCurrentVersion("iris", version), Optional.empty(), SimpleActionForms.setCurrent());
        }

        assertThat(button("Move action 1 up").isEnabled()).isFalse();
        assertThat(button("Move action 3 down").isEnabled()).isFalse();
        button("Move action 3 up").click();
        assertThat(versions()).containsExactly("1", "3", "2");
        button("Move action 1 down").click();
        assertThat(versions()).containsExactly("3", "1", "2");
        button("Remove action 2").click();
        assertThat(versions()).containsExactly("3", "2");
        assertThat(drafts.getChildren().count()).isEqualTo(2);
    }

    @Test
    void an_edited_action_is_rebuilt_from_its_form_and_a_refused_edit_keeps_the_old_action() {
        ActionForm form = SimpleActionForms.setCurrent();
        TextField model = find(form.component(), "model");
        TextField version = find(form.component(), "version");
        model.setValue("iris");
        version.setValue("1");
        drafts.add(form.build(), Optional.empty(), form);

        button("Edit action 1").click();
        version.setValue("");
        button("Save changes to action 1").click();
        assertThat(versions()).containsExactly("1");
        Component error = descendants(drafts).filter(c -> c.getClassNames().contains("draft-error")).findFirst().orElseThrow();
        assertThat(error.isVisible()).isTrue();
        assertThat(error.getElement().getText()).contains("Version");

        version.setValue("4");
        button("Save changes to action 1").click();
        assertThat(versions()).containsExactly("4");
        assertThat(descendants(drafts).filter(c -> c == form.component())).isEmpty();
    }

    private Stream<String> versionsStream() {
        return drafts.actions().stream().map(a -> ((ProposalAction.SetCurrentVersion) a).version());
    }

    private java.util.List<String> versions() {
        return versionsStream().toList();
    }

    private Button button(String accessibleName) {
        return descendants(drafts).filter(Button.class::isInstance).map(Button.class::cast)
                .filter(b -> accessibleName.equals(b.getAriaLabel().orElse(""))).findFirst().orElseThrow(() -> new AssertionError(accessibleName));
    }

    @SuppressWarnings("unchecked")
    private static <T extends Component> T find(Component root, String id) {
        return (T) descendants(root).filter(c -> c.getId().filter(id::equals).isPresent()).findFirst().orElseThrow();
    }

    private static Stream<Component> descendants(Component root) {
        return Stream.concat(Stream.of(root), root.getChildren().flatMap(DraftActionsTest::descendants));
    }
}
