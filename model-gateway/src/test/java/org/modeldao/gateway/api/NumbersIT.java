package org.modeldao.gateway.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.modeldao.gateway.GovernanceFixture;

/** Numbers the declared datatype cannot hold are refused before the model runs, naming input and index. */
class NumbersIT extends GatewayOverHttp {

    @TempDir
    Path dir;

    @Test
    void fp32_values_beyond_the_type_are_refused_with_400_naming_input_and_index() throws Exception {
        GovernanceFixture dao = new GovernanceFixture(dir, "iris-numbers-in");
        dao.approveDemo("1");
        publishAndAwait(dao, "1");
        HttpFixture http = new HttpFixture(port);
        HttpFixture.Reply reply = http.post("/v2/models/iris-numbers-in/versions/1/infer", """
                {"inputs": [{"name": "input", "shape": [1, 4], "datatype": "FP32", "data": [1e39, -1e39, 1e39, -1e39]}]}""",
                null);
        assertThat(reply.status()).as(reply.raw().body()).isEqualTo(400);
        assertThat(reply.json().get("error").asString()).contains("input input value at index 0")
                .contains("FP32 range");
        assertThat(reply.raw().body()).doesNotContain("virginica").doesNotContain("outputs");
        HttpFixture.Reply later = http.post("/v2/models/iris-numbers-in/versions/1/infer", """
                {"inputs": [{"name": "input", "shape": [2, 4], "datatype": "FP32", "data": [[1, 2, 3, 4], [5, 6, 7, 1e300]]}]}""",
                null);
        assertThat(later.status()).isEqualTo(400);
        assertThat(later.json().get("error").asString()).contains("index 7");
    }
}
