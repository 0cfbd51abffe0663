package org.modeldao.contracts;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.web3j.crypto.Hash;

/**
 * What a Governor proposal consists of: the calls executed if it passes and the
 * human-readable description (whose keccak256 identifies it together with the calls).
 */
public record GovernanceProposal(List<ProposalCall> calls, String description) {

    public GovernanceProposal {
        calls = List.copyOf(calls);
        if (calls.isEmpty()) {
            throw new IllegalArgumentException("a proposal needs at least one call");
        }
        if (description == null || description.isBlank()) {
            throw new IllegalArgumentException("a proposal needs a description");
        }
    }

    public List<String> targets() {
        return calls.stream().map(ProposalCall::target).toList();
    }

    public List<BigInteger> values() {
        return calls.stream().map(ProposalCall::value).toList();
    }

    public List<byte[]> calldatas() {
        return calls.stream().map(ProposalCall::calldataBytes).toList();
    }

    public byte[] descriptionHash() {
        return Hash.sha3(description.getBytes(StandardCharsets.UTF_8));
    }
}
