package org.modeldao.contracts.events;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import org.modeldao.contracts.DeploymentDescriptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.methods.response.Log;

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
 * blocks of logs, halved on the node's refusal; the client's call timeout and answer size cap ({@link
 * org.modeldao.contracts.NodeConnection}) bound the wait and the memory. After a
 * refusal the stream asks for the smaller span next time too and doubles it back after each
 * success, so a dense stretch of chain does not cost a refusal per batch. Thread-safe.
 */
public final class GovernanceEventStream {

    private static final Logger log = LoggerFactory.getLogger(GovernanceEventStream.class);

    private final DeploymentDescriptor deployment;
    private final StreamSettings settings;
    private final NodeClient node;
    private final ExecutionLinks links;
    private final Map<String, DaoContract> contracts;
    private final AtomicInteger span;
    private volatile boolean chainVerified;

    /**
     * @param web3j      the node (its HTTP client's timeouts bound every call)
     * @param deployment where the contracts live and which chain they live on
     * @param settings   batch size, confirmations, max reorg depth
     * @param operations the operations scheduled in batches read earlier ({@link OperationLookup#NONE} if none are kept)
     */
    public GovernanceEventStream(Web3j web3j, DeploymentDescriptor deployment, StreamSettings settings,
            OperationLookup operations) {
        this.deployment = deployment;
        this.settings = settings;
        this.contracts = Map.of(
                ChainHex.address(deployment.token()), DaoContract.TOKEN,
                ChainHex.address(deployment.governor()), DaoContract.GOVERNOR,
                ChainHex.address(deployment.timelock()), DaoContract.TIMELOCK,
                ChainHex.address(deployment.registry()), DaoContract.REGISTRY);
        this.node = new NodeClient(web3j, List.copyOf(contracts.keySet()));
        this.links = new ExecutionLinks(new EventCatalogue(deployment.governor()), operations);
        this.span = new AtomicInteger(settings.batchBlocks());
    }

    /** The deployment this stream reads. */
    public DeploymentDescriptor deployment() {
        return deployment;
    }

    public StreamSettings settings() {
        return settings;
    }

    /**
     * Checks once (then remembers) that the node serves the descriptor's chain.
     *
     * @throws ChainReadException.WrongChain when it serves another one
     * @throws ChainReadException.Unreachable when the node does not answer
     */
    public void requireDeploymentChain() {
        if (!chainVerified) {
            long nodeChain = node.chainId();
            if (nodeChain != deployment.chainId()) {
                throw new ChainReadException.WrongChain(nodeChain, deployment.chainId());
            }
            chainVerified = true;
        }
    }

    /**
     * The chain id the node serves, asked every time (for a consumer that re-checks on every poll,
     * in case the node behind its URL is replaced; {@link #requireDeploymentChain()} asks once).
     */
    public long nodeChainId() {
        return node.chainId();
    }

    /** The node's latest block number. */
    public long head() {
        return node.head();
    }

    /** The newest block with the configured confirmations on top ({@code head() - confirmations}). */
    public long confirmedHead() {
        return head() - settings.confirmations();
    }

    /** The deployment block: where a consumer with nothing stored starts. */
    public long firstBlock() {
        return deployment.deploymentBlock();
    }

    /**
     * Reads the next range: first checks {@code known} against the node ({@link #reorganisation});
     * if the consumer's blocks left the chain, returns a batch carrying only the {@link Rollback}.
     * Otherwise reads blocks {@code fromBlock..min(fromBlock + batchBlocks - 1, confirmedHead())}
     * (an empty batch when {@code fromBlock} is past the confirmed head). Checks the chain id on
     * first use. A range the node refuses as too big ("query returned more than", "limit exceeded",
     * -32005, response size, timeout…) is halved down to a single block; a single block is then read
     * from its transactions' receipts. The returned range may therefore be shorter than asked.
     * The end block's hash is read before and after the logs: equal, the logs all come from the chain
     * that ends in it (a hash commits to all its ancestors); different, the chain moved meanwhile.
     *
     * @param fromBlock first block to read (normally the previous batch's {@link EventBatch#nextBlock()})
     * @param known     the blocks the consumer holds
     * @throws ChainReadException.ChainMoved when the chain changed during the read (nothing returned; read again)
     * @throws ChainReadException.BlockUnreadable when a single block is refused through eth_getLogs and its receipts
     */
    public EventBatch readBatch(long fromBlock, KnownBlocks known) {
        if (fromBlock < 0) {
            throw new IllegalArgumentException("fromBlock must not be negative, was " + fromBlock);
        }
        requireDeploymentChain();
        Optional<Rollback> rollback = reorganisation(known);
        if (rollback.isPresent()) {
            return new EventBatch(fromBlock, fromBlock - 1, List.of(), List.of(), List.of(), List.of(), rollback);
        }
        long target = confirmedHead();
        if (fromBlock > target) {
            return new EventBatch(fromBlock, fromBlock - 1, List.of(), List.of(), List.of(), List.of(), Optional.empty());
        }
        long to = Math.min(fromBlock + span.get() - 1, target);
        while (true) {
            try {
                String endHash = hashOf(to);
                EventBatch batch = read(fromBlock, to, node.logs(fromBlock, to), endHash);
                span.updateAndGet(s -> (int) Math.min(settings.batchBlocks(), 2L * s));
                return batch;
            } catch (NodeClient.LogsRefused refused) {
                if (fromBlock == to) {
                    return readFromReceipts(fromBlock, refused);
                }
                long half = (to - fromBlock + 1) / 2;
                log.info("The node refused the logs of blocks {}-{} ({}); reading {} blocks", fromBlock, to, refused.getMessage(), half);
                to = fromBlock + half - 1;
                span.set((int) half);
            }
        }
    }

