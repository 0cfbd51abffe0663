package org.modeldao.app.shell.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.modeldao.app.readmodel.ProposalReadModel;
import org.modeldao.app.support.AppOnDevChain;
import org.modeldao.app.support.DevChainFixture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The app by keyboard alone, in a real headless Chromium at 1,280 px and at a 390 px phone width: Tab reaches every
 * visible, enabled control of each page and each focused control shows a focus indicator ({@link KeyboardWalk}); at
 * phone width the menu drawer opens, closes and navigates by keyboard; and a member chooses her vote, writes her
 * reason and casts it with Tab, Space, typing and Enter only.
 */
class KeyboardBrowserIT extends AppOnDevChain {

    private static final Logger log = LoggerFactory.getLogger(KeyboardBrowserIT.class);
    private static WalkBrowser browser;
    private static List<BigInteger> open;

    @Autowired
    ProposalReadModel readModel;

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    /** Two proposals open for votes that the proposer has not voted on (one to tab through, one to vote on), made once. */
    private synchronized List<BigInteger> openProposals() {
        if (open == null) {
            var scenario = new AccessibilityScenario("keyboard walk");
            open = scenario.active("tab walk", "keyboard vote");
            scenario.awaitIndexed(readModel);
            browser = new WalkBrowser(baseUrl());
        }
        return open;
    }

    @Test
    void tab_reaches_every_control_of_every_page_and_each_shows_where_the_focus_is_at_desktop_and_phone_width() {
        BigInteger proposal = openProposals().getFirst();
        List<String> problems = new ArrayList<>();
        for (int width : new int[] {WalkBrowser.DESKTOP, WalkBrowser.PHONE}) {
            long started = System.nanoTime();
            Page visitor = browser.anonymous();
            WalkBrowser.width(visitor, width);
            walk(visitor, width, "/sign-in", "#dev-account input", problems);
            walk(visitor, width, "/no-such-page", "#not-found", problems);
            visitor.context().close();

            Page member = browser.signedIn(DevChainFixture.shared().proposer());
            WalkBrowser.width(member, width);
            walk(member, width, "/", "#my-votes", problems);
            walk(member, width, "/proposals", "#new-proposal", problems);
            walk(member, width, "/proposal/" + proposal, "#vote-choice", problems);
            walk(member, width, "/proposals/new", "#title input", problems);
            walk(member, width, "/catalog", "#catalog, #catalog-empty", problems);
            walk(member, width, "/delegates", "#delegate-gasless", problems);
            walk(member, width, "/history", "#history", problems);
            walk(member, width, "/my-tokens", "#token-label", problems);
            member.context().close();
            log.info("keyboard walk of 10 pages at {} px in {} ms", width, (System.nanoTime() - started) / 1_000_000);
        }
        assertThat(problems).withFailMessage(() -> "keyboard problems:\n" + String.join("\n", problems)).isEmpty();
    }

    @Test
    void a_member_votes_with_the_keyboard_alone() {
        BigInteger proposal = openProposals().getLast();
        Page member = browser.signedIn(DevChainFixture.shared().proposer());
        browser.open(member, "/proposal/" + proposal, "#vote-choice");

        tabUntilFocusIsIn(member, "#vote-choice");
        member.keyboard().press("Space");
        PlaywrightAssertions.assertThat(member.locator("#vote-choice vaadin-radio-button[checked]")).hasText("For");
        tabUntilFocusIsIn(member, "#vote-reason");
        member.keyboard().type("Chosen, written and cast by keyboard");
        tabUntilFocusIsIn(member, "#vote-wallet");
        member.keyboard().press("Enter");

        PlaywrightAssertions.assertThat(member.locator("#own-vote")).containsText("You voted For with ",
                new LocatorAssertions.ContainsTextOptions().setTimeout(30_000));
        member.screenshot(new Page.ScreenshotOptions().setPath(AccessibilityBrowserIT.RESULTS.resolve("voted-by-keyboard-1280.png"))
                .setFullPage(true));
        member.context().close();
    }

