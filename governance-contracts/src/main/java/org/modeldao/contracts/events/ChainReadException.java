package org.modeldao.contracts.events;

/**
 * Why the stream could not read: always about the node, never about the chain's data (which
 * decodes or becomes an {@link UnrecognisedLog}). Nothing was returned; the consumer retries on its
 * next poll (except {@link WrongChain}, a configuration error).
 */
public abstract sealed class ChainReadException extends RuntimeException {

    ChainReadException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The node did not answer, or answered with an error. */
    public static final class Unreachable extends ChainReadException {
        public Unreachable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The node serves another chain than the deployment descriptor names: reading it would read someone else's contracts. */
    public static final class WrongChain extends ChainReadException {
        private final long nodeChainId;
        private final long descriptorChainId;

        public WrongChain(long nodeChainId, long descriptorChainId) {
            super("the node serves chain " + nodeChainId + " but the deployment descriptor names chain " + descriptorChainId
                    + ": point the RPC URL and the deployment descriptor at the same chain", null);
            this.nodeChainId = nodeChainId;
            this.descriptorChainId = descriptorChainId;
        }

        public long nodeChainId() {
            return nodeChainId;
        }

        public long descriptorChainId() {
            return descriptorChainId;
        }
    }

    /** The chain changed while a range was read (its end block's hash, or a log's block hash); read again. */
    public static final class ChainMoved extends ChainReadException {
        public ChainMoved(String message) {
            super(message, null);
        }
    }

    /** A single block the node gives out neither through {@code eth_getLogs} nor through its receipts. */
    public static final class BlockUnreadable extends ChainReadException {
        private final long block;

        public BlockUnreadable(long block, String message, Throwable cause) {
            super(message, cause);
            this.block = block;
        }

        public long block() {
            return block;
        }
    }
}
