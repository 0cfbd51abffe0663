package org.modeldao.gateway.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.modeldao.gateway.GovernanceFixture;

/** Dynamic batching with the real DJL engine on the demo iris model. */
class BatchingTest {

    /** Eight different flowers: each call sends one, or two rows. */
    private static final double[][] ROWS = {
            {5.1, 3.5, 1.4, 0.2}, {6.7, 3.0, 5.2, 2.3}, {5.9, 3.0, 4.2, 1.5}, {4.9, 3.0, 1.4, 0.2},
            {6.3, 2.9, 5.6, 1.8}, {5.5, 2.4, 3.8, 1.1}, {7.2, 3.6, 6.1, 2.5}, {5.0, 3.4, 1.5, 0.2}};

    @TempDir
    Path dir;

    private final List<Integer> runs = Collections.synchronizedList(new ArrayList<>());

    /** One predictor that waits up to {@code delay} for more calls: calls arriving together share runs. */
    private ServingFixture batching(int queue, Duration delay) {
        return new ServingFixture(new ServingSettings(1, queue, Duration.ofSeconds(10), Duration.ofSeconds(1),
                new ServingSettings.Batching(true, delay)), version -> runs::add);
    }

    private LoadedVersion loadIris(ServingFixture serving, GovernanceFixture dao) throws Exception {
        serving.reconciler.reconcile(dao.snapshot());
        serving.awaitSettled();
        try (Lease lease = serving.registry.lease("iris", "1")) {
            return lease.version();
        }
    }

    private static List<Tensor> call(int i) {
        double[] row = ROWS[i % ROWS.length];
        if (i % 3 == 2) { // some calls carry two rows
            double[] next = ROWS[(i + 1) % ROWS.length];
            return ServingFixture.irisRows(row[0], row[1], row[2], row[3], next[0], next[1], next[2], next[3]);
        }
        return ServingFixture.irisRows(row);
    }

    @Test
    void concurrent_calls_stacked_into_one_run_get_what_they_get_alone() throws Exception {
        try (ServingFixture serving = batching(64, Duration.ofSeconds(2))) {
            GovernanceFixture dao = new GovernanceFixture(dir);
            dao.approveDemo("1");
            LoadedVersion iris = loadIris(serving, dao);
            assertThat(iris.batching()).isTrue();
            int calls = 12;
            List<List<Tensor>> alone = new ArrayList<>();
            for (int i = 0; i < calls; i++) {
                alone.add(iris.predict(call(i), 1)); // a 1-row limit: each runs alone
            }
            runs.clear();

            List<List<Tensor>> together = concurrently(iris, calls, 64);

            assertThat(runs).as("calls per engine run").anyMatch(n -> n > 1);
            assertThat(runs.stream().mapToInt(Integer::intValue).sum()).isEqualTo(calls);
            for (int i = 0; i < calls; i++) {
                List<Tensor> mine = together.get(i);
                assertThat(mine).hasSameSizeAs(alone.get(i));
                for (int t = 0; t < mine.size(); t++) {
                    assertThat(mine.get(t).name()).isEqualTo(alone.get(i).get(t).name());
                    assertThat(mine.get(t).shape()).isEqualTo(alone.get(i).get(t).shape());
                    assertThat(mine.get(t).numbers()).containsExactly(alone.get(i).get(t).numbers(),
                            org.assertj.core.data.Offset.offset(1e-6));
                }
            }
        }
    }

    @Test
    void a_run_takes_no_more_rows_than_the_limit() throws Exception {
        try (ServingFixture serving = batching(64, Duration.ofMillis(300))) {
            GovernanceFixture dao = new GovernanceFixture(dir);
            dao.approveDemo("1");
            LoadedVersion iris = loadIris(serving, dao);
            List<List<Tensor>> answers = concurrently(iris, 8, 3); // 1- and 2-row calls, at most 3 rows per run
            assertThat(answers).allSatisfy(a -> assertThat(a).isNotEmpty());
            // 8 calls, 11 rows: with at most 3 rows per run, never all 8 in one run
            assertThat(runs).allMatch(n -> n <= 3);
            assertThat(runs.stream().mapToInt(Integer::intValue).sum()).isEqualTo(8);
        }
    }

