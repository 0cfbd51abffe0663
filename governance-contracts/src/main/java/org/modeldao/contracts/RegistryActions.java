package org.modeldao.contracts;

import java.math.BigInteger;
import java.util.List;
import org.modeldao.contracts.wrappers.ModelRegistry;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.abi.datatypes.generated.Uint256;

/**
 * Builds the calls a proposal makes on the ModelRegistry. Only encodes: nothing is sent,
 * so the app can build a proposal that the member's own wallet then submits.
 */
public final class RegistryActions {

    private final String registry;

    public RegistryActions(String registryAddress) {
        this.registry = registryAddress;
    }

    public ProposalCall approveVersion(ModelRegistry.VersionSubmission submission) {
        return call(ModelRegistry.FUNC_APPROVEVERSION, submission);
    }

    public ProposalCall revokeVersion(String model, String version, String reason) {
        return call(ModelRegistry.FUNC_REVOKEVERSION, new Utf8String(model), new Utf8String(version), new Utf8String(reason));
    }

    public ProposalCall setCurrentVersion(String model, String version) {
        return call(ModelRegistry.FUNC_SETCURRENTVERSION, new Utf8String(model), new Utf8String(version));
    }

    public ProposalCall setAccessPolicy(String model, ModelRegistry.AccessPolicy policy) {
        return call(ModelRegistry.FUNC_SETACCESSPOLICY, new Utf8String(model), policy);
    }

    public ProposalCall addConstraint(String model, ModelRegistry.EthicalConstraint constraint) {
        return call(ModelRegistry.FUNC_ADDCONSTRAINT, new Utf8String(model), constraint);
    }

    public ProposalCall removeConstraint(String model, BigInteger constraintId, String reason) {
        return call(ModelRegistry.FUNC_REMOVECONSTRAINT, new Utf8String(model), new Uint256(constraintId),
                new Utf8String(reason));
    }

    private ProposalCall call(String function, Type<?>... arguments) {
        return ProposalCall.of(registry, FunctionEncoder.encode(new Function(function, List.of(arguments), List.of())));
    }
}