    /**
     * At phone width the navigation sits in a drawer that covers the page when open: its toggle opens it by keyboard,
     * Escape closes it again, and Tab then Enter on an entry leads to that page.
     */
    @Test
    void at_phone_width_the_menu_opens_closes_and_leads_to_a_page_by_keyboard() {
        openProposals();
        Page member = browser.signedIn(DevChainFixture.shared().proposer());
        WalkBrowser.width(member, WalkBrowser.PHONE);
        browser.open(member, "/", "#my-votes");
        Locator layout = member.locator("vaadin-app-layout");
        PlaywrightAssertions.assertThat(layout).not().hasAttribute("drawer-opened", "");

        tabUntilFocusIsIn(member, "vaadin-drawer-toggle");
        member.keyboard().press("Enter");
        PlaywrightAssertions.assertThat(layout).hasAttribute("drawer-opened", "");
        member.keyboard().press("Escape");
        PlaywrightAssertions.assertThat(layout).not().hasAttribute("drawer-opened", "");

        tabUntilFocusIsIn(member, "vaadin-drawer-toggle");
        member.keyboard().press("Space");
        PlaywrightAssertions.assertThat(layout).hasAttribute("drawer-opened", "");
        tabUntilFocusIsIn(member, "vaadin-side-nav-item[path='proposals']");
        member.screenshot(new Page.ScreenshotOptions().setPath(AccessibilityBrowserIT.RESULTS.resolve("menu-by-keyboard-390.png")));
        member.keyboard().press("Enter");
        member.waitForURL(Pattern.compile(".*/proposals$"));
        member.locator("#new-proposal").waitFor();
        PlaywrightAssertions.assertThat(layout).not().hasAttribute("drawer-opened", "");
        member.context().close();
    }

    @Test
    void the_walk_notices_a_control_tab_skips_and_one_that_shows_no_focus() {
        openProposals();
        Page visitor = browser.anonymous();
        browser.open(visitor, "/no-such-page", "#not-found");
        visitor.evaluate("""
                () => {
                  const skipped = document.createElement('button');
                  skipped.id = 'skipped-by-tab';
                  skipped.textContent = 'Skipped';
                  skipped.tabIndex = -1;
                  const bare = document.createElement('button');
                  bare.id = 'no-focus-ring';
                  bare.textContent = 'Bare';
                  bare.style.cssText = 'outline: none; box-shadow: none; border: none; background: none; color: inherit';
                  document.querySelector('#not-found').append(skipped, bare);
                }""");
        KeyboardWalk.Report report = KeyboardWalk.walk(visitor);
        assertThat(report.unreached()).containsExactly("button#skipped-by-tab \"Skipped\"");
        assertThat(report.noFocusIndicator()).containsExactly("button#no-focus-ring \"Bare\"");
        visitor.context().close();
    }

    private static void walk(Page page, int width, String path, String ready, List<String> problems) {
        browser.open(page, path, ready);
        KeyboardWalk.Report report = KeyboardWalk.walk(page);
        log.info("{} at {} px: {} controls, {} Tab stops", path, width, report.controls(), report.stops());
        if (!report.unreached().isEmpty()) {
            problems.add(path + " at " + width + " px: not reached by Tab: " + report.unreached());
        }
        if (!report.noFocusIndicator().isEmpty()) {
            problems.add(path + " at " + width + " px: no visible focus indicator on: " + report.noFocusIndicator());
        }
    }

    /** Presses Tab (at most 60 times) until the focused element is inside {@code selector}, never clicking or calling focus(). */
    private static void tabUntilFocusIsIn(Page page, String selector) {
        for (int press = 0; press < 60; press++) {
            page.keyboard().press("Tab");
            boolean inside = (Boolean) page.evaluate("""
                    selector => {
                      const target = document.querySelector(selector);
                      let active = document.activeElement;
                      while (active && active.shadowRoot && active.shadowRoot.activeElement) active = active.shadowRoot.activeElement;
                      for (let e = active; e; e = e.parentElement || (e.getRootNode() instanceof ShadowRoot ? e.getRootNode().host : null)) {
                        if (e === target) return true;
                      }
                      return false;
                    }""", selector);
            if (inside) {
                return;
            }
        }
        throw new AssertionError("60 presses of Tab never reached " + selector);
    }
}
