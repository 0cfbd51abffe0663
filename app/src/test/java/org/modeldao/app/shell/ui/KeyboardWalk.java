package org.modeldao.app.shell.ui;

import com.microsoft.playwright.Page;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Tabs through a page from its start, as a keyboard user would, until focus comes back round (or leaves the page),
 * and says which visible, enabled controls Tab never reached and which focused elements looked no different from
 * when they had lost focus (no focus indicator). The rules of what counts as a control are in keyboard-walk.js.
 */
final class KeyboardWalk {

    private static final String SCRIPT = read("keyboard-walk.js");

    record Report(int controls, int stops, List<String> unreached, List<String> noFocusIndicator) {

        boolean clean() {
            return unreached.isEmpty() && noFocusIndicator.isEmpty();
        }
    }

    private KeyboardWalk() {
    }

    @SuppressWarnings("unchecked")
    static Report walk(Page page) {
        page.addScriptTag(new Page.AddScriptTagOptions().setContent(SCRIPT));
        int controls = ((Number) page.evaluate("() => window.keyboardWalk.controls")).intValue();
        int maxPresses = controls * 3 + 30;
        int stopsSeen = 0;
        for (int press = 0; press < maxPresses; press++) {
            page.keyboard().press("Tab");
            String where = (String) page.evaluate("() => window.keyboardWalk.step()");
            if ("wrapped".equals(where) || ("body".equals(where) && stopsSeen > 0)) {
                break;
            }
            if (!"body".equals(where)) {
                stopsSeen++;
            }
        }
        Map<String, Object> report = (Map<String, Object>) page.evaluate("() => window.keyboardWalk.report()");
        return new Report(controls, ((Number) report.get("stops")).intValue(), (List<String>) report.get("unreached"),
                (List<String>) report.get("noFocusIndicator"));
    }

    private static String read(String resource) {
        try (InputStream in = KeyboardWalk.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the test resources");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
