package org.modeldao.app.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.modeldao.app.support.AppOnDevChain;
import org.modeldao.app.support.DevChainFixture;
import org.modeldao.app.support.HeadlessChromium;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real headless Chromium signs in through the Vaadin sign-in view with the dev wallet (the
 * dev chain node signs with personal_sign) and sees its address; the stylesheet and the wallet
 * module load (no 403) and apply.
 */
class SignInBrowserIT extends AppOnDevChain {

    private static final Logger log = LoggerFactory.getLogger(SignInBrowserIT.class);
    private static final Path SCREENSHOTS = Paths.get(System.getProperty("modeldao.screenshots.dir", "target/screenshots"));

    @TempDir
    Path userDataDir;

    private Playwright playwright;
    private BrowserContext browser;
    private final Map<String, List<Response>> staticFiles = new ConcurrentHashMap<>();
    private final List<String> failedRequests = new java.util.concurrent.CopyOnWriteArrayList<>();

    @BeforeEach
    void openBrowser() {
        playwright = HeadlessChromium.playwright();
        browser = playwright.chromium().launchPersistentContext(userDataDir, new BrowserType.LaunchPersistentContextOptions()
                .setExecutablePath(HeadlessChromium.EXECUTABLE)
                .setHeadless(true)
                .setArgs(HeadlessChromium.ARGS)
                .setViewportSize(1280, 800));
        browser.onResponse(response -> {
            String url = response.url();
            if (response.status() >= 400) {
                log.warn("HTTP {} for {}", response.status(), url);
                failedRequests.add(response.status() + " " + url);
            }
            if (url.endsWith("/styles/model-dao.css") || url.endsWith("/js/wallet-connector.js")) {
                staticFiles.computeIfAbsent(url.substring(url.lastIndexOf('/') + 1), file -> new java.util.concurrent.CopyOnWriteArrayList<>()).add(response);
            }
        });
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    @Test
    void a_person_signs_in_with_the_dev_wallet_and_sees_their_address() throws Exception {
        String address = DevChainFixture.checksummed(DevChainFixture.shared().proposer());
        Page page = browser.pages().isEmpty() ? browser.newPage() : browser.pages().getFirst();
        page.onConsoleMessage(message -> {
            if ("error".equals(message.type()) || "warning".equals(message.type())) {
                log.warn("browser console {}: {}", message.type(), message.text());
            }
        });

        page.navigate(baseUrl() + "/sign-in");
        Locator accountInput = page.locator("#dev-account input");
        accountInput.waitFor();
        // the sign-in view loads the wallet connector module (Page.addJsModule) and it registers itself
        page.waitForFunction("() => typeof window.modelDaoWallet?.discoverWallets === 'function'");
        accountInput.fill(address);
        Locator option = page.locator("vaadin-combo-box-item").filter(new Locator.FilterOptions().setHasText(address)).first();
        // the picker names the account by number, role and votes, not by a bare address
        assertThat(option.textContent()).matches("#\\d+ · (admin|proposer) · [\\d,]+ votes · " + address);
        option.click();
        page.locator("#dev-sign-in").click();

        Locator signedIn = page.locator("#signed-in-address");
        signedIn.waitFor(new Locator.WaitForOptions().setTimeout(30_000));
        assertThat(signedIn.textContent()).isEqualTo(address);
        assertThat(signedIn.getAttribute("title")).contains("MEMBER", "PROPOSER");
        // home is the dashboard: the member's own voting power, read from the chain
        page.locator("#my-votes").waitFor();
        assertThat(page.locator("#my-votes").textContent()).matches("You vote with [\\d,]+ votes and hold [\\d,.]+ tokens\\.");
        Files.createDirectories(SCREENSHOTS);
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("signed-in.png")).setFullPage(true));

