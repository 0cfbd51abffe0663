package org.modeldao.launcher.services;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Real processes: a stand-in for the launcher's JVM is SIGKILLed (no shutdown hook runs), and
 * the guarded child must go with it.
 */
class OrphanGuardTest {

    private final List<Process> started = new ArrayList<>();

    @AfterEach
    void killLeftovers() {
        started.forEach(Process::destroyForcibly);
    }

    @Test
    void stops_the_child_when_the_launcher_is_killed() throws Exception {
        Process launcher = sleeper();
        Process child = sleeper();
        OrphanGuard guard = OrphanGuard.watch(launcher.pid(), child.pid());

        launcher.destroyForcibly().waitFor();

        assertThat(child.waitFor(OrphanGuard.POLL.multipliedBy(5).toMillis(), TimeUnit.MILLISECONDS))
                .as("the guarded child exits after the launcher's death").isTrue();
        awaitExit(guard);
    }

    @Test
    void leaves_the_child_alone_while_the_launcher_lives_and_after_a_normal_close() throws Exception {
        Process launcher = sleeper();
        Process child = sleeper();
        OrphanGuard guard = OrphanGuard.watch(launcher.pid(), child.pid());

        Thread.sleep(OrphanGuard.POLL.multipliedBy(2).toMillis());
        assertThat(child.isAlive()).as("launcher alive: child untouched").isTrue();

        guard.close(); // the launcher's own shutdown stopped its children: the guard has nothing left to do
        awaitExit(guard);
        launcher.destroyForcibly().waitFor();
        Thread.sleep(OrphanGuard.POLL.multipliedBy(2).toMillis());
        assertThat(child.isAlive()).as("a closed guard never signals").isTrue();
    }

    private Process sleeper() throws IOException {
        Process process = new ProcessBuilder("sleep", "300").start();
        started.add(process);
        return process;
    }

    private static void awaitExit(OrphanGuard guard) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (guard.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(guard.isAlive()).as("the guard's shell is gone").isFalse();
    }
}
