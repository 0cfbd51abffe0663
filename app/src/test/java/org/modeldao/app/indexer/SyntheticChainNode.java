package org.modeldao.app.indexer;

import static org.modeldao.contracts.DeploymentSettings.tokens;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.modeldao.contracts.DeploymentDescriptor;
import org.modeldao.contracts.ProposalCall;
import org.modeldao.contracts.RegistryActions;
import org.modeldao.contracts.wrappers.GovernanceToken;
import org.modeldao.contracts.wrappers.ModelDaoGovernor;
import org.web3j.abi.EventEncoder;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.DynamicBytes;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.abi.datatypes.generated.Uint8;
import org.web3j.crypto.Hash;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A JSON-RPC node serving a synthetic DAO history of about a million logs, for the indexer's scale
 * bench: producing that many real events on Hardhat would take hours. Everything from the JSON-RPC
 * answers onward is the indexer's real code (web3j parsing, the stream's checks and ABI decoding, the
 * projection, the SQL); only the chain is made up. The logs are ABI-encoded with the contracts' own
 * event definitions, so they decode exactly like real ones: {@code holders} holders each onboarded by
 * one transaction (DelegateChanged to itself, Transfer from the treasury, DelegateVotesChanged of the
 * treasury and of the holder), a ProposalCreated (one registry call) after every tenth holder, then
 * {@code votesPerProposal} VoteCast per proposal from the first holders, proposal after proposal. At most 5 logs per block (a
 * transaction is never split), so the indexer's default 2,000-block range holds at most 10,000 logs, and
 * like Infura the node refuses an {@code eth_getLogs} that would return more than 10,000.
 */
final class SyntheticChainNode implements AutoCloseable {

    static final long CHAIN_ID = 31_337;
    private static final int LOGS_PER_BLOCK = 5;
    private static final int MAX_LOGS = 10_000;
    private static final int HOLDERS_PER_PROPOSAL = 10;
    private static final long GENESIS_TIME = 1_700_000_000L;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String TREASURY = "0x00000000000000000000000000000000000000aa";
    private static final String TOKEN = "0x1000000000000000000000000000000000000001";
    private static final String TIMELOCK = "0x1000000000000000000000000000000000000002";
    private static final String GOVERNOR = "0x1000000000000000000000000000000000000003";
    private static final String REGISTRY = "0x1000000000000000000000000000000000000004";
    private static final String TRANSFER = EventEncoder.encode(GovernanceToken.TRANSFER_EVENT);
    private static final String DELEGATE_CHANGED = EventEncoder.encode(GovernanceToken.DELEGATECHANGED_EVENT);
    private static final String VOTES_CHANGED = EventEncoder.encode(GovernanceToken.DELEGATEVOTESCHANGED_EVENT);
    private static final String PROPOSAL_CREATED = EventEncoder.encode(ModelDaoGovernor.PROPOSALCREATED_EVENT);
    private static final String VOTE_CAST = EventEncoder.encode(ModelDaoGovernor.VOTECAST_EVENT);
    private static final BigInteger HOLDING = tokens(10);

    private final int holders;
    private final int proposals;
    private final int votesPerProposal;
    /** Transactions in chain order: index >= 0 onboards that holder, -1 - p creates proposal p, then votes (see {@link #kind}). */
    private final int onboardingTransactions;
    /** First transaction of each block, and one past the last transaction at [blocks]. */
    private final int[] blockStart;
    private final HttpServer server;
    private final AtomicLong servedLogs = new AtomicLong();
    private final AtomicLong refusals = new AtomicLong();

