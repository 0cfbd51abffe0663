package org.modeldao.gateway.decisions;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the decision log is kept from growing without bound ({@code gateway.decision-log.archive.*}):
 * entries beyond the newest {@code keepRows}, or older than {@code keepAge}, move to compressed
 * segment files and leave the table (README, "Decision log", "Archive").
 *
 * @param dir where the segment files go; verify-decisions reads them from here
 * @param keepRows the table keeps at least this many newest entries (and always the head's)
 * @param keepAge the table keeps entries younger than this ({@code 0s}: only {@code keepRows} counts)
 * @param segmentEntries the most entries one segment file holds
 * @param batch entries read, or deleted, per statement (each deletion its own transaction)
 * @param maxSegmentsPerRun a run stops after this many segments; the next run goes on
 * @param every the gateway archives on its own this often ({@code 0s}: never, run {@code archive-decisions})
 * @param minFreeBytes no segment is written while the archive's disk has less free space than this
 */
@ConfigurationProperties("gateway.decision-log.archive")
public record DecisionArchiveSettings(@DefaultValue("./.gateway/decisions-archive") Path dir,
        @DefaultValue("1000000") long keepRows, @DefaultValue("30d") Duration keepAge,
        @DefaultValue("100000") int segmentEntries, @DefaultValue("1000") int batch,
        @DefaultValue("10") int maxSegmentsPerRun, @DefaultValue("1h") Duration every,
        @DefaultValue("1073741824") long minFreeBytes) {

    public DecisionArchiveSettings {
        if (keepRows < 1) {
            throw new IllegalArgumentException("gateway.decision-log.archive.keep-rows must be at least 1 (the head's entry stays)");
        }
        if (segmentEntries < 1 || batch < 1 || maxSegmentsPerRun < 1) {
            throw new IllegalArgumentException("gateway.decision-log.archive.segment-entries, batch and max-segments-per-run"
                    + " must be at least 1");
        }
        if (keepAge.isNegative() || every.isNegative() || minFreeBytes < 0) {
            throw new IllegalArgumentException("gateway.decision-log.archive.keep-age, every and min-free-bytes must not be negative");
        }
    }

    /** The defaults with segments in {@code dir}, keeping {@code keepRows} entries, {@code segmentEntries} per file. */
    public static DecisionArchiveSettings in(Path dir, long keepRows, int segmentEntries, int batch) {
        return new DecisionArchiveSettings(dir, keepRows, Duration.ZERO, segmentEntries, batch, 10, Duration.ZERO, 0);
    }
}
