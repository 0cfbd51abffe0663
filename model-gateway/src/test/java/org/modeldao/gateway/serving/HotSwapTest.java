package org.modeldao.gateway.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.modeldao.gateway.GovernanceFixture;
import org.modeldao.gateway.approval.GovernanceSnapshot;

class HotSwapTest {

    @TempDir
    Path dir;

    @Test
    void unversioned_calls_never_fail_while_the_alias_flips_under_load() throws Exception {
        try (ServingFixture serving = new ServingFixture()) {
            GovernanceFixture dao = new GovernanceFixture(dir);
            dao.approveDemo("1");
            dao.approveDemo("2");
            GovernanceSnapshot onV1 = dao.current("1").snapshot();
            GovernanceSnapshot onV2 = dao.current("2").snapshot();
            serving.reconciler.reconcile(onV1);
            serving.awaitSettled();
            serving.reconciler.reconcile(onV1);

            AtomicBoolean running = new AtomicBoolean(true);
            AtomicInteger served = new AtomicInteger();
            List<Throwable> errors = java.util.Collections.synchronizedList(new ArrayList<>());
            List<Thread> clients = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                clients.add(Thread.ofVirtual().start(() -> {
                    while (running.get()) {
                        try (Lease lease = serving.registry.lease("iris", null)) {
                            lease.version().predict(ServingFixture.irisRows(5.1, 3.5, 1.4, 0.2));
                            served.incrementAndGet();
                        } catch (ServingException.AtCapacity ignored) {
                            // bounded queue said "retry later": allowed, not an error
                        } catch (Throwable t) {
                            errors.add(t);
                        }
                    }
                }));
            }
            for (int swap = 0; swap < 500; swap++) {
                serving.reconciler.reconcile(swap % 2 == 0 ? onV2 : onV1);
            }
            running.set(false);
            for (Thread client : clients) {
                client.join();
            }
            assertThat(errors).isEmpty();
            assertThat(served.get()).isPositive();
        }
    }

    @Test
    void a_full_queue_refuses_at_once_instead_of_hanging() throws Exception {
        ServingSettings tiny = new ServingSettings(1, 0, Duration.ofMillis(200), Duration.ofSeconds(1));
        try (ServingFixture serving = new ServingFixture(tiny)) {
            GovernanceFixture dao = new GovernanceFixture(dir);
            dao.approveDemo("1");
            serving.reconciler.reconcile(dao.snapshot());
            serving.awaitSettled();
            LoadedVersion version;
            try (Lease lease = serving.registry.lease("iris", "1")) {
                version = lease.version();
            }
            // hold the only admission slot with a call that is parked inside the queue
            int[] refused = {0};
            CountDownLatch start = new CountDownLatch(1);
            List<Thread> callers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                callers.add(Thread.ofVirtual().start(() -> {
                    try {
                        start.await();
                        for (int n = 0; n < 200; n++) {
                            try {
                                version.predict(ServingFixture.irisRows(5.1, 3.5, 1.4, 0.2));
                            } catch (ServingException.AtCapacity e) {
                                synchronized (refused) {
                                    refused[0]++;
                                }
                            }
                        }
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }));
            }
            long began = System.nanoTime();
            start.countDown();
            for (Thread caller : callers) {
                caller.join(Duration.ofSeconds(30));
            }
            assertThat(refused[0]).isPositive();
            assertThat(Duration.ofNanos(System.nanoTime() - began)).isLessThan(Duration.ofSeconds(30));
        }
    }

    @Test
    void a_revoked_version_is_released_once_and_cannot_be_leased_again() throws Exception {
        try (ServingFixture serving = new ServingFixture()) {
            GovernanceFixture dao = new GovernanceFixture(dir);
            dao.approveDemo("1");
            serving.reconciler.reconcile(dao.snapshot());
            serving.awaitSettled();
            LoadedVersion loaded;
            try (Lease lease = serving.registry.lease("iris", "1")) {
                loaded = lease.version();
            }
            serving.reconciler.reconcile(dao.revoke("1", "r").snapshot());
            assertThat(loaded.released()).isTrue();
            assertThat(loaded.retain()).isFalse();
            assertThatThrownBy(() -> serving.registry.lease("iris", "1")).isInstanceOf(ServingException.Revoked.class);
        }
    }
}
