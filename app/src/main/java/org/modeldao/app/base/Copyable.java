package org.modeldao.app.base;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;

/**
 * A shortened id or hash with a button that copies the whole value. The copy runs in the browser
 * (Clipboard API, in the click itself so the browser allows it) with no server round trip; a
 * polite live region then says "Copied" for screen readers and sighted members alike. The full
 * value is the text's tooltip.
 */
public final class Copyable extends Span {

    /** Runs once per button; falls back to a hidden text area where the Clipboard API is missing (plain http). */
    private static final String INSTALL = """
            const button = this, value = $0, status = $1;
            button.addEventListener('click', async () => {
              try {
                await navigator.clipboard.writeText(value);
              } catch (e) {
                const area = document.createElement('textarea');
                area.value = value;
                area.setAttribute('readonly', '');
                area.style.position = 'fixed';
                area.style.opacity = '0';
                document.body.appendChild(area);
                area.select();
                document.execCommand('copy');
                area.remove();
              }
              status.textContent = 'Copied';
              clearTimeout(status.__clear);
              status.__clear = setTimeout(() => status.textContent = '', 3000);
            });
            """;

    /**
     * @param value what is copied (the full id or hash)
     * @param shown what is shown (usually {@link Formats#shortId} or {@link Formats#shortHash})
     * @param what  what it is, for the button's accessible name ("Copy proposal id")
     */
    public Copyable(String value, String shown, String what) {
        addClassName("copyable");
        Span text = new Span(shown);
        text.setTitle(value);
        text.addClassName("copyable-text");
        text.getStyle().set("font-family", "var(--lumo-font-family-monospace, monospace)");
        Button copy = new Button("Copy");
        copy.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL);
        copy.addClassName("copy-button");
        copy.setAriaLabel("Copy " + what);
        copy.getElement().setAttribute("title", "Copy the full " + what);
        copy.getStyle().set("margin-inline-start", "var(--lumo-space-xs)");
        Span status = new Span();
        status.addClassName("copy-status");
        status.getElement().setAttribute("role", "status");
        status.getElement().setAttribute("aria-live", "polite");
        status.getStyle().set("margin-inline-start", "var(--lumo-space-xs)").set("color", "var(--lumo-success-text-color)")
                .set("font-size", "var(--lumo-font-size-s)");
        add(text, copy, status);
        copy.getElement().executeJs(INSTALL, value, status.getElement());
    }
}
