package org.modeldao.gateway.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.modeldao.gateway.approval.Approval;
import org.modeldao.gateway.approval.ApprovedVersion;
import org.modeldao.gateway.oip.Provenance;
import tools.jackson.databind.json.JsonMapper;

class ProvenanceJsonTest {

    private final JsonMapper json = JsonMapper.builder().build();
    private final ProvenanceJson provenance = new ProvenanceJson(json);

    @Test
    void an_answer_carries_each_versions_own_provenance_as_the_map_would_serialize_even_after_many_versions() {
        ApprovedVersion first = version("1", "a".repeat(64), 11);
        String firstJson = json.writeValueAsString(Provenance.of(first));
        assertThat(written(first)).isEqualTo(firstJson);

        for (int i = 0; i < ProvenanceJson.MAX_VERSIONS * 3; i++) {
            ApprovedVersion other = version("v" + i, String.format("%064x", i), 100 + i);
            assertThat(written(other)).isEqualTo(json.writeValueAsString(Provenance.of(other)));
        }
        // the same version revoked (a field the provenance does not show) or approved again by another proposal
        assertThat(written(first.revokedBecause("bias", new Approval("9", "0x" + "b".repeat(64), 12)))).isEqualTo(firstJson);
        ApprovedVersion reapproved = new ApprovedVersion("iris", "1", "a".repeat(64), "file:/m.onnx", "c".repeat(64),
                "file:/card.json", "onnx", new Approval("77", "0x" + "d".repeat(64), 13), false, "", Approval.NONE);
        assertThat(written(reapproved)).contains("\"approving_proposal_id\":\"77\"").isNotEqualTo(firstJson);
    }

    @Test
    void the_parameters_of_an_answer_are_a_json_object_not_a_string() {
        ApprovedVersion v = version("2", "e".repeat(64), 5);
        var response = new OipDtos.InferResponse("iris", "2", "req-1", provenance.of(v), List.of());
        Map<?, ?> read = json.readValue(json.writeValueAsString(response), Map.class);
        assertThat(read.get("parameters")).isInstanceOf(Map.class);
        assertThat(((Map<?, ?>) read.get("parameters")).get("artifact_sha256")).isEqualTo("e".repeat(64));
    }

    private String written(ApprovedVersion v) {
        return provenance.of(v).rawValue().toString();
    }

    private static ApprovedVersion version(String version, String sha256, long block) {
        return ApprovedVersion.approved("iris", version, sha256, "file:/m.onnx", "c".repeat(64), "file:/card.json", "onnx",
                new Approval("1234", "0x" + "f".repeat(64), block));
    }
}
