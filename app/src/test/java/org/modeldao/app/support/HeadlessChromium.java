package org.modeldao.app.support;

import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The browser of the browser tests and the ui-pages bench: Debian's Chromium, headless, nothing fetched from outside. */
public final class HeadlessChromium {

    public static final Path EXECUTABLE = Path.of("/usr/bin/chromium");

    public static final List<String> ARGS = List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run",
            // headless Chromium 156 loads the address bar's two WebUI popups (chrome://omnibox-popup.top-chrome) in every
            // new window: two more renderers per page, busy for about as long as the page itself and on the same two
            // cores (a trace of ui-pages, docs/benchmarks.md), where a member's browser has them once per window
            "--disable-features=WebUIOmniboxPopup,WebUIOmniboxAimPopup");

    private HeadlessChromium() {
    }

    /** Playwright driving the installed Chromium: it never downloads a browser of its own. */
    public static Playwright playwright() {
        return Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    }

    public static BrowserType.LaunchOptions launchOptions() {
        return new BrowserType.LaunchOptions().setExecutablePath(EXECUTABLE).setHeadless(true).setArgs(ARGS);
    }
}