    @Test
    void a_full_queue_refuses_at_once_while_the_queued_calls_are_answered() throws Exception {
        try (ServingFixture serving = batching(2, Duration.ofSeconds(3))) {
            GovernanceFixture dao = new GovernanceFixture(dir);
            dao.approveDemo("1");
            LoadedVersion iris = loadIris(serving, dao);
            ExecutorService pool = Executors.newFixedThreadPool(3);
            try {
                // the first holds the only predictor, waiting up to 3 s for 64 rows; two more wait in the queue
                List<Future<List<Tensor>>> admitted = new ArrayList<>();
                for (int i = 0; i < 3; i++) {
                    int n = i;
                    admitted.add(pool.submit(() -> iris.predict(call(n), 64)));
                    Thread.sleep(100);
                }
                long start = System.nanoTime();
                assertThatThrownBy(() -> iris.predict(call(3), 64)).isInstanceOf(ServingException.AtCapacity.class)
                        .hasMessageContaining("full request queue");
                assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
                for (Future<List<Tensor>> answer : admitted) {
                    assertThat(answer.get(20, TimeUnit.SECONDS)).hasSize(1);
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void queued_calls_finish_on_a_version_revoked_while_they_wait_which_is_released_after() throws Exception {
        try (ServingFixture serving = batching(16, Duration.ofSeconds(2))) {
            GovernanceFixture dao = new GovernanceFixture(dir);
            dao.approveDemo("1");
            loadIris(serving, dao);
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Lease> leases = new ArrayList<>();
                List<Future<List<Tensor>>> queued = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    Lease lease = serving.registry.lease("iris", "1");
                    leases.add(lease);
                    int n = i;
                    queued.add(pool.submit(() -> lease.version().predict(call(n), 64)));
                }
                Thread.sleep(200); // all four wait: the predictor holds back for more rows
                serving.reconciler.reconcile(dao.revoke("1", "swapped while queued").snapshot());
                assertThatThrownBy(() -> serving.registry.lease("iris", "1")).isInstanceOf(ServingException.Revoked.class);
                for (Future<List<Tensor>> answer : queued) {
                    assertThat(answer.get(20, TimeUnit.SECONDS)).hasSize(1);
                }
                LoadedVersion retired = leases.getFirst().version();
                assertThat(retired.released()).isFalse();
                leases.forEach(Lease::close);
                assertThat(retired.released()).isTrue();
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void without_batching_every_call_runs_alone() throws Exception {
        try (ServingFixture serving = new ServingFixture(new ServingSettings(1, 64, Duration.ofSeconds(10),
                Duration.ofSeconds(1)), version -> runs::add)) {
            GovernanceFixture dao = new GovernanceFixture(dir);
            dao.approveDemo("1");
            LoadedVersion iris = loadIris(serving, dao);
            assertThat(iris.batching()).isFalse();
            concurrently(iris, 8, 64);
            assertThat(runs).hasSize(8).containsOnly(1);
        }
    }

    /**
     * A wake-up lost between a runner freeing its predictor and a caller that found none would leave that caller
     * parked for its whole queue timeout while the pool idles. Platform threads and virtual threads (gRPC's workers and
     * Tomcat's) hammer two predictors in closed loops; no call may come near the queue timeout.
     */
    @Test
    void under_a_closed_loop_from_many_threads_no_call_waits_for_its_queue_timeout() throws Exception {
        try (ServingFixture serving = new ServingFixture(new ServingSettings(2, 64, Duration.ofSeconds(5),
                Duration.ofSeconds(1), new ServingSettings.Batching(true, Duration.ZERO)), version -> runs::add)) {
            GovernanceFixture dao = new GovernanceFixture(dir);
            dao.approveDemo("1");
            LoadedVersion iris = loadIris(serving, dao);
            for (boolean virtual : new boolean[] {false, true}) {
                long deadline = System.nanoTime() + Duration.ofSeconds(4).toNanos();
                AtomicLong slowest = new AtomicLong();
                AtomicLong calls = new AtomicLong();
                try (ExecutorService pool = virtual ? Executors.newVirtualThreadPerTaskExecutor()
                        : Executors.newFixedThreadPool(24)) {
                    List<Future<?>> loops = new ArrayList<>();
                    for (int t = 0; t < 24; t++) {
                        int n = t;
                        loops.add(pool.submit(() -> {
                            while (System.nanoTime() < deadline) {
                                long start = System.nanoTime();
                                iris.predict(call(n), 16);
                                slowest.accumulateAndGet(System.nanoTime() - start, Math::max);
                                calls.incrementAndGet();
                            }
                            return null;
                        }));
                    }
                    for (Future<?> loop : loops) {
                        loop.get(30, TimeUnit.SECONDS);
                    }
                }
                // a lost wake-up sleeps the whole 5 s out; half of it leaves room for a loaded CI machine's pauses
                assertThat(Duration.ofNanos(slowest.get())).as("slowest of %d calls on %s threads", calls.get(),
                        virtual ? "virtual" : "platform").isLessThan(Duration.ofMillis(2_500));
            }
        }
    }

    /**
     * A batched call waits without a timer of its own ({@code OverdueCalls} wakes it at its queue timeout): every
     * call must still be refused at its own timeout, within a tick, while the predictor stays taken — here by a run
     * waiting 5 s for more rows — and not only when the predictor comes free.
     */
    @Test
    void waiting_calls_are_refused_at_their_own_queue_timeout_while_the_predictor_stays_taken() throws Exception {
        Duration queueTimeout = Duration.ofMillis(500);
        try (ServingFixture serving = new ServingFixture(new ServingSettings(1, 8, queueTimeout, Duration.ofSeconds(1),
                new ServingSettings.Batching(true, Duration.ofSeconds(5))), version -> runs::add)) {
            GovernanceFixture dao = new GovernanceFixture(dir);
            dao.approveDemo("1");
            LoadedVersion iris = loadIris(serving, dao);
            try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
                Future<List<Tensor>> holder = threads.submit(() -> iris.predict(call(0), 64));
                Thread.sleep(200); // it has the only predictor and waits for 64 rows
                List<Future<Duration>> waiters = new ArrayList<>();
                for (int i = 1; i <= 4; i++) {
                    int n = i;
                    waiters.add(threads.submit(() -> {
                        long start = System.nanoTime();
                        assertThatThrownBy(() -> iris.predict(call(n), 64))
                                .isInstanceOf(ServingException.AtCapacity.class)
                                .hasMessageContaining("no free predictor in time");
                        return Duration.ofNanos(System.nanoTime() - start);
                    }));
                    Thread.sleep(20);
                }
                for (Future<Duration> waited : waiters) {
                    assertThat(waited.get(20, TimeUnit.SECONDS)).isBetween(queueTimeout, Duration.ofMillis(2_500));
                }
                assertThat(holder.get(20, TimeUnit.SECONDS)).hasSize(1);
            }
        }
    }

    /** {@code calls} calls at once, each on its own thread, in call order. */
    private static List<List<Tensor>> concurrently(LoadedVersion version, int calls, int maxRows) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<List<Tensor>>> futures = new ArrayList<>();
            for (int i = 0; i < calls; i++) {
                int n = i;
                futures.add(pool.submit(() -> {
                    start.await();
                    return version.predict(call(n), maxRows);
                }));
            }
            start.countDown();
            List<List<Tensor>> answers = new ArrayList<>();
            for (Future<List<Tensor>> f : futures) {
                answers.add(f.get(30, TimeUnit.SECONDS));
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }
}
