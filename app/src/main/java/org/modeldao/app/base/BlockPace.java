package org.modeldao.app.base;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * How fast blocks have been coming, measured over recent blocks, to say roughly when a future
 * block (a vote's deadline) will be mined. Only an estimate: block times vary, and a dev chain
 * that mines only on demand has no pace at all.
 *
 * @param head     the latest block
 * @param headTime its timestamp
 * @param perBlock average time between the recent blocks; empty when it cannot be told (too few blocks, no time passed)
 */
public record BlockPace(long head, Instant headTime, Optional<Duration> perBlock) {

    /** The pace between {@code earlier} and {@code head}, from their timestamps. */
    public static BlockPace between(long earlier, Instant earlierTime, long head, Instant headTime) {
        long blocks = head - earlier;
        Duration elapsed = Duration.between(earlierTime, headTime);
        if (blocks <= 0 || !elapsed.isPositive()) {
            return new BlockPace(head, headTime, Optional.empty());
        }
        return new BlockPace(head, headTime, Optional.of(elapsed.dividedBy(blocks)));
    }

    /** Roughly how long until {@code block} is mined, from now; empty when the pace is unknown. Zero for a mined block. */
    public Optional<Duration> timeUntil(long block, Instant now) {
        if (block <= head) {
            return Optional.of(Duration.ZERO);
        }
        return perBlock.map(pace -> {
            Instant expected = headTime.plus(pace.multipliedBy(block - head));
            Duration left = Duration.between(now, expected);
            return left.isNegative() ? Duration.ZERO : left;
        });
    }
}
