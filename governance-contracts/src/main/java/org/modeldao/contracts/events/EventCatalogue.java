package org.modeldao.contracts.events;

import java.lang.reflect.ParameterizedType;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.modeldao.contracts.ProposalCall;
import org.modeldao.contracts.RegistryKinds;
import org.modeldao.contracts.wrappers.GovernanceToken;
import org.modeldao.contracts.wrappers.ModelDaoGovernor;
import org.modeldao.contracts.wrappers.ModelDaoTimelock;
import org.modeldao.contracts.wrappers.ModelRegistry;
import org.web3j.abi.EventEncoder;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.DynamicBytes;
import org.web3j.abi.datatypes.Event;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.Utf8String;

/**
 * Every event of the four DAO contracts, as the generated wrappers declare it (name, topic,
 * parameter types), and how it becomes a {@link GovernanceEvent}. Strings are decoded as
 * {@code bytes} (same ABI encoding) so the raw bytes survive and invalid UTF-8 cannot throw;
 * data is bounds-checked first ({@link AbiBounds}). Decoding never throws: whatever does not fit
 * becomes an {@link UnrecognisedLog} with the reason.
 */
final class EventCatalogue {

    /** Builds the typed event from decoded values; registry events also take the execution that made them. */
    @FunctionalInterface
    private interface Builder {
        GovernanceEvent build(EventPosition position, AbiValues values, Optional<ProposalExecution> execution);
    }

    private record Spec(Event event, List<TypeReference<?>> indexed, List<TypeReference<?>> data, Builder builder) {
    }

    private final Map<DaoContract, Map<String, Spec>> specs = new EnumMap<>(DaoContract.class);
    private final String governor;
    private final boolean hotEventsDirect;

    EventCatalogue(String governorAddress) {
        this(governorAddress, true);
    }

    /** @param hotEventsDirect false decodes every log with web3j (what {@link HotEventDecoder} is compared with) */
    EventCatalogue(String governorAddress, boolean hotEventsDirect) {
        this.governor = ChainHex.address(governorAddress);
        this.hotEventsDirect = hotEventsDirect;
        token();
        governor();
        timelock();
        registry();
    }

    /**
     * The typed event of {@code topics}/{@code data} emitted by {@code position.contract()}.
     *
     * @param execution the proposal execution a registry change belongs to (ignored for other contracts)
     */
    GovernanceEvent decode(EventPosition position, List<String> topics, String data, Optional<ProposalExecution> execution) {
        GovernanceEvent hot = hotEventsDirect ? HotEventDecoder.decode(position, topics, data) : null;
        if (hot != null) {
            return hot;
        }
        String topic0 = topics.isEmpty() ? "" : topics.getFirst();
        Spec spec = specs.get(position.contract()).get(topic0.toLowerCase(java.util.Locale.ROOT));
        if (spec == null) {
            return new UnrecognisedLog(position, topics, data, topics.isEmpty() ? "anonymous log (no topics)"
                    : "no " + position.contract() + " event has the signature " + abbreviate(topic0));
        }
        try {
            return spec.builder().build(position, values(spec, topics, data), execution);
        } catch (RuntimeException | StackOverflowError notTheAbi) {
            return new UnrecognisedLog(position, topics, data, spec.event().getName() + " does not decode: "
                    + notTheAbi.getClass().getSimpleName() + ": " + abbreviate(String.valueOf(notTheAbi.getMessage())));
        }
    }

