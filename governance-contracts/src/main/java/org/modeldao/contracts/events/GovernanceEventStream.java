package org.modeldao.contracts.events;

import java.util.Optional;
import org.modeldao.contracts.DeploymentDescriptor;
import org.web3j.protocol.Web3j;

/**
 * The DAO's chain as typed events, read the same way by every consumer (the app's indexer, the
 * gateway's approval sync). Stateless between calls except for the chain-id check: the consumer
 * keeps its position, its {@link KnownBlocks} and its {@link OperationLookup}.
 *
 * <p>A consumer's loop:
 * <pre>{@code
 * stream.requireDeploymentChain();
 * long next = stored next block, or stream.firstBlock();
 * EventBatch batch = stream.readBatch(next, known);
 * if (batch.rollback().isPresent()) { undo above rollback.toBlock(); next = rollback.nextBlock(); }
 * else { apply batch.events(), store batch.blocks() and batch.scheduledOperations(); next = batch.nextBlock(); }
 * }</pre>
 *
 * <p>All methods throw only {@link ChainReadException}s (about the node); nothing the chain
 * holds makes them throw. Every request is bounded: at most {@link StreamSettings#batchBlocks()}
 * blocks of logs, halved on the node's refusal; web3j's HTTP timeouts bound the wait.
 */
public final class GovernanceEventStream {

    /**
     * @param web3j      the node (its HTTP client's timeouts bound every call)
     * @param deployment where the contracts live and which chain they live on
     * @param settings   batch size, confirmations, max reorg depth
     * @param operations the operations scheduled in batches read earlier ({@link OperationLookup#NONE} if none are kept)
     */
    public GovernanceEventStream(Web3j web3j, DeploymentDescriptor deployment, StreamSettings settings,
            OperationLookup operations) {
        throw new UnsupportedOperationException("not yet");
    }

    /** The deployment this stream reads. */
    public DeploymentDescriptor deployment() {
        throw new UnsupportedOperationException("not yet");
    }

    public StreamSettings settings() {
        throw new UnsupportedOperationException("not yet");
    }

    /**
     * Checks once (then remembers) that the node serves the descriptor's chain.
     *
     * @throws ChainReadException.WrongChain when it serves another one
     * @throws ChainReadException.Unreachable when the node does not answer
     */
    public void requireDeploymentChain() {
        throw new UnsupportedOperationException("not yet");
    }

    /** The node's latest block number. */
    public long head() {
        throw new UnsupportedOperationException("not yet");
    }

    /** The newest block with the configured confirmations on top ({@code head() - confirmations}). */
    public long confirmedHead() {
        throw new UnsupportedOperationException("not yet");
    }

    /** The deployment block: where a consumer with nothing stored starts. */
    public long firstBlock() {
        throw new UnsupportedOperationException("not yet");
    }

    /**
     * Reads the next range: first checks {@code known} against the node ({@link #reorganisation});
     * if the consumer's blocks left the chain, returns a batch carrying only the {@link Rollback}.
     * Otherwise reads blocks {@code fromBlock..min(fromBlock + batchBlocks - 1, confirmedHead())}
     * (an empty batch when {@code fromBlock} is past the confirmed head). Checks the chain id on
     * first use. A range the node refuses as too big ("query returned more than", "limit exceeded",
     * -32005, response size, timeout…) is halved down to a single block; a single block is then read
     * from its transactions' receipts. The returned range may therefore be shorter than asked.
     *
     * @param fromBlock first block to read (normally the previous batch's {@link EventBatch#nextBlock()})
     * @param known     the blocks the consumer holds
     * @throws ChainReadException.ChainMoved when the chain changed during the read (nothing returned; read again)
     */
    public EventBatch readBatch(long fromBlock, KnownBlocks known) {
        throw new UnsupportedOperationException("not yet");
    }

    /**
     * Compares the newest block the consumer holds with the node's block at that height, by hash.
     * When they differ, searches the held blocks down to {@link StreamSettings#maxReorgDepth()} below
     * for the newest one that still is canonical; none found means a rollback to before the
     * deployment block (rebuild).
     *
     * @return empty when the held blocks are still canonical (or none are held)
     */
    public Optional<Rollback> reorganisation(KnownBlocks known) {
        throw new UnsupportedOperationException("not yet");
    }
}
