package org.modeldao.app.indexer;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.modeldao.app.readmodel.ProposalAction;
import org.modeldao.contracts.ProposalCall;
import org.modeldao.contracts.RegistryActions;
import org.modeldao.contracts.RegistryKinds.ConstraintKind;
import org.modeldao.contracts.RegistryKinds.PolicyKind;
import org.modeldao.contracts.wrappers.ModelRegistry;
import org.web3j.utils.Numeric;

class CalldataDecoderTest {

    private static final String REGISTRY = "0xCf7Ed3AccA5a467e9e704C703E8D87F634fB0Fc9";
    private final RegistryActions actions = new RegistryActions(REGISTRY);
    private final CalldataDecoder decoder = new CalldataDecoder(REGISTRY.toLowerCase());

    @Test
    void every_registry_action_the_app_builds_decodes_back_to_its_typed_record() {
        byte[] artifact = new byte[32];
        artifact[31] = 7;
        ModelRegistry.VersionSubmission submission = new ModelRegistry.VersionSubmission("iris", "2", artifact, "file:///m.onnx",
                artifact, "file:///card.json", "onnx");
        assertThat(decode(actions.approveVersion(submission))).isEqualTo(new ProposalAction.ApproveVersion("iris", "2",
                Numeric.toHexString(artifact), "file:///m.onnx", Numeric.toHexString(artifact), "file:///card.json", "onnx"));
        assertThat(decode(actions.revokeVersion("iris", "1", "biased"))).isEqualTo(new ProposalAction.RevokeVersion("iris", "1", "biased"));
        assertThat(decode(actions.setCurrentVersion("iris", "2"))).isEqualTo(new ProposalAction.SetCurrentVersion("iris", "2"));
        String member = "0x70997970c51812dc3a010c7d01b50e0d17dc79c8";
        assertThat(decode(actions.setAccessPolicy("iris", new ModelRegistry.AccessPolicy(PolicyKind.ALLOW_LIST.code(), BigInteger.ZERO,
                BigInteger.valueOf(30), BigInteger.valueOf(4), List.of(member)))))
                .isEqualTo(new ProposalAction.SetAccessPolicy("iris", PolicyKind.ALLOW_LIST, BigInteger.ZERO, 30, 4, List.of(member)));
        assertThat(decode(actions.addConstraint("iris", new ModelRegistry.EthicalConstraint(BigInteger.ZERO,
                ConstraintKind.INPUT_RANGE.code(), "features", BigInteger.valueOf(-1_000_000), BigInteger.valueOf(10_000_000),
                List.of("a", "b"), "sensor range"))))
                .isEqualTo(new ProposalAction.AddConstraint("iris", ConstraintKind.INPUT_RANGE, "features",
                        BigInteger.valueOf(-1_000_000), BigInteger.valueOf(10_000_000), List.of("a", "b"), "sensor range"));
        assertThat(decode(actions.removeConstraint("iris", BigInteger.valueOf(3), "obsolete")))
                .isEqualTo(new ProposalAction.RemoveConstraint("iris", BigInteger.valueOf(3), "obsolete"));
    }

    @Test
    void calls_to_other_contracts_unknown_selectors_and_truncated_calldata_stay_raw() {
        ProposalCall call = actions.setCurrentVersion("iris", "2");
        String other = "0x0000000000000000000000000000000000000001";
        assertThat(decoder.decode(other, BigInteger.ZERO, call.calldata())).isInstanceOf(ProposalAction.OtherCall.class);
        assertThat(decoder.decode(REGISTRY, BigInteger.ZERO, "0xdeadbeef")).isInstanceOf(ProposalAction.OtherCall.class);
        assertThat(decoder.decode(REGISTRY, BigInteger.ZERO, call.calldata().substring(0, 40))).isInstanceOf(ProposalAction.OtherCall.class);
    }

    private ProposalAction decode(ProposalCall call) {
        return decoder.decode(call.target().toLowerCase(), call.value(), call.calldata());
    }
}
