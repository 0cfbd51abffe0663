package org.modeldao.app.dashboard.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;

/** One part of the dashboard: a titled section (its heading names it for screen readers too). */
class Panel extends Section {

    Panel(String id, String title) {
        setId(id);
        addClassName("panel");
        H3 heading = new H3(title);
        heading.setId(id + "-title");
        getElement().setAttribute("aria-labelledby", heading.getId().orElseThrow());
        add(heading);
    }

    /** What the panel shows when there is nothing yet, and what to do about it. */
    static Paragraph emptyState(String text, Component... action) {
        Paragraph empty = new Paragraph(text + " ");
        empty.addClassName("empty-state");
        empty.add(action);
        return empty;
    }

    static Paragraph note(String text) {
        Paragraph note = new Paragraph(text);
        note.addClassName("muted");
        return note;
    }
}
