package org.modeldao.app.readmodel;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.modeldao.app.ModelDaoApplication;
import org.modeldao.app.support.DevChainFixture;
import org.modeldao.app.support.HeadlessChromium;
import org.modeldao.app.support.PostgresFixture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import com.zaxxer.hikari.HikariDataSource;

/**
 * Benchmark (a command, not a test): the app's big pages as a visitor gets them. The real app on a Hardhat dev chain
 * with the DAO deployed and a fresh PostgreSQL database; once its indexer has caught up with the chain,
 * {@link ScaleReadModel} adds 1,000 proposals (then 9,000 more), 5,000 votes on one and 100,000 holders under 1,000
 * delegates to the read model. The app runs in one of two modes:
 * <ul>
 *   <li>{@code production} (default): what a deployment serves — the jar packaged with {@code -Pproduction}
 *   ({@link PackagedApp}, profile {@code postgres}, as docker/compose.yaml runs it), started as a child JVM;</li>
 *   <li>{@code development}: the app in the bench's JVM with profiles {@code dev} and {@code postgres} and Vaadin's
 *   development mode (its pre-built dev bundle), as {@code spring-boot:run} serves it.</li>
 * </ul>
 * Headless Chromium (Playwright) loads each page anonymously, alternating two kinds of visit: a <b>first visit</b>
 * (a fresh browser context: empty cache, new HTTP session, new Vaadin UI) and a <b>returning visit</b> (a new page in
 * one context that has loaded the page before: warm cache, same session, new Vaadin UI).
 *
 * <p>Measured in the page ({@link PageLoad}):
 * <ul>
 *   <li><b>server time</b>: for the document and for every Vaadin request ({@code ?v-r=init}, the bootstrap that
 *   builds the view on the server, and {@code ?v-r=uidl} round trips such as a lazy grid's first page),
 *   {@code responseStart − requestStart}, summed over the requests made until the page was usable;</li>
 *   <li><b>time to usable</b>: {@code performance.now()} (milliseconds since navigation start) once the page's key
 *   element shows its data and Vaadin has no request in flight, so a click works;</li>
 *   <li>where that time goes: when the {@code v-r=init} request left (everything before is loading Vaadin's client),
 *   bytes over the network and parsed, main-thread time in script, in all tasks and in long tasks; and once per
 *   mode and kind of visit every request of one load of the proposals list (name, start, end, bytes).</li>
 * </ul>
 * Run: {@code ./dao bench ui-pages [runs] [production|development]} (default 10 timed runs of each kind of visit per
 * page after 2 warm-ups, production), which packages the production jar first.
 */
public final class UiPagesBenchmark {

    private static final Logger log = LoggerFactory.getLogger(UiPagesBenchmark.class);
    private static final int WARM_UPS = 2;
    /**
     * Set (environment {@code UI_PAGES_TRACE}): one more first visit per page and app under a Chromium
     * performance trace, summarised in the log; a non-blank value is a folder the traces are written to.
     */
    private static final String TRACE = System.getenv("UI_PAGES_TRACE");

    /** A page of the app and the condition (JavaScript) under which a visitor can use it. */
    private record Screen(String name, String path, String usable) {
    }

    private UiPagesBenchmark() {
    }

