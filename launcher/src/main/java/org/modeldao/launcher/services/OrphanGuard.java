package org.modeldao.launcher.services;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;

/**
 * Stops a child process when the launcher dies without running its shutdown hook.
 *
 * <p>Ctrl-C and SIGTERM reach the launcher's shutdown hook, which stops every child itself. A
 * SIGKILL (or an OOM kill) of the launcher's JVM runs no hook, and the JVM cannot ask the
 * kernel to signal its children on death (Linux's {@code PR_SET_PDEATHSIG} is not reachable
 * from Java), so the children would be re-parented and keep their ports. A guard is a tiny
 * POSIX shell that polls the launcher's pid and, once it is gone, sends the child SIGTERM
 * (graceful: Spring's shutdown, Hardhat's exit) and SIGKILL after a grace period. Closing the
 * guard (normal shutdown) just stops the shell.
 */
public final class OrphanGuard implements AutoCloseable {

    static final Duration POLL = Duration.ofSeconds(1);
    static final Duration GRACE = Duration.ofSeconds(20);

    // $1 = launcher pid, $2 = child pid; "kill -0" only probes that a process exists
    private static final String SCRIPT = """
            while kill -0 "$1" 2>/dev/null; do sleep %d; done
            kill -TERM "$2" 2>/dev/null || exit 0
            waited=0
            while kill -0 "$2" 2>/dev/null && [ "$waited" -lt %d ]; do sleep 1; waited=$((waited + 1)); done
            kill -KILL "$2" 2>/dev/null
            exit 0
            """.formatted(POLL.toSeconds(), GRACE.toSeconds());

    private final Process shell;

    private OrphanGuard(Process shell) {
        this.shell = shell;
    }

    /** Guards {@code child} against the death of this JVM. */
    public static OrphanGuard watch(long childPid) {
        return watch(ProcessHandle.current().pid(), childPid);
    }

    static OrphanGuard watch(long parentPid, long childPid) {
        ProcessBuilder builder = new ProcessBuilder(List.of("/bin/sh", "-c", SCRIPT, "orphan-guard",
                Long.toString(parentPid), Long.toString(childPid)))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        try {
            return new OrphanGuard(builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the orphan guard for pid " + childPid, e);
        }
    }

    boolean isAlive() {
        return shell.isAlive();
    }

    @Override
    public void close() {
        // the shell's sleeping child goes with it at the next tick; nothing else to release
        shell.descendants().forEach(ProcessHandle::destroy);
        shell.destroy();
    }
}