    private EventBatch readFromReceipts(long block, NodeClient.LogsRefused refused) {
        log.info("Block {} holds more logs than the node returns ({}); reading it from its receipts", block, refused.getMessage());
        String hash = hashOf(block);
        List<Log> logs;
        try {
            logs = node.logsFromReceipts(block);
        } catch (ChainReadException.BlockUnreadable unreadable) { // a node that is down stays Unreachable: retried, not a stall
            throw new ChainReadException.BlockUnreadable(block, "stalled at block " + block + ": eth_getLogs refused it ("
                    + refused.getMessage() + ") and its receipts could not be read (" + unreadable.getMessage() + ")", unreadable);
        }
        return read(block, block, logs, hash);
    }

    private String hashOf(long block) {
        NodeClient.Header header = node.headers(List.of(block)).get(block);
        if (header == null) {
            throw new ChainReadException.ChainMoved("block " + block + " is no longer known to the node");
        }
        return header.hash();
    }

    /** Checks the logs against the blocks they claim, then decodes and links them. */
    private EventBatch read(long from, long to, List<Log> logs, String endHashBefore) {
        List<Numbered> ours = new ArrayList<>(logs.size());
        Set<Long> blocks = new TreeSet<>(List.of(from, to));
        Set<String> seen = new HashSet<>();
        for (Log l : logs) {
            long number = blockNumber(l);
            if (number < from || number > to) {
                throw new ChainReadException.Unreachable("the node returned a log of block " + number + " for blocks " + from + "-" + to, null);
            }
            if (l.isRemoved()) {
                throw new ChainReadException.ChainMoved("the node returned a removed log in block " + number);
            }
            if (l.getAddress() == null || !contracts.containsKey(l.getAddress().toLowerCase(Locale.ROOT))) {
                continue; // not a DAO contract: a filter the node did not apply
            }
            int index = logIndex(l);
            if (seen.add(number + ":" + index)) {
                ours.add(new Numbered(number, index, l));
                blocks.add(number);
            }
        }
        ours.sort(Comparator.comparingLong(Numbered::block).thenComparingInt(Numbered::index));
        Map<Long, NodeClient.Header> headers = node.headers(blocks);
        requireConsistent(from, to, ours, headers, endHashBefore);
        List<ExecutionLinks.RawLog> raw = new ArrayList<>(ours.size());
        for (Numbered n : ours) {
            Log l = n.log();
            NodeClient.Header header = headers.get(n.block());
            raw.add(new ExecutionLinks.RawLog(new EventPosition(header.number(), header.hash(), txHash(l), n.index(), header.time(),
                    contracts.get(l.getAddress().toLowerCase(Locale.ROOT))), topics(l), data(l)));
        }
        ExecutionLinks.Linked linked = links.decode(raw);
        return new EventBatch(from, to, linked.events(), headers.values().stream().map(NodeClient.Header::block).toList(),
                linked.scheduled(), linked.executions(), Optional.empty());
    }

    /** A log with its block number and index parsed once (web3j parses the hex quantity on every call, with a regex). */
    private record Numbered(long block, int index, Log log) {
    }

