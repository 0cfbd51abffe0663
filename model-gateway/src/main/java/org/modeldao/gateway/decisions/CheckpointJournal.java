package org.modeldao.gateway.decisions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/** The append-only checkpoint file: one JSON line per checkpoint, forced to disk before it counts. */
final class CheckpointJournal {

    private final Path file;

    CheckpointJournal(Path file) {
        this.file = file;
    }

    Path file() {
        return file;
    }

    boolean exists() {
        return Files.exists(file);
    }

    void append(DecisionCheckpoint checkpoint) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND)) {
                out.write(ByteBuffer.wrap((checkpoint.toLine() + "\n").getBytes(StandardCharsets.US_ASCII)));
                out.force(true);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to the audit checkpoint file " + file, e);
        }
    }

    /** @throws IllegalArgumentException naming the first line that is not a checkpoint */
    List<DecisionCheckpoint> readAll() {
        if (!exists()) {
            return List.of();
        }
        try {
            return Files.readAllLines(file, StandardCharsets.US_ASCII).stream().filter(line -> !line.isBlank())
                    .map(DecisionCheckpoint::fromLine).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the audit checkpoint file " + file, e);
        }
    }

    /** The last checkpoint's seq, 0 if none (read once at start; the file is not re-read per write). */
    long lastSeq() {
        List<DecisionCheckpoint> all = readAll();
        return all.isEmpty() ? 0 : all.getLast().seq();
    }
}
