package org.modeldao.benchmarks.gateway;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one {@code wrk --latency} run measured: requests completed, req/s, p50 and p99 in
 * milliseconds, and errors (socket errors of every kind plus non-2xx/3xx responses).
 */
record WrkResult(long requests, double requestsPerSecond, double p50Millis, double p99Millis, long errors) {

    private static final Pattern REQUESTS = Pattern.compile("(\\d+) requests in");
    private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([\\d.]+)");
    private static final Pattern SOCKET = Pattern.compile(
            "Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");
    private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");

    /** Parses wrk 4.x's text output; refuses output without a latency distribution. */
    static WrkResult parse(String output) {
        long errors = 0;
        Matcher socket = SOCKET.matcher(output);
        if (socket.find()) {
            for (int g = 1; g <= 4; g++) {
                errors += Long.parseLong(socket.group(g));
            }
        }
        Matcher non2xx = NON_2XX.matcher(output);
        if (non2xx.find()) {
            errors += Long.parseLong(non2xx.group(1));
        }
        return new WrkResult(Long.parseLong(required(REQUESTS, output)), Double.parseDouble(required(RATE, output)),
                percentile(output, "50"), percentile(output, "99"), errors);
    }

    private static double percentile(String output, String percent) {
        Matcher m = Pattern.compile("(?m)^\\s+" + percent + "%\\s+([\\d.]+)(us|ms|s|m)\\s*$").matcher(output);
        if (!m.find()) {
            throw new IllegalArgumentException("wrk output has no " + percent + "% latency (run with --latency):\n" + output);
        }
        double value = Double.parseDouble(m.group(1));
        return switch (m.group(2)) {
            case "us" -> value / 1000;
            case "ms" -> value;
            case "s" -> value * 1000;
            default -> value * 60_000;
        };
    }

    private static String required(Pattern pattern, String output) {
        Matcher m = pattern.matcher(output);
        if (!m.find()) {
            throw new IllegalArgumentException("not wrk output (no '" + pattern.pattern() + "'):\n" + output);
        }
        return m.group(1);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%.0f req/s p50 %.2f ms p99 %.2f ms errors %d", requestsPerSecond, p50Millis,
                p99Millis, errors);
    }
}