    /**
     * The end block must have the hash it had before the logs were read, and every log must carry
     * the hash the node now gives its block; otherwise the chain moved while it was read (the next
     * call finds the fork). The end block's hash commits to every block of the range, so parent
     * hashes need no separate check (and Hardhat's {@code hardhat_mine} blocks do not all pass one).
     */
    private static void requireConsistent(long from, long to, List<Numbered> logs, Map<Long, NodeClient.Header> headers,
            String endHashBefore) {
        if (!headers.containsKey(to) || !headers.containsKey(from)) {
            throw new ChainReadException.ChainMoved("blocks " + from + "-" + to + " are no longer all known to the node");
        }
        if (!headers.get(to).hash().equalsIgnoreCase(endHashBefore)) {
            throw new ChainReadException.ChainMoved("block " + to + " changed while the logs were read");
        }
        for (Numbered n : logs) {
            NodeClient.Header header = headers.get(n.block());
            if (header == null || n.log().getBlockHash() == null || !header.hash().equalsIgnoreCase(n.log().getBlockHash())) {
                throw new ChainReadException.ChainMoved("log " + txHash(n.log()) + ":" + n.index() + " is from a block that is no longer canonical");
            }
        }
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
        List<ChainBlock> newest = known.newestFirst(1);
        if (newest.isEmpty()) {
            return Optional.empty();
        }
        ChainBlock held = newest.getFirst();
        NodeClient.Header now = node.headers(List.of(held.number())).get(held.number());
        if (now != null && now.hash().equalsIgnoreCase(held.hash())) {
            return Optional.empty();
        }
        String canonical = now == null ? null : now.hash();
        List<ChainBlock> candidates = known.newestFirst(settings.maxReorgDepth() + 1).stream()
                .filter(b -> b.number() < held.number() && b.number() >= held.number() - settings.maxReorgDepth())
                .toList();
        Map<Long, NodeClient.Header> nodeHeaders = node.headers(candidates.stream().map(ChainBlock::number).toList());
        for (ChainBlock candidate : candidates) {
            NodeClient.Header header = nodeHeaders.get(candidate.number());
            if (header != null && header.hash().equalsIgnoreCase(candidate.hash())) {
                Rollback rollback = new Rollback(candidate.number(), held.number(), held.hash(), canonical, false);
                log.warn("Chain reorganisation: {}", rollback.describe());
                return Optional.of(rollback);
            }
        }
        Rollback rollback = new Rollback(deployment.deploymentBlock() - 1, held.number(), held.hash(), canonical, true);
        log.warn("Chain reorganisation: {}", rollback.describe());
        return Optional.of(rollback);
    }

    private static long blockNumber(Log l) {
        long canonical = quantity(l.getBlockNumberRaw());
        if (canonical >= 0) {
            return canonical;
        }
        try {
            return l.getBlockNumber().longValueExact();
        } catch (RuntimeException malformed) {
            throw new ChainReadException.Unreachable("the node returned a log without a valid block number", malformed);
        }
    }

    private static int logIndex(Log l) {
        long canonical = quantity(l.getLogIndexRaw());
        if (canonical >= 0 && canonical <= Integer.MAX_VALUE) {
            return (int) canonical;
        }
        try {
            return l.getLogIndex().intValueExact();
        } catch (RuntimeException malformed) {
            throw new ChainReadException.Unreachable("the node returned a log without a valid log index", malformed);
        }
    }

    /**
     * A JSON-RPC quantity in its canonical form ({@code 0x0}, or {@code 0x} and 1-15 lower-case hex
     * digits without a leading zero), read without web3j's regular expressions; -1 for anything
     * else, which is then left to web3j (and refused as before when web3j refuses it).
     */
    static long quantity(String raw) {
        if (raw == null || raw.length() < 3 || raw.length() > 17 || raw.charAt(0) != '0' || raw.charAt(1) != 'x'
                || (raw.charAt(2) == '0' && raw.length() > 3)) {
            return -1;
        }
        long value = 0;
        for (int i = 2; i < raw.length(); i++) {
            char c = raw.charAt(i);
            int digit = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
            if (digit < 0) {
                return -1;
            }
            value = value << 4 | digit;
        }
        return value;
    }

    private static String txHash(Log l) {
        try {
            return ChainHex.normalise(l.getTransactionHash());
        } catch (RuntimeException malformed) {
            throw new ChainReadException.Unreachable("the node returned a log without a valid transaction hash", malformed);
        }
    }

    private static List<String> topics(Log l) {
        return l.getTopics() == null ? List.of() : l.getTopics().stream().map(t -> t == null ? "" : t.toLowerCase(Locale.ROOT)).toList();
    }

    private static String data(Log l) {
        return l.getData() == null ? "0x" : l.getData().toLowerCase(Locale.ROOT);
    }
}
