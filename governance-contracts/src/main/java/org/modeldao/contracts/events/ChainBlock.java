package org.modeldao.contracts.events;

import java.time.Instant;
import java.util.Objects;

/**
 * A block as read: its number, hash ({@code 0x} + 64 lower-case hex digits) and timestamp. What a
 * consumer stores to detect reorganisations ({@link KnownBlocks}).
 */
public record ChainBlock(long number, String hash, Instant time) {

    public ChainBlock {
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(time, "time");
    }
}
