package org.modeldao.app.shell.ui;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import org.modeldao.app.support.HeadlessChromium;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Keys;

/** One headless Chromium for a walk through the pages, anonymous or signed in with the dev wallet. */
final class WalkBrowser implements AutoCloseable {

    static final int DESKTOP = 1280;
    static final int PHONE = 390;
    static final double WAIT_MS = 30_000;

    private final Playwright playwright;
    private final Browser chromium;
    private final String baseUrl;

    WalkBrowser(String baseUrl) {
        this.baseUrl = baseUrl;
        playwright = HeadlessChromium.playwright();
        chromium = playwright.chromium().launch(HeadlessChromium.launchOptions());
    }

    Page anonymous() {
        return chromium.newContext(new Browser.NewContextOptions().setViewportSize(DESKTOP, 900)).newPage();
    }

    Page signedIn(Credentials account) {
        Page page = anonymous();
        String address = Keys.toChecksumAddress(account.getAddress());
        page.navigate(baseUrl + "/sign-in");
        page.locator("#dev-account input").fill(address);
        page.locator("vaadin-combo-box-item").filter(new Locator.FilterOptions().setHasText(address)).first().click();
        page.locator("#dev-sign-in").click();
        page.locator("#signed-in-address").waitFor(new Locator.WaitForOptions().setTimeout(WAIT_MS));
        return page;
    }

    /** Opens {@code path} and waits until {@code ready} is there and Vaadin has no request in flight. */
    void open(Page page, String path, String ready) {
        page.navigate(baseUrl + path);
        page.locator(ready).first().waitFor(new Locator.WaitForOptions().setTimeout(WAIT_MS));
        settle(page);
    }

    /** Waits until the Vaadin client has answered every request it sent (a page's later parts come by round trip or push). */
    static void settle(Page page) {
        page.waitForFunction("() => !window.Vaadin?.Flow?.clients || Object.values(window.Vaadin.Flow.clients)"
                + ".every(client => !client.isActive || !client.isActive())", null, new Page.WaitForFunctionOptions().setTimeout(WAIT_MS));
    }

    /** Resizes the window; at phone width the app layout turns its drawer into an overlay. */
    static void width(Page page, int width) {
        page.setViewportSize(width, width > 600 ? 900 : 844);
        page.waitForFunction("w => window.innerWidth === w && (w > 800 || !document.querySelector('vaadin-app-layout')"
                + " || document.querySelector('vaadin-app-layout').hasAttribute('overlay'))", width,
                new Page.WaitForFunctionOptions().setTimeout(WAIT_MS));
        settle(page);
    }

    @Override
    public void close() {
        playwright.close();
    }
}
