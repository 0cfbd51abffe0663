package org.modeldao.benchmarks.gateway;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** Drives one URL with N keep-alive connections for a fixed time, from a process of its own. */
interface LoadGenerator {

    WrkResult run(URI url, int connections, Duration duration) throws IOException, InterruptedException;

    /** Debian's wrk when installed, else the Java generator ({@link JavaLoad}), posting {@code body}. */
    static LoadGenerator available(Path dir, String body) throws IOException {
        return Files.isExecutable(WrkLoad.WRK) ? new WrkLoad(dir, body) : new JavaLoad(dir, body);
    }
}
