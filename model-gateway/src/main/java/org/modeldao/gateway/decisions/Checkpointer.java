package org.modeldao.gateway.decisions;

import java.nio.file.Path;
import java.time.Clock;
import org.modeldao.gateway.decisions.ChainAppender.Head;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a signed checkpoint of the chain's head each time the head passes a multiple of
 * {@code every} entries, and one of the last head at shutdown. Runs on the writer thread after a
 * commit, so a checkpoint never names an entry that is not in the database.
 */
final class Checkpointer implements DecisionLog.AppendListener {

    private static final Logger log = LoggerFactory.getLogger(Checkpointer.class);

    private final CheckpointJournal journal;
    private final String hexSeed;
    private final Path keyFile;
    private final long every;
    private final Clock clock;
    /** Created at the first checkpoint: a verify-only run must not mint a key. */
    private CheckpointKey key;
    private long lastSeq;
    private Head latest;

    Checkpointer(CheckpointJournal journal, String hexSeed, Path keyFile, long every, Clock clock) {
        if (every < 1) {
            throw new IllegalArgumentException("gateway.audit.checkpoint-every must be at least 1");
        }
        this.journal = journal;
        this.hexSeed = hexSeed;
        this.keyFile = keyFile;
        this.every = every;
        this.clock = clock;
        this.lastSeq = lastCheckpointed(journal);
    }

    /** An unreadable file must not stop the gateway: verify-audit reports it, new checkpoints follow it. */
    private static long lastCheckpointed(CheckpointJournal journal) {
        try {
            return journal.lastSeq();
        } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
            log.error("audit checkpoint file {} unreadable ({}); verify-audit will report it", journal.file(),
                    e.getMessage());
            return 0;
        }
    }

    @Override
    public void appended(Head head) {
        latest = head;
        if (head.seq() / every > lastSeq / every) {
            write(head);
        }
    }

    @Override
    public void closing() {
        if (latest != null && latest.seq() > lastSeq) {
            write(latest);
        }
    }

    private void write(Head head) {
        if (key == null) {
            key = CheckpointKey.loadOrCreate(hexSeed, keyFile);
        }
        long now = clock.millis();
        String signature = key.sign(DecisionCheckpoint.message(head.seq(), head.hash(), now));
        journal.append(new DecisionCheckpoint(head.seq(), head.hash(), now, signature));
        lastSeq = head.seq();
        log.debug("audit checkpoint at entry {}", head.seq());
    }
}
