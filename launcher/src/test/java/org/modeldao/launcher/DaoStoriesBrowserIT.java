package org.modeldao.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.modeldao.demomodels.DemoModel;
import org.modeldao.demomodels.DemoModels;
import org.modeldao.launcher.report.SystemDescriptor;
import org.web3j.crypto.Keys;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The stories of the whole running DAO, told in headless Chromium against the system
 * {@link LocalDao} starts (dev chain, app and gateway as child JVMs, free ports), each ending
 * in real Open Inference Protocol calls to the gateway. Proposals are made, voted, queued and
 * executed in the app's pages; only the clock is moved through the dev chain's RPC (mining the
 * voting period, passing the timelock). The stories build on each other, in order.
 * Screenshots go to target/screenshots.
 */
@Order(2)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DaoStoriesBrowserIT {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Duration UI_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration GATEWAY_TIMEOUT = Duration.ofSeconds(60);
    /** Dev Governor settings (DeploymentSettings.forDevChain): voting lasts 50 blocks, the timelock 1 minute. */
    private static final int VOTING_PERIOD_BLOCKS = 50;
    private static final Duration PAST_THE_TIMELOCK = Duration.ofSeconds(90);
    /** A versicolor-ish flower: iris v1 and v2 give it different probabilities. */
    private static final double[] FLOWER = {6.0, 2.7, 4.5, 1.5};
    /** HTTP/1.1: the default h2c upgrade header makes Hardhat's node hand the request to its WebSocket server. */
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static RunningDao running;
    private static SystemDescriptor system;
    private static Playwright playwright;
    private static Browser chromium;
    private static Page admin;
    private static Page alice;
    private static Page bob;
    /** A gateway token of a holder, issued in the app once the model needs one (story 3). */
    private static String holderToken;
    /** Every signed-in page, for screenshots when a story fails. */
    private static final List<Page> PAGES = new CopyOnWriteArrayList<>();

    @RegisterExtension
    static final TestWatcher CHILD_LOGS_ON_FAILURE = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            String story = context.getRequiredTestMethod().getName();
            for (int i = 0; i < PAGES.size(); i++) {
                try {
                    Page page = PAGES.get(i);
                    screenshot(page, "failed-" + story + "-" + i + ".png");
                    System.err.println("page " + i + " at " + page.url() + " shows: "
                            + page.locator("vaadin-notification-card, [id$=-status], #action-error, #submit-error").allTextContents());
                } catch (RuntimeException e) {
                    System.err.println("no screenshot of page " + i + ": " + e.getMessage());
                }
            }
            if (running != null) {
                System.err.println("Story failed: " + story + running.logTails(150));
            }
        }
    };

    @BeforeAll
    static void startTheDaoAndABrowser() throws Exception {
        running = RunningDao.get();
        system = running.system;
        Files.createDirectories(SCREENSHOTS);
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        chromium = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(Path.of("/usr/bin/chromium"))
                .setHeadless(true).setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run",
                        // as app's support.HeadlessChromium: without the address bar's WebUI popups, which headless
                        // Chromium 156 loads in every new window (docs/benchmarks.md, ui-pages)
                        "--disable-features=WebUIOmniboxPopup,WebUIOmniboxAimPopup")));
        admin = signIn(system.accounts().get(0).address());
        alice = signIn(system.accounts().get(1).address());
        bob = signIn(system.accounts().get(2).address());
    }

    @AfterAll
    static void closeTheBrowser() {
        if (playwright != null) {
            playwright.close();
        }
    }

    @Test
    @Order(1)
    void the_admin_proposes_iris_v2_three_members_vote_and_the_gateway_serves_it_as_current() throws Exception {
        DemoModel v2 = DemoModels.iris("2");
        DemoModel.WrittenFiles files = v2.writeTo(Files.createTempDirectory("iris-v2-"));
        JsonNode v1Answer = json(awaitStatus(() -> infer("/v2/models/iris/versions/1/infer", null, "education", FLOWER), 200));

        String proposal = propose(admin, "Approve iris v2 and serve it",
                "Retrained with a higher learning rate; the card lists the held-out accuracy.",
                page -> {
                    choose(page, "#action-type", "Approve a model version");
                    page.locator("#model input").fill("iris");
                    page.locator("#version input").fill("2");
                    page.locator("#expected-sha256 input").fill(v2.artifactSha256());
                    page.locator("#artifact-upload input[type=file]").setInputFiles(files.artifact());
                    page.locator("#artifact-upload vaadin-upload-file[complete]").waitFor();
                    page.locator("#card-upload input[type=file]").setInputFiles(files.card());
                    page.locator("#card-upload vaadin-upload-file[complete]").waitFor();
                },
                page -> {
                    choose(page, "#action-type", "Set the current version");
                    page.locator("#model input").fill("iris");
                    page.locator("#version input").fill("2");
                },
                "propose-wizard.png");
        assertThat(admin.locator("#proposal-actions").textContent()).contains("Approve model iris v2");
        // hashes are shown short, the whole hash (0x-prefixed, as the chain holds it) is the tooltip and what the copy button copies
        assertThat(admin.locator("#proposal-actions .copyable-text").first().getAttribute("title"))
                .isEqualTo("0x" + v2.artifactSha256());
        BigInteger proposalId = idOf(proposal);

        vote(admin, proposal, "For", "The card documents the evaluation; better calibrated than v1.", "#vote-gasless");
        vote(alice, proposal, "For", "", "#vote-wallet");
        vote(bob, proposal, "Against", "Held-out set of 30 flowers is too small to tell the versions apart.",
                "#vote-gasless");
        bob.navigate(app(proposal));
        bob.locator("#votes vaadin-grid-cell-content").filter(new Locator.FilterOptions().setHasText("too small to tell"))
                .first().waitFor();
        assertThat(bob.locator("#votes vaadin-grid-cell-content").filter(new Locator.FilterOptions().setHasText("against"))
                .count()).isEqualTo(1);
        screenshot(bob, "proposal-voted.png");

        queueAndExecute(admin, proposal);
        HttpResponse<String> served = awaitResponse("unversioned calls answered by v2",
                () -> infer("/v2/models/iris/infer", null, "education", FLOWER),
                r -> r.statusCode() == 200 && "2".equals(json(r).path("parameters").path("model_version").asString()));
        long servedAt = blockNumber();
        JsonNode answer = json(served);
        long executedAt = answer.path("parameters").path("approval_block").asLong();
        System.out.printf("iris v2 executed in block %d, served as current at block %d%n", executedAt, servedAt);
        assertThat(servedAt - executedAt).as("blocks between execution and v2 answering unversioned calls").isLessThanOrEqualTo(1);
        assertThat(answer.path("parameters").path("approving_proposal_id").asString()).isEqualTo(proposalId.toString());
        assertThat(answer.path("parameters").path("artifact_sha256").asString()).isEqualTo(v2.artifactSha256());
        assertThat(probabilities(answer)).isNotEqualTo(probabilities(v1Answer));

        awaitState(admin, proposal, "executed");
        screenshot(admin, "proposal-executed.png");
        admin.navigate(app("/catalog"));
        admin.locator("#catalog").getByText("Current version: 2").first().waitFor();
        screenshot(admin, "catalog.png");

        // the home page asks the real gateway (its public metadata) what it serves, beside what the DAO decided
        admin.navigate(app("/"));
        Locator iris = admin.locator("#served-iris");
        PlaywrightAssertions.assertThat(iris.locator(".gateway-state")).hasText("Gateway serves v2 (ready)",
                new LocatorAssertions.HasTextOptions().setTimeout(UI_TIMEOUT.toMillis()));
        assertThat(iris.textContent()).contains("The DAO's current version: 2");
        // and its public traffic summary how many calls it served and refused in the last hour (the stories' calls)
        PlaywrightAssertions.assertThat(iris.locator(".gateway-traffic")).hasAttribute("data-status", "counted",
                new LocatorAssertions.HasAttributeOptions().setTimeout(UI_TIMEOUT.toMillis()));
        assertThat(iris.locator(".gateway-traffic").textContent())
                .matches("Last hour: [1-9][\\d,]* served · [\\d,]+ refused( \\(.+\\))?");
        assertThat(admin.locator("#recent-decisions").textContent()).contains("Approve iris v2 and serve it");
        screenshot(admin, "dashboard.png");
    }

    @Test
    @Order(2)
    void a_member_proposes_revoking_v2_and_the_gateway_refuses_it_and_falls_back_to_v1() throws Exception {
        // the registry clears the current alias when it revokes the current version (ModelRegistry.revokeVersion),
        // so the proposal names v1 current again in the same execution
        String proposal = propose(alice, "Revoke iris v2, serve v1 again",
                "v2 labels small versicolor flowers as virginica far more often than v1.",
                page -> {
                    choose(page, "#action-type", "Revoke a version");
                    page.locator("#model input").fill("iris");
                    page.locator("#version input").fill("2");
                    page.locator("#reason textarea").fill("misclassifies small versicolor flowers");
                },
                page -> {
                    choose(page, "#action-type", "Set the current version");
                    page.locator("#model input").fill("iris");
                    page.locator("#version input").fill("1");
                },
                null);
        vote(admin, proposal, "For", "Agreed, v1 was fine.", "#vote-wallet");
        vote(alice, proposal, "For", "", "#vote-gasless");
        queueAndExecute(alice, proposal);

        HttpResponse<String> gone = awaitResponse("v2 refused as revoked",
                () -> infer("/v2/models/iris/versions/2/infer", null, "education", FLOWER), r -> r.statusCode() == 410);
        assertThat(gone.body()).contains("revoked", "misclassifies small versicolor flowers");
        HttpResponse<String> fallback = awaitResponse("unversioned calls answered by v1 again",
                () -> infer("/v2/models/iris/infer", null, "education", FLOWER),
                r -> r.statusCode() == 200 && "1".equals(json(r).path("parameters").path("model_version").asString()));
        assertThat(json(fallback).path("parameters").path("approving_proposal_id").asString())
                .isEqualTo(system.demoModel().approvalProposalId().toString());

        admin.navigate(app("/history"));
        admin.locator("#history-text input").fill("iris");
        admin.locator("#history-filter").click();
        admin.locator("vaadin-grid-cell-content").filter(new Locator.FilterOptions().setHasText("Revoked iris 2")).first()
                .waitFor(new Locator.WaitForOptions().setTimeout(UI_TIMEOUT.toMillis()));
        screenshot(admin, "history.png");
    }

    @Test
    @Order(3)
    void token_holders_only_refuses_a_caller_without_votes_and_serves_a_holder() throws Exception {
        String outsiderAddress = accountWithoutTokens();
        Page outsider = signIn(outsiderAddress);
        String outsiderToken = issueGatewayToken(outsider, "e2e outsider");
        holderToken = issueGatewayToken(alice, "e2e holder");
        screenshot(alice, "my-tokens.png");

        String proposal = propose(admin, "Only token holders may call iris",
                "Public calls cost the community compute; members with at least 1,000 votes keep access.",
                page -> {
                    choose(page, "#action-type", "Set an access policy");
                    page.locator("#model input").fill("iris");
                    choose(page, "#policy-kind", "Token holders");
                    page.locator("#min-votes input").fill("1000");
                    page.locator("#requests-per-minute input").fill("600");
                    page.locator("#max-batch input").fill("32");
                },
                null, "propose-policy.png");
        BigInteger proposalId = idOf(proposal);
        vote(admin, proposal, "For", "", "#vote-gasless");
        vote(bob, proposal, "For", "Fair: holders pay for the nodes.", "#vote-wallet");
        queueAndExecute(admin, proposal);

        HttpResponse<String> refused = awaitResponse("a caller without votes refused",
                () -> infer("/v2/models/iris/infer", outsiderToken, "education", FLOWER), r -> r.statusCode() == 403);
        JsonNode refusal = json(refused);
        assertThat(refusal.path("parameters").path("policy_proposal_id").asString()).isEqualTo(proposalId.toString());
        assertThat(refusal.path("error").asString()).contains(proposalId.toString());
        assertThat(refusal.path("parameters").path("policy").asString()).isNotBlank();
        assertThat(infer("/v2/models/iris/infer", null, "education", FLOWER).statusCode()).isEqualTo(401);

        HttpResponse<String> holder = infer("/v2/models/iris/infer", holderToken, "education", FLOWER);
        assertThat(holder.statusCode()).as(holder.body()).isEqualTo(200);
        assertThat(json(holder).path("parameters").path("model_version").asString()).isEqualTo("1");
    }

    @Test
    @Order(4)
    void a_voted_input_range_refuses_a_violating_request_without_any_output() throws Exception {
        String proposal = propose(admin, "Iris measurements must be plausible",
                "Petals and sepals of iris flowers measure between 0 and 10 cm; anything else is a data error.",
                page -> {
                    choose(page, "#action-type", "Add an ethical constraint");
                    page.locator("#model input").fill("iris");
                    page.locator("#constraint-kind input").fill("Input range");
                    page.locator("vaadin-combo-box-item").filter(new Locator.FilterOptions().setHasText("Input range")).first()
                            .click();
                    page.locator("#target input").fill("input");
                    page.locator("#constraint-min input").fill("0");
                    page.locator("#constraint-max input").fill("10");
                    page.locator("#rationale-constraint textarea").fill("Measurements outside 0-10 cm are data errors.");
                },
                null, "propose-constraint.png");
        BigInteger proposalId = idOf(proposal);
        vote(alice, proposal, "For", "", "#vote-gasless");
        vote(admin, proposal, "For", "", "#vote-gasless");
        queueAndExecute(admin, proposal);

        double[] implausible = {5.1, 3.5, 1.4, 42.0};
        HttpResponse<String> refused = awaitResponse("an out-of-range input refused",
                () -> infer("/v2/models/iris/infer", holderToken, "education", implausible), r -> r.statusCode() == 422
                        && json(r).path("parameters").path("constraint_proposal_id").asString().equals(proposalId.toString()));
        JsonNode refusal = json(refused);
        assertThat(refusal.has("outputs")).as("no output next to a refusal").isFalse();
        assertThat(refusal.path("parameters").path("constraint").asString()).isNotBlank();
        assertThat(refusal.path("error").asString()).contains(proposalId.toString());
        assertThat(infer("/v2/models/iris/infer", holderToken, "education", FLOWER).statusCode()).isEqualTo(200);
    }

    @Test
    @Order(5)
    void an_approved_artifact_changed_on_disk_is_quarantined_until_it_is_restored() throws Exception {
        DemoModel v1 = DemoModels.iris("1");
        Path artifact = Path.of(system.artifactsDirectory()).resolve(v1.artifactSha256());
        byte[] original = Files.readAllBytes(artifact);
        byte[] tampered = original.clone();
        tampered[tampered.length / 2] ^= 0x5a;
        Files.write(artifact, tampered);

        HttpResponse<String> metadata = awaitResponse("v1 quarantined by the re-verification",
                () -> get("/v2/models/iris/versions/1", holderToken),
                r -> "quarantined".equals(json(r).path("parameters").path("state").asString()));
        String reason = json(metadata).path("parameters").path("quarantine_reason").asString();
        assertThat(reason).contains("does not match the voted sha256 " + v1.artifactSha256());
        HttpResponse<String> refused = infer("/v2/models/iris/versions/1/infer", holderToken, "education", FLOWER);
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
        assertThat(refused.body()).contains("quarantined").doesNotContain("\"outputs\"");
        assertThat(infer("/v2/models/iris/infer", holderToken, "education", FLOWER).statusCode())
                .as("no current version while it is quarantined").isEqualTo(503);
        String metrics = get("/actuator/prometheus", null).body();
        assertThat(metrics.lines().filter(l -> l.startsWith("gateway_quarantines_total{")
                && l.contains("reason=\"artifact_hash_mismatch\"") && l.contains("version=\"1\""))).hasSize(1);
        assertThat(metrics).contains("gateway_versions_quarantined 1.0");

        Files.write(artifact, original);
        HttpResponse<String> restored = awaitResponse("v1 served again once its file is restored",
                () -> infer("/v2/models/iris/infer", holderToken, "education", FLOWER),
                r -> r.statusCode() == 200 && "1".equals(json(r).path("parameters").path("model_version").asString()));
        assertThat(json(restored).path("parameters").path("artifact_sha256").asString()).isEqualTo(v1.artifactSha256());
    }

    // ---- the app, as a member uses it

    private static Page signIn(String address) {
        // tall: the app layout scrolls inside itself, so a full-page screenshot shows only the viewport
        Page page = chromium.newContext(new Browser.NewContextOptions().setViewportSize(1280, 1600)).newPage();
        page.setDefaultTimeout(UI_TIMEOUT.toMillis());
        page.navigate(app("/sign-in"));
        page.locator("#dev-account input").fill(address);
        page.locator("vaadin-combo-box-item").filter(new Locator.FilterOptions().setHasText(address)).first().click();
        page.locator("#dev-sign-in").click();
        page.locator("#signed-in-address").waitFor();
        PAGES.add(page);
        return page;
    }

    /** Fills the wizard with one or two actions and submits it from the wallet; returns the proposal's path. */
    private static String propose(Page page, String title, String rationale, Consumer<Page> firstAction,
            Consumer<Page> secondAction, String screenshot) {
        page.navigate(app("/proposals/new"));
        page.locator("#title input").fill(title);
        page.locator("#rationale textarea").fill(rationale);
        int added = 0;
        for (Consumer<Page> action : Arrays.asList(firstAction, secondAction)) {
            if (action == null) {
                continue;
            }
            action.accept(page);
            page.locator("#add-action").click();
            added++;
            page.locator("#draft-actions li").nth(added - 1).waitFor();
        }
        if (screenshot != null) {
            screenshot(page, screenshot);
        }
        page.locator("#submit-proposal").click();
        // Vaadin may render the new page before the browser's address changes: wait for both
        page.waitForURL(url -> url.contains("/proposal/"));
        page.locator("#proposal-title").waitFor();
        // to the snapshot block without waiting for the interval miner: from there on the next block takes votes,
        // and both the page and the gasless relay (which checks in the pending block) accept a ballot
        rpc("hardhat_mine", "\"0x1\"");
        return page.url().substring(page.url().indexOf("/proposal/"));
    }

    private static void vote(Page page, String proposal, String choice, String reason, String button) {
        awaitState(page, proposal, "active");
        page.locator("#vote-choice vaadin-radio-button").filter(new Locator.FilterOptions().setHasText(choice)).click();
        if (!reason.isEmpty()) {
            page.locator("#vote-reason textarea").fill(reason);
        }
        page.locator(button).click();
        // the progress line beside the buttons says sent or failed; once the ballot is indexed the form gives way to "You voted"
        Locator outcome = page.locator("#own-vote, #vote-status:has-text('sent'), #vote-status:has-text('failed')").first();
        outcome.waitFor();
        assertThat(outcome.textContent()).doesNotContain("failed");
    }

    /** Ends the voting period (mining its blocks), queues from the page, passes the timelock, executes from the page. */
    private static void queueAndExecute(Page page, String proposal) {
        rpc("hardhat_mine", "\"0x" + Long.toHexString(VOTING_PERIOD_BLOCKS + 2) + "\"");
        awaitState(page, proposal, "succeeded");
        page.locator("#queue").click();
        awaitSent(page, "#queue-status");
        awaitState(page, proposal, "queued");
        rpc("evm_increaseTime", Long.toString(PAST_THE_TIMELOCK.toSeconds()));
        rpc("evm_mine", "");
        page.navigate(app(proposal));
        page.locator("#execute").click();
        awaitSent(page, "#execute-status");
    }

    /** The progress line beside a transaction's button says sent (or failed, with why); the state change follows once indexed. */
    private static void awaitSent(Page page, String status) {
        Locator outcome = page.locator(status + ":has-text('sent'), " + status + ":has-text('failed')").first();
        outcome.waitFor();
        assertThat(outcome.textContent()).doesNotContain("failed");
    }

    /** The page reads the app's read model, which follows the chain: reload until it shows the state (bounded). */
    private static void awaitState(Page page, String proposal, String state) {
        long deadline = System.nanoTime() + UI_TIMEOUT.toNanos();
        String shown = "";
        while (System.nanoTime() < deadline) {
            page.navigate(app(proposal));
            Locator badge = page.locator("#proposal-state");
            badge.waitFor();
            shown = badge.textContent().strip();
            if (shown.equals(state)) {
                return;
            }
            page.waitForTimeout(500);
        }
        throw new AssertionError("proposal " + proposal + " still shows '" + shown + "', not '" + state + "', after " + UI_TIMEOUT);
    }

    private static String issueGatewayToken(Page page, String label) {
        page.navigate(app("/my-tokens"));
        page.locator("#token-label input").fill(label);
        page.locator("#issue-token").click();
        Locator issued = page.locator("#issued-token textarea");
        issued.waitFor();
        String token = issued.inputValue();
        assertThat(token).matches("[\\w-]+\\.[\\w-]+\\.[\\w-]+");
        return token;
    }

    private static void choose(Page page, String select, String item) {
        page.locator(select).click();
        page.locator("vaadin-select-item").filter(new Locator.FilterOptions().setHasText(item)).first().click();
    }

    private static void screenshot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name)).setFullPage(true));
    }

    private static BigInteger idOf(String proposalPath) {
        return new BigInteger(proposalPath.substring("/proposal/".length()));
    }

    private static String app(String path) {
        return system.urls().app() + path;
    }

    // ---- the gateway, as a client calls it

    private static HttpResponse<String> infer(String path, String token, String purpose, double... row) {
        String data = Arrays.stream(row).mapToObj(Double::toString).collect(Collectors.joining(", "));
        String body = "{\"parameters\": {\"purpose\": \"" + purpose + "\"}, \"inputs\": [{\"name\": \"input\", "
                + "\"shape\": [1, " + row.length + "], \"datatype\": \"FP32\", \"data\": [" + data + "]}]}";
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(system.urls().gateway() + path))
                .timeout(Duration.ofSeconds(30)).header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        return send(token == null ? request : request.header("authorization", "Bearer " + token));
    }

    private static HttpResponse<String> get(String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(system.urls().gateway() + path))
                .timeout(Duration.ofSeconds(30)).GET();
        return send(token == null ? request : request.header("authorization", "Bearer " + token));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static HttpResponse<String> awaitStatus(Supplier<HttpResponse<String>> call, int status) {
        return awaitResponse("HTTP " + status, call, r -> r.statusCode() == status);
    }

    /** Polls the gateway (bounded) until an answer satisfies {@code done}; fails with the last answer. */
    private static HttpResponse<String> awaitResponse(String what, Supplier<HttpResponse<String>> call,
            Predicate<HttpResponse<String>> done) {
        long deadline = System.nanoTime() + GATEWAY_TIMEOUT.toNanos();
        HttpResponse<String> last = call.get();
        while (!done.test(last)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + GATEWAY_TIMEOUT + ": " + what + "; last answer " + last.statusCode()
                        + " " + last.body());
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            last = call.get();
        }
        return last;
    }

    private static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (RuntimeException notJson) {
            return JSON.createObjectNode();
        }
    }

    private static List<Double> probabilities(JsonNode answer) {
        for (JsonNode output : answer.path("outputs")) {
            if (!"label".equals(output.path("name").asString())) {
                List<Double> values = new ArrayList<>();
                output.path("data").forEach(value -> values.add(value.asDouble()));
                return values;
            }
        }
        throw new AssertionError("no probabilities in " + answer);
    }

    // ---- the dev chain's clock and accounts

    private static long blockNumber() {
        return Long.decode(rpc("eth_blockNumber", "").asString());
    }

    /** A dev account the seeding gave no tokens: signed in, it can hold a gateway token but has no votes. */
    private static String accountWithoutTokens() {
        List<String> holders = system.accounts().stream().map(a -> a.address().toLowerCase()).toList();
        JsonNode accounts = rpc("eth_accounts", "");
        for (JsonNode account : accounts) {
            if (!holders.contains(account.asString().toLowerCase())) {
                return Keys.toChecksumAddress(account.asString());
            }
        }
        throw new AssertionError("every dev account holds tokens: " + accounts + ", holders " + holders);
    }

    private static JsonNode rpc(String method, String params) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(system.rpcUrl())).timeout(Duration.ofSeconds(30))
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\": \"2.0\", \"id\": 1, \"method\": \"" + method
                        + "\", \"params\": [" + params + "]}")));
        JsonNode reply = json(response);
        assertThat(reply.has("result")).as(method + " answered " + response.statusCode() + " " + response.body()).isTrue();
        return reply.path("result");
    }
}
