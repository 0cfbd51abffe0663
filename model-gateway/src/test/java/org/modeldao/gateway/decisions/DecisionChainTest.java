package org.modeldao.gateway.decisions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DecisionChainTest {

    private DecisionFixture db;
    private DecisionLog log;

    @BeforeEach
    void open() {
        db = new DecisionFixture("jdbc:h2:mem:decisions-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1", "sa", "h2");
        log = db.newLog();
    }

    @AfterEach
    void close() throws InterruptedException {
        log.close();
    }

    private void record(int entries) throws InterruptedException {
        for (int i = 1; i <= entries; i++) {
            log.record(DecisionFixture.inference(i));
        }
        log.flush();
    }

    @Test
    void each_entry_links_to_the_previous_entrys_hash() throws Exception {
        record(50);
        DecisionChainVerifier.Result result = db.verifier().verify();
        assertThat(result.intact()).isTrue();
        assertThat(result.entries()).isEqualTo(50);
        String prevOf2 = db.jdbc.queryForObject("SELECT prev_hash FROM decision_log WHERE seq = 2", String.class);
        String hashOf1 = db.jdbc.queryForObject("SELECT entry_hash FROM decision_log WHERE seq = 1", String.class);
        assertThat(prevOf2).isEqualTo(hashOf1);
    }

    @Test
    void two_writers_on_one_database_taking_turns_extend_one_intact_chain() throws Exception {
        DecisionLog other = db.newLog();
        try {
            db.takingTurnsExtendOneIntactChain(log, other);
        } finally {
            other.close();
        }
    }

    @Test
    void entries_are_stamped_when_the_writer_takes_them_never_before_the_call_and_never_decreasing() throws Exception {
        long before = System.currentTimeMillis();
        for (int burst = 0; burst < 4; burst++) {
            record(25);
            Thread.sleep(15); // a few linger periods apart, so the bursts land in different batches
        }
        long after = System.currentTimeMillis();
        var stamps = db.jdbc.queryForList("SELECT recorded_at_ms FROM decision_log ORDER BY seq", Long.class);
        assertThat(stamps).hasSize(100).isSorted().allSatisfy(at -> assertThat(at).isBetween(before, after));
        assertThat(stamps.getLast()).as("later bursts are stamped later").isGreaterThan(stamps.getFirst());
        assertThat(db.verifier().verify().intact()).isTrue();
    }

    @Test
    void a_linger_that_would_spin_the_writer_or_stall_the_log_is_refused() {
        DecisionLogSettings d = DecisionLogSettings.defaults();
        for (Duration linger : new Duration[] {Duration.ZERO, Duration.ofNanos(999_999), Duration.ofMillis(-5),
                Duration.ofMillis(1001)}) {
            assertThatThrownBy(() -> new DecisionLogSettings(d.enqueueWait(), d.stallAfter(), d.maxBackoff(), linger,
                    d.checkpointEvery(), d.checkpointFile(), d.checkpointKeyFile(), d.checkpointKey()))
                    .as("linger %s", linger).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("gateway.decision-log.linger");
        }
        assertThat(d.linger()).isEqualTo(Duration.ofMillis(20));
    }

    @Test
    void an_edited_entry_is_reported_as_the_first_broken_link() throws Exception {
        record(20);
        db.jdbc.update("UPDATE decision_log SET outcome = 'refused' WHERE seq = 7");
        DecisionChainVerifier.Result result = db.verifier().verify();
        assertThat(result.firstBrokenSeq()).isEqualTo(7);
        assertThat(result.problem()).contains("edited");
    }

    @Test
    void a_deleted_entry_is_reported_where_the_gap_is() throws Exception {
        record(20);
        db.jdbc.update("DELETE FROM decision_log WHERE seq = 12");
        assertThat(db.verifier().verify().firstBrokenSeq()).isEqualTo(12);
    }

    @Test
    void a_rewritten_entry_with_a_fresh_hash_breaks_the_next_link() throws Exception {
        record(10);
        DecisionEntry forged = new DecisionEntry("INFERENCE", "0xabc", "iris", "1", "refused", "rewritten");
        String prev = db.jdbc.queryForObject("SELECT prev_hash FROM decision_log WHERE seq = 4", String.class);
        long at = db.jdbc.queryForObject("SELECT recorded_at_ms FROM decision_log WHERE seq = 4", Long.class);
        db.jdbc.update("UPDATE decision_log SET outcome = 'refused', detail = 'rewritten', entry_hash = ? WHERE seq = 4",
                StoredEntry.hashOf(4, at, forged, prev.trim()));
        assertThat(db.verifier().verify().firstBrokenSeq()).isEqualTo(5);
    }

    @Test
    void the_verify_command_exits_0_for_an_intact_chain_and_1_for_a_broken_one() throws Exception {
        record(5);
        assertThat(VerifyDecisionsCommand.run(db.verifier())).isZero();
        db.jdbc.update("UPDATE decision_log SET caller = 'someone else' WHERE seq = 2");
        assertThat(VerifyDecisionsCommand.run(db.verifier())).isEqualTo(1);
    }

    @Test
    void a_truncated_tail_is_noticed_through_the_head() throws Exception {
        record(10);
        db.jdbc.update("DELETE FROM decision_log WHERE seq > 8");
        DecisionChainVerifier.Result result = db.verifier().verify();
        assertThat(result.firstBrokenSeq()).isEqualTo(9);
    }

    @Test
    void attack_inputs_then_a_thousand_ordinary_calls_are_all_stored_in_an_intact_chain() throws Exception {
        db.survivesTheAttacksThenRecordsOrdinaryCalls(log);
    }

    @Test
    void the_writer_gives_up_on_a_poisoned_entry_rather_than_looping() throws Exception {
        new DecisionWriterScenarios(db).writerGivesUpOnAPoisonedEntryInsteadOfLooping();
    }

    @Test
    void the_writer_reports_a_stall_while_the_database_refuses_writes_and_recovers() throws Exception {
        new DecisionWriterScenarios(db).writerStallsVisiblyWhileTheDatabaseRefusesAndRecovers(
                "ALTER TABLE decision_log RENAME TO decision_log_away", "ALTER TABLE decision_log_away RENAME TO decision_log");
    }

    @Test
    void a_full_queue_refuses_the_call_after_a_bounded_wait_and_loses_nothing_it_accepted() throws Exception {
        new DecisionWriterScenarios(db).aFullQueueRefusesTheCallAfterTheBoundedWait(
                "ALTER TABLE decision_log RENAME TO decision_log_away", "ALTER TABLE decision_log_away RENAME TO decision_log");
    }

    @Test
    void text_stored_outside_the_normal_form_counts_as_edited() throws Exception {
        record(3);
        db.jdbc.update("UPDATE decision_log SET detail = CONCAT(detail, CHAR(0)) WHERE seq = 2");
        assertThat(db.verifier().verify().firstBrokenSeq()).isEqualTo(2);
    }
}
