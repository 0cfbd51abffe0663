package org.modeldao.contracts.events;

/**
 * Blocks the consumer holds are no longer on the canonical chain: it must discard everything it
 * took from blocks above {@code toBlock} and read again from {@link #nextBlock()}.
 *
 * @param toBlock        the newest held block that is still canonical; {@code deploymentBlock - 1}
 *                       (discard everything) when no held block within the max reorg depth is
 * @param lastHeldBlock  the newest block the consumer held, now replaced or gone
 * @param heldHash       its hash as held
 * @param canonicalHash  the node's hash at that height now; {@code null} when the chain is shorter
 * @param beyondMaxDepth true when no common block was found within {@link StreamSettings#maxReorgDepth()}
 *                       and the consumer has to rebuild from the deployment block
 */
public record Rollback(long toBlock, long lastHeldBlock, String heldHash, String canonicalHash, boolean beyondMaxDepth) {

    /** The first block to read again. */
    public long nextBlock() {
        return toBlock + 1;
    }

    /** One line for logs. */
    public String describe() {
        return "block " + lastHeldBlock + " (" + heldHash + ") is no longer canonical (now "
                + (canonicalHash == null ? "absent" : canonicalHash) + "); "
                + (beyondMaxDepth ? "no common block within the max reorg depth, rebuild from the deployment block"
                        : "roll back to block " + toBlock);
    }
}
