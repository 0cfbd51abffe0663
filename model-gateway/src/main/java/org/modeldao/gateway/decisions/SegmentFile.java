package org.modeldao.gateway.decisions;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * An archived segment's file: gzip of a header (format tag, first and last seq) and then every
 * entry of the segment in full ({@link ChainRow}, text in modified UTF-8, which keeps any Java
 * string exactly), so that verify-decisions re-computes each hash from it. Written to a temporary
 * file, forced to disk and moved into place: a crash leaves no file or the whole one.
 */
final class SegmentFile {

    static final String FORMAT = "modeldao.decisions.segment.v1";

    private SegmentFile() {}

    static String name(long first, long last) {
        return "decisions-%019d-%019d.seg.gz".formatted(first, last);
    }

    /** Writes one segment; {@link #add} its entries in order, then {@link #finish}. */
    static final class Writer implements AutoCloseable {
        private final Path target;
        private final Path temp;
        private final long last;
        private final MessageDigest digest = sha256();
        private final DataOutputStream out;
        private long expected;
        private boolean finished;

        Writer(Path dir, long first, long last) {
            this.target = dir.resolve(name(first, last));
            this.last = last;
            this.expected = first;
            try {
                Files.createDirectories(dir);
                temp = Files.createTempFile(dir, name(first, last), ".part");
                OutputStream file = new DigestOutputStream(Files.newOutputStream(temp), digest);
                out = new DataOutputStream(new BufferedOutputStream(new GZIPOutputStream(file, 1 << 16), 1 << 16));
                out.writeUTF(FORMAT);
                out.writeLong(first);
                out.writeLong(last);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create a decision log segment in " + dir, e);
            }
        }

        void add(ChainRow row) {
            if (row.seq() != expected || row.seq() > last) {
                throw new IllegalStateException("segment " + target.getFileName() + " expects entry " + expected
                        + ", not " + row.seq() + " (the table has a gap: run verify-decisions)");
            }
            try {
                out.writeLong(row.seq());
                out.writeLong(row.recordedAtMillis());
                out.writeBoolean(row.asciiOnly());
                for (String text : new String[] {row.kind(), row.caller(), row.model(), row.version(), row.outcome(),
                        row.detail(), row.prevHash(), row.hash()}) {
                    out.writeUTF(text);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the decision log segment " + temp, e);
            }
            expected++;
        }

        /** @return the file's name and the SHA-256 of its bytes, once it is on disk under that name */
        String finish() {
            if (expected != last + 1) {
                throw new IllegalStateException("segment " + target.getFileName() + " got entries up to " + (expected - 1)
                        + ", not " + last);
            }
            try {
                out.close(); // writes the gzip trailer
                try (FileChannel written = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                    written.force(true); // on disk before it gets its name: a name always means a whole file
                }
                try {
                    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
                }
                finished = true;
                return HexFormat.of().formatHex(digest.digest());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot finish the decision log segment " + target, e);
            }
        }

        @Override
        public void close() {
            if (!finished) {
                try {
                    out.close();
                } catch (IOException ignored) {
                    // the partial file is removed below; nothing of it counts
                }
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // a stray .part file is never read
                }
            }
        }
    }

    /**
     * Reads the segment {@code first..last} from {@code file}, every entry to {@code each}, in order.
     *
     * @return the SHA-256 of the file's bytes
     * @throws IllegalStateException when the file is not that segment: another format or range, cut short, extra data
     */
    static String read(Path file, long first, long last, Consumer<ChainRow> each) {
        MessageDigest digest = sha256();
        try (InputStream raw = new DigestInputStream(Files.newInputStream(file), digest);
                DataInputStream in = new DataInputStream(new BufferedInputStream(new GZIPInputStream(raw, 1 << 16), 1 << 16))) {
            if (!FORMAT.equals(in.readUTF()) || in.readLong() != first || in.readLong() != last) {
                throw new IllegalStateException(file.getFileName() + " is not the segment of entries " + first + ".." + last);
            }
            for (long seq = first; seq <= last; seq++) {
                long stored = in.readLong();
                long at = in.readLong();
                boolean asciiOnly = in.readBoolean();
                String[] t = new String[8];
                for (int i = 0; i < t.length; i++) {
                    t[i] = in.readUTF();
                }
                each.accept(new ChainRow(stored, at, t[0], t[1], t[2], t[3], t[4], t[5], t[6], t[7], asciiOnly));
            }
            if (in.read() != -1) {
                throw new IllegalStateException(file.getFileName() + " holds more than entries " + first + ".." + last);
            }
            raw.transferTo(OutputStream.nullOutputStream()); // the digest covers the whole file
        } catch (EOFException e) {
            throw new IllegalStateException(file.getFileName() + " is cut short (entries " + first + ".." + last + ")", e);
        } catch (IOException e) {
            throw new IllegalStateException(file.getFileName() + " unreadable: " + e.getMessage(), e);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
