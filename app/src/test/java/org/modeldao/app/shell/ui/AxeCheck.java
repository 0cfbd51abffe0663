package org.modeldao.app.shell.ui;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Page;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs axe-core (Deque's engine, shipped in its jar: nothing is downloaded) on the page as it is, with the WCAG 2.0,
 * 2.1 and 2.2 level A and AA rules and axe's best practices; writes its results as JSON and a full-page screenshot beside them; and keeps a
 * description of every serious or critical violation, with each node it was found on, for one failure at the end.
 */
final class AxeCheck {

    /** WCAG 2.0, 2.1 and 2.2 at levels A and AA, and axe's best practices (landmarks, headings) for the record. */
    static final List<String> RULES = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa", "best-practice");
    /** Vaadin's development-mode tools (Copilot), on the page in the dev profile the tests run in, never in production. */
    private static final List<String> NOT_THE_APP = List.of("copilot-main", "vaadin-dev-tools");
    private static final Set<String> BLOCKING = Set.of("serious", "critical");

    private static final Logger log = LoggerFactory.getLogger(AxeCheck.class);

    private final Path folder;
    private final JsonMapper json = JsonMapper.builder().build();
    private final List<String> violations = new ArrayList<>();
    private int pagesChecked;

    AxeCheck(Path folder) {
        this.folder = folder;
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Checks the page as it is now; {@code name} names the JSON and PNG files ({@code name.axe.json}, {@code name.png}). */
    void check(Page page, String name) {
        long started = System.nanoTime();
        AxeBuilder axe = new AxeBuilder(page).withTags(RULES);
        NOT_THE_APP.forEach(axe::exclude);
        AxeResults results = axe.analyze();
        long analysed = System.nanoTime();
        pagesChecked++;
        try {
            Files.writeString(folder.resolve(name + ".axe.json"), json.writerWithDefaultPrettyPrinter().writeValueAsString(results));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        screenshot(page, folder.resolve(name + ".png"));
        log.info("{}: axe {} ms, JSON and screenshot {} ms", name, (analysed - started) / 1_000_000, (System.nanoTime() - analysed) / 1_000_000);
        if (results.isErrored()) {
            violations.add(name + ": axe did not finish: " + results.getErrorMessage());
        }
        for (Rule rule : results.getViolations()) {
            if (BLOCKING.contains(rule.getImpact())) {
                violations.add(describe(name, rule));
            }
        }
    }

    /** Notes every element of the page reaching past the window's right edge: on a phone it would scroll sideways. */
    void checkNoSidewaysScrolling(Page page, String name) {
        // the view (the app layout's child without a slot) and all it holds, except inside grids, which scroll their own columns
        Object overflow = page.evaluate("() => [...document.querySelectorAll('vaadin-app-layout > :not([slot]), vaadin-app-layout > :not([slot]) *')]"
                + ".filter(e => !e.parentElement.closest('vaadin-grid') && e.getBoundingClientRect().right > window.innerWidth + 1)"
                + ".map(e => e.localName + (e.id ? '#' + e.id : '') + (e.className ? '.' + String(e.className).trim().replace(/\\s+/g, '.') : ''))");
        if (!((List<?>) overflow).isEmpty()) {
            violations.add(name + ": wider than the window (" + page.viewportSize().width + " px): " + overflow);
        }
    }

    /**
     * A screenshot of the whole page: the app layout scrolls its content inside the window, so the window is made as
     * tall as that content for the shot (at most 8,000 px) and given back its height after.
     */
    private static void screenshot(Page page, Path file) {
        int width = page.viewportSize().width;
        int height = page.viewportSize().height;
        int hidden = ((Number) page.evaluate("""
                () => {
                  let most = 0;
                  const visit = root => root.querySelectorAll('*').forEach(e => {
                    if (e.scrollHeight > e.clientHeight + 1 && /(auto|scroll)/.test(getComputedStyle(e).overflowY)) {
                      most = Math.max(most, e.scrollHeight - e.clientHeight);
                    }
                    if (e.shadowRoot) visit(e.shadowRoot);
                  });
                  visit(document);
                  return most;
                }""")).intValue();
        if (hidden > 0) {
            page.setViewportSize(width, Math.min(height + hidden, 8_000));
        }
        page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
        if (hidden > 0) {
            page.setViewportSize(width, height);
        }
    }

    int pagesChecked() {
        return pagesChecked;
    }

    /** Every serious or critical violation found so far, one paragraph each; empty when there was none. */
    List<String> violations() {
        return List.copyOf(violations);
    }

    private static String describe(String page, Rule rule) {
        StringBuilder text = new StringBuilder().append(page).append(": ").append(rule.getId()).append(" (").append(rule.getImpact())
                .append(") ").append(rule.getHelp()).append(" — ").append(rule.getHelpUrl());
        for (CheckedNode node : rule.getNodes()) {
            text.append("\n    at ").append(node.getTarget()).append(": ").append(node.getHtml())
                    .append("\n       ").append(String.valueOf(node.getFailureSummary()).replace("\n", "\n       "));
        }
        return text.toString();
    }
}