    public static void main(String[] given) throws Exception {
        // Maven's exec passes the arguments as one
        String[] args = String.join(" ", given).strip().split("\\s+");
        int runs = args.length > 0 && !args[0].isBlank() ? Integer.parseInt(args[0].strip()) : 10;
        if (runs < 1 || runs > 200) {
            throw new IllegalArgumentException("runs must be 1..200, was " + runs);
        }
        String mode = args.length > 1 ? args[1].strip() : "production";
        if (!mode.equals("production") && !mode.equals("development")) {
            throw new IllegalArgumentException("mode must be production or development, was " + mode);
        }
        boolean development = mode.equals("development");
        // a second jar (an earlier build) served side by side and loaded in turn with this build: before/after
        // figures under the same machine load
        Path baselineJar = args.length > 2 ? Path.of(args[2].strip()) : null;
        if (baselineJar != null && development) {
            throw new IllegalArgumentException("a baseline jar is compared in production mode only");
        }
        DevChainFixture chain = DevChainFixture.shared();
        // the synthetic proposals are created at block 10·i: a head past the first 1,000 gives them every state
        // (active, defeated, succeeded); the 9,000 added later are still pending
        chain.chain().mine(10L * 1_000 + 200);
        long head = chain.chain().blockNumber();
        try (PostgresFixture database = PostgresFixture.createDatabase();
                HikariDataSource seed = new HikariDataSource()) {
            // command-line arguments: they win over application.yml
            List<String> settings = List.of("--modeldao.chain.deployment-file=" + chain.descriptorFile(),
                    "--spring.datasource.url=" + database.jdbcUrl(), "--spring.datasource.username=" + database.user(),
                    "--modeldao.indexer.poll-interval=500ms", "--logging.level.root=WARN");
            try (AutoCloseable app = development ? inProcess(settings) : packaged(PackagedApp.productionJar(Path.of("target")), settings, "app");
                    PackagedApp baseline = baselineJar == null ? null : packaged(PackagedApp.productionJar(baselineJar), settings, "baseline")) {
                String base = development ? "http://localhost:" + ((ConfigurableApplicationContext) app).getEnvironment()
                        .getProperty("local.server.port") : ((PackagedApp) app).baseUrl();
                seed.setJdbcUrl(database.jdbcUrl());
                seed.setUsername(database.user());
                awaitIndexed(JdbcClient.create(seed), head);
                ScaleReadModel scale = new ScaleReadModel(seed);
                long start = System.nanoTime();
                scale.proposals(1, 1_000, head + 100_000);
                scale.holders();
                log.info("App on {} (Vaadin {} mode), indexed up to block {}", base, mode, head);
                log.info("Seeded 1,000 proposals, {} votes on one, {} holders under {} delegates in {} s", ScaleReadModel.VOTES,
                        ScaleReadModel.HOLDERS, ScaleReadModel.DELEGATES, seconds(start));
                try (Playwright playwright = HeadlessChromium.playwright();
                        Browser chromium = playwright.chromium().launch(HeadlessChromium.launchOptions())) {
                    List<Target> targets = baseline == null ? List.of(new Target("", base))
                            : List.of(new Target(" [this build]", base), new Target(" [baseline " + baselineJar + "]", baseline.baseUrl()));
                    Visits visits = new Visits(chromium, targets, runs, development);
                    visits.measure(new Screen("proposals list, 1,000 proposals", "/proposals", ready("#proposals a[href^='proposal/']")), true);
                    visits.measure(new Screen("proposal page, 5,000 votes", "/proposal/" + ScaleReadModel.BUSY_PROPOSAL,
                            "document.querySelector('#tally-bar') && [...document.querySelectorAll('#votes vaadin-grid-cell-content')]"
                                    + ".some(c => /^(for|against|abstain)$/.test(c.textContent.trim()))"), true);
                    visits.measure(new Screen("delegates page, 100,000 holders / 1,000 delegates", "/delegates",
                            "[...document.querySelectorAll('#delegates vaadin-grid-cell-content')].some(c => c.textContent.trim().startsWith('0x'))"), false);
                    start = System.nanoTime();
                    scale.proposals(1_001, 10_000, head + 100_000);
                    log.info("Seeded 9,000 more proposals in {} s", seconds(start));
                    visits.measure(new Screen("proposals list, 10,000 proposals", "/proposals", ready("#proposals a[href^='proposal/']")), false);
                    visits.measure(new Screen("dashboard (10,000 proposals, a third open)", "/", ready("#dashboard .dashboard")), false);
                }
            }
        }
        System.exit(0); // the dev chain's shutdown hook stops the node
    }

    /** Vaadin's development mode, in this JVM (the test class path has vaadin-dev and its dev bundle). */
    private static ConfigurableApplicationContext inProcess(List<String> settings) {
        List<String> arguments = new java.util.ArrayList<>(settings);
        arguments.addAll(List.of("--server.port=0", "--vaadin.productionMode=false",
                "--logging.level.org.modeldao.app.readmodel.UiPagesBenchmark=INFO"));
        return new SpringApplicationBuilder(ModelDaoApplication.class).profiles("dev", "postgres").run(arguments.toArray(String[]::new));
    }

    /** Production: the packaged jar as a deployment runs it (profile postgres, no dev wallet). */
    private static PackagedApp packaged(Path jar, List<String> settings, String name) throws Exception {
        List<String> arguments = new java.util.ArrayList<>(settings);
        arguments.addAll(List.of("--spring.profiles.active=postgres", "--modeldao.artifacts.directory=target/ui-pages-artifacts"));
        Path logFile = Path.of("target", "ui-pages-" + name + ".log");
        log.info("Starting {} (log {})", jar, logFile);
        return PackagedApp.start(jar, arguments, logFile);
    }

    /** The element is in the page and laid out (visible). */
    private static String ready(String selector) {
        return "(() => { const e = document.querySelector(\"" + selector + "\"); return e && e.getClientRects().length > 0; })()";
    }

    private static void awaitIndexed(JdbcClient jdbc, long head) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            long next = jdbc.sql("SELECT COALESCE(MAX(next_block), 0) FROM indexer_cursor").query(Long.class).single();
            if (next > head) {
                return;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the app's indexer did not reach block " + head + " within 3 minutes");
    }

    /** A running app the pages are loaded from; {@code label} tells two apart in the figures. */
    private record Target(String label, String base) {
    }

    /** First and returning visits of each page (of each app), interleaved so that all see the same machine load. */
    private record Visits(Browser chromium, List<Target> targets, int runs, boolean development) {

