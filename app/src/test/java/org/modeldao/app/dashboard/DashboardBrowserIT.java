package org.modeldao.app.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.modeldao.app.GovernanceChainFixture;
import org.modeldao.app.indexer.IndexerFixture;
import org.modeldao.app.readmodel.ProposalReadModel;
import org.modeldao.app.support.HeadlessChromium;
import org.modeldao.app.support.IndexedHeads;
import org.modeldao.app.support.SilentServer;
import org.modeldao.contracts.GovernanceProposal;
import org.modeldao.contracts.RegistryActions;
import org.modeldao.contracts.VoteType;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Keys;

/**
 * The home page in a real headless Chromium, against the app on its own dev chain: one decision
 * executed (iris-classifier v1 approved and made current), one proposal open with one vote cast,
 * one holder who never delegated. The gateway the app is pointed at accepts connections and never
 * answers, so the page must render without it and then say it is not reachable, for its state and its traffic. Also the way in:
 * a protected page sends an anonymous visitor to a sign-in page with the normal header, and
 * signing in leads back to that page. Screenshots at 1280 and 390 px wide go to target/screenshots.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:dashboard-browser-it;DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
        "modeldao.indexer.poll-interval=200ms", "modeldao.gateway.timeout=700ms"})
@ActiveProfiles("dev")
class DashboardBrowserIT {

    private static final Path SCREENSHOTS = Paths.get(System.getProperty("modeldao.screenshots.dir", "target/screenshots"));
    private static final String DECIDED = "Approve iris-classifier v1 and serve it";
    private static final String OPEN = "Serve iris-classifier v1 to token holders only";
    private static GovernanceChainFixture dao;
    private static SilentServer gateway;
    private static Playwright playwright;
    private static Browser chromium;
    private static boolean prepared;

    @LocalServerPort
    int port;
    @Autowired
    ProposalReadModel readModel;

    @DynamicPropertySource
    static void chain(DynamicPropertyRegistry registry) throws Exception {
        dao = GovernanceChainFixture.start();
        gateway = new SilentServer();
        Path descriptor = Files.createTempFile("dashboard-browser-it-", ".json");
        dao.deployment.write(descriptor);
        registry.add("modeldao.chain.deployment-file", descriptor::toString);
        registry.add("modeldao.gateway.url", () -> "http://127.0.0.1:" + gateway.port());
    }

    @BeforeAll
    static void openBrowser() throws IOException {
        Files.createDirectories(SCREENSHOTS);
        playwright = HeadlessChromium.playwright();
        chromium = playwright.chromium().launch(HeadlessChromium.launchOptions());
    }

    @AfterAll
    static void close() throws IOException {
        if (playwright != null) {
            playwright.close();
        }
        if (gateway != null) {
            gateway.close();
        }
        if (dao != null) {
            dao.close();
        }
    }

    /** One executed decision, one open proposal that members[0] voted for; members[3] never delegated. */
    private synchronized void prepare() {
        if (prepared) {
            return;
        }
        var registry = new RegistryActions(dao.deployment.registry());
        dao.devGovernance.pass(dao.admin, List.of(dao.admin, dao.members.get(0), dao.members.get(1)), new GovernanceProposal(List.of(
                registry.approveVersion(IndexerFixture.version("iris-classifier", "1")),
                registry.setCurrentVersion("iris-classifier", "1")), DECIDED));
        BigInteger open = dao.devGovernance.propose(dao.admin, new GovernanceProposal(List.of(
                registry.setCurrentVersion("iris-classifier", "1")), OPEN));
        dao.devGovernance.startVoting(open);
        dao.devGovernance.vote(dao.members.get(0), open, VoteType.FOR, "fine by me");
        IndexedHeads.await(readModel, dao.governor.blockNumber(), () -> { });
        prepared = true;
    }

    @Test
    void a_visitor_sees_open_proposals_with_time_left_the_models_and_the_decisions_even_with_a_silent_gateway() {
        prepare();
        for (int width : new int[] {1280, 390}) {
            Page page = chromium.newContext(new Browser.NewContextOptions().setViewportSize(width, width > 600 ? 1100 : 1700)).newPage();
            page.navigate(url("/"));

            Locator open = page.locator("#open-proposals li").filter(new Locator.FilterOptions().setHasText(OPEN));
            open.waitFor(new Locator.WaitForOptions().setTimeout(30_000));
            assertThat(open.locator(".time-left").textContent()).matches(
                    "Ends (in about .+ \\(estimated from recent block times; block [\\d,]+, \\d+ blocks? from now\\)"
                            + "|at block [\\d,]+, \\d+ blocks? from now)");
            assertThat(page.locator("#open-proposals .my-vote").count()).as("no vote status for a visitor").isZero();
            assertThat(page.locator("#my-power").textContent()).contains("Sign in with your Ethereum wallet");
            assertThat(page.locator("#my-power a").getAttribute("href")).startsWith("sign-in");

            Locator served = page.locator("#served-iris-classifier");
            assertThat(served.textContent()).contains("The DAO's current version: 1");
            // the gateway never answers: the page is already there, and says so once the timeout has passed
            PlaywrightAssertions.assertThat(served.locator(".gateway-state")).hasAttribute("data-status", "unreachable",
                    new LocatorAssertions.HasAttributeOptions().setTimeout(15_000));
            assertThat(served.locator(".gateway-state").textContent()).startsWith("Gateway not reachable: no answer from http://127.0.0.1:");
            // and so does the model's traffic, asked of the same silent gateway
            PlaywrightAssertions.assertThat(served.locator(".gateway-traffic")).hasAttribute("data-status", "unreachable",
                    new LocatorAssertions.HasAttributeOptions().setTimeout(15_000));
            assertThat(served.locator(".gateway-traffic").textContent()).isEqualTo("Traffic unknown: gateway not reachable");
            assertThat(served.locator(".gateway-traffic").getAttribute("title")).startsWith("no answer from http://127.0.0.1:");

            Locator decision = page.locator("#recent-decisions li").filter(new Locator.FilterOptions().setHasText(DECIDED));
            assertThat(decision.textContent()).contains("Executed ", "(chain time)");
            assertThat(decision.locator("a.address").getAttribute("href")).matches("history\\?text=0x[0-9a-f]{64}");
            assertThat(page.locator("#home-link").isVisible()).isTrue();
            assertNoSidewaysScrolling(page);
            page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("dashboard-visitor-" + width + ".png")).setFullPage(true));
            page.context().close();
        }
    }

    @Test
    void a_member_sees_how_she_voted_and_her_voting_power() {
        prepare();
        Page voter = signIn(dao.members.get(0), 1280);
        voter.navigate(url("/"));
        Locator open = voter.locator("#open-proposals li").filter(new Locator.FilterOptions().setHasText(OPEN));
        open.waitFor(new Locator.WaitForOptions().setTimeout(30_000));
        assertThat(open.locator(".my-vote").textContent()).isEqualTo("You voted For");
        assertThat(voter.locator("#my-votes").textContent()).isEqualTo("You vote with 15,000 votes and hold 15,000 tokens.");
        assertThat(voter.locator("#my-delegation").textContent()).contains("Your tokens vote through you");
        assertThat(voter.locator("#delegate-prompt").count()).isZero();
        voter.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("dashboard-member-1280.png")).setFullPage(true));

        Page admin = signIn(dao.admin, 390);
        admin.navigate(url("/"));
        Locator notVoted = admin.locator("#open-proposals li").filter(new Locator.FilterOptions().setHasText(OPEN)).locator(".my-vote");
        notVoted.waitFor(new Locator.WaitForOptions().setTimeout(30_000));
        assertThat(notVoted.textContent()).isEqualTo("You have not voted yet");
        assertThat(admin.locator("#my-votes").textContent()).isEqualTo("You vote with 40,000 votes and hold 40,000 tokens.");
        assertNoSidewaysScrolling(admin);
        admin.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("dashboard-member-390.png")).setFullPage(true));
    }

    @Test
    void a_holder_who_never_delegated_is_asked_to_and_led_to_the_delegates_page() {
        prepare();
        Page holder = signIn(dao.members.get(3), 1280);
        holder.navigate(url("/"));
        Locator prompt = holder.locator("#delegate-prompt");
        prompt.waitFor(new Locator.WaitForOptions().setTimeout(30_000));
        assertThat(prompt.textContent()).contains("do not count in any vote until you delegate them");
        assertThat(holder.locator("#my-votes").textContent()).isEqualTo("You vote with 0 votes and hold 15,000 tokens.");
        holder.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("dashboard-delegate-prompt-1280.png")).setFullPage(true));
        prompt.locator("a").click();
        holder.waitForURL(Pattern.compile(".*/delegates$"));
    }

    @Test
    void opening_a_protected_page_anonymously_leads_through_sign_in_back_to_that_page() {
        for (int width : new int[] {1280, 390}) {
            Page page = chromium.newContext(new Browser.NewContextOptions().setViewportSize(width, 900)).newPage();
            page.navigate(url("/my-tokens"));
            page.locator("#dev-account input").waitFor(new Locator.WaitForOptions().setTimeout(30_000));
            assertThat(page.url()).contains("/sign-in");
            // the sign-in page has the header of every page, with its way home, and no link to itself
            assertThat(page.locator("#home-link").isVisible()).isTrue();
            assertThat(page.locator("#sign-in-link").isVisible()).isFalse();
            assertNoSidewaysScrolling(page);
            page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("sign-in-" + width + ".png")).setFullPage(true));

            signInOnThisPage(page, dao.members.get(0));
            page.waitForURL(Pattern.compile(".*/my-tokens$"), new Page.WaitForURLOptions().setTimeout(30_000));
            page.locator("#token-label").waitFor();
            page.context().close();
        }
    }

    @Test
    void a_click_to_a_protected_page_inside_the_app_also_leads_back_to_it_after_sign_in() {
        Page page = chromium.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900)).newPage();
        page.navigate(url("/"));
        page.locator("#dashboard").waitFor(new Locator.WaitForOptions().setTimeout(30_000));
        page.locator("vaadin-side-nav-item[path='my-tokens']").click();
        page.locator("#dev-account input").waitFor(new Locator.WaitForOptions().setTimeout(30_000));

        signInOnThisPage(page, dao.members.get(1));
        page.waitForURL(Pattern.compile(".*/my-tokens$"), new Page.WaitForURLOptions().setTimeout(30_000));
        page.locator("#token-label").waitFor();
    }

    @Test
    void the_sign_in_page_leads_home_and_refuses_to_send_a_member_off_site() {
        Page page = chromium.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900)).newPage();
        page.navigate(url("/sign-in"));
        page.locator("#home-link").click();
        page.locator("#dashboard").waitFor(new Locator.WaitForOptions().setTimeout(30_000));

        page.navigate(url("/sign-in?return=%2F%2Fevil.example%2Fphish"));
        signInOnThisPage(page, dao.members.get(2));
        page.locator("#dashboard").waitFor(new Locator.WaitForOptions().setTimeout(30_000));
        assertThat(page.url()).startsWith(url("/")).doesNotContain("evil");
    }

    private Page signIn(Credentials account, int width) {
        BrowserContext context = chromium.newContext(new Browser.NewContextOptions().setViewportSize(width, width > 600 ? 1100 : 1700));
        Page page = context.newPage();
        page.navigate(url("/sign-in"));
        signInOnThisPage(page, account);
        page.locator("#signed-in-address").waitFor(new Locator.WaitForOptions().setTimeout(30_000));
        return page;
    }

    private static void signInOnThisPage(Page page, Credentials account) {
        String address = Keys.toChecksumAddress(account.getAddress());
        page.locator("#dev-account input").fill(address);
        page.locator("vaadin-combo-box-item").filter(new Locator.FilterOptions().setHasText(address)).first().click();
        page.locator("#dev-sign-in").click();
    }

    /** Nothing of the page may be wider than the window: at 390 px a phone would have to scroll sideways. */
    private static void assertNoSidewaysScrolling(Page page) {
        Object overflow = page.evaluate("() => [...document.querySelectorAll('.page, .page *')]"
                + ".filter(e => e.getBoundingClientRect().right > window.innerWidth + 1).map(e => e.tagName + '#' + e.id + '.' + e.className)");
        assertThat((List<?>) overflow).as("elements reaching past the right edge at " + page.viewportSize().width + " px").isEmpty();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
