package org.modeldao.gateway.approval.chain;

import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.modeldao.contracts.wrappers.ModelDaoGovernor;
import org.modeldao.contracts.wrappers.ModelDaoTimelock;
import org.modeldao.contracts.wrappers.ModelRegistry;
import org.modeldao.gateway.approval.AccessPolicy;
import org.modeldao.gateway.approval.Approval;
import org.modeldao.gateway.approval.ApprovedVersion;
import org.modeldao.gateway.approval.EthicalConstraint;
import org.modeldao.gateway.approval.RegistryEvent;
import org.web3j.abi.EventEncoder;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.methods.request.EthFilter;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.core.methods.response.EthLog;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.utils.Numeric;

/**
 * Reads ModelRegistry events for a block range and decodes them, attaching the approving
 * proposal. Usually the governor emits ProposalExecuted in the same transaction that changed the
 * registry (governor.execute → timelock → registry), so the receipt names the proposal. But anyone
 * may execute a ready operation on the timelock directly: then only the timelock's CallExecuted
 * names the operation, and the governor's queue transaction tied that operation to its proposal
 * (ProposalQueued and CallScheduled in one transaction).
 */
public final class RegistryLogReader {

    private static final String APPROVED = EventEncoder.encode(ModelRegistry.MODELVERSIONAPPROVED_EVENT);
    private static final String REVOKED = EventEncoder.encode(ModelRegistry.MODELVERSIONREVOKED_EVENT);
    private static final String CURRENT = EventEncoder.encode(ModelRegistry.CURRENTVERSIONCHANGED_EVENT);
    private static final String POLICY = EventEncoder.encode(ModelRegistry.ACCESSPOLICYSET_EVENT);
    private static final String CONSTRAINT_ADDED = EventEncoder.encode(ModelRegistry.ETHICALCONSTRAINTADDED_EVENT);
    private static final String CONSTRAINT_REMOVED = EventEncoder.encode(ModelRegistry.ETHICALCONSTRAINTREMOVED_EVENT);
    private static final String EXECUTED = EventEncoder.encode(ModelDaoGovernor.PROPOSALEXECUTED_EVENT);
    private static final String QUEUED = EventEncoder.encode(ModelDaoGovernor.PROPOSALQUEUED_EVENT);
    private static final String CALL_SCHEDULED = EventEncoder.encode(ModelDaoTimelock.CALLSCHEDULED_EVENT);
    private static final String CALL_EXECUTED = EventEncoder.encode(ModelDaoTimelock.CALLEXECUTED_EVENT);

    private final Web3j web3j;
    private final ChainEndpoints endpoints;
    private final long deploymentBlock;
    private final Map<String, String> proposalByTransaction = new ConcurrentHashMap<>();
    private final Map<String, String> proposalByOperation = new ConcurrentHashMap<>();

    public RegistryLogReader(Web3j web3j, ChainEndpoints endpoints) {
        this.web3j = web3j;
        this.endpoints = endpoints;
        this.deploymentBlock = endpoints.deploymentBlock();
    }

    public long headBlock() throws IOException {
        return web3j.ethBlockNumber().send().getBlockNumber().longValueExact();
    }

    /** The hash of the canonical block at {@code number}, empty when the chain has no such block (any more). */
    public Optional<String> blockHash(long number) throws IOException {
        EthBlock response = web3j.ethGetBlockByNumber(DefaultBlockParameter.valueOf(BigInteger.valueOf(number)), false)
                .send();
        if (response.hasError()) {
            throw new IOException("eth_getBlockByNumber failed: " + response.getError().getMessage());
        }
        return Optional.ofNullable(response.getBlock()).map(EthBlock.Block::getHash);
    }

    /** Events of blocks {@code from}..{@code to} inclusive, in chain order. */
    public List<RegistryEvent> read(long from, long to) throws IOException {
        if (from > to) {
            return List.of();
        }
        EthFilter filter = new EthFilter(DefaultBlockParameter.valueOf(BigInteger.valueOf(from)),
                DefaultBlockParameter.valueOf(BigInteger.valueOf(to)), endpoints.registry());
        EthLog response = web3j.ethGetLogs(filter).send();
        if (response.hasError()) {
            throw new IOException("eth_getLogs failed: " + response.getError().getMessage());
        }
        List<Log> logs = new ArrayList<>();
        for (EthLog.LogResult<?> result : response.getLogs()) {
            logs.add((Log) result.get());
        }
        logs.sort(Comparator.comparing(Log::getBlockNumber).thenComparing(Log::getLogIndex));
        List<RegistryEvent> events = new ArrayList<>();
        for (Log log : logs) {
            RegistryEvent event = decode(log);
            if (event != null) {
                events.add(event);
            }
        }
        return events;
    }

