package org.modeldao.app.indexer;

import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.modeldao.app.readmodel.ProposalAction;
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

/**
 * Reads a proposal's calldata back into a typed action, by function selector, for calls to
 * the model registry. Done once at indexing time, so the read model never needs the ABI. Anything else (or calldata that does not decode) stays an {@link ProposalAction.OtherCall}.
 */
final class CalldataDecoder {

    private static final TypeReference<Utf8String> STRING = new TypeReference<>() { };
    private static final TypeReference<Uint256> UINT = new TypeReference<>() { };

    private final Map<String, Decoder> bySelector = Map.of(
            selector("approveVersion((string,string,bytes32,string,bytes32,string,string))"), new Decoder(
                    List.of(new TypeReference<ModelRegistry.VersionSubmission>() { }), v -> {
                        ModelRegistry.VersionSubmission s = (ModelRegistry.VersionSubmission) v.getFirst();
                        return new ProposalAction.ApproveVersion(key(s.model), key(s.version), Numeric.toHexString(s.artifactSha256),
                                ChainText.of(s.artifactUri, ChainText.URI), Numeric.toHexString(s.cardSha256),
                                ChainText.of(s.cardUri, ChainText.URI), key(s.format));
                    }),
            selector("revokeVersion(string,string,string)"), new Decoder(List.of(STRING, STRING, STRING),
                    v -> new ProposalAction.RevokeVersion(text(v, 0), text(v, 1), reason(v, 2))),
            selector("setCurrentVersion(string,string)"), new Decoder(List.of(STRING, STRING),
                    v -> new ProposalAction.SetCurrentVersion(text(v, 0), text(v, 1))),
            selector("setAccessPolicy(string,(uint8,uint256,uint32,uint32,address[]))"), new Decoder(
                    List.of(STRING, new TypeReference<ModelRegistry.AccessPolicy>() { }), v -> {
                        ModelRegistry.AccessPolicy p = (ModelRegistry.AccessPolicy) v.get(1);
                        return new ProposalAction.SetAccessPolicy(text(v, 0), PolicyKind.of(p.kind), p.minVotes,
                                p.requestsPerMinute.longValueExact(), p.maxBatchSize.longValueExact(),
                                p.allowList.stream().map(a -> a.toLowerCase(Locale.ROOT)).toList());
                    }),
            selector("addConstraint(string,(uint256,uint8,string,int256,int256,string[],string))"), new Decoder(
                    List.of(STRING, new TypeReference<ModelRegistry.EthicalConstraint>() { }), v -> {
                        ModelRegistry.EthicalConstraint c = (ModelRegistry.EthicalConstraint) v.get(1);
                        return new ProposalAction.AddConstraint(text(v, 0), ConstraintKind.of(c.kind), key(c.target), c.minValue,
                                c.maxValue, c.values.stream().map(CalldataDecoder::key).toList(), ChainText.of(c.rationale, ChainText.REASON));
                    }),
            selector("removeConstraint(string,uint256,string)"), new Decoder(List.of(STRING, UINT, STRING),
                    v -> new ProposalAction.RemoveConstraint(text(v, 0), (BigInteger) v.get(1).getValue(), reason(v, 2))));

    private final String registry;

    CalldataDecoder(String registryAddress) {
        this.registry = registryAddress == null ? "" : registryAddress.toLowerCase(Locale.ROOT);
    }

    ProposalAction decode(String target, BigInteger value, String calldata) {
        ProposalAction.OtherCall raw = new ProposalAction.OtherCall(target, value, calldata);
        if (!registry.equalsIgnoreCase(target) || calldata.length() < 10) {
            return raw;
        }
        Decoder decoder = bySelector.get(calldata.substring(0, 10).toLowerCase(Locale.ROOT));
        if (decoder == null) {
            return raw;
        }
        try {
            @SuppressWarnings({"unchecked", "rawtypes"})
            List<Type> values = FunctionReturnDecoder.decode(calldata.substring(10), (List) decoder.inputs);
            return values.size() == decoder.inputs.size() ? decoder.build.apply(values) : raw;
        } catch (RuntimeException malformed) {
            return raw;
        }
    }

    /** A key (model, version) argument, made safe like every text from the chain. */
    private static String text(List<Type> values, int index) {
        return key((String) values.get(index).getValue());
    }

    private static String reason(List<Type> values, int index) {
        return ChainText.of((String) values.get(index).getValue(), ChainText.REASON);
    }

    private static String key(String raw) {
        return ChainText.of(raw, ChainText.KEY);
    }

    private static String selector(String signature) {
        return Hash.sha3String(signature).substring(0, 10);
    }

    private record Decoder(List<TypeReference<?>> inputs, Function<List<Type>, ProposalAction> build) {
    }
}
