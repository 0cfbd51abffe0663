package org.modeldao.app.proposals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
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
import org.web3j.utils.Numeric;

class ActionCodecTest {

    static final String REGISTRY = "0x5FbDB2315678afecb367f032d93F642f64180aa3";
    static final String ARTIFACT = "0x" + "ab".repeat(32);
    static final String CARD = "0x" + "cd".repeat(32);
    static final String MEMBER = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";

    final ActionCodec codec = new ActionCodec(REGISTRY);

    static Stream<ProposalAction> everyKindOfAction() {
        return Stream.of(
                new ApproveVersion("iris-classifier", "2", ARTIFACT, "https://dao.example/artifacts/ab", CARD,
                        "https://dao.example/artifacts/cd", "onnx"),
                new RevokeVersion("iris-classifier", "1", "misclassifies setosa under low light"),
                new SetCurrentVersion("iris-classifier", "2"),
                new SetAccessPolicy("iris-classifier", PolicyKind.PUBLIC, BigInteger.ZERO, 60, 16, List.of()),
                new SetAccessPolicy("iris-classifier", PolicyKind.TOKEN_HOLDERS, Votes.ofTokens(BigDecimal.TEN), 120, 8, List.of()),
                new SetAccessPolicy("iris-classifier", PolicyKind.ALLOW_LIST, BigInteger.ZERO, 10, 1, List.of(MEMBER)),
                new AddConstraint("iris-classifier", ConstraintKind.INPUT_RANGE, "features", new BigDecimal("-0.5"),
                        new BigDecimal("10.25"), List.of(), "measurements are centimetres"),
                new AddConstraint("iris-classifier", ConstraintKind.MIN_CONFIDENCE, "", new BigDecimal("0.6"), null, List.of(),
                        "abstain when unsure"),
                new AddConstraint("iris-classifier", ConstraintKind.FORBIDDEN_OUTPUT_LABEL, "", null, null,
                        List.of("person", "face"), "never label people"),
                new RemoveConstraint("iris-classifier", BigInteger.valueOf(3), "superseded by #4"));
    }

    @ParameterizedTest
    @MethodSource("everyKindOfAction")
    void every_action_survives_the_round_trip_through_calldata(ProposalAction action) {
        ProposalCall call = codec.encode(action);

        assertThat(call.target()).isEqualTo(REGISTRY);
        assertThat(codec.decode(call)).isEqualTo(action);
    }

    @Test
    void calldata_built_by_the_foundation_decodes_into_plain_language() {
        ProposalCall call = new RegistryActions(REGISTRY).approveVersion(new ModelRegistry.VersionSubmission("iris-classifier",
                "2", Numeric.hexStringToByteArray(ARTIFACT), "https://dao.example/a", Numeric.hexStringToByteArray(CARD),
                "https://dao.example/c", "onnx"));

        assertThat(codec.decode(call).describe()).isEqualTo("Approve model iris-classifier v2 (onnx), artifact sha256 "
                + ARTIFACT + " at https://dao.example/a, card sha256 " + CARD + " at https://dao.example/c");
    }

    @Test
    void the_same_action_built_twice_gives_identical_calldata() {
        ProposalAction action = new SetCurrentVersion("iris-classifier", "2");

        assertThat(codec.encode(action)).isEqualTo(codec.encode(new SetCurrentVersion(" iris-classifier ", "2")));
    }

    @ParameterizedTest
    @MethodSource("everyKindOfAction")
    void every_action_is_read_back_from_what_the_indexer_stored_not_decoded_again(ProposalAction action) {
        String stored = codec.decodedJson(codec.encode(action));
        // another call beside it: what comes back is the stored action, not a second decoding
        ProposalCall other = codec.encode(new SetCurrentVersion("other-model", "9"));

        assertThat(stored).startsWith("{\"kind\":\"" + action.getClass().getSimpleName() + "\"");
        assertThat(codec.read(other, Optional.of(stored))).isEqualTo(action);
    }

    @Test
    void hostile_text_in_calldata_is_stored_as_ascii_json_and_reads_back_unchanged() {
        ProposalCall call = new RegistryActions(REGISTRY).revokeVersion("iris-classifier", "1",
                "nul\u0000 bidi\u202E emoji\uD83D\uDE00 lone\uD800 quote\" brace}");
        ProposalAction decoded = codec.decode(call);

        String stored = codec.decodedJson(call);

        assertThat(stored.chars()).allMatch(c -> c >= 0x20 && c < 0x7F);
        assertThat(codec.read(call, Optional.of(stored))).isEqualTo(decoded);
    }

