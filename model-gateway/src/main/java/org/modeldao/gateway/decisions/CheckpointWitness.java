package org.modeldao.gateway.decisions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code verify-audit} holds the database against: the signed checkpoints and the public key
 * they must verify under ({@code <key file>.pub}, or the configured seed's key).
 */
final class CheckpointWitness {

    /** A problem with the checkpoints, at the first entry it concerns. */
    record Problem(long seq, String text) {}

    private final CheckpointJournal journal;
    private final String hexSeed;
    private final Path keyFile;
    private final long every;

    CheckpointWitness(CheckpointJournal journal, String hexSeed, Path keyFile, long every) {
        this.journal = journal;
        this.hexSeed = hexSeed;
        this.keyFile = keyFile;
        this.every = every;
    }

    /** The checkpoints, checked for signatures and order; the chain is checked against them by {@link #against}. */
    Optional<Problem> readable(List<DecisionCheckpoint> checkpoints, long headSeq) {
        if (checkpoints.isEmpty()) {
            return headSeq >= every
                    ? Optional.of(new Problem(1, "no signed checkpoint in " + journal.file() + " although the head is at "
                            + headSeq + " (one is written every " + every + " entries)"))
                    : Optional.empty();
        }
        String publicKey = publicKey().orElse(null);
        if (publicKey == null) {
            return Optional.of(new Problem(checkpoints.getFirst().seq(), "no public key to check the checkpoints ("
                    + CheckpointKey.publicKeyFile(keyFile) + " missing)"));
        }
        long previous = 0;
        for (DecisionCheckpoint c : checkpoints) {
            if (!CheckpointKey.verify(publicKey, c.message(), c.signature())) {
                return Optional.of(new Problem(c.seq(), "the checkpoint at entry " + c.seq()
                        + " does not carry a valid signature of key " + publicKey));
            }
            if (c.seq() <= previous) {
                return Optional.of(new Problem(c.seq(), "checkpoints out of order at entry " + c.seq()));
            }
            previous = c.seq();
        }
        return Optional.empty();
    }

    /** @param stored the stored hash of each checkpointed seq found in the log */
    static Optional<Problem> against(List<DecisionCheckpoint> checkpoints, Map<Long, String> stored, long lastSeq,
            long headSeq) {
        for (DecisionCheckpoint c : checkpoints) {
            String hash = stored.get(c.seq());
            if (hash == null) {
                return Optional.of(new Problem(lastSeq + 1, "the log ends at entry " + lastSeq
                        + " but a signed checkpoint proves entry " + c.seq() + " existed (entries removed)"));
            }
            if (!hash.equals(c.entryHash())) {
                return Optional.of(new Problem(c.seq(), "entry " + c.seq()
                        + " differs from its signed checkpoint (the chain was rewritten)"));
            }
        }
        long latest = checkpoints.isEmpty() ? 0 : checkpoints.getLast().seq();
        if (headSeq < latest) {
            return Optional.of(new Problem(headSeq + 1, "the head says " + headSeq
                    + " but a signed checkpoint proves entry " + latest + " (head moved back)"));
        }
        return Optional.empty();
    }

    List<DecisionCheckpoint> checkpoints() {
        return journal.readAll();
    }

    private Optional<String> publicKey() {
        try {
            if (hexSeed != null && !hexSeed.isBlank()) {
                return Optional.of(CheckpointKey.loadOrCreate(hexSeed, keyFile).publicKeyHex());
            }
            Path pub = CheckpointKey.publicKeyFile(keyFile);
            return Files.exists(pub) ? Optional.of(Files.readString(pub).strip()) : Optional.empty();
        } catch (java.io.IOException | IllegalStateException e) {
            return Optional.empty();
        }
    }
}
