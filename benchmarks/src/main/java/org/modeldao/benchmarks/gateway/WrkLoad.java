package org.modeldao.benchmarks.gateway;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The load generator: Debian's {@code wrk} in a process of its own (so that neither server pays
 * for the client's CPU or shares its JVM), POSTing the bench's OIP v2 body over keep-alive.
 */
final class WrkLoad implements LoadGenerator {

    static final Path WRK = Path.of("/usr/bin/wrk");

    private final Path script;

    WrkLoad(Path dir, String body) throws IOException {
        if (!Files.isExecutable(WRK)) {
            throw new IllegalStateException(WRK + " not found: install Debian's wrk (apt-get install wrk)");
        }
        // a Lua long string keeps the JSON body as it is
        script = Files.writeString(dir.resolve("post.lua"), "wrk.method = \"POST\"\n"
                + "wrk.headers[\"Content-Type\"] = \"application/json\"\n"
                + "wrk.body = [==[" + body + "]==]\n");
    }

    /** Runs wrk for the duration with this many connections (and up to 2 threads) and parses its report. */
    @Override
    public WrkResult run(URI url, int connections, Duration duration) throws IOException, InterruptedException {
        int threads = Math.min(connections, 2);
        Process wrk = new ProcessBuilder(List.of(WRK.toString(), "-t" + threads, "-c" + connections,
                "-d" + duration.toSeconds() + "s", "--latency", "-s", script.toString(), url.toString()))
                .redirectErrorStream(true).start();
        byte[] out = wrk.getInputStream().readAllBytes();
        if (!wrk.waitFor(duration.toSeconds() + 30, TimeUnit.SECONDS) || wrk.exitValue() != 0) {
            wrk.destroyForcibly();
            throw new IllegalStateException("wrk failed: " + new String(out, StandardCharsets.UTF_8));
        }
        return WrkResult.parse(new String(out, StandardCharsets.UTF_8));
    }
}