    @Test
    void an_unrecognized_call_is_stored_as_its_kind_only_and_shown_from_the_raw_call() {
        ProposalCall elsewhere = new ProposalCall(MEMBER, BigInteger.ONE, "0xdeadbeef");

        String stored = codec.decodedJson(elsewhere);

        assertThat(stored).isEqualTo("{\"kind\":\"UnrecognizedCall\"}");
        assertThat(codec.read(elsewhere, Optional.of(stored))).isEqualTo(new UnrecognizedCall(MEMBER, BigInteger.ONE, "0xdeadbeef"));
    }

    @Test
    void rows_indexed_before_the_decoded_column_and_unreadable_stored_forms_are_decoded_from_the_raw_call() {
        ProposalAction action = new RevokeVersion("iris-classifier", "1", "broken");
        ProposalCall call = codec.encode(action);

        assertThat(codec.read(call, Optional.empty())).isEqualTo(action);
        assertThat(codec.read(call, Optional.of("{\"kind\":\"NoSuchAction\"}"))).isEqualTo(action);
        assertThat(codec.read(call, Optional.of("not json"))).isEqualTo(action);
    }

    @Test
    void a_call_to_another_contract_is_shown_as_unrecognized_not_guessed() {
        ProposalCall registryCall = codec.encode(new SetCurrentVersion("iris-classifier", "2"));
        ProposalCall elsewhere = new ProposalCall(MEMBER, BigInteger.ZERO, registryCall.calldata());

        assertThat(codec.decode(elsewhere)).isInstanceOf(UnrecognizedCall.class);
        assertThat(codec.decode(elsewhere).describe()).startsWith("Unrecognized call to " + MEMBER);
    }

    @Test
    void truncated_calldata_with_a_known_selector_is_unrecognized() {
        String calldata = codec.encode(new RevokeVersion("iris", "1", "broken")).calldata();
        ProposalCall truncated = ProposalCall.of(REGISTRY, calldata.substring(0, 10 + 64));

        assertThat(codec.decode(truncated)).isInstanceOf(UnrecognizedCall.class);
    }

    @Test
    void an_approval_with_a_malformed_hash_is_refused_with_a_clear_message() {
        assertThatThrownBy(() -> new ApproveVersion("iris", "2", "0x1234", "https://dao.example/a", CARD, "https://dao.example/c", "onnx"))
                .isInstanceOf(InvalidProposal.class)
                .hasMessageContaining("Artifact sha256 must be a sha256 hash");
    }

    @Test
    void an_approval_with_a_relative_or_non_http_url_is_refused() {
        assertThatThrownBy(() -> new ApproveVersion("iris", "2", ARTIFACT, "artifacts/ab", CARD, "https://dao.example/c", "onnx"))
                .isInstanceOf(InvalidProposal.class).hasMessageContaining("Artifact URL must be an absolute http(s) URL");
        assertThatThrownBy(() -> new ApproveVersion("iris", "2", ARTIFACT, "https://dao.example/a", CARD, "file:///etc/passwd", "onnx"))
                .isInstanceOf(InvalidProposal.class).hasMessageContaining("Model card URL");
    }

    @Test
    void missing_fields_are_named_in_the_message() {
        assertThatThrownBy(() -> new RevokeVersion("iris", "1", " ")).hasMessage("Reason is required");
        assertThatThrownBy(() -> new SetCurrentVersion(null, "1")).hasMessage("Model name is required");
    }

    @Test
    void policies_the_registry_would_reject_are_refused_before_proposing() {
        assertThatThrownBy(() -> new SetAccessPolicy("iris", PolicyKind.ALLOW_LIST, BigInteger.ZERO, 10, 1, List.of()))
                .hasMessageContaining("allow-list policy needs at least one address");
        assertThatThrownBy(() -> new SetAccessPolicy("iris", PolicyKind.PUBLIC, BigInteger.ZERO, 0, 1, List.of()))
                .hasMessageContaining("Requests per minute");
        assertThatThrownBy(() -> new SetAccessPolicy("iris", PolicyKind.ALLOW_LIST, BigInteger.ZERO, 10, 1, List.of("0xnot")))
                .hasMessageContaining("Allow-list entry must be a 0x-prefixed 20-byte address");
    }

    @Test
    void constraints_the_registry_would_reject_are_refused_before_proposing() {
        assertThatThrownBy(() -> new AddConstraint("iris", ConstraintKind.MIN_CONFIDENCE, "", new BigDecimal("1.5"), null, List.of(), "why"))
                .hasMessageContaining("(0, 1]");
        assertThatThrownBy(() -> new AddConstraint("iris", ConstraintKind.INPUT_RANGE, "x", BigDecimal.TEN, BigDecimal.ONE, List.of(), "why"))
                .hasMessageContaining("minimum lies above its maximum");
        assertThatThrownBy(() -> new AddConstraint("iris", ConstraintKind.ALLOWED_PURPOSES, "", null, null, List.of(" "), "why"))
                .hasMessageContaining("Values needs at least one entry");
    }
}