    private RegistryEvent decode(Log log) throws IOException {
        String topic = log.getTopics().getFirst();
        long index = log.getLogIndex().longValue();
        Approval approval = new Approval(proposalOf(log.getTransactionHash()), log.getTransactionHash(),
                log.getBlockNumber().longValueExact());
        if (topic.equals(APPROVED)) {
            var e = ModelRegistry.getModelVersionApprovedEventFromLog(log);
            return new RegistryEvent.VersionApproved(ApprovedVersion.approved(e.model, e.version, hex(e.artifactSha256),
                    e.artifactUri, hex(e.cardSha256), e.cardUri, e.format, approval), approval, index);
        } else if (topic.equals(REVOKED)) {
            var e = ModelRegistry.getModelVersionRevokedEventFromLog(log);
            return new RegistryEvent.VersionRevoked(e.model, e.version, e.reason, approval, index);
        } else if (topic.equals(CURRENT)) {
            var e = ModelRegistry.getCurrentVersionChangedEventFromLog(log);
            return new RegistryEvent.CurrentVersionChanged(e.model, e.newVersion, approval, index);
        } else if (topic.equals(POLICY)) {
            var e = ModelRegistry.getAccessPolicySetEventFromLog(log);
            AccessPolicy policy = new AccessPolicy(AccessPolicy.Kind.values()[e.kind.intValueExact()], e.minVotes,
                    clamp(e.requestsPerMinute), clamp(e.maxBatchSize), e.allowList, approval);
            return new RegistryEvent.PolicySet(e.model, policy, approval, index);
        } else if (topic.equals(CONSTRAINT_ADDED)) {
            var e = ModelRegistry.getEthicalConstraintAddedEventFromLog(log);
            EthicalConstraint constraint = new EthicalConstraint(e.constraintId,
                    EthicalConstraint.Kind.values()[e.kind.intValueExact()], e.target, e.minValue, e.maxValue, e.values,
                    e.rationale, approval);
            return new RegistryEvent.ConstraintAdded(e.model, constraint, approval, index);
        } else if (topic.equals(CONSTRAINT_REMOVED)) {
            var e = ModelRegistry.getEthicalConstraintRemovedEventFromLog(log);
            return new RegistryEvent.ConstraintRemoved(e.model, e.constraintId, e.reason, approval, index);
        }
        return null; // OwnershipTransferred and future events carry nothing the gateway serves
    }

    private String proposalOf(String transactionHash) throws IOException {
        String cached = proposalByTransaction.get(transactionHash);
        if (cached != null) {
            return cached;
        }
        TransactionReceipt receipt = receipt(transactionHash);
        Optional<String> viaGovernor = receipt.getLogs().stream()
                .filter(l -> emitted(l, endpoints.governor(), EXECUTED))
                .map(l -> ModelDaoGovernor.getProposalExecutedEventFromLog(l).proposalId.toString())
                .findFirst();
        String proposal = viaGovernor.isPresent() ? viaGovernor.get() : viaTimelock(receipt);
        proposalByTransaction.put(transactionHash, proposal);
        return proposal;
    }

    /** The proposal whose queue transaction scheduled the operation this transaction executed; "" if none did. */
    private String viaTimelock(TransactionReceipt execution) throws IOException {
        Optional<Log> executed = execution.getLogs().stream()
                .filter(l -> emitted(l, endpoints.timelock(), CALL_EXECUTED)).findFirst();
        if (executed.isEmpty()) {
            return "";
        }
        String operation = Numeric.toHexString(ModelDaoTimelock.getCallExecutedEventFromLog(executed.get()).id);
        String cached = proposalByOperation.get(operation);
        if (cached != null) {
            return cached;
        }
        // the operation id is an indexed topic: one filtered query up to the execution finds its scheduling
        EthFilter filter = new EthFilter(DefaultBlockParameter.valueOf(BigInteger.valueOf(deploymentBlock)),
                DefaultBlockParameter.valueOf(execution.getBlockNumber()), endpoints.timelock())
                .addSingleTopic(CALL_SCHEDULED).addSingleTopic(operation);
        EthLog response = web3j.ethGetLogs(filter).send();
        if (response.hasError()) {
            throw new IOException("eth_getLogs failed: " + response.getError().getMessage());
        }
        String proposal = "";
        for (EthLog.LogResult<?> result : response.getLogs()) {
            TransactionReceipt queue = receipt(((Log) result.get()).getTransactionHash());
            Optional<String> queued = queue.getLogs().stream().filter(l -> emitted(l, endpoints.governor(), QUEUED))
                    .map(l -> ModelDaoGovernor.getProposalQueuedEventFromLog(l).proposalId.toString()).findFirst();
            if (queued.isPresent()) {
                proposal = queued.get();
                break;
            }
        }
        proposalByOperation.put(operation, proposal);
        return proposal;
    }

    private TransactionReceipt receipt(String transactionHash) throws IOException {
        return web3j.ethGetTransactionReceipt(transactionHash).send().getTransactionReceipt()
                .orElseThrow(() -> new IOException("no receipt for " + transactionHash));
    }

    private static boolean emitted(Log log, String contract, String topic) {
        return log.getAddress().equalsIgnoreCase(contract) && !log.getTopics().isEmpty()
                && log.getTopics().getFirst().equals(topic);
    }

    /** uint32 limits above Integer.MAX_VALUE mean "practically unlimited"; they must not break the sync. */
    private static int clamp(BigInteger value) {
        return value.min(BigInteger.valueOf(Integer.MAX_VALUE)).intValue();
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
