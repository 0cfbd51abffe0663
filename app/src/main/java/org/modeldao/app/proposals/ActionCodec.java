package org.modeldao.app.proposals;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.modeldao.app.indexer.ActionDecoder;
import org.modeldao.app.proposals.ProposalAction.AddConstraint;
import org.modeldao.app.proposals.ProposalAction.ApproveVersion;
import org.modeldao.app.proposals.ProposalAction.RemoveConstraint;
import org.modeldao.app.proposals.ProposalAction.RevokeVersion;
import org.modeldao.app.proposals.ProposalAction.SetAccessPolicy;
import org.modeldao.app.proposals.ProposalAction.SetCurrentVersion;
import org.modeldao.app.proposals.ProposalAction.UnrecognizedCall;
import org.modeldao.contracts.ProposalCall;
import org.modeldao.contracts.RegistryActions;
import org.modeldao.contracts.RegistryKinds.ConstraintKind;
import org.modeldao.contracts.RegistryKinds.PolicyKind;
import org.modeldao.contracts.wrappers.ModelRegistry;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.crypto.Hash;
import org.web3j.utils.Numeric;
import tools.jackson.core.json.JsonWriteFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns {@link ProposalAction}s into registry calldata (through the foundation's
 * {@link RegistryActions}) and calldata back into actions, so a proposal page shows what a
 * proposal really does, whoever built it. Anything not aimed at the registry, or not decodable,
 * comes back as {@link UnrecognizedCall} rather than being guessed at.
 * <p>
 * Calldata is decoded once, when the indexer stores a proposal ({@link #decodedJson}); the pages
 * read that JSON back ({@link #read}). The JSON is written here, by the app, with every non-ASCII
 * character escaped, so hostile strings inside cannot break the column; they are cleaned for
 * display with {@code ChainText.forDisplay} like every other decoded chain string.
 */
public final class ActionCodec implements ActionDecoder {

    // ASCII-only JSON: NUL, controls and even lone surrogates are written as escapes, safe in any database text column
    private static final JsonMapper JSON = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();
    private static final Map<String, Class<?>> ACTION_BY_KIND = Arrays.stream(ProposalAction.class.getPermittedSubclasses())
            .collect(Collectors.toMap(Class::getSimpleName, Function.identity()));

    // the registry stores decimals as integers scaled by 1e6 (RegistryKinds.VALUE_SCALE)
    private static final int DECIMALS = 6;
    private static final Map<String, String> FUNCTION_BY_SELECTOR = Map.of(
            selector("approveVersion((string,string,bytes32,string,bytes32,string,string))"), ModelRegistry.FUNC_APPROVEVERSION,
            selector("revokeVersion(string,string,string)"), ModelRegistry.FUNC_REVOKEVERSION,
            selector("setCurrentVersion(string,string)"), ModelRegistry.FUNC_SETCURRENTVERSION,
            selector("setAccessPolicy(string,(uint8,uint256,uint32,uint32,address[]))"), ModelRegistry.FUNC_SETACCESSPOLICY,
            selector("addConstraint(string,(uint256,uint8,string,int256,int256,string[],string))"), ModelRegistry.FUNC_ADDCONSTRAINT,
            selector("removeConstraint(string,uint256,string)"), ModelRegistry.FUNC_REMOVECONSTRAINT);

    private final String registry;
    private final RegistryActions actions;

    public ActionCodec(String registryAddress) {
        this.registry = registryAddress;
        this.actions = new RegistryActions(registryAddress);
    }

    public ProposalCall encode(ProposalAction action) {
        return switch (action) {
            case ApproveVersion a -> actions.approveVersion(new ModelRegistry.VersionSubmission(a.model(), a.version(),
                    Numeric.hexStringToByteArray(a.artifactSha256()), a.artifactUri(), Numeric.hexStringToByteArray(a.cardSha256()),
                    a.cardUri(), a.format()));
            case RevokeVersion a -> actions.revokeVersion(a.model(), a.version(), a.reason());
            case SetCurrentVersion a -> actions.setCurrentVersion(a.model(), a.version());
            case SetAccessPolicy a -> actions.setAccessPolicy(a.model(), new ModelRegistry.AccessPolicy(a.kind().code(),
                    a.minVotes(), BigInteger.valueOf(a.requestsPerMinute()), BigInteger.valueOf(a.maxBatchSize()), a.allowList()));
            // the registry numbers constraints itself: the id sent is ignored
            case AddConstraint a -> actions.addConstraint(a.model(), new ModelRegistry.EthicalConstraint(BigInteger.ZERO,
                    a.kind().code(), a.target(), scaled(a.minValue()), scaled(a.maxValue()), a.values(), a.rationale()));
            case RemoveConstraint a -> actions.removeConstraint(a.model(), a.constraintId(), a.reason());
            case UnrecognizedCall a -> new ProposalCall(a.target(), a.value(), a.calldata());
        };
    }

    public ProposalAction decode(ProposalCall call) {
        String calldata = call.calldata().toLowerCase();
        String function = calldata.length() >= 10 ? FUNCTION_BY_SELECTOR.get(calldata.substring(0, 10)) : null;
        if (function == null || !call.target().equalsIgnoreCase(registry) || call.value().signum() != 0) {
            return unrecognized(call);
        }
        try {
            return decode(function, "0x" + calldata.substring(10));
        } catch (RuntimeException malformed) {
            // calldata with a known selector but arguments that do not decode or validate
            return unrecognized(call);
        }
    }

    /**
     * The stored form of {@code call}'s action: {@code {"kind": "ApproveVersion", "action": {...}}}, or
     * only the kind for an {@link UnrecognizedCall} (its target, value and calldata are the raw call,
     * stored beside it). Never throws: the indexer must get past any calldata.
     */
    @Override
    public String decodedJson(ProposalCall call) {
        ProposalAction action = decode(call);
        Map<String, Object> stored = new LinkedHashMap<>();
        stored.put("kind", action.getClass().getSimpleName());
        if (!(action instanceof UnrecognizedCall)) {
            stored.put("action", action);
        }
        try {
            return JSON.writeValueAsString(stored);
        } catch (RuntimeException unwritable) {
            return JSON.writeValueAsString(Map.of("kind", UnrecognizedCall.class.getSimpleName()));
        }
    }

    /**
     * The action the indexer stored for {@code call}. Rows indexed before the decoded column existed
     * (empty) are decoded here; so is a stored form that no longer reads (the model changed), so a call
     * is never hidden.
     */
    public ProposalAction read(ProposalCall call, java.util.Optional<String> decodedJson) {
        if (decodedJson.isEmpty()) {
            return decode(call);
        }
        try {
            JsonNode stored = JSON.readTree(decodedJson.get());
            Class<?> kind = ACTION_BY_KIND.get(stored.path("kind").asString());
            if (kind == UnrecognizedCall.class) {
                return unrecognized(call);
            }
            if (kind == null || !stored.has("action")) {
                return decode(call);
            }
            return (ProposalAction) JSON.treeToValue(stored.get("action"), kind);
        } catch (RuntimeException unreadable) {
            return decode(call);
        }
    }

    private static ProposalAction decode(String function, String arguments) {
        return switch (function) {
            case ModelRegistry.FUNC_APPROVEVERSION -> {
                ModelRegistry.VersionSubmission s = (ModelRegistry.VersionSubmission) args(arguments,
                        new TypeReference<ModelRegistry.VersionSubmission>() {}).getFirst();
                yield new ApproveVersion(s.model, s.version, Numeric.toHexString(s.artifactSha256), s.artifactUri,
                        Numeric.toHexString(s.cardSha256), s.cardUri, s.format);
            }
            case ModelRegistry.FUNC_REVOKEVERSION -> {
                List<Type> v = args(arguments, UTF8, UTF8, UTF8);
                yield new RevokeVersion(text(v, 0), text(v, 1), text(v, 2));
            }
            case ModelRegistry.FUNC_SETCURRENTVERSION -> {
                List<Type> v = args(arguments, UTF8, UTF8);
                yield new SetCurrentVersion(text(v, 0), text(v, 1));
            }
            case ModelRegistry.FUNC_SETACCESSPOLICY -> {
                List<Type> v = args(arguments, UTF8, new TypeReference<ModelRegistry.AccessPolicy>() {});
                ModelRegistry.AccessPolicy p = (ModelRegistry.AccessPolicy) v.get(1);
                yield new SetAccessPolicy(text(v, 0), PolicyKind.of(p.kind), p.minVotes, p.requestsPerMinute.longValueExact(),
                        p.maxBatchSize.longValueExact(), p.allowList);
            }
            case ModelRegistry.FUNC_ADDCONSTRAINT -> {
                List<Type> v = args(arguments, UTF8, new TypeReference<ModelRegistry.EthicalConstraint>() {});
                ModelRegistry.EthicalConstraint c = (ModelRegistry.EthicalConstraint) v.get(1);
                yield new AddConstraint(text(v, 0), ConstraintKind.of(c.kind), c.target, unscaled(c.minValue),
                        unscaled(c.maxValue), c.values, c.rationale);
            }
            case ModelRegistry.FUNC_REMOVECONSTRAINT -> {
                List<Type> v = args(arguments, UTF8, new TypeReference<Uint256>() {}, UTF8);
                yield new RemoveConstraint(text(v, 0), (BigInteger) v.get(1).getValue(), text(v, 2));
            }
            default -> throw new IllegalArgumentException("no decoder for " + function);
        };
    }

    private static final TypeReference<Utf8String> UTF8 = new TypeReference<>() {};

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static List<Type> args(String arguments, TypeReference<?>... types) {
        List<Type> decoded = FunctionReturnDecoder.decode(arguments, (List) List.of(types));
        if (decoded.size() != types.length) {
            throw new IllegalArgumentException("calldata too short");
        }
        return decoded;
    }

    private static String text(List<Type> values, int index) {
        return (String) values.get(index).getValue();
    }

    private static BigInteger scaled(BigDecimal value) {
        return value.movePointRight(DECIMALS).toBigIntegerExact();
    }

    private static BigDecimal unscaled(BigInteger value) {
        return new BigDecimal(value, DECIMALS).stripTrailingZeros();
    }

    private static String selector(String signature) {
        return Numeric.toHexString(Hash.sha3(signature.getBytes(StandardCharsets.US_ASCII))).substring(0, 10);
    }

    private static UnrecognizedCall unrecognized(ProposalCall call) {
        return new UnrecognizedCall(call.target(), call.value(), call.calldata());
    }

}
