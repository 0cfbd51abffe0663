package org.modeldao.gateway.approval.chain;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import org.modeldao.gateway.approval.GovernanceSnapshot;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps the last known registry state on disk, so a gateway restarted while its chain node
 * is down still serves what the DAO approved (and nothing else). Written atomically.
 */
public final class ApprovedStateStore {

    private final Path file;
    private final JsonMapper json = JsonMapper.builder().build();

    public ApprovedStateStore(Path file) {
        this.file = file;
    }

    public void save(GovernanceSnapshot snapshot) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path temp = Files.createTempFile(parent, "approved-state", ".tmp");
        json.writeValue(temp.toFile(), snapshot);
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    public Optional<GovernanceSnapshot> load() {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(json.readValue(file.toFile(), GovernanceSnapshot.class));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
