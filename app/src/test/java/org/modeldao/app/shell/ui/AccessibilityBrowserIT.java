package org.modeldao.app.shell.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.math.BigInteger;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.modeldao.app.readmodel.ProposalReadModel;
import org.modeldao.app.support.AppOnDevChain;
import org.modeldao.app.support.DevChainFixture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every page of the app in a real headless Chromium, anonymous and signed in where they differ, at 1,280 and 390 px:
 * axe-core's WCAG 2 A/AA rules (and its best practices) find no serious or critical violation, and at 390 px nothing
 * is wider than the window. The axe results (JSON) and a full-page
 * screenshot of each page at each width go to target/accessibility/ ({@code <page>-<width>.axe.json}, {@code .png}).
 * Runs in the shared app of the ITs ({@link AppOnDevChain}) with proposals it makes on the shared dev chain.
 */
class AccessibilityBrowserIT extends AppOnDevChain {

    private static final Logger log = LoggerFactory.getLogger(AccessibilityBrowserIT.class);
    static final Path RESULTS = Paths.get(System.getProperty("modeldao.screenshots.dir", "target/screenshots"))
            .resolveSibling("accessibility");
    private static final List<String> ACTION_KINDS = List.of("Approve a model version", "Revoke a version", "Set the current version",
            "Set an access policy", "Add an ethical constraint", "Remove an ethical constraint");
    private static WalkBrowser browser;
    private static Proposals proposals;

    @Autowired
    ProposalReadModel readModel;

    private record Proposals(BigInteger executed, BigInteger defeated, BigInteger voted, BigInteger open) {
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    /** An executed, a defeated and two open proposals (one with a vote), made once for this class. */
    private synchronized Proposals proposals() {
        if (proposals == null) {
            var scenario = new AccessibilityScenario("accessibility walk");
            BigInteger executed = scenario.executed();
            BigInteger defeated = scenario.defeated();
            List<BigInteger> active = scenario.active("voted", "open");
            scenario.voteFor(active.getFirst(), "Fine by me: v1 has been **superseded**.");
            scenario.awaitIndexed(readModel);
            proposals = new Proposals(executed, defeated, active.getFirst(), active.getLast());
            browser = new WalkBrowser(baseUrl());
        }
        return proposals;
    }

    @Test
    void the_public_pages_have_no_serious_or_critical_violations_at_desktop_and_phone_width() {
        Proposals made = proposals();
        AxeCheck axe = new AxeCheck(RESULTS);
        long started = System.nanoTime();
        Page page = browser.anonymous();
        walk(axe, page, "home", "/", "#dashboard");
        walk(axe, page, "sign-in", "/sign-in", "#dev-account input");
        walk(axe, page, "proposals", "/proposals", "#proposals vaadin-grid-cell-content:has-text('" + AccessibilityScenario.MODEL + "')");
        walk(axe, page, "proposal-active", "/proposal/" + made.voted(), "#tally");
        walk(axe, page, "proposal-executed", "/proposal/" + made.executed(), "#proposal-state:has-text('executed')");
        walk(axe, page, "proposal-defeated", "/proposal/" + made.defeated(), "#proposal-state:has-text('defeated')");
        walk(axe, page, "catalog", "/catalog", "#model-" + AccessibilityScenario.MODEL);
        walk(axe, page, "delegates", "/delegates", "#delegates vaadin-grid-cell-content");
        walk(axe, page, "history", "/history", "#history vaadin-grid-cell-content");
        walk(axe, page, "not-found", "/no-such-page", "#not-found");
        page.context().close();
        report(axe, started);
    }

    @Test
    void the_pages_of_a_signed_in_member_have_no_serious_or_critical_violations() {
        Proposals made = proposals();
        AxeCheck axe = new AxeCheck(RESULTS);
        long started = System.nanoTime();
        Page page = browser.signedIn(DevChainFixture.shared().proposer());
        walk(axe, page, "home-member", "/", "#my-votes");
        walk(axe, page, "proposals-member", "/proposals", "#new-proposal");
        walk(axe, page, "proposal-voted-member", "/proposal/" + made.voted(), "#own-vote");
        walk(axe, page, "proposal-vote-form", "/proposal/" + made.open(), "#vote-choice");
        walk(axe, page, "delegates-member", "/delegates", "#delegate-gasless");
        walk(axe, page, "my-tokens", "/my-tokens", "#token-label");
        page.context().close();
        report(axe, started);
    }

    @Test
    void the_new_proposal_wizard_has_no_serious_or_critical_violations_with_any_action_form() {
        proposals();
        AxeCheck axe = new AxeCheck(RESULTS);
        long started = System.nanoTime();
        Page page = browser.signedIn(DevChainFixture.shared().admin());
        walk(axe, page, "wizard", "/proposals/new", "#title input");
        for (String kind : ACTION_KINDS) {
            WalkBrowser.width(page, WalkBrowser.DESKTOP);
            page.locator("#action-type").click();
            page.locator("vaadin-select-item").filter(new Locator.FilterOptions().setHasText(kind)).click();
            // the form is what is checked, not the picker's list on its way out: its closing animation can outlast
            // the round trip, and axe would then find the list box (unnamed while it closes) still on screen
            page.waitForFunction("() => [...document.querySelectorAll('vaadin-select-list-box')]"
                    + ".every(list => list.getClientRects().length === 0)", null,
                    new Page.WaitForFunctionOptions().setTimeout(WalkBrowser.WAIT_MS));
            WalkBrowser.settle(page);
            String name = "wizard-" + kind.toLowerCase().replaceAll("[^a-z]+", "-");
            checkAtBothWidths(axe, page, name);
        }
        page.context().close();
        report(axe, started);
    }

    private void walk(AxeCheck axe, Page page, String name, String path, String ready) {
        WalkBrowser.width(page, WalkBrowser.DESKTOP);
        browser.open(page, path, ready);
        checkAtBothWidths(axe, page, name);
    }

    private static void checkAtBothWidths(AxeCheck axe, Page page, String name) {
        axe.check(page, name + "-" + WalkBrowser.DESKTOP);
        WalkBrowser.width(page, WalkBrowser.PHONE);
        axe.check(page, name + "-" + WalkBrowser.PHONE);
        axe.checkNoSidewaysScrolling(page, name + "-" + WalkBrowser.PHONE);
    }

    private static void report(AxeCheck axe, long started) {
        log.info("axe checked {} page states in {} ms; results in {}", axe.pagesChecked(), (System.nanoTime() - started) / 1_000_000,
                RESULTS.toAbsolutePath());
        assertThat(axe.violations()).as("serious or critical axe violations (results in %s)", RESULTS.toAbsolutePath())
                .withFailMessage(() -> "serious or critical axe violations (results in " + RESULTS.toAbsolutePath() + "):\n"
                        + String.join("\n", axe.violations()))
                .isEmpty();
    }
}
