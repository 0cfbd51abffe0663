package org.modeldao.app.readmodel;

import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import org.modeldao.contracts.RegistryKinds.PolicyKind;

/** Who may call a model, as last set by the DAO. */
public record AccessPolicyView(String model, PolicyKind kind, BigInteger minVotes, long requestsPerMinute, long maxBatchSize,
        List<String> allowList, Instant setAt, long setAtBlock, BigInteger setByProposal, String txHash) {

    public AccessPolicyView {
        allowList = List.copyOf(allowList);
    }
}
