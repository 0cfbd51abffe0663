package org.modeldao.gateway.decisions;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the audit writer ({@code gateway.audit.*}).
 *
 * @param enqueueWait how long a call waits for room in the full queue before it is refused (503)
 * @param stallAfter readiness goes DOWN when entries wait and nothing was stored for this long
 * @param maxBackoff the longest pause between attempts while the database refuses writes
 * @param checkpointEvery a signed checkpoint each time the head passes a multiple of this many entries
 * @param checkpointFile the append-only file of signed checkpoints (one per gateway instance)
 * @param checkpointKeyFile the Ed25519 seed (hex), generated on first use if absent; {@code .pub} beside it
 * @param checkpointKey the seed in hex instead of the file (e.g. from an environment variable)
 */
@ConfigurationProperties("gateway.audit")
public record DecisionLogSettings(@DefaultValue("2s") Duration enqueueWait, @DefaultValue("10s") Duration stallAfter,
        @DefaultValue("5s") Duration maxBackoff, @DefaultValue("1000") long checkpointEvery,
        @DefaultValue("./.gateway/audit-checkpoints.jsonl") Path checkpointFile,
        @DefaultValue("./.gateway/audit-checkpoint.key") Path checkpointKeyFile,
        @DefaultValue("") String checkpointKey) {

    public static DecisionLogSettings defaults() {
        return new DecisionLogSettings(Duration.ofSeconds(2), Duration.ofSeconds(10), Duration.ofSeconds(5), 1000,
                Path.of("./.gateway/audit-checkpoints.jsonl"), Path.of("./.gateway/audit-checkpoint.key"), "");
    }

    /** The same bounds with the checkpoint files in {@code dir} and one every {@code every} entries. */
    public DecisionLogSettings checkpointingIn(Path dir, long every) {
        return new DecisionLogSettings(enqueueWait, stallAfter, maxBackoff, every, dir.resolve("audit-checkpoints.jsonl"),
                dir.resolve("audit-checkpoint.key"), "");
    }

    CheckpointJournal journal() {
        return new CheckpointJournal(checkpointFile);
    }

    CheckpointWitness witness() {
        return new CheckpointWitness(journal(), checkpointKey, checkpointKeyFile, checkpointEvery);
    }
}
