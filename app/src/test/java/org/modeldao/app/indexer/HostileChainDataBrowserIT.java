package org.modeldao.app.indexer;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.modeldao.app.readmodel.ProposalReadModel;
import org.modeldao.app.support.HeadlessChromium;
import org.modeldao.app.support.IndexedHeads;
import org.modeldao.contracts.VoteType;
import org.modeldao.contracts.wrappers.ModelRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The pages render what an attacker put on the chain, in a real headless Chromium against the
 * whole app (its own indexer polling a real Hardhat node): a proposal page with NUL reasons, a
 * 100 KB reason and a description full of control characters; a catalog whose voted card URI is
 * {@code javascript:} (shown as text, never a link); the governance history page listing a quarantined vote.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:hostile-browser-it;DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
        "modeldao.indexer.poll-interval=200ms"})
@ActiveProfiles("dev")
class HostileChainDataBrowserIT {

    private static final Path SCREENSHOTS = Paths.get(System.getProperty("modeldao.screenshots.dir", "target/screenshots"));
    private static final String REFUSED_REASON = "refused by the test database";
    private static final String SCRIPT_URI = "javascript:alert(document.domain)";

    private static IndexerFixture dao;
    private static Playwright playwright;
    private static Browser chromium;

    @LocalServerPort
    int port;
    @Autowired
    ProposalReadModel readModel;
    @Autowired
    DataSource dataSource;

    @DynamicPropertySource
    static void chain(DynamicPropertyRegistry registry) throws Exception {
        dao = IndexerFixture.start();
        Path descriptor = Files.createTempFile("hostile-browser-it-", ".json");
        dao.deployment.write(descriptor);
        Path artifacts = Files.createTempDirectory("artifacts-");
        registry.add("modeldao.chain.deployment-file", descriptor::toString);
        registry.add("modeldao.artifacts.directory", artifacts::toString);
    }

    @BeforeAll
    static void openBrowser() {
        playwright = HeadlessChromium.playwright();
        chromium = playwright.chromium().launch(HeadlessChromium.launchOptions());
    }

    @AfterAll
    static void close() {
        if (playwright != null) {
            playwright.close();
        }
        if (dao != null) {
            dao.close();
        }
    }

    @Test
    void hostile_reasons_descriptions_and_uris_render_as_plain_text_and_a_quarantined_vote_is_listed_on_the_governance_history_page()
            throws Exception {
        Files.createDirectories(SCREENSHOTS);
        JdbcClient.create(dataSource).sql("ALTER TABLE vote ADD CONSTRAINT test_refuses_one_vote CHECK (reason <> '" + REFUSED_REASON + "')")
                .update();
        BigInteger proposal = dao.propose("# Hostile\u0007 title\u0000\nNUL \u0000, escape \u001b[31m, override \u202e.",
                dao.registryActions.setCurrentVersion("hostile\u0000model", "1"));
        dao.governance.startVoting(proposal);
        dao.governance.vote(dao.members.get(0), proposal, VoteType.FOR, "x\u0000");
        dao.governance.vote(dao.chain.accounts().get(6), proposal, VoteType.AGAINST, "x\u0000");
        dao.governance.vote(dao.members.get(1), proposal, VoteType.FOR, "C".repeat(100 * 1024));
        dao.governance.vote(dao.members.get(2), proposal, VoteType.ABSTAIN, REFUSED_REASON);
        ModelRegistry.VersionSubmission scripted = new ModelRegistry.VersionSubmission("scripted-card", "1",
                IndexerFixture.sha256("artifact"), "https://models.example/scripted-card/1/model.onnx", IndexerFixture.sha256("card"),
                SCRIPT_URI, "onnx");
        dao.pass("# Approve scripted-card 1\nIts card URI is a script.", dao.registryActions.approveVersion(scripted));
        IndexedHeads.await(readModel, dao.chain.blockNumber(), () -> { });

        Page page = chromium.newContext().newPage();
        List<String> dialogs = new ArrayList<>();
        page.onDialog(dialog -> {
            dialogs.add(dialog.message());
            dialog.dismiss();
        });
        page.navigate(url("/proposal/" + proposal));
        page.locator("#votes vaadin-grid-cell-content").filter(new Locator.FilterOptions()
                .setHasText("more characters not stored")).first().waitFor();
        assertThat(page.locator("#proposal-title").textContent()).contains("Hostile\\u0007 title\\u0000");
        // the app's own decoder refuses a model name with NUL and shows the call as unrecognized; either way no raw NUL
        assertThat(page.locator("#proposal-actions").textContent()).doesNotContain("\u0000");
        assertThat(page.locator(".proposal-description").textContent()).contains("NUL \\u0000", "escape \\u001B[31m", "override \\u202E");
        String votes = page.locator("#votes").textContent();
        assertThat(votes).contains("x\\u0000", "more characters not stored]").doesNotContain(REFUSED_REASON);
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("hostile-proposal.png")).setFullPage(true));

        page.navigate(url("/catalog"));
        page.locator("#model-scripted-card").waitFor();
        assertThat(page.locator("a[href^='javascript' i]").count()).isZero();
        assertThat(page.locator("#model-scripted-card .chain-uri-text").textContent()).isEqualTo(SCRIPT_URI);
        assertThat(page.locator("#model-scripted-card .chain-uri-text").isVisible()).isTrue();
        assertThat(page.locator("#model-scripted-card .chain-uri-text").boundingBox().width).isPositive();
        assertThat(page.locator("#model-scripted-card a.chain-link").getAttribute("href"))
                .isEqualTo("https://models.example/scripted-card/1/model.onnx");
        page.locator("#model-scripted-card .chain-uri-text").click();
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("hostile-catalog.png")).setFullPage(true));

        page.navigate(url("/history"));
        page.locator("#quarantine-section").waitFor();
        assertThat(page.locator("#quarantine-section").textContent()).contains("Logs the indexer could not store: 1");
        page.locator("#quarantine-section").click();
        // the grid renders its rows in the browser after the section opens: wait for them before reading
        page.locator("#quarantine vaadin-grid-cell-content").filter(new Locator.FilterOptions().setHasText("test_refuses_one_vote"))
                .first().waitFor();
        assertThat(page.locator("#quarantine").textContent()).contains("GOVERNOR VoteCast", "test_refuses_one_vote");
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("hostile-history.png")).setFullPage(true));
        assertThat(dialogs).isEmpty();
        assertThat(page.url()).endsWith("/history");
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
