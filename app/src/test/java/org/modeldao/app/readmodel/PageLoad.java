package org.modeldao.app.readmodel;

import com.google.gson.JsonObject;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.CDPSession;
import com.microsoft.playwright.Page;
import java.util.List;
import java.util.Map;

/**
 * One load of a page in Chromium and what it cost, in milliseconds and bytes: read in the page from the Navigation and
 * Resource Timing entries and the long tasks seen (a {@code PerformanceObserver} installed before any page script),
 * and from Chromium's own counters (CDP {@code Performance.getMetrics}: time spent compiling and running script, in
 * layout and style, in all main-thread tasks).
 *
 * @param document     the document's request sent → first byte of its answer
 * @param vaadin       the same, summed over Vaadin's {@code ?v-r=init} and {@code ?v-r=uidl} requests
 * @param usable       ms from navigation start to the moment the page was usable
 * @param initSent     ms from navigation start to the {@code v-r=init} request leaving (all before it is loading the
 *                     client: document, bundle, styles)
 * @param requests     requests the page made (the document included)
 * @param transferred  bytes received over the network (0 for what came from the cache)
 * @param decoded      bytes of the resources once decompressed (what the browser parsed)
 * @param script       main-thread time compiling and running JavaScript
 * @param tasks        main-thread time in all tasks (script, style, layout, parsing ...)
 * @param longTasks    main-thread time in tasks over 50 ms (what blocks input)
 */
record PageLoad(double document, double vaadin, double usable, double initSent, int requests, double transferred,
        double decoded, double script, double tasks, double longTasks, List<Map<String, Object>> resources) {

    /** Records long tasks from the start of every page of the context (install before the first navigation). */
    static final String LONG_TASK_RECORDER = """
            window.__longTasks = [];
            new PerformanceObserver(list => window.__longTasks.push(...list.getEntries().map(e => e.duration)))
              .observe({type: 'longtask', buffered: true});""";

    /** Vaadin has answered everything it asked for: what TestBench waits for before it clicks. */
    private static final String VAADIN_IDLE = """
            window.Vaadin && window.Vaadin.Flow && window.Vaadin.Flow.clients
              && Object.values(window.Vaadin.Flow.clients).every(c => !c.isActive || !c.isActive())""";

    private static final String MEASURE = """
            () => {
              const nav = performance.getEntriesByType('navigation')[0];
              const all = performance.getEntriesByType('resource');
              const vaadin = all.filter(e => /[?&]v-r=(init|uidl)/.test(e.name));
              const init = all.find(e => /[?&]v-r=init/.test(e.name));
              return {
                document: nav.responseStart - nav.requestStart,
                vaadin: vaadin.reduce((sum, e) => sum + (e.responseStart - e.requestStart), 0),
                initSent: init ? init.requestStart : -1,
                requests: all.length + 1,
                transferred: all.reduce((sum, e) => sum + e.transferSize, nav.transferSize),
                decoded: all.reduce((sum, e) => sum + e.decodedBodySize, nav.decodedBodySize),
                longTasks: (window.__longTasks || []).reduce((sum, d) => sum + d, 0),
                developmentMode: !!customElements.get('vaadin-dev-tools'),
                resources: [nav, ...all].map(e => ({
                  name: e.name.replace(location.origin, ''), type: e.initiatorType || 'document',
                  start: Math.round(e.startTime), end: Math.round(e.responseEnd),
                  transferred: e.transferSize, decoded: e.decodedBodySize }))
              };
            }""";

    double server() {
        return document + vaadin;
    }

    /**
     * Loads {@code url} in a new page of {@code context} and waits (at most 60 s) until {@code usable} (JavaScript)
     * holds and Vaadin is idle. {@code developmentMode} is what the app must be running: a bench that measured the
     * other mode would report the wrong figures, so a mismatch fails.
     */
    static PageLoad of(BrowserContext context, String url, String usable, boolean developmentMode) {
        Page page = context.newPage();
        try {
            CDPSession chromium = context.newCDPSession(page);
            chromium.send("Performance.enable");
            page.navigate(url);
            // the moment is taken in the page when the condition first holds (polled every 5 ms), not on the way back
            double usableAt = ((Number) page.waitForFunction("() => (" + usable + ") && (" + VAADIN_IDLE + ") && performance.now()",
                    null, new Page.WaitForFunctionOptions().setTimeout(60_000).setPollingInterval(5)).jsonValue()).doubleValue();
            @SuppressWarnings("unchecked")
            Map<String, Object> in = (Map<String, Object>) page.evaluate(MEASURE);
            if ((Boolean) in.get("developmentMode") != developmentMode) {
                throw new IllegalStateException(url + " was served in " + (developmentMode ? "production" : "development")
                        + " mode, not the mode under measurement");
            }
            JsonObject metrics = chromium.send("Performance.getMetrics");
            Map<String, Double> counters = new java.util.HashMap<>();
            metrics.getAsJsonArray("metrics").forEach(m -> counters.put(m.getAsJsonObject().get("name").getAsString(),
                    m.getAsJsonObject().get("value").getAsDouble()));
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> resources = (List<Map<String, Object>>) in.get("resources");
            return new PageLoad(number(in, "document"), number(in, "vaadin"), usableAt, number(in, "initSent"),
                    (int) number(in, "requests"), number(in, "transferred"), number(in, "decoded"),
                    counters.getOrDefault("ScriptDuration", 0.0) * 1000, counters.getOrDefault("TaskDuration", 0.0) * 1000,
                    number(in, "longTasks"), resources);
        } finally {
            page.close();
        }
    }

    private static double number(Map<String, Object> figures, String key) {
        return ((Number) figures.get(key)).doubleValue();
    }
}
