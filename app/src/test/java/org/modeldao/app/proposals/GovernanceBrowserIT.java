package org.modeldao.app.proposals;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.modeldao.app.indexer.IndexerFixture;
import org.modeldao.app.support.HeadlessChromium;
import org.modeldao.demomodels.DemoModels;
import org.modeldao.app.readmodel.ProposalReadModel;
import org.modeldao.app.readmodel.RegistryReadModel;
import org.modeldao.contracts.GovernanceProposal;
import org.modeldao.contracts.RegistryActions;
import org.modeldao.contracts.RegistryKinds.ConstraintKind;
import org.modeldao.contracts.wrappers.ModelRegistry;
import org.modeldao.app.support.IndexedHeads;
import org.modeldao.app.base.Formats;
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
    @Autowired
    ProposalService proposalService;
    @Autowired
    org.modeldao.app.artifacts.ArtifactService artifacts;

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
        recordStatuses(admin, "submit-status");
        admin.locator("#submit-proposal").click();
        admin.locator("#proposal-title").waitFor(new Locator.WaitForOptions().setTimeout(30_000));
        // the wizard said each step of the pending transaction before the proposal's page opened
        // (its "confirmed in block N" arrives with the navigation, which the wizard waits for)
        assertThat(statuses(admin, "submit-status")).contains("Waiting for your wallet…", "Proposal sent · waiting for a block to include it…");
        assertThat(admin.locator("#proposal-actions").textContent()).contains("Approve model iris-classifier v2 (onnx)",
                "Model file: sha256 0x", "Model card: sha256 0x");
        // the card filled in the wizard, read back from the store as a card
        PlaywrightAssertions.assertThat(admin.locator("#proposal-actions .model-card")).containsText("SummaryLogistic regression on the iris measurements");
        assertThat(admin.locator("#proposal-actions .model-card").textContent()).contains("Intended useTeaching and demos",
                "LimitationsThree species only", "LicenceApache-2.0");
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
        recordStatuses(third, "vote-status");
        submitVote(third, "#vote-wallet");
        PlaywrightAssertions.assertThat(third.locator("#own-vote")).containsText("You voted Against with ",
                new LocatorAssertions.ContainsTextOptions().setTimeout(30_000));
        // the form gives way to "You voted" once indexed, which may come before the browser shows the later steps
        assertThat(statuses(third, "vote-status")).contains("Waiting for your wallet…");
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
        PlaywrightAssertions.assertThat(admin.locator("#queue-status")).containsText("Queue sent · confirmed in block",
                new LocatorAssertions.ContainsTextOptions().setTimeout(30_000));
        assertThat(admin.locator("#queue-tx a.tx-history-link").getAttribute("href")).startsWith("history?text=0x");
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
        visibleMessage(admin, "#action-error", "Upload the model file first");
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
        visibleMessage(admin, "#action-error", "The model card needs: Summary");
        assertThat(admin.locator("#draft-actions li").count()).isZero();
        admin.locator("#submit-proposal").click();
        visibleMessage(admin, "#submit-error", "A proposal needs at least one action");
        // every refusal sits beside its field or button: no toast covers the navigation
        assertThat(admin.locator("vaadin-notification-card").count()).isZero();
        admin.setViewportSize(390, 844);
        admin.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("upload-refused-390.png")).setFullPage(true));
        awaitIndexed();
        assertThat(queries.count()).isEqualTo(proposalsBefore);
    }

    @Test
    void the_proposal_page_counts_down_from_block_times_copies_ids_and_shows_each_action_and_the_card_once() throws Exception {
        Files.createDirectories(SCREENSHOTS);
        var iris = DemoModels.iris("2");
        var published = artifacts.publish(new java.io.ByteArrayInputStream(iris.artifactBytes()), java.util.Optional.empty(), "onnx",
                iris.name(), iris.version(), org.modeldao.app.artifacts.UploadedCard.of(iris.name(), iris.version(), iris.cardBytes()));
        var approve = new ProposalAction.ApproveVersion(published.model(), published.version(), published.artifactSha256(),
                published.artifactUri(), published.cardSha256(), published.cardUri(), published.format());
        String longLine = "sha256:" + "0123456789abcdef".repeat(12);
        // a known pace: 100 blocks one second apart, so the estimates count seconds
        rpc("hardhat_mine", "\"0x64\"", "\"0x1\"");
        var draft = proposalService.draft(dao.admin.getAddress(), new ProposalForm("Serve the card-checked iris v2",
                "Pinned build log:\n\n```\n" + longLine + "\n```", List.of(approve)));
        dao.sendFromWallet(dao.admin, draft.transaction());
        awaitIndexed();

        List<String> clientMessages = new java.util.concurrent.CopyOnWriteArrayList<>();
        Page page = signIn(dao.members.get(2));
        page.onRequest(request -> clientMessages.add(request.url()));
        page.onWebSocket(socket -> socket.onFrameSent(frame -> clientMessages.add("websocket frame")));
        page.navigate(url("/proposal/" + draft.proposalId()));
        page.locator("#proposal-title").waitFor(new Locator.WaitForOptions().setTimeout(30_000));
        Locator timeLeft = page.locator("#time-left");
        PlaywrightAssertions.assertThat(timeLeft).containsText("Voting ", new LocatorAssertions.ContainsTextOptions().setTimeout(30_000));
        assertThat(timeLeft.textContent()).containsPattern("estimated from an average of [12] s per block over the last 100 blocks");
        assertThat(page.locator("#timeline").textContent()).contains("○ Voting ends · block ", "(estimate)");

        // the countdown ticks in the browser: the text changes while the browser sends the server nothing
        String before = page.locator("#timeline .step-countdown").last().textContent();
        clientMessages.clear();
        page.waitForTimeout(2_500);
        assertThat(page.locator("#timeline .step-countdown").last().textContent()).isNotEqualTo(before);
        assertThat(clientMessages).isEmpty();

        // the 78-digit id is shown short; its copy button (reached by keyboard) puts the whole id on the clipboard
        assertThat(page.locator("#proposal-id").textContent()).contains(Formats.shortId(draft.proposalId().toString()))
                .doesNotContain(draft.proposalId().toString());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Copy proposal id")).focus();
        page.keyboard().press("Enter");
        PlaywrightAssertions.assertThat(page.locator("#proposal-id [role=status]")).hasText("Copied",
                new LocatorAssertions.HasTextOptions().setTimeout(10_000));
        assertThat(page.evaluate("() => navigator.clipboard.readText()")).isEqualTo(draft.proposalId().toString());
        page.locator("#proposal-actions .copy-button").first().click();
        assertThat(page.evaluate("() => navigator.clipboard.readText()")).isEqualTo(published.artifactSha256());

        // each hash once, short; the description's own list of the same action is not repeated; the card reads as a card
        Locator actions = page.locator("#proposal-actions");
        assertThat(actions.textContent()).doesNotContain(published.artifactSha256()).doesNotContain(published.cardSha256());
        assertThat(page.locator(".proposal-description").textContent()).doesNotContain("## Actions").doesNotContain("Approve model")
                .contains(longLine);
        PlaywrightAssertions.assertThat(page.locator("#actions-shown-once")).isVisible();
        Locator card = actions.locator(".model-card");
        assertThat(card.textContent()).contains("Intended use", "Out of scope", "Licence", "Labels", "Inputsinput FP32 [-1, 4]");
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("proposal-page-1280.png")).setFullPage(true));

        // at phone width nothing runs off the page: the long preformatted line wraps
        page.setViewportSize(390, 844);
        page.waitForTimeout(300);
        assertThat((Boolean) page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")).isTrue();
        assertThat((Boolean) page.evaluate("() => { const pre = document.querySelector('.proposal-description pre');"
                + " return pre.scrollWidth <= pre.clientWidth + 1; }")).isTrue();
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("proposal-page-390.png")).setFullPage(true));
    }

    private void rpc(String method, String... params) throws Exception {
        var body = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"" + method + "\",\"params\":[" + String.join(",", params) + "]}";
        var response = java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1).build().send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(dao.chain.rpcUrl()))
                .header("Content-Type", "application/json").POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(response.body()).contains("\"result\"");
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
        recordStatuses(page, "delegate-status");
        page.locator("#delegate-gasless").click();
        PlaywrightAssertions.assertThat(page.locator("#delegate-status")).containsText("Delegation sent · confirmed in block",
                new LocatorAssertions.ContainsTextOptions().setTimeout(30_000));
        assertThat(statuses(page, "delegate-status")).contains("Waiting for your wallet…");
        assertThat(page.locator("#delegate-gasless").isDisabled()).as("sending twice would only be refused").isTrue();
        PlaywrightAssertions.assertThat(page.locator("#gasless-budget")).not().hasText(budgetBefore);
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("delegation-confirmed.png")).setFullPage(true));
        // the same delegation again would change nothing: refused before signing, with the reason, on the same line
        page.reload();
        page.locator("#delegate-gasless").click();
        PlaywrightAssertions.assertThat(page.locator("#delegate-status")).containsText("nothing would change",
                new LocatorAssertions.ContainsTextOptions().setTimeout(30_000));
        assertThat(page.locator("#delegate-status").textContent()).startsWith("Delegation failed: ");
        assertThat(page.locator("#delegate-gasless").isEnabled()).isTrue();
        assertThat(page.locator("vaadin-notification-card").count()).isZero();

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
        page.setViewportSize(390, 844);
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("delegates-390.png")).setFullPage(true));
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
        admin.locator("#min-votes input").fill("a hundred");
        // both bad numbers are marked at once, on their fields; "1.5" is not read as 15
        admin.locator("#requests-per-minute input").fill("1.5");
        admin.locator("#max-batch input").fill("99999999999");
        admin.locator("#add-action").click();
        fieldError(admin, "#requests-per-minute", "Enter a whole number from 1 to 4,294,967,295");
        fieldError(admin, "#max-batch", "Enter a whole number from 1 to 4,294,967,295");
        fieldError(admin, "#min-votes", "Enter a number of votes above 0, e.g. 1000 or 0.5");
        admin.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("wizard-field-errors.png")).setFullPage(true));
        assertThat(admin.locator("#draft-actions li").count()).isZero();
        admin.locator("#min-votes input").fill("100");
        admin.locator("#requests-per-minute input").fill("60");
        admin.locator("#max-batch input").fill("8");
        admin.locator("#add-action").click();
        draftAction(admin, "Set the access policy of model wizard-model: holders of at least 100 votes may call it, at most 60");

        choose(admin, "#action-type", "Add an ethical constraint");
        admin.locator("#model input").fill(model);
        admin.locator("#constraint-kind input").fill("Minimum confidence");
        admin.locator("vaadin-combo-box-item").filter(new Locator.FilterOptions().setHasText("Minimum confidence")).first().click();
        // only the kind's own field is shown, and a confidence above 1 is refused on it
        assertThat(admin.locator("#constraint-min").isVisible()).isFalse();
        admin.locator("#constraint-confidence input").fill("1.5");
        admin.locator("#rationale-constraint textarea").fill("Abstain when unsure");
        admin.locator("#add-action").click();
        fieldError(admin, "#constraint-confidence", "Enter a confidence above 0 and at most 1");
        assertThat(admin.locator("#draft-actions li").count()).isEqualTo(1);
        admin.locator("#constraint-confidence input").fill("0.7");
        admin.locator("#add-action").click();
        draftAction(admin, "Add ethical constraint to model wizard-model: abstain below confidence 0.7 (Abstain when unsure)");

        choose(admin, "#action-type", "Remove an ethical constraint");
        admin.locator("#model input").fill(model);
        admin.locator("#constraint-id input").fill(constraintId.toString());
        admin.locator("#reason textarea").fill("superseded by the 0.7 floor");
        admin.locator("#add-action").click();
        draftAction(admin, "Remove ethical constraint #" + constraintId + " from model wizard-model because: superseded by the 0.7 floor");

        // added actions are cards: one more is added and removed, and the last is moved up by keyboard and back down
        choose(admin, "#action-type", "Set the current version");
        admin.locator("#model input").fill(model);
        admin.locator("#version input").fill("1");
        admin.locator("#add-action").click();
        draftAction(admin, "Make v1 the current version of model wizard-model");
        admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Remove action 4")).click();
        PlaywrightAssertions.assertThat(admin.locator("#draft-actions li")).hasCount(3);
        admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Move action 3 up")).focus();
        admin.keyboard().press("Enter");
        PlaywrightAssertions.assertThat(admin.locator("#draft-actions li").nth(1)).containsText("Remove ethical constraint");
        admin.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("wizard-action-cards.png")).setFullPage(true));
        admin.setViewportSize(390, 844);
        admin.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("wizard-action-cards-390.png")).setFullPage(true));
        admin.setViewportSize(1280, 900);
        admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Move action 2 down")).focus();
        admin.keyboard().press("Space");
        PlaywrightAssertions.assertThat(admin.locator("#draft-actions li").nth(2)).containsText("Remove ethical constraint");

        // a draft without a title is refused before anything reaches the wallet or the chain
        admin.locator("#title input").fill("");
        admin.locator("#submit-proposal").click();
        visibleMessage(admin, "#submit-error", "Title");
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

    /** Keeps every text the element with {@code id} shows, however briefly, so a test can check each step was said. */
    private static void recordStatuses(Page page, String id) {
        page.evaluate("""
                id => {
                  window.__statuses = window.__statuses || {};
                  const seen = window.__statuses[id] = [];
                  const note = () => {
                    const el = document.getElementById(id);
                    const text = el ? el.textContent : null;
                    if (text && seen[seen.length - 1] !== text) seen.push(text);
                  };
                  new MutationObserver(note).observe(document.body, {subtree: true, childList: true, characterData: true});
                  note();
                }""", id);
    }

    @SuppressWarnings("unchecked")
    private static List<String> statuses(Page page, String id) {
        return (List<String>) page.evaluate("id => window.__statuses[id]", id);
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
        context.grantPermissions(List.of("clipboard-read", "clipboard-write"));
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
