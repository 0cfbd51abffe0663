package org.modeldao.gateway.decisions;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * H2 has no roles worth the name: whoever can connect can rewrite the log and its head. There the
 * signed checkpoints are what notices it.
 */
class DecisionCheckpointTest {

    static final int EVERY = 10;

    @TempDir
    Path dir;
    DecisionFixture db;

    @BeforeEach
    void open() throws Exception {
        db = new DecisionFixture("jdbc:h2:mem:checkpoints-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1", "sa", "h2");
        try (DecisionLog log = db.checkpointedLog(dir, EVERY)) {
            for (int i = 1; i <= 25; i++) {
                log.record(DecisionFixture.inference(i));
                if (i % 5 == 0) {
                    log.flush(); // several batches, so the head passes 10 and 20 in different ones
                }
            }
        }
    }

    DecisionChainVerifier.Result verify() {
        return db.witnessedVerifier(dir, EVERY).verify();
    }

    List<DecisionCheckpoint> checkpoints() {
        return db.checkpointedLogSettings(dir).journal().readAll();
    }

    @Test
    void a_signed_checkpoint_is_written_every_n_entries_and_at_close_and_the_chain_verifies_against_them() {
        assertThat(checkpoints()).extracting(DecisionCheckpoint::seq).containsExactly(10L, 20L, 25L);
        String publicKey = db.checkpointedLogSettings(dir).checkpointKeyFile().resolveSibling("audit-checkpoint.key.pub")
                .toFile().exists() ? "present" : "missing";
        assertThat(publicKey).isEqualTo("present");
        assertThat(checkpoints().getFirst().message()).as("fixed width, ready for a contract").hasSize(76);
        DecisionChainVerifier.Result result = verify();
        assertThat(result.intact()).as(result.problem()).isTrue();
        assertThat(result.entries()).isEqualTo(25);
    }

    @Test
    void truncating_the_last_entries_and_moving_the_head_passes_the_chain_alone_but_not_the_checkpoints() {
        String hash20 = db.jdbc.queryForObject("SELECT entry_hash FROM audit_log WHERE seq = 20", String.class);
        db.jdbc.update("DELETE FROM audit_log WHERE seq > 20");
        db.jdbc.update("UPDATE audit_head SET seq = 20, entry_hash = ? WHERE id = 1", hash20);
        assertThat(db.verifier().verify().intact()).as("internally consistent: the old weakness").isTrue();
        DecisionChainVerifier.Result result = verify();
        assertThat(result.firstBrokenSeq()).isEqualTo(21);
        assertThat(result.problem()).contains("entry 25 existed", "entries removed");
    }

    @Test
    void a_head_moved_back_is_detected() {
        String hash15 = db.jdbc.queryForObject("SELECT entry_hash FROM audit_log WHERE seq = 15", String.class);
        db.jdbc.update("UPDATE audit_head SET seq = 15, entry_hash = ? WHERE id = 1", hash15);
        assertThat(verify().problem()).contains("head moved back");
    }

    @Test
    void a_chain_rewritten_from_an_edited_entry_on_with_fresh_hashes_is_detected() {
        db.jdbc.update("UPDATE audit_log SET outcome = 'refused' WHERE seq = 3");
        String prev = db.jdbc.queryForObject("SELECT entry_hash FROM audit_log WHERE seq = 2", String.class).trim();
        for (long seq = 3; seq <= 25; seq++) {
            Map<String, Object> row = db.jdbc.queryForMap("SELECT * FROM audit_log WHERE seq = ?", seq);
            DecisionEntry e = new DecisionEntry((String) row.get("KIND"), (String) row.get("CALLER"), (String) row.get("MODEL"),
                    (String) row.get("MODEL_VERSION"), (String) row.get("OUTCOME"), (String) row.get("DETAIL"));
            String hash = StoredEntry.hashOf(seq, (Long) row.get("RECORDED_AT_MS"), e, prev);
            db.jdbc.update("UPDATE audit_log SET prev_hash = ?, entry_hash = ? WHERE seq = ?", prev, hash, seq);
            prev = hash;
        }
        db.jdbc.update("UPDATE audit_head SET entry_hash = ? WHERE id = 1", prev);
        assertThat(db.verifier().verify().intact()).as("unkeyed hashes recomputed: consistent again").isTrue();
        DecisionChainVerifier.Result result = verify();
        assertThat(result.firstBrokenSeq()).isEqualTo(10);
        assertThat(result.problem()).contains("rewritten");
    }

    @Test
    void deleting_rows_is_detected() {
        db.jdbc.update("DELETE FROM audit_log WHERE seq IN (7, 8)");
        assertThat(verify().firstBrokenSeq()).isEqualTo(7);
    }

    @Test
    void a_forged_or_reordered_checkpoint_line_and_a_deleted_checkpoint_file_are_reported() throws Exception {
        Path file = db.checkpointedLogSettings(dir).checkpointFile();
        DecisionCheckpoint last = checkpoints().getLast();
        String forged = new DecisionCheckpoint(30, last.entryHash(), last.timeMillis(), last.signature()).toLine();
        Files.writeString(file, forged + "\n", StandardOpenOption.APPEND);
        assertThat(verify().problem()).contains("valid signature");

        Files.writeString(file, "not a checkpoint\n");
        assertThat(verify().problem()).contains("checkpoint file unusable");

        Files.delete(file);
        assertThat(verify().problem()).contains("no signed checkpoint");
    }

    @Test
    void the_verify_command_fails_on_a_truncated_tail_that_only_the_checkpoints_reveal() {
        String hash22 = db.jdbc.queryForObject("SELECT entry_hash FROM audit_log WHERE seq = 22", String.class);
        db.jdbc.update("DELETE FROM audit_log WHERE seq > 22");
        db.jdbc.update("UPDATE audit_head SET seq = 22, entry_hash = ? WHERE id = 1", hash22);
        assertThat(VerifyDecisionsCommand.run(db.witnessedVerifier(dir, EVERY))).isEqualTo(1);
    }
}
