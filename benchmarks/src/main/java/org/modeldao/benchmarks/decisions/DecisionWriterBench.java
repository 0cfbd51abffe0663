package org.modeldao.benchmarks.decisions;

import com.sun.management.OperatingSystemMXBean;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.flywaydb.core.Flyway;
import org.modeldao.gateway.decisions.DecisionEntry;
import org.modeldao.gateway.decisions.DecisionLog;
import org.modeldao.gateway.decisions.DecisionLogSettings;
import org.modeldao.gateway.decisions.H2LogStore;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code ./dao bench decision-writer [rate] [seconds] [rounds]}: the CPU the gateway's decision writer
 * spends per entry while calls arrive at {@code rate} a second (8,000; what one gateway serves on this
 * machine), on the gateway's default store (an H2 file through HikariCP), for each of its settings
 * side by side: H2's page cache and write delay (which {@code H2LogStore} sets when the gateway starts),
 * each setting in a JVM of its own. Rounds are interleaved.
 *
 * <p>Each JVM records INFERENCE-shaped entries (a new caller each) at the rate from one thread, warms up
 * for {@code seconds}, then measures for {@code seconds}: the CPU time of the writer's thread and of
 * H2's own threads per entry, of the whole JVM but the recording thread (JIT and GC included), and the
 * time the JVM stood still in garbage collections per second.
 * Isolated from the gateway's other work, the writer's cost is seen without the noise of a load test.
 */
public final class DecisionWriterBench {

    private static final String CHILD = "child";
    private static final String RESULT = "RESULT ";

    /** An H2 page cache and write delay, as URL settings; the linger and H2's value cache as shipped. */
    private record Variant(String label, String h2Settings) {}

    private static final List<Variant> VARIANTS = List.of(
            new Variant("H2's page cache 16 MB, write delay 500 ms (H2's defaults, the settings before 2026-12-08)", ""),
            new Variant("page cache 1 MB, write delay 500 ms", ";CACHE_SIZE=1024"),
            new Variant("page cache 1 MB, write delay 0 (a write per commit)", ";CACHE_SIZE=1024;WRITE_DELAY=0"),
            new Variant("page cache " + H2LogStore.CACHE_KB / 1024 + " MB, write delay " + H2LogStore.WRITE_DELAY_MS
                    + " ms (as shipped)", ";CACHE_SIZE=" + H2LogStore.CACHE_KB + ";WRITE_DELAY=" + H2LogStore.WRITE_DELAY_MS));

