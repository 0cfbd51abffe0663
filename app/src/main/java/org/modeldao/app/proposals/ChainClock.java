package org.modeldao.app.proposals;

import java.time.Duration;
import java.time.Instant;

/**
 * Where the chain is and how fast it moves, for estimates of when a future block comes: the
 * Governor counts voting in blocks, and a block's time is known only once it is mined.
 *
 * @param head             the latest block
 * @param headTime         its timestamp (chain time)
 * @param averageBlockTime measured over recent blocks; an estimate, never a promise
 */
public record ChainClock(long head, Instant headTime, Duration averageBlockTime) {

    /** Blocks the average is taken over: long enough to smooth out a pause, short enough to follow a change. */
    public static final int SAMPLE_BLOCKS = 100;

    /** Estimated wait until {@code block} is mined (zero if it is). */
    public Duration untilBlock(long block) {
        return block <= head ? Duration.ZERO : averageBlockTime.multipliedBy(block - head);
    }

    /** Wait until the chain's time reaches {@code at} (zero if it has): the timelock compares with block timestamps. */
    public Duration untilChainTime(Instant at) {
        Duration left = Duration.between(headTime, at);
        return left.isNegative() ? Duration.ZERO : left;
    }

    /** From the times of two blocks; at least a second per block, as block timestamps count whole seconds. */
    public static ChainClock measured(long head, Instant headTime, long earlier, Instant earlierTime) {
        long blocks = Math.max(1, head - earlier);
        Duration average = Duration.between(earlierTime, headTime).dividedBy(blocks);
        return new ChainClock(head, headTime, average.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : average);
    }
}