        void measure(Screen screen, boolean listRequests) {
            Map<Target, List<PageLoad>> first = new java.util.LinkedHashMap<>();
            Map<Target, List<PageLoad>> returning = new java.util.LinkedHashMap<>();
            Map<Target, BrowserContext> returningVisitors = new java.util.HashMap<>();
            try {
                for (Target target : targets) {
                    first.put(target, new ArrayList<>());
                    returning.put(target, new ArrayList<>());
                    returningVisitors.put(target, newContext());
                }
                for (int i = 0; i < WARM_UPS + runs; i++) {
                    for (Target target : targets) {
                        String url = target.base() + screen.path();
                        PageLoad cold;
                        try (BrowserContext firstVisitor = newContext()) {
                            cold = PageLoad.of(firstVisitor, url, screen.usable(), development);
                        }
                        PageLoad warm = PageLoad.of(returningVisitors.get(target), url, screen.usable(), development);
                        if (i >= WARM_UPS) {
                            first.get(target).add(cold);
                            returning.get(target).add(warm);
                        }
                    }
                }
            } catch (com.microsoft.playwright.TimeoutError e) {
                // one broken page must not hide the others' figures
                log.warn("BENCH {}: not usable within 60 s, skipped ({})", screen.name(), e.getMessage().lines().findFirst().orElse(""));
                return;
            } finally {
                returningVisitors.values().forEach(BrowserContext::close);
            }
            for (Target target : targets) {
                report(screen, "first visit" + target.label(), first.get(target), listRequests);
                report(screen, "returning visit" + target.label(), returning.get(target), listRequests);
            }
            if (TRACE != null) {
                targets.forEach(target -> traced(screen, target));
            }
        }

        /** One more first visit under a Chromium performance trace: where the renderer's main thread went. */
        private void traced(Screen screen, Target target) {
            chromium.startTracing(null, new Browser.StartTracingOptions());
            byte[] trace;
            try (BrowserContext firstVisitor = newContext()) {
                PageLoad.of(firstVisitor, target.base() + screen.path(), screen.usable(), development);
            } finally {
                trace = chromium.stopTracing();
            }
            log.info("BENCH {}, traced first visit{}: {}", screen.name(), target.label(), MainThreadTrace.of(trace, target.base()).summary(14));
            if (!TRACE.isBlank()) {
                try {
                    Path dir = Files.createDirectories(Path.of(TRACE));
                    Files.write(dir.resolve(screen.name().replaceAll("[^A-Za-z0-9]+", "-") + target.label().replaceAll("[^A-Za-z0-9]+", "-")
                            + ".json"), trace);
                } catch (java.io.IOException e) {
                    log.warn("trace not written: {}", e.toString());
                }
            }
        }

        private BrowserContext newContext() {
            BrowserContext context = chromium.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900));
            context.addInitScript(PageLoad.LONG_TASK_RECORDER);
            return context;
        }

        private void report(Screen screen, String visit, List<PageLoad> loads, boolean listRequests) {
            log.info("BENCH {}, {} ({} runs, {} mode): server time p50 {} / p95 {} ms (document p50 {}, Vaadin requests p50 {} ms); "
                            + "time to usable p50 {} / p95 {} ms (goals <= 300 ms, <= 1,000 ms); p50 of: v-r=init sent at {} ms, "
                            + "{} requests, {} KB transferred, {} KB decoded, main thread {} ms in tasks, {} ms in script, {} ms in long tasks",
                    screen.name(), visit, runs, development ? "development" : "production", p(loads, 50, PageLoad::server),
                    p(loads, 95, PageLoad::server), p(loads, 50, PageLoad::document), p(loads, 50, PageLoad::vaadin),
                    p(loads, 50, PageLoad::usable), p(loads, 95, PageLoad::usable), p(loads, 50, PageLoad::initSent),
                    (int) p(loads, 50, PageLoad::requests), Math.round(p(loads, 50, PageLoad::transferred) / 1024),
                    Math.round(p(loads, 50, PageLoad::decoded) / 1024), p(loads, 50, PageLoad::tasks), p(loads, 50, PageLoad::script),
                    p(loads, 50, PageLoad::longTasks));
            if (listRequests) {
                StringBuilder table = new StringBuilder();
                loads.get(loads.size() / 2).resources().forEach(r -> table.append(String.format("%n  %6s–%6s ms %9s B over the network %9s B decoded  %-6s %s",
                        r.get("start"), r.get("end"), r.get("transferred"), r.get("decoded"), r.get("type"), shortened((String) r.get("name")))));
                log.info("BENCH {}, {}: the requests of one load (start–end since navigation start){}", screen.name(), visit, table);
            }
        }

        private static String shortened(String name) {
            return name.length() > 110 ? name.substring(0, 110) + "…" : name;
        }
    }

    /** The nearest-rank percentile. */
    private static double p(List<PageLoad> loads, int percentile, ToDoubleFunction<PageLoad> figure) {
        List<Double> values = new ArrayList<>(loads.stream().map(figure::applyAsDouble).toList());
        Collections.sort(values);
        int rank = (int) Math.ceil(percentile / 100.0 * values.size());
        return Math.round(values.get(Math.max(0, rank - 1)) * 10) / 10.0;
    }

    private static double seconds(long since) {
        return Math.round((System.nanoTime() - since) / 1e8) / 10.0;
    }
}