    /** True for a registry event: those are attributed to a proposal execution. */
    boolean isRegistryEvent(DaoContract contract, List<String> topics) {
        return contract == DaoContract.REGISTRY && !topics.isEmpty()
                && specs.get(contract).containsKey(topics.getFirst().toLowerCase(java.util.Locale.ROOT));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static AbiValues values(Spec spec, List<String> topics, String data) {
        if (topics.size() != spec.indexed().size() + 1) {
            throw new IllegalArgumentException(topics.size() + " topics where the event has " + (spec.indexed().size() + 1));
        }
        byte[] bytes = ChainHex.bytes(data);
        AbiBounds.check(bytes, spec.data());
        List<Type> fromData = FunctionReturnDecoder.decode(ChainHex.of(bytes), (List) spec.data());
        if (fromData.size() != spec.data().size()) {
            throw new IllegalArgumentException(fromData.size() + " values in the data where the event has " + spec.data().size());
        }
        List<Type<?>> merged = new ArrayList<>();
        int indexed = 0;
        int unindexed = 0;
        for (TypeReference<?> parameter : spec.event().getParameters()) {
            if (parameter.isIndexed()) {
                String topic = topics.get(1 + indexed);
                if (ChainHex.bytes(topic).length != 32) {
                    throw new IllegalArgumentException("topic " + (1 + indexed) + " is not 32 bytes");
                }
                merged.add(FunctionReturnDecoder.decodeIndexedValue(topic, (TypeReference) spec.indexed().get(indexed++)));
            } else {
                merged.add(fromData.get(unindexed++));
            }
        }
        return new AbiValues(merged);
    }

    private void on(DaoContract contract, Event event, Builder builder) {
        List<TypeReference<?>> indexed = new ArrayList<>();
        List<TypeReference<?>> data = new ArrayList<>();
        for (TypeReference<?> parameter : event.getParameters()) {
            (parameter.isIndexed() ? indexed : data).add(stringsAsBytes(parameter));
        }
        specs.computeIfAbsent(contract, c -> new HashMap<>()).put(EventEncoder.encode(event), new Spec(event, indexed, data, builder));
    }

    /** {@code string} and {@code string[]} decode as {@code bytes} and {@code bytes[]}: same encoding, raw bytes kept. */
    private static TypeReference<?> stringsAsBytes(TypeReference<?> parameter) {
        java.lang.reflect.Type type = parameter.getType();
        if (type == Utf8String.class) {
            return new TypeReference<DynamicBytes>(parameter.isIndexed()) { };
        }
        if (type instanceof ParameterizedType array && array.getRawType() == DynamicArray.class
                && array.getActualTypeArguments()[0] == Utf8String.class) {
            return new TypeReference<DynamicArray<DynamicBytes>>(parameter.isIndexed()) { };
        }
        return parameter;
    }

    private void token() {
        DaoContract c = DaoContract.TOKEN;
        on(c, GovernanceToken.TRANSFER_EVENT, (p, v, x) -> new TokenEvent.Transfer(p, v.address(0), v.address(1), v.uint(2)));
        on(c, GovernanceToken.APPROVAL_EVENT, (p, v, x) -> new TokenEvent.Approval(p, v.address(0), v.address(1), v.uint(2)));
        on(c, GovernanceToken.DELEGATECHANGED_EVENT, (p, v, x) ->
                new TokenEvent.DelegateChanged(p, v.address(0), v.address(1), v.address(2)));
        on(c, GovernanceToken.DELEGATEVOTESCHANGED_EVENT, (p, v, x) ->
                new TokenEvent.DelegateVotesChanged(p, v.address(0), v.uint(1), v.uint(2)));
        on(c, GovernanceToken.EIP712DOMAINCHANGED_EVENT, (p, v, x) -> new Eip712DomainChanged(p));
    }

    private void governor() {
        DaoContract c = DaoContract.GOVERNOR;
        on(c, ModelDaoGovernor.PROPOSALCREATED_EVENT, (p, v, x) -> proposalCreated(p, v));
        on(c, ModelDaoGovernor.VOTECAST_EVENT, (p, v, x) ->
                new GovernorEvent.VoteCast(p, v.address(0), v.uint(1), v.smallUint(2), v.uint(3), v.text(4)));
        on(c, ModelDaoGovernor.VOTECASTWITHPARAMS_EVENT, (p, v, x) ->
                new GovernorEvent.VoteCastWithParams(p, v.address(0), v.uint(1), v.smallUint(2), v.uint(3), v.text(4), v.hex(5)));
        on(c, ModelDaoGovernor.PROPOSALQUEUED_EVENT, (p, v, x) -> new GovernorEvent.ProposalQueued(p, v.uint(0), v.uint(1)));
        on(c, ModelDaoGovernor.PROPOSALEXECUTED_EVENT, (p, v, x) -> new GovernorEvent.ProposalExecuted(p, v.uint(0)));
        on(c, ModelDaoGovernor.PROPOSALCANCELED_EVENT, (p, v, x) -> new GovernorEvent.ProposalCanceled(p, v.uint(0)));
        on(c, ModelDaoGovernor.PROPOSALEXTENDED_EVENT, (p, v, x) -> new GovernorEvent.ProposalExtended(p, v.uint(0), v.uint(1)));
        on(c, ModelDaoGovernor.VOTINGDELAYSET_EVENT, (p, v, x) -> new GovernorEvent.VotingDelaySet(p, v.uint(0), v.uint(1)));
        on(c, ModelDaoGovernor.VOTINGPERIODSET_EVENT, (p, v, x) -> new GovernorEvent.VotingPeriodSet(p, v.uint(0), v.uint(1)));
        on(c, ModelDaoGovernor.PROPOSALTHRESHOLDSET_EVENT, (p, v, x) ->
                new GovernorEvent.ProposalThresholdSet(p, v.uint(0), v.uint(1)));
        on(c, ModelDaoGovernor.QUORUMNUMERATORUPDATED_EVENT, (p, v, x) ->
                new GovernorEvent.QuorumNumeratorUpdated(p, v.uint(0), v.uint(1)));
        on(c, ModelDaoGovernor.LATEQUORUMVOTEEXTENSIONSET_EVENT, (p, v, x) ->
                new GovernorEvent.LateQuorumVoteExtensionSet(p, v.uint(0), v.uint(1)));
        on(c, ModelDaoGovernor.TIMELOCKCHANGE_EVENT, (p, v, x) -> new GovernorEvent.TimelockChange(p, v.address(0), v.address(1)));
        on(c, ModelDaoGovernor.EIP712DOMAINCHANGED_EVENT, (p, v, x) -> new Eip712DomainChanged(p));
    }

    private GovernanceEvent proposalCreated(EventPosition p, AbiValues v) {
        List<String> targets = v.addresses(2);
        List<java.math.BigInteger> values = v.uints(3);
        List<String> signatures = v.texts(4);
        List<byte[]> calldatas = v.raws(5);
        if (targets.size() != values.size() || targets.size() != calldatas.size()) {
            throw new IllegalArgumentException(targets.size() + " targets, " + values.size() + " values and " + calldatas.size()
                    + " calldatas");
        }
        List<ProposalCall> calls = new ArrayList<>();
        for (int i = 0; i < targets.size(); i++) {
            calls.add(new ProposalCall(targets.get(i), values.get(i), ChainHex.of(calldatas.get(i))));
        }
        byte[] description = v.raw(8);
        return new GovernorEvent.ProposalCreated(p, v.uint(0), v.address(1), calls, signatures, v.uint(6), v.uint(7),
                v.text(8), description, TimelockOperations.idOf(calls, description, governor));
    }

    private void timelock() {
        DaoContract c = DaoContract.TIMELOCK;
        on(c, ModelDaoTimelock.CALLSCHEDULED_EVENT, (p, v, x) -> new TimelockEvent.CallScheduled(p, v.bytes32(0), v.uint(1),
                v.address(2), v.uint(3), v.hex(4), v.bytes32(5), v.uint(6)));
        on(c, ModelDaoTimelock.CALLEXECUTED_EVENT, (p, v, x) ->
                new TimelockEvent.CallExecuted(p, v.bytes32(0), v.uint(1), v.address(2), v.uint(3), v.hex(4)));
        on(c, ModelDaoTimelock.CALLSALT_EVENT, (p, v, x) -> new TimelockEvent.CallSalt(p, v.bytes32(0), v.bytes32(1)));
        on(c, ModelDaoTimelock.CANCELLED_EVENT, (p, v, x) -> new TimelockEvent.Cancelled(p, v.bytes32(0)));
        on(c, ModelDaoTimelock.MINDELAYCHANGE_EVENT, (p, v, x) -> new TimelockEvent.MinDelayChange(p, v.uint(0), v.uint(1)));
        on(c, ModelDaoTimelock.ROLEGRANTED_EVENT, (p, v, x) ->
                new TimelockEvent.RoleGranted(p, v.bytes32(0), v.address(1), v.address(2)));
        on(c, ModelDaoTimelock.ROLEREVOKED_EVENT, (p, v, x) ->
                new TimelockEvent.RoleRevoked(p, v.bytes32(0), v.address(1), v.address(2)));
        on(c, ModelDaoTimelock.ROLEADMINCHANGED_EVENT, (p, v, x) ->
                new TimelockEvent.RoleAdminChanged(p, v.bytes32(0), v.bytes32(1), v.bytes32(2)));
    }

    private void registry() {
        DaoContract c = DaoContract.REGISTRY;
        on(c, ModelRegistry.MODELVERSIONAPPROVED_EVENT, (p, v, x) -> new RegistryEvent.ModelVersionApproved(p, v.bytes32(0),
                v.text(1), v.text(2), v.bytes32(3), v.text(4), v.bytes32(5), v.text(6), v.text(7), x));
        on(c, ModelRegistry.MODELVERSIONREVOKED_EVENT, (p, v, x) ->
                new RegistryEvent.ModelVersionRevoked(p, v.bytes32(0), v.text(1), v.text(2), v.text(3), x));
        on(c, ModelRegistry.CURRENTVERSIONCHANGED_EVENT, (p, v, x) ->
                new RegistryEvent.CurrentVersionChanged(p, v.bytes32(0), v.text(1), v.text(2), v.text(3), x));
        on(c, ModelRegistry.ACCESSPOLICYSET_EVENT, (p, v, x) -> new RegistryEvent.AccessPolicySet(p, v.bytes32(0), v.text(1),
                RegistryKinds.PolicyKind.of(v.uint(2)), v.uint(3), v.uint32(4), v.uint32(5), v.addresses(6), x));
        on(c, ModelRegistry.ETHICALCONSTRAINTADDED_EVENT, (p, v, x) -> new RegistryEvent.EthicalConstraintAdded(p, v.bytes32(0),
                v.text(1), v.uint(2), RegistryKinds.ConstraintKind.of(v.uint(3)), v.text(4), v.uint(5), v.uint(6), v.texts(7),
                v.text(8), x));
        on(c, ModelRegistry.ETHICALCONSTRAINTREMOVED_EVENT, (p, v, x) ->
                new RegistryEvent.EthicalConstraintRemoved(p, v.bytes32(0), v.text(1), v.uint(2), v.text(3), x));
        on(c, ModelRegistry.OWNERSHIPTRANSFERRED_EVENT, (p, v, x) ->
                new RegistryEvent.OwnershipTransferred(p, v.address(0), v.address(1), x));
    }

    private static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "…";
    }
}
