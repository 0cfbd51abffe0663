package org.modeldao.gateway.decisions;

import java.nio.file.Path;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/** The archived segments: their register (table {@code decision_archive}) and the folder of their files. */
final class SegmentRegister {

    /** One archived segment, as registered. */
    record Segment(long firstSeq, long lastSeq, String lastHash, String fileName, String fileSha256) {}

    private final JdbcTemplate jdbc;
    private final Path dir;

    SegmentRegister(JdbcTemplate jdbc, Path dir) {
        this.jdbc = jdbc;
        this.dir = dir;
    }

    Path dir() {
        return dir;
    }

    Path file(Segment segment) {
        return dir.resolve(segment.fileName());
    }

    /** In order; one row per segment (100,000 entries each by default), so even a long history is a short list. */
    List<Segment> all() {
        return jdbc.query("SELECT first_seq, last_seq, last_hash, file_name, file_sha256 FROM decision_archive"
                + " ORDER BY first_seq", (rs, n) -> new Segment(rs.getLong(1), rs.getLong(2), rs.getString(3).trim(),
                        rs.getString(4), rs.getString(5).trim()));
    }

    /** The last archived entry, 0 when nothing is archived. */
    long lastSeq() {
        Long last = jdbc.queryForObject("SELECT max(last_seq) FROM decision_archive", Long.class);
        return last == null ? 0 : last;
    }

    /** The hash the next segment's first entry links to: the last archived entry's, or the genesis hash. */
    String lastHash() {
        List<String> hash = jdbc.queryForList("SELECT last_hash FROM decision_archive WHERE last_seq ="
                + " (SELECT max(last_seq) FROM decision_archive)", String.class);
        return hash.isEmpty() ? StoredEntry.GENESIS : hash.getFirst().trim();
    }

    void register(Segment segment, long archivedAtMillis) {
        jdbc.update("INSERT INTO decision_archive (first_seq, last_seq, last_hash, file_name, file_sha256, archived_at_ms)"
                + " VALUES (?, ?, ?, ?, ?, ?)", segment.firstSeq(), segment.lastSeq(), segment.lastHash(),
                segment.fileName(), segment.fileSha256(), archivedAtMillis);
    }
}
