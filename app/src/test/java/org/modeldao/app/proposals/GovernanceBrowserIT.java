package org.modeldao.app.proposals;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.modeldao.app.indexer.IndexerFixture;
import org.modeldao.demomodels.DemoModels;
import org.modeldao.app.readmodel.ProposalReadModel;
import org.modeldao.app.readmodel.RegistryReadModel;
import org.modeldao.contracts.GovernanceProposal;
import org.modeldao.contracts.RegistryActions;
import org.modeldao.contracts.RegistryKinds.ConstraintKind;
import org.modeldao.contracts.wrappers.ModelRegistry;
import org.modeldao.app.support.IndexedHeads;
import org.springframework.beans.factory.annotation.Autowired;
import org.modeldao.app.GovernanceChainFixture;
import org.modeldao.contracts.ProposalState;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Keys;

/**
 * The whole flow in a real headless Chromium against the app and a real dev chain: the admin
 * signs in with the dev wallet, uploads a model and its card and proposes its approval; three
 * accounts vote (two gasless by signature, one from the wallet); the proposal is queued and
 * executed from the page, and the catalog shows the version approved. Screenshots go to
 * target/screenshots.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:governance-browser-it;DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
        "modeldao.indexer.poll-interval=200ms"})
@ActiveProfiles("dev")
class GovernanceBrowserIT {

    private static final Path SCREENSHOTS = Paths.get(System.getProperty("modeldao.screenshots.dir", "target/screenshots"));
    private static GovernanceChainFixture dao;
    private static Playwright playwright;
    private static Browser chromium;

    @LocalServerPort
    int port;
    @Autowired
    ProposalQueries queries;
    @Autowired
    ProposalReadModel readModel;
    @Autowired
    RegistryReadModel registryReadModel;

    @DynamicPropertySource
    static void chain(DynamicPropertyRegistry registry) throws Exception {
        dao = GovernanceChainFixture.start();
        Path descriptor = Files.createTempFile("governance-browser-it-", ".json");
        dao.deployment.write(descriptor);
        Path artifacts = Files.createTempDirectory("artifacts-");
        registry.add("modeldao.chain.deployment-file", descriptor::toString);
        registry.add("modeldao.identity.admin-addresses", () -> Keys.toChecksumAddress(dao.admin.getAddress()));
        registry.add("modeldao.artifacts.directory", artifacts::toString);
    }

    @BeforeAll
    static void openBrowser() {
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        chromium = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(Paths.get("/usr/bin/chromium"))
                .setHeadless(true).setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run")));
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
    void the_admin_proposes_a_model_three_accounts_vote_and_the_catalog_shows_it_approved() throws Exception {
        Files.createDirectories(SCREENSHOTS);
        Path model = Files.createTempFile("iris-classifier-", ".onnx");
        Files.write(model, DemoModels.iris("2").artifactBytes());

        Page admin = signIn(dao.admin);
        admin.navigate(url("/proposals/new"));
        admin.locator("#title input").fill("Approve iris-classifier v2");
        admin.locator("#rationale textarea").fill("Better accuracy on versicolor; card attached.");
        choose(admin, "#action-type", "Approve a model version");
        admin.locator("#model input").fill("iris-classifier");
        admin.locator("#version input").fill("2");
        admin.locator("#artifact-upload input[type=file]").setInputFiles(model);
        admin.locator("vaadin-upload-file[complete]").waitFor();
        admin.locator("#model-inputs").filter(new Locator.FilterOptions().setHasText("input float32 [-1, 4]")).waitFor();
        admin.locator("#card-summary textarea").fill("Logistic regression on the iris measurements");
        admin.locator("#card-intended-use textarea").fill("Teaching and demos");
        admin.locator("#card-limitations textarea").fill("Three species only");
        admin.locator("#card-license input").fill("Apache-2.0");
        admin.locator("#add-action").click();
        admin.locator("#draft-actions li").filter(new Locator.FilterOptions().setHasText("Approve model iris-classifier v2")).waitFor();
        admin.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("propose-wizard.png")).setFullPage(true));
        admin.locator("#submit-proposal").click();
        admin.locator("#proposal-title").waitFor(new Locator.WaitForOptions().setTimeout(30_000));
        assertThat(admin.locator("#proposal-actions").textContent()).contains("Approve model iris-classifier v2 (onnx), artifact sha256 0x");
        assertThat(admin.locator(".proposal-description").textContent())
                .contains("ONNX graph of iris-classifier v2: inputs: input float32 [-1, 4]; outputs: output float32 [-1, 3]");
        String proposalPath = admin.url().substring(admin.url().indexOf("/proposal/"));
        var proposalId = new java.math.BigInteger(proposalPath.substring("/proposal/".length()));

        dao.devGovernance.startVoting(proposalId);
        awaitIndexed();
        vote(admin, proposalPath, "For", "Card documents its limits", "#vote-gasless");
        // the third voter starts writing her vote; another member's vote arrives (pushed) before she sends it
        Page third = signIn(dao.members.get(1));
        fillVote(third, proposalPath, "Against", "Want more evaluation data");
        assertThat(third.locator("#gasless-budget").textContent()).contains("ETH left today for gas the relayer pays");
        assertThat(third.locator("#vote-reason").evaluate("field => field.maxlength")).isEqualTo(1000);
        String tallyBefore = third.locator("#tally").textContent();
        vote(signIn(dao.members.get(0)), proposalPath, "For", "", "#vote-gasless");
        awaitIndexed();
        PlaywrightAssertions.assertThat(third.locator("#tally")).not().hasText(tallyBefore,
                new LocatorAssertions.HasTextOptions().setTimeout(30_000));
        assertThat(third.locator("#vote-reason textarea").inputValue()).isEqualTo("Want more evaluation data");
        assertThat(third.locator("#vote-choice vaadin-radio-button[checked]").textContent()).contains("Against");
        submitVote(third, "#vote-wallet");
        third.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("proposal-voted.png")).setFullPage(true));
        awaitIndexed();
        assertThat(queries.countVotes(proposalId)).isEqualTo(3);
        PlaywrightAssertions.assertThat(third.locator("#own-vote")).containsText("You voted Against with ",
                new LocatorAssertions.ContainsTextOptions().setTimeout(30_000));
        assertThat(third.locator("#vote-choice").count()).isZero();

        dao.devGovernance.endVoting(proposalId);
        awaitIndexed();
        admin.navigate(url(proposalPath));
        admin.locator("#queue").click();
        waitForState(proposalId, ProposalState.QUEUED);
        dao.chain.increaseTime(dao.governor.timelockDelay().plus(Duration.ofSeconds(1)));
        awaitIndexed();
        admin.navigate(url(proposalPath));
        admin.locator("#execute").click();
        waitForState(proposalId, ProposalState.EXECUTED);
        awaitIndexed();
        admin.navigate(url(proposalPath));
        assertThat(admin.locator("#proposal-state").textContent()).isEqualTo("executed");
        admin.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("proposal-executed.png")).setFullPage(true));

        admin.navigate(url("/proposals"));
        admin.locator("#proposals vaadin-grid-cell-content").filter(new Locator.FilterOptions().setHasText("Approve iris-classifier v2"))
                .first().waitFor();
        assertThat(admin.locator("#proposals vaadin-grid-cell-content").filter(new Locator.FilterOptions().setHasText("executed"))
                .count()).isPositive();

        admin.navigate(url("/catalog"));
        Locator card = admin.locator("#model-iris-classifier");
        card.waitFor();
        assertThat(card.textContent()).contains("Current version: none", "approved");
        card.locator("vaadin-grid-cell-content").filter(new Locator.FilterOptions().setHasText("approved")).first().waitFor();
        String executedIn = readModel.proposal(proposalId).orElseThrow().executedTx();
        Locator approvalTx = card.locator("a.decision-tx").first();
        assertThat(approvalTx.getAttribute("title")).isEqualTo(executedIn);
        assertThat(card.locator("a.decision-proposal").first().getAttribute("href")).isEqualTo("proposal/" + proposalId);
        admin.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("catalog.png")).setFullPage(true));
        approvalTx.click();
        admin.waitForURL(u -> u.endsWith("/history?text=" + executedIn));
        admin.locator("#history vaadin-grid-cell-content").filter(new Locator.FilterOptions().setHasText("Approved iris-classifier 2"))
                .first().waitFor();
        assertThat(admin.locator("#history-text input").inputValue()).isEqualTo(executedIn);

        admin.navigate(url("/history"));
        admin.locator("#history-text input").fill("iris-classifier");
        admin.locator("#history-filter").click();
        admin.locator("vaadin-grid-cell-content").filter(new Locator.FilterOptions().setHasText("Approved iris-classifier 2")).first().waitFor();
        admin.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("history.png")).setFullPage(true));
    }

    @Test
    void files_that_are_not_models_or_cards_are_refused_with_a_visible_message_and_nothing_is_proposed() throws Exception {
        Path folder = Files.createTempDirectory("wizard-uploads-");
        Path text = Files.writeString(folder.resolve("notes.txt"), "just some notes\n");
        Path fakeModel = Files.writeString(folder.resolve("not-a-model.onnx"), "this is not a model, just 37 bytes.\n");
        Path brokenCard = Files.writeString(folder.resolve("card.json"), "{\"name\": \"iris\",\n version: \"2\"}");
        Path model = Files.write(folder.resolve("model.onnx"), DemoModels.iris("2").artifactBytes());
        awaitIndexed();
        long proposalsBefore = queries.count();

        Page admin = signIn(dao.admin);
        admin.navigate(url("/proposals/new"));
        admin.locator("#title input").fill("Approve iris v2");
        admin.locator("#rationale textarea").fill("Tuned version.");
        choose(admin, "#action-type", "Approve a model version");
        admin.locator("#model input").fill("iris");
        admin.locator("#version input").fill("2");

        admin.locator("#artifact-upload input[type=file]").setInputFiles(text);
        visibleMessage(admin, "#artifact-error", "notes.txt was not accepted");
        admin.locator("#artifact-upload input[type=file]").setInputFiles(fakeModel);
        visibleMessage(admin, "#artifact-error", "not-a-model.onnx: This file is not an ONNX model that can be served: "
                + "it does not parse as an ONNX protobuf");
        admin.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("upload-refused.png")).setFullPage(true));
        admin.locator("#card-license input").fill("Apache-2.0");
        admin.locator("#add-action").click();
        expectError(admin, "Upload the model file first");
        assertThat(admin.locator("#draft-actions li").count()).isZero();

        admin.locator("#artifact-upload input[type=file]").setInputFiles(model);
        admin.locator("#model-inputs").filter(new Locator.FilterOptions().setHasText("Inputs: input float32 [-1, 4]")).waitFor();
        assertThat(admin.locator("#model-outputs").textContent()).isEqualTo("Outputs: output float32 [-1, 3]");
        assertThat(admin.locator("#artifact-error").isVisible()).isFalse();
        admin.locator("#card-upload input[type=file]").setInputFiles(brokenCard);
        visibleMessage(admin, "#card-error", "card.json: The model card file is not valid JSON: unexpected character 'v' where a field "
                + "name in double quotes should start (line 2, column 2)");
        admin.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("upload-signature.png")).setFullPage(true));
        admin.locator("#add-action").click();
        // without a card file the card fields are needed: the broken file was discarded, not stored
        expectError(admin, "The model card needs: Summary");
        assertThat(admin.locator("#draft-actions li").count()).isZero();
        admin.locator("#submit-proposal").click();
        expectError(admin, "A proposal needs at least one action");
        awaitIndexed();
        assertThat(queries.count()).isEqualTo(proposalsBefore);
    }

    private static void visibleMessage(Page page, String selector, String text) {
        PlaywrightAssertions.assertThat(page.locator(selector)).containsText(text,
                new LocatorAssertions.ContainsTextOptions().setTimeout(20_000));
        PlaywrightAssertions.assertThat(page.locator(selector)).isVisible();
    }

    @Test
    void a_holder_delegates_to_herself_by_signature_from_the_delegates_page() throws Exception {
        Credentials holder = dao.members.get(3);
        Page page = signIn(holder);
        page.navigate(url("/delegates"));
        String budgetBefore = page.locator("#gasless-budget").textContent();
        assertThat(budgetBefore).contains("of 0.05 ETH left today");
        page.locator("#delegate-gasless").click();
        page.locator("vaadin-notification-card").filter(new Locator.FilterOptions().setHasText("Delegation relayed")).first()
                .waitFor(new Locator.WaitForOptions().setTimeout(30_000));
        PlaywrightAssertions.assertThat(page.locator("#gasless-budget")).not().hasText(budgetBefore);
        // the same delegation again would change nothing: refused before signing, with the reason
        page.locator("#delegate-gasless").click();
        page.locator("vaadin-notification-card").filter(new Locator.FilterOptions().setHasText("nothing would change")).first()
                .waitFor(new Locator.WaitForOptions().setTimeout(30_000));

        assertThat(org.modeldao.app.proposals.Votes.format(dao.governor.currentVotes(holder.getAddress()))).isEqualTo("15,000");
        Locator holderRow = page.locator("#delegates vaadin-grid-cell-content").filter(new Locator.FilterOptions()
                .setHasText(Keys.toChecksumAddress(holder.getAddress()))).first();
        holderRow.waitFor();
        holderRow.click();
        Locator delegators = page.locator("#delegators-" + holder.getAddress().toLowerCase() + " vaadin-grid-cell-content");
        delegators.filter(new Locator.FilterOptions().setHasText("15,000")).first().waitFor();
        assertThat(delegators.allTextContents()).contains(Keys.toChecksumAddress(holder.getAddress()), "15,000");
        Files.createDirectories(SCREENSHOTS);
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("delegates.png")).setFullPage(true));
    }

    @Test
    void the_wizard_turns_policy_and_constraint_forms_into_the_right_actions_and_refuses_bad_input() throws Exception {
        String model = "wizard-model";
        var registry = new RegistryActions(dao.deployment.registry());
        dao.devGovernance.pass(dao.admin, List.of(dao.admin, dao.members.get(0), dao.members.get(1)), new GovernanceProposal(List.of(
                registry.approveVersion(IndexerFixture.version(model, "1")),
                registry.addConstraint(model, new ModelRegistry.EthicalConstraint(BigInteger.ZERO, ConstraintKind.MIN_CONFIDENCE.code(), "",
                        BigInteger.valueOf(500_000), BigInteger.ZERO, List.of(), "abstain below 50 %"))),
                "Approve wizard-model v1 with a confidence floor"));
        awaitIndexed();
        BigInteger constraintId = registryReadModel.constraints(model, false).getFirst().id();
        long proposalsBefore = queries.count();

        Page admin = signIn(dao.admin);
        admin.navigate(url("/proposals/new"));
        admin.locator("#title input").fill("Govern wizard-model access");
        admin.locator("#rationale textarea").fill("Token holders only; a stricter confidence floor.");

        admin.locator("#add-action").click();
        fieldError(admin, "#action-type", "Choose an action first");
        choose(admin, "#action-type", "Set an access policy");
        admin.locator("#model input").fill(model);
        choose(admin, "#policy-kind", "Token holders");
        admin.locator("#min-votes input").fill("100");
        // both bad numbers are marked at once, on their fields; "1.5" is not read as 15
        admin.locator("#requests-per-minute input").fill("1.5");
        admin.locator("#max-batch input").fill("99999999999");
        admin.locator("#add-action").click();
        fieldError(admin, "#requests-per-minute", "Enter a whole number from 1 to 4,294,967,295");
        fieldError(admin, "#max-batch", "Enter a whole number from 1 to 4,294,967,295");
        admin.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("wizard-field-errors.png")).setFullPage(true));
        assertThat(admin.locator("#draft-actions li").count()).isZero();
        admin.locator("#requests-per-minute input").fill("60");
        admin.locator("#max-batch input").fill("8");
        admin.locator("#add-action").click();
        draftAction(admin, "Set the access policy of model wizard-model: holders of at least 100 votes may call it, at most 60");

        choose(admin, "#action-type", "Add an ethical constraint");
        admin.locator("#model input").fill(model);
        admin.locator("#constraint-kind input").fill("Minimum confidence");
        admin.locator("vaadin-combo-box-item").filter(new Locator.FilterOptions().setHasText("Minimum confidence")).first().click();
        admin.locator("#constraint-min input").fill("1.5");
        admin.locator("#rationale-constraint textarea").fill("Abstain when unsure");
        admin.locator("#add-action").click();
        expectError(admin, "A minimum confidence must lie in (0, 1]");
        assertThat(admin.locator("#draft-actions li").count()).isEqualTo(1);
        admin.locator("#constraint-min input").fill("0.7");
        admin.locator("#add-action").click();
        draftAction(admin, "Add ethical constraint to model wizard-model: abstain below confidence 0.7 (Abstain when unsure)");

        choose(admin, "#action-type", "Remove an ethical constraint");
        admin.locator("#model input").fill(model);
        admin.locator("#constraint-id input").fill(constraintId.toString());
        admin.locator("#reason textarea").fill("superseded by the 0.7 floor");
        admin.locator("#add-action").click();
        draftAction(admin, "Remove ethical constraint #" + constraintId + " from model wizard-model because: superseded by the 0.7 floor");

        // a draft without a title is refused before anything reaches the wallet or the chain
        admin.locator("#title input").fill("");
        admin.locator("#submit-proposal").click();
        expectError(admin, "Title");
        awaitIndexed();
        assertThat(queries.count()).isEqualTo(proposalsBefore);

        admin.locator("#title input").fill("Govern wizard-model access");
        admin.locator("#submit-proposal").click();
        admin.locator("#proposal-title").waitFor(new Locator.WaitForOptions().setTimeout(30_000));
        assertThat(admin.locator("#proposal-actions li").allTextContents()).containsExactly(
                "Set the access policy of model wizard-model: holders of at least 100 votes may call it, at most 60 requests per minute"
                        + " and 8 inputs per request",
                "Add ethical constraint to model wizard-model: abstain below confidence 0.7 (Abstain when unsure)",
                "Remove ethical constraint #" + constraintId + " from model wizard-model because: superseded by the 0.7 floor");
        admin.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("proposal-policy-constraints.png")).setFullPage(true));
        awaitIndexed();
        assertThat(queries.count()).isEqualTo(proposalsBefore + 1);
    }

    private static void expectError(Page page, String text) {
        page.locator("vaadin-notification-card[theme~=error]").filter(new Locator.FilterOptions().setHasText(text)).first()
                .waitFor(new Locator.WaitForOptions().setTimeout(10_000));
    }

    private static void fieldError(Page page, String field, String text) {
        page.locator(field + "[invalid] [slot=error-message]").filter(new Locator.FilterOptions().setHasText(text)).first()
                .waitFor(new Locator.WaitForOptions().setTimeout(10_000));
    }

    private static void draftAction(Page page, String text) {
        page.locator("#draft-actions li").filter(new Locator.FilterOptions().setHasText(text)).first()
                .waitFor(new Locator.WaitForOptions().setTimeout(10_000));
    }

    private Page signIn(Credentials account) {
        BrowserContext context = chromium.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900));
        Page page = context.newPage();
        String address = Keys.toChecksumAddress(account.getAddress());
        page.navigate(url("/sign-in"));
        page.locator("#dev-account input").fill(address);
        page.locator("vaadin-combo-box-item").filter(new Locator.FilterOptions().setHasText(address)).first().click();
        page.locator("#dev-sign-in").click();
        page.locator("#signed-in-address").waitFor(new Locator.WaitForOptions().setTimeout(30_000));
        return page;
    }

    private void vote(Page page, String proposalPath, String choice, String reason, String button) {
        fillVote(page, proposalPath, choice, reason);
        submitVote(page, button);
    }

    private void fillVote(Page page, String proposalPath, String choice, String reason) {
        page.navigate(url(proposalPath));
        page.locator("#vote-choice vaadin-radio-button").filter(new Locator.FilterOptions().setHasText(choice)).click();
        if (!reason.isEmpty()) {
            page.locator("#vote-reason textarea").fill(reason);
        }
    }

    private static void submitVote(Page page, String button) {
        page.locator(button).click();
        // the progress line beside the buttons says sent or failed; once the ballot is indexed the form gives way to "You voted"
        Locator outcome = page.locator("#own-vote, #vote-status:has-text('sent'), #vote-status:has-text('failed')").first();
        outcome.waitFor(new Locator.WaitForOptions().setTimeout(30_000));
        assertThat(outcome.textContent()).doesNotContain("failed");
    }

    private static void choose(Page page, String select, String item) {
        page.locator(select).click();
        page.locator("vaadin-select-item").filter(new Locator.FilterOptions().setHasText(item)).click();
    }

    private static void waitForState(java.math.BigInteger proposalId, ProposalState state) throws InterruptedException {
        for (int i = 0; i < 100 && dao.governor.state(proposalId) != state; i++) {
            Thread.sleep(100);
        }
        assertThat(dao.governor.state(proposalId)).isEqualTo(state);
    }

    /** The pages read the app's read model: wait until its indexer has reached the chain's latest block. */
    private void awaitIndexed() {
        IndexedHeads.await(readModel, dao.governor.blockNumber(), () -> { });
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