        assertThat(failedRequests).as("no request of the page was forbidden").noneMatch(failure -> failure.startsWith("403"));
        assertStaticFileServed("model-dao.css", "text/css");
        assertStaticFileServed("wallet-connector.js", "javascript");
        assertThat(page.evaluate("getComputedStyle(document.documentElement).getPropertyValue('--model-dao-mono')").toString())
                .as("the project stylesheet is applied").contains("monospace");
        assertThat(page.evaluate("getComputedStyle(document.querySelector('#signed-in-address')).fontFamily").toString())
                .contains("monospace");
    }

    @Test
    void a_signed_in_person_issues_and_revokes_a_gateway_token_in_the_ui() throws Exception {
        String address = DevChainFixture.checksummed(DevChainFixture.shared().member());
        Page page = browser.pages().isEmpty() ? browser.newPage() : browser.pages().getFirst();
        page.navigate(baseUrl() + "/sign-in");
        page.locator("#dev-account input").fill(address);
        page.locator("vaadin-combo-box-item").filter(new Locator.FilterOptions().setHasText(address)).first().click();
        page.locator("#dev-sign-in").click();
        page.locator("#signed-in-address").waitFor(new Locator.WaitForOptions().setTimeout(30_000));

        page.navigate(baseUrl() + "/my-tokens");
        page.locator("#token-label input").fill("browser test");
        page.locator("#issue-token").click();
        Locator issued = page.locator("#issued-token textarea");
        issued.waitFor();
        assertThat(issued.inputValue()).matches("[\\w-]+\\.[\\w-]+\\.[\\w-]+");
        Locator row = page.locator("vaadin-grid-cell-content").filter(new Locator.FilterOptions().setHasText("browser test"));
        row.first().waitFor();

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Revoke")).first().click();
        page.locator("vaadin-grid-cell-content").filter(new Locator.FilterOptions().setHasText("revoked")).first().waitFor();
        Files.createDirectories(SCREENSHOTS);
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("my-tokens.png")).setFullPage(true));
    }

    @Test
    void a_person_signs_in_with_a_wallet_announced_through_eip_6963() throws Exception {
        org.web3j.crypto.Credentials holder = DevChainFixture.shared().outsider();
        String address = DevChainFixture.checksummed(holder);
        // A stand-in browser wallet: announces itself the EIP-6963 way and signs with the account's key
        // (in Java, the way a wallet's personal_sign does), so the page's own discovery/connect/sign code runs.
        browser.exposeFunction("testWalletPersonalSign", args -> {
            String message = new String(org.web3j.utils.Numeric.hexStringToByteArray((String) args[0]), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(((String) args[1])).isEqualToIgnoringCase(address);
            return PersonalSignature.sign(message, holder.getEcKeyPair());
        });
        browser.addInitScript("""
                (() => {
                  const address = '%s';
                  const provider = {
                    request: async ({ method, params }) => {
                      if (method === 'eth_requestAccounts' || method === 'eth_accounts') return [address];
                      if (method === 'eth_chainId') return '0x7a69';
                      if (method === 'personal_sign') return window.testWalletPersonalSign(params[0], params[1]);
                      throw new Error('unsupported ' + method);
                    },
                    handlers: {},
                    on(event, handler) { (this.handlers[event] ??= []).push(handler); },
                    removeListener(event, handler) { this.handlers[event] = (this.handlers[event] ?? []).filter(h => h !== handler); },
                  };
                  window.testWalletEmit = (event, value) => (provider.handlers[event] ?? []).forEach(h => h(value));
                  window.testWalletListened = (event) => (provider.handlers[event] ?? []).length > 0;
                  const info = Object.freeze({ uuid: '7d3e9f1a-0000-4000-8000-000000006963', name: 'Test Wallet', icon: 'data:image/svg+xml,%%3Csvg xmlns=%%22http://www.w3.org/2000/svg%%22/%%3E', rdns: 'org.modeldao.test' });
                  window.addEventListener('eip6963:requestProvider', () =>
                    window.dispatchEvent(new CustomEvent('eip6963:announceProvider', { detail: Object.freeze({ info, provider }) })));
                })();
                """.formatted(address));
        Page page = browser.pages().isEmpty() ? browser.newPage() : browser.pages().getFirst();

        page.navigate(baseUrl() + "/sign-in");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Test Wallet")).click();

        Locator signedIn = page.locator("#signed-in-address");
        signedIn.waitFor(new Locator.WaitForOptions().setTimeout(30_000));
        assertThat(signedIn.textContent()).isEqualTo(address);
        Files.createDirectories(SCREENSHOTS);
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("signed-in-eip6963.png")).setFullPage(true));

        // switching accounts in the wallet ends the session
        page.waitForFunction("() => window.testWalletListened('accountsChanged')");
        page.evaluate("() => window.testWalletEmit('accountsChanged', ['0x0000000000000000000000000000000000000001'])");
        page.locator("#sign-in-link").or(page.locator("#dev-sign-in")).first().waitFor(new Locator.WaitForOptions().setTimeout(30_000));
        assertThat(page.locator("#signed-in-address").count()).isZero();
    }

    @Test
    void an_anonymous_visitor_to_an_unknown_address_sees_the_not_found_page_not_sign_in() {
        Page page = browser.pages().isEmpty() ? browser.newPage() : browser.pages().getFirst();

        page.navigate(baseUrl() + "/no-such-page");

        Locator notFound = page.locator("#not-found");
        notFound.waitFor(new Locator.WaitForOptions().setTimeout(30_000));
        assertThat(notFound.textContent()).contains("Page not found");
        assertThat(page.url()).endsWith("/no-such-page");
        assertThat(page.locator("#dev-sign-in").count()).isZero();
    }

    private void assertStaticFileServed(String file, String contentType) {
        List<Response> responses = staticFiles.getOrDefault(file, List.of());
        assertThat(responses).as(file + " was requested by the page").isNotEmpty();
        // the first load is a 200 with the right MIME type; reloads may be 304 from the browser cache, never 403
        Response first = responses.getFirst();
        assertThat(first.status()).as(file + " status").isEqualTo(200);
        assertThat(first.headers().get("content-type")).as(file + " content type").contains(contentType);
        assertThat(responses).extracting(Response::status).as(file + " statuses").allMatch(status -> status == 200 || status == 304);
    }
}