    private DecisionWriterBench() {}

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals(CHILD)) {
            child(args[1], Integer.parseInt(args[2]), Integer.parseInt(args[3]));
            return;
        }
        int rate = args.length > 0 ? Integer.parseInt(args[0]) : 8000;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        List<List<double[]>> results = new ArrayList<>();
        VARIANTS.forEach(v -> results.add(new ArrayList<>()));
        for (int round = 1; round <= rounds; round++) {
            for (int i = 0; i < VARIANTS.size(); i++) {
                Variant v = VARIANTS.get(i);
                double[] r = runChild(v, rate, seconds);
                results.get(i).add(r);
                System.out.printf("round %d, %s: writer %.1f µs, H2 threads %.1f µs, JVM but the recorder %.1f µs per entry,"
                        + " GC pauses %.1f ms a second%n", round, v.label(), r[0], r[1], r[2], r[3]);
            }
        }
        System.out.printf("%n[decision-writer] %,d entries/s, %d s measured after %d s warm-up, %d interleaved rounds;"
                + " CPU µs per entry, mean over rounds (range)%n", rate, seconds, seconds, rounds);
        System.out.println("| setting | writer thread | H2's threads | JVM but the recorder | JVM vs the first row"
                + " | GC pauses, ms a second |");
        System.out.println("|---|---|---|---|---|---|");
        double first = mean(results.getFirst(), 2);
        for (int i = 0; i < VARIANTS.size(); i++) {
            List<double[]> r = results.get(i);
            System.out.printf("| %s | %s | %s | %s | %.2f | %s |%n", VARIANTS.get(i).label(), cell(r, 0), cell(r, 1),
                    cell(r, 2), mean(r, 2) / first, cell(r, 3));
        }
    }

    private static double[] runChild(Variant v, int rate, int seconds) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(java.toString(), "-Dh2.objectCache=false", "-cp",
                System.getProperty("java.class.path"), DecisionWriterBench.class.getName(), CHILD,
                v.h2Settings(), Integer.toString(rate), Integer.toString(seconds))
                .redirectErrorStream(true).start();
        double[] result = null;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                if (line.startsWith(RESULT)) {
                    String[] f = line.substring(RESULT.length()).split(" ");
                    result = new double[] {Double.parseDouble(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2]),
                            Double.parseDouble(f[3])};
                }
            }
        }
        if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0 || result == null) {
            p.destroyForcibly();
            throw new IllegalStateException("the writer's JVM for \"" + v.label() + "\" failed (exit "
                    + (p.isAlive() ? "none" : p.exitValue()) + ")");
        }
        return result;
    }

    /**
     * In the setting's JVM: prints {@code RESULT <writer µs> <H2 µs> <JVM but the recorder µs>} per entry and
     * {@code <GC pause ms>} per second.
     */
    private static void child(String h2Settings, int rate, int seconds) throws Exception {
        Path dir = Files.createTempDirectory("decision-writer-bench");
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:h2:file:" + dir.resolve("decisions") + ";AUTO_SERVER=FALSE" + h2Settings); // the gateway's default store
        config.setUsername("sa");
        config.setPassword("");
        try (HikariDataSource source = new HikariDataSource(config)) {
            Flyway.configure().dataSource(source).locations("classpath:db/migration/common", "classpath:db/migration/h2")
                    .placeholders(Map.of("runtime_role", "sa")).load().migrate();
            DecisionEntry[] entries = entries(rate * seconds * 2);
            DecisionLogSettings d = DecisionLogSettings.defaults();
            DecisionLogSettings settings = new DecisionLogSettings(d.enqueueWait(), d.stallAfter(), d.maxBackoff(),
                    d.linger(), d.checkpointEvery(), dir.resolve("checkpoints.jsonl"),
                    dir.resolve("checkpoint.key"), "");
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            try (DecisionLog log = new DecisionLog(new JdbcTemplate(source),
                    new TransactionTemplate(new DataSourceTransactionManager(source)), Clock.systemUTC(), settings)) {
                record(log, entries, 0, rate * seconds, rate); // warm-up
                log.flush();
                long[] before = {writerNanos(threads), h2Nanos(threads), os.getProcessCpuTime() - threads.getCurrentThreadCpuTime(),
                        gcMillis()};
                record(log, entries, rate * seconds, entries.length, rate);
                log.flush();
                long[] after = {writerNanos(threads), h2Nanos(threads), os.getProcessCpuTime() - threads.getCurrentThreadCpuTime(),
                        gcMillis()};
                double n = entries.length - rate * seconds;
                System.out.printf(java.util.Locale.ROOT, "%s%.3f %.3f %.3f %.3f%n", RESULT, (after[0] - before[0]) / 1e3 / n,
                        (after[1] - before[1]) / 1e3 / n, (after[2] - before[2]) / 1e3 / n,
                        (after[3] - before[3]) / (double) seconds);
            }
        }
    }

    /** As the gateway's served calls: a new caller address each, the rest recurring. */
    private static DecisionEntry[] entries(int count) {
        DecisionEntry[] entries = new DecisionEntry[count];
        byte[] address = new byte[20];
        for (int i = 0; i < count; i++) {
            address[0] = (byte) i;
            address[1] = (byte) (i >> 8);
            address[2] = (byte) (i >> 16);
            entries[i] = new DecisionEntry("INFERENCE", "0x" + HexFormat.of().formatHex(address), "iris", "1", "served",
                    "constraints passed [] purpose=research policy=default");
        }
        return entries;
    }

    /** Records entries {@code from..to} at {@code rate} a second, in small bursts every half millisecond. */
    private static void record(DecisionLog log, DecisionEntry[] entries, int from, int to, int rate) {
        long start = System.nanoTime();
        int i = from;
        while (i < to) {
            long due = from + (System.nanoTime() - start) * rate / 1_000_000_000L;
            while (i < Math.min(due, to)) {
                log.record(entries[i++]);
            }
            LockSupport.parkNanos(500_000);
        }
    }

    /** The time the JVM stood still in collections so far (G1's young and mixed pauses). */
    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .filter(gc -> !gc.getName().contains("Concurrent"))
                .mapToLong(GarbageCollectorMXBean::getCollectionTime).sum();
    }

    private static long writerNanos(ThreadMXBean threads) {
        return cpuOfThreadsNamed(threads, "decision-writer");
    }

    /** H2's serialization and save threads, and the MVStore's background writer. */
    private static long h2Nanos(ThreadMXBean threads) {
        return cpuOfThreadsNamed(threads, "H2") + cpuOfThreadsNamed(threads, "MVStore");
    }

    private static long cpuOfThreadsNamed(ThreadMXBean threads, String prefix) {
        long sum = 0;
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && info.getThreadName().startsWith(prefix)) {
                sum += Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
            }
        }
        return sum;
    }

    private static double mean(List<double[]> rounds, int field) {
        return rounds.stream().mapToDouble(r -> r[field]).average().orElse(Double.NaN);
    }

    private static String cell(List<double[]> rounds, int field) {
        double min = rounds.stream().mapToDouble(r -> r[field]).min().orElse(Double.NaN);
        double max = rounds.stream().mapToDouble(r -> r[field]).max().orElse(Double.NaN);
        return String.format(java.util.Locale.ROOT, "%.1f (%.1f–%.1f)", mean(rounds, field), min, max);
    }
}
