package org.modeldao.gateway.decisions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

/** Writer behaviour under a refusing database, run on H2 and on PostgreSQL alike. */
final class DecisionWriterScenarios {

    private final DecisionFixture db;

    DecisionWriterScenarios(DecisionFixture db) {
        this.db = db;
    }

    /** The database refuses one entry's normal form: it is stored ASCII-only, flagged, and the writer moves on. */
    void writerGivesUpOnAPoisonedEntryInsteadOfLooping() throws Exception {
        db.owner.execute("ALTER TABLE audit_log ADD CONSTRAINT refuses_poison CHECK (ascii_only OR caller <> 'poison')");
        try (DecisionLog log = db.newLog(DecisionFixture.QUICK)) {
            for (int i = 0; i < 10; i++) {
                log.record(DecisionFixture.inference(i));
            }
            log.record(new DecisionEntry("REFUSAL", "poison", "iris", "1", "x", "refused in normal form"));
            for (int i = 10; i < 20; i++) {
                log.record(DecisionFixture.inference(i));
            }
            long start = System.nanoTime();
            log.flush();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
            assertThat(db.entries()).isEqualTo(21);
            assertThat(db.jdbc.queryForObject("SELECT caller FROM audit_log WHERE ascii_only", String.class))
                    .isEqualTo("poison");
            assertThat(log.status().asciiOnlyEntries()).isEqualTo(1);
            assertThat(log.status().writeFailures()).isPositive();
            assertThat(log.status().stalled()).isFalse();
            assertThat(log.status().backlog()).isZero();
        } finally {
            db.owner.execute("ALTER TABLE audit_log DROP CONSTRAINT refuses_poison");
        }
        DecisionChainVerifier.Result result = db.verifier().verify();
        assertThat(result.intact()).as(result.problem()).isTrue();
    }

    /** The table is gone for a while: the writer backs off, reports a stall, and catches up when it is back. */
    void writerStallsVisiblyWhileTheDatabaseRefusesAndRecovers(String refuse, String allow) throws Exception {
        try (DecisionLog log = db.newLog(DecisionFixture.QUICK)) {
            for (int i = 0; i < 5; i++) {
                log.record(DecisionFixture.inference(i));
            }
            log.flush();
            db.owner.execute(refuse);
            for (int i = 5; i < 10; i++) {
                log.record(DecisionFixture.inference(i));
            }
            DecisionFixture.await(() -> log.status().stalled(), Duration.ofSeconds(5), "the writer reports the stall");
            long failures = log.status().writeFailures();
            Thread.sleep(1000);
            assertThat(log.status().writeFailures() - failures).as("backoff, not a hot loop").isLessThan(100);
            assertThat(log.status().backlog()).isEqualTo(5);
            assertThat(log.status().lastError()).isNotEmpty();

            db.owner.execute(allow);
            DecisionFixture.await(() -> !log.status().stalled() && log.status().backlog() == 0, Duration.ofSeconds(5),
                    "the writer catches up once the database takes writes again");
        }
        assertThat(db.entries()).isEqualTo(10);
        assertThat(db.verifier().verify().intact()).isTrue();
    }

    /** With the database refusing, a full queue refuses the call after the bounded wait; nothing accepted is lost. */
    void aFullQueueRefusesTheCallAfterTheBoundedWait(String refuse, String allow) throws Exception {
        long accepted = 0;
        try (DecisionLog log = db.newLog(DecisionFixture.QUICK)) {
            db.owner.execute(refuse);
            long waited = 0;
            try {
                while (accepted < 100_000) {
                    long start = System.nanoTime();
                    try {
                        log.record(DecisionFixture.inference((int) accepted));
                    } finally {
                        waited = System.nanoTime() - start;
                    }
                    accepted++;
                }
            } catch (DecisionLogUnavailableException expected) {
                assertThat(Duration.ofNanos(waited)).isBetween(DecisionFixture.QUICK.enqueueWait(), Duration.ofSeconds(2));
            }
            assertThat(accepted).as("capacity, not unbounded").isLessThan(DecisionLog.CAPACITY + 1001);
            assertThat(log.status().refusedCalls()).isEqualTo(1);
            assertThatThrownBy(() -> log.record(DecisionFixture.inference(-1))).isInstanceOf(DecisionLogUnavailableException.class);
            db.owner.execute(allow);
            log.flush();
        }
        assertThat(db.entries()).isEqualTo(accepted);
        assertThat(db.verifier().verify().intact()).isTrue();
    }
}