    SyntheticChainNode(int holders, int votesPerProposal) {
        this.holders = holders;
        this.proposals = holders / HOLDERS_PER_PROPOSAL;
        this.votesPerProposal = Math.min(votesPerProposal, holders);
        this.onboardingTransactions = holders + proposals;
        int transactions = onboardingTransactions + proposals * this.votesPerProposal;
        List<Integer> starts = new ArrayList<>();
        int inBlock = LOGS_PER_BLOCK;
        for (int tx = 0; tx < transactions; tx++) {
            int logs = logCount(tx);
            if (inBlock + logs > LOGS_PER_BLOCK) {
                starts.add(tx);
                inBlock = 0;
            }
            inBlock += logs;
        }
        starts.add(transactions);
        blockStart = starts.stream().mapToInt(Integer::intValue).toArray();
        try {
            // Without TCP_NODELAY the JDK server's header and body writes meet the client's delayed ACK (~40 ms a
            // request, 11 requests a range: 10.7 s instead of 6.3 s for 100,000 logs read alone). Real nodes set it:
            // Node.js servers (Hardhat) by default, Go's net/http (geth) too. Read once, when the server class loads.
            System.setProperty("sun.net.httpserver.nodelay", "true");
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::answer);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Blocks 1..head hold the history; block 1 is the deployment block. */
    long head() {
        return blockStart.length - 1;
    }

    long logCount() {
        long logs = 0;
        for (int tx = 0; tx < blockStart[blockStart.length - 1]; tx++) {
            logs += logCount(tx);
        }
        return logs;
    }

    int proposals() {
        return proposals;
    }

    long servedLogs() {
        return servedLogs.get();
    }

    long refusals() {
        return refusals.get();
    }

    DeploymentDescriptor deployment() {
        return new DeploymentDescriptor(CHAIN_ID, url(), TOKEN, TIMELOCK, GOVERNOR, REGISTRY, 1, Instant.ofEpochSecond(GENESIS_TIME));
    }

    private void answer(HttpExchange exchange) throws IOException {
        JsonNode request = JSON.readTree(exchange.getRequestBody());
        StringBuilder out = new StringBuilder();
        if (request.isArray()) {
            out.append('[');
            for (int i = 0; i < request.size(); i++) {
                out.append(i == 0 ? "" : ",");
                respond(request.get(i), out);
            }
            out.append(']');
        } else {
            respond(request, out);
        }
        byte[] body = out.toString().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    private void respond(JsonNode call, StringBuilder out) {
        out.append("{\"jsonrpc\":\"2.0\",\"id\":").append(call.get("id").toString()).append(',');
        JsonNode params = call.get("params");
        switch (call.get("method").asString()) {
            case "eth_chainId" -> out.append("\"result\":\"").append(hex(CHAIN_ID)).append('"');
            case "eth_blockNumber" -> out.append("\"result\":\"").append(hex(head())).append('"');
            case "eth_getBlockByNumber" -> header(number(params.get(0).asString()), out);
            // the governor's quorum(snapshot): 4 % of a 1,000,000-token supply, whatever the block
            case "eth_call" -> out.append("\"result\":\"0x").append(word(tokens(40_000))).append('"');
            case "eth_getLogs" -> logs(number(params.get(0).get("fromBlock").asString()),
                    number(params.get(0).get("toBlock").asString()), out);
            default -> out.append("\"error\":{\"code\":-32601,\"message\":\"method not served by the synthetic node\"}");
        }
        out.append('}');
    }

    private long number(String tag) {
        return "latest".equals(tag) ? head() : Long.decode(tag);
    }

    private void header(long block, StringBuilder out) {
        if (block < 0 || block > head()) {
            out.append("\"result\":null");
            return;
        }
        out.append("\"result\":{\"number\":\"").append(hex(block)).append("\",\"hash\":\"").append(blockHash(block))
                .append("\",\"parentHash\":\"").append(blockHash(block - 1)).append("\",\"timestamp\":\"")
                .append(hex(GENESIS_TIME + 12 * block)).append("\",\"transactions\":[],\"uncles\":[]}");
    }

    private void logs(long from, long to, StringBuilder out) {
        long first = Math.max(from, 1);
        long last = Math.min(to, head());
        long count = 0;
        for (long block = first; block <= last; block++) {
            for (int tx = blockStart[(int) block - 1]; tx < blockStart[(int) block]; tx++) {
                count += logCount(tx);
            }
        }
        if (count > MAX_LOGS) {
            refusals.incrementAndGet();
            out.append("\"error\":{\"code\":-32005,\"message\":\"query returned more than ").append(MAX_LOGS).append(" results\"}");
            return;
        }
        servedLogs.addAndGet(count);
        out.append("\"result\":[");
        boolean firstLog = true;
        for (long block = first; block <= last; block++) {
            int logIndex = 0;
            for (int tx = blockStart[(int) block - 1]; tx < blockStart[(int) block]; tx++) {
                for (String[] log : transaction(tx)) {
                    out.append(firstLog ? "" : ",").append("{\"address\":\"").append(log[0]).append("\",\"topics\":[");
                    for (int t = 2; t < log.length; t++) {
                        out.append(t == 2 ? "\"" : ",\"").append(log[t]).append('"');
                    }
                    out.append("],\"data\":\"").append(log[1]).append("\",\"blockNumber\":\"").append(hex(block))
                            .append("\",\"blockHash\":\"").append(blockHash(block)).append("\",\"transactionHash\":\"")
                            .append(String.format("0x%064x", tx + 1L)).append("\",\"transactionIndex\":\"0x0\",\"logIndex\":\"")
                            .append(hex(logIndex++)).append("\",\"removed\":false}");
                    firstLog = false;
                }
            }
        }
        out.append(']');
    }

    private int logCount(int tx) {
        return kind(tx) >= 0 ? 4 : 1;
    }

    /** {@code >= 0}: onboarding of that holder; {@code -1 - p}: creation of proposal p; {@code Integer.MIN_VALUE}: a vote. */
    private int kind(int tx) {
        if (tx >= onboardingTransactions) {
            return Integer.MIN_VALUE;
        }
        int group = tx / (HOLDERS_PER_PROPOSAL + 1);
        int inGroup = tx % (HOLDERS_PER_PROPOSAL + 1);
        return inGroup == HOLDERS_PER_PROPOSAL ? -1 - group : group * HOLDERS_PER_PROPOSAL + inGroup;
    }

    /** The logs of one transaction, each as {address, data, topic0, topic1...}. */
    private List<String[]> transaction(int tx) {
        int kind = kind(tx);
        if (kind >= 0) {
            String holder = holder(kind);
            BigInteger treasuryVotes = tokens(1_000_000).subtract(HOLDING.multiply(BigInteger.valueOf(kind)));
            return List.of(
                    new String[] {TOKEN, "0x", DELEGATE_CHANGED, topic(holder), topic(Address.DEFAULT.getValue()), topic(holder)},
                    new String[] {TOKEN, "0x" + word(HOLDING), TRANSFER, topic(TREASURY), topic(holder)},
                    new String[] {TOKEN, "0x" + word(treasuryVotes) + word(treasuryVotes.subtract(HOLDING)), VOTES_CHANGED, topic(TREASURY)},
                    new String[] {TOKEN, "0x" + word(BigInteger.ZERO) + word(HOLDING), VOTES_CHANGED, topic(holder)});
        }
        if (kind != Integer.MIN_VALUE) {
            int proposal = -1 - kind;
            return List.<String[]>of(new String[] {GOVERNOR, proposalCreated(proposal, tx), PROPOSAL_CREATED});
        }
        int vote = tx - onboardingTransactions;
        int proposal = vote / votesPerProposal; // each proposal's votes together, as they come in its voting period
        int voter = vote % votesPerProposal;
        String data = "0x" + FunctionEncoder.encodeConstructor(List.of(new Uint256(proposalId(proposal)),
                new Uint8(BigInteger.valueOf((proposal + voter) % 3)), new Uint256(HOLDING), new Utf8String(voter % 7 == 0 ? "Because " + voter : "")));
        return List.<String[]>of(new String[] {GOVERNOR, data, VOTE_CAST, topic(holder(voter))});
    }

    private String proposalCreated(int proposal, int tx) {
        ProposalCall call = new RegistryActions(REGISTRY).setCurrentVersion("bench-" + proposal, "1");
        long block = blockOf(tx);
        List<Type> fields = List.of(new Uint256(proposalId(proposal)), new Address(holder(proposal * HOLDERS_PER_PROPOSAL)),
                new DynamicArray<>(Address.class, new Address(call.target())), new DynamicArray<>(Uint256.class, new Uint256(0)),
                new DynamicArray<>(Utf8String.class, new Utf8String("")),
                new DynamicArray<>(DynamicBytes.class, new DynamicBytes(call.calldataBytes())),
                new Uint256(block + 1), new Uint256(block + 50_000),
                new Utf8String("# Scale proposal " + proposal + "\nSwitch bench-" + proposal + " to version 1."));
        return "0x" + FunctionEncoder.encodeConstructor(fields);
    }

    private long blockOf(int tx) {
        int index = java.util.Arrays.binarySearch(blockStart, tx);
        return index >= 0 ? index + 1 : -index - 1;
    }

    static BigInteger proposalId(int proposal) {
        return new BigInteger(1, Hash.sha3(("scale proposal " + proposal).getBytes(StandardCharsets.UTF_8)));
    }

    static String holder(int index) {
        return String.format("0x%040x", 0x100000L + index);
    }

    private static String topic(String address) {
        return "0x000000000000000000000000" + address.substring(2);
    }

    private static String word(BigInteger value) {
        return String.format("%064x", value);
    }

    private static String blockHash(long block) {
        return String.format("0x%064x", Long.MAX_VALUE - block);
    }

    private static String hex(long value) {
        return "0x" + Long.toHexString(value);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
