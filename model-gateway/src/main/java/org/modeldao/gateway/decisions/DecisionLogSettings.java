package org.modeldao.gateway.decisions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the decision log's writer and checkpoints ({@code gateway.decision-log.*}).
 *
 * @param enqueueWait how long a call waits for room in the full queue before it is refused (503)
 * @param stallAfter readiness goes DOWN when entries wait and nothing was stored for this long
 * @param maxBackoff the longest pause between attempts while the database refuses writes
 * @param linger how long the writer rests after storing a batch that was not full, so the next one
 *     fills up: each transaction has a fixed cost, and a longer rest means fewer, larger batches, at
 *     the price of entries reaching the table (and a crash losing) up to this much later
 * @param checkpointEvery a signed checkpoint each time the head passes a multiple of this many entries
 * @param checkpointFile the append-only file of signed checkpoints (one per gateway instance)
 * @param checkpointKeyFile the Ed25519 seed (hex), generated on first use if absent; {@code .pub} beside it
 * @param checkpointKey the seed in hex instead of the file (e.g. from an environment variable)
 */
@ConfigurationProperties("gateway.decision-log")
public record DecisionLogSettings(@DefaultValue("2s") Duration enqueueWait, @DefaultValue("10s") Duration stallAfter,
        @DefaultValue("5s") Duration maxBackoff, @DefaultValue("20ms") Duration linger,
        @DefaultValue("1000") long checkpointEvery,
        @DefaultValue("./.gateway/decisions-checkpoints.jsonl") Path checkpointFile,
        @DefaultValue("./.gateway/decisions-checkpoint.key") Path checkpointKeyFile,
        @DefaultValue("") String checkpointKey) {

    public DecisionLogSettings {
        // at least a millisecond: the writer rests this long whenever the queue was empty, and without a rest it would spin
        if (linger.toMillis() < 1 || linger.compareTo(Duration.ofSeconds(1)) > 0) {
            throw new IllegalArgumentException("gateway.decision-log.linger must be between 1ms and 1s, not " + linger);
        }
    }

    public static DecisionLogSettings defaults() {
        return new DecisionLogSettings(Duration.ofSeconds(2), Duration.ofSeconds(10), Duration.ofSeconds(5),
                Duration.ofMillis(20), 1000,
                Path.of("./.gateway/decisions-checkpoints.jsonl"), Path.of("./.gateway/decisions-checkpoint.key"), "");
    }

    /** The same bounds with the checkpoint files in {@code dir} and one every {@code every} entries. */
    public DecisionLogSettings checkpointingIn(Path dir, long every) {
        return new DecisionLogSettings(enqueueWait, stallAfter, maxBackoff, linger, every, dir.resolve("decisions-checkpoints.jsonl"),
                dir.resolve("decisions-checkpoint.key"), "");
    }

    /**
     * The files of the log under its former name, "audit" (issue 13), and what they are called
     * now. The default H2 database is among them: left beside the new files it would mean a new,
     * empty chain started silently.
     */
    private static final Map<String, String> FORMER_NAMES = formerNames();

    private static Map<String, String> formerNames() {
        Map<String, String> names = new LinkedHashMap<>();
        names.put("audit-checkpoints.jsonl", "decisions-checkpoints.jsonl");
        names.put("audit-checkpoint.key", "decisions-checkpoint.key");
        names.put("audit.mv.db", "decisions.mv.db");
        return names;
    }

    /**
     * Refuses to start beside a file of the log under its former name: its checkpoints (or key,
     * or H2 database) would otherwise be ignored and a new chain begun. Renaming is all it takes:
     * the migrations rename the tables, and hashes, keys and signatures are unchanged.
     *
     * @throws IllegalStateException naming the file found and the name it must have now
     */
    void refuseFilesUnderFormerNames() {
        for (Path dir : new Path[] {parentOf(checkpointFile), parentOf(checkpointKeyFile)}) {
            FORMER_NAMES.forEach((former, now) -> {
                Path found = dir.resolve(former);
                if (Files.exists(found)) {
                    throw new IllegalStateException(found + " is a file of the gateway's decision log under its former"
                            + " name (\"audit\"), no longer read: rename it to " + dir.resolve(now)
                            + " (with its .pub, for the key) to continue that log, or remove it to end it");
                }
            });
        }
    }

    private static Path parentOf(Path file) {
        Path parent = file.toAbsolutePath().getParent();
        return parent == null ? file.toAbsolutePath() : parent;
    }

    CheckpointJournal journal() {
        return new CheckpointJournal(checkpointFile);
    }

    CheckpointWitness witness() {
        return new CheckpointWitness(journal(), checkpointKey, checkpointKeyFile, checkpointEvery);
    }
}
