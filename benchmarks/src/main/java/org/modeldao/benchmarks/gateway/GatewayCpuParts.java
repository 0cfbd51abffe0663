package org.modeldao.benchmarks.gateway;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Where the in-process gateway's CPU goes, by thread: the request threads (Tomcat's, and the carriers
 * its virtual threads run on), the virtual threads' timers (the delay scheduler that wakes a timed park),
 * the JDK's NIO2 event port (which dispatches the connector's I/O completions), the decision log's
 * writer, H2's own threads, and the rest of the JVM (JIT, GC, the chain feed and other threads).
 * A snapshot is the CPU time so far of each part; the difference of two, divided by the calls served
 * between them, says what a call costs each part — what a load test's process-wide CPU figure cannot
 * tell apart.
 */
final class GatewayCpuParts {

    static final String REQUESTS = "request threads";
    static final String TIMERS = "virtual threads' timers";
    static final String IO_EVENTS = "NIO2 event port";
    static final String WRITER = "decision writer";
    static final String H2 = "H2's threads";
    static final String REST = "rest of the JVM";

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    /** The whole stack: {@link #EVENT_PORT}'s loop is at its bottom, under whatever completion it runs. */
    private static final int STACK_DEPTH = Integer.MAX_VALUE;
    private static final String EVENT_PORT = "sun.nio.ch.EPollPort";

    private GatewayCpuParts() {}

    /** CPU nanoseconds so far by part; {@link #REST} is the process's CPU time less the named parts. */
    static Map<String, Long> snapshot() {
        Map<String, Long> parts = new LinkedHashMap<>();
        for (String part : new String[] {REQUESTS, TIMERS, IO_EVENTS, WRITER, H2}) {
            parts.put(part, 0L);
        }
        for (ThreadInfo info : THREADS.getThreadInfo(THREADS.getAllThreadIds(), STACK_DEPTH)) {
            String part = info == null ? null : partOf(info);
            if (part != null) {
                parts.merge(part, Math.max(0, THREADS.getThreadCpuTime(info.getThreadId())), Long::sum);
            }
        }
        long process = ProcessHandle.current().info().totalCpuDuration().orElseThrow().toNanos();
        parts.put(REST, process - parts.values().stream().mapToLong(Long::longValue).sum());
        return parts;
    }

    private static String partOf(ThreadInfo info) {
        String thread = info.getThreadName();
        if (thread.startsWith("ForkJoinPool-") && thread.endsWith("-delayScheduler")) {
            return TIMERS;
        }
        if (thread.startsWith("http-") || thread.startsWith("ForkJoinPool-")) {
            return REQUESTS; // Tomcat's threads; the carriers of its virtual request threads
        }
        if (Arrays.stream(info.getStackTrace()).anyMatch(frame -> frame.getClassName().startsWith(EVENT_PORT))) {
            return IO_EVENTS; // an InnocuousThread by name: only its stack tells it apart
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
