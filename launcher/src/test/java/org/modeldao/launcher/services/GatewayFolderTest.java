package org.modeldao.launcher.services;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GatewayFolderTest {

    @TempDir
    Path home;

    @Test
    void the_audit_files_of_an_earlier_launcher_are_renamed_to_the_decision_log_names_keeping_their_content() throws Exception {
        Path folder = GatewayFolder.of(home);
        Files.createDirectories(folder.resolve(".gateway"));
        Files.writeString(folder.resolve("audit.mv.db"), "database");
        Files.writeString(folder.resolve(".gateway/audit-checkpoints.jsonl"), "checkpoints");
        Files.writeString(folder.resolve(".gateway/audit-checkpoint.key"), "key");
        Files.writeString(folder.resolve(".gateway/audit-checkpoint.key.pub"), "pub");

        assertThat(GatewayFolder.renameFormerFiles(home)).hasSize(4);

        assertThat(folder.resolve("decisions.mv.db")).hasContent("database");
        assertThat(folder.resolve(".gateway/decisions-checkpoints.jsonl")).hasContent("checkpoints");
        assertThat(folder.resolve(".gateway/decisions-checkpoint.key")).hasContent("key");
        assertThat(folder.resolve(".gateway/decisions-checkpoint.key.pub")).hasContent("pub");
        assertThat(folder.resolve("audit.mv.db")).doesNotExist();
        assertThat(GatewayFolder.renameFormerFiles(home)).as("a second start has nothing to rename").isEmpty();
    }

    @Test
    void a_file_under_both_names_is_left_for_the_gateway_to_refuse() throws Exception {
        Path folder = GatewayFolder.of(home);
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("audit.mv.db"), "old");
        Files.writeString(folder.resolve("decisions.mv.db"), "new");

        assertThat(GatewayFolder.renameFormerFiles(home)).isEmpty();
        assertThat(folder.resolve("audit.mv.db")).hasContent("old");
        assertThat(folder.resolve("decisions.mv.db")).hasContent("new");
    }

    @Test
    void a_fresh_home_has_nothing_to_rename() throws Exception {
        assertThat(GatewayFolder.renameFormerFiles(home)).isEmpty();
    }
}
