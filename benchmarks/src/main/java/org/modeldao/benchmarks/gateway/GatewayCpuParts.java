package org.modeldao.benchmarks.gateway;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Where the in-process gateway's CPU goes, by thread: the request threads (Tomcat's, the carriers its
 * virtual threads run on, and their delay scheduler), the decision log's writer, H2's own threads, and
 * the rest of the JVM (JIT, GC, the chain feed, the JDK's NIO2 event-port thread and other threads).
 * A snapshot is the CPU time so far of each part; the difference of two, divided by the calls served
 * between them, says what a call costs each part — what a load test's process-wide CPU figure cannot
 * tell apart.
 */
final class GatewayCpuParts {

    static final String REQUESTS = "request threads";
    static final String WRITER = "decision writer";
    static final String H2 = "H2's threads";
    static final String REST = "rest of the JVM";

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private GatewayCpuParts() {}

    /** CPU nanoseconds so far by part; {@link #REST} is the process's CPU time less the named parts. */
    static Map<String, Long> snapshot() {
        Map<String, Long> parts = new LinkedHashMap<>();
        for (String part : new String[] {REQUESTS, WRITER, H2}) {
            parts.put(part, 0L);
        }
        for (ThreadInfo info : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            String part = info == null ? null : partOf(info.getThreadName());
            if (part != null) {
                parts.merge(part, Math.max(0, THREADS.getThreadCpuTime(info.getThreadId())), Long::sum);
            }
        }
        long process = ProcessHandle.current().info().totalCpuDuration().orElseThrow().toNanos();
        parts.put(REST, process - parts.values().stream().mapToLong(Long::longValue).sum());
        return parts;
    }

    private static String partOf(String thread) {
        if (thread.startsWith("http-") || thread.startsWith("ForkJoinPool-")) {
            return REQUESTS; // Tomcat's threads; the carriers of its virtual request threads and their delay scheduler
        }
        if (thread.equals("decision-writer")) {
            return WRITER;
        }
        if (thread.startsWith("H2-") || thread.startsWith("MVStore")) {
            return H2;
        }
        return null;
    }

    /** The CPU by part over several stretches of load, and the calls served in them. */
    static final class Tally {
        private final Map<String, Long> nanos = new LinkedHashMap<>();
        private long calls;

        /** Adds the stretch between two snapshots, in which {@code served} calls were answered. */
        void add(Map<String, Long> before, Map<String, Long> after, long served) {
            after.forEach((part, total) -> nanos.merge(part, total - before.getOrDefault(part, 0L), Long::sum));
            calls += served;
        }

        /** e.g. {@code request threads 120.3, decision writer 15.2, …} µs per call. */
        String perCall() {
            return nanos.entrySet().stream().map(e -> String.format(Locale.ROOT, "%s %.1f", e.getKey(),
                    calls == 0 ? Double.NaN : e.getValue() / 1e3 / calls)).collect(Collectors.joining(", "));
        }
    }
}
