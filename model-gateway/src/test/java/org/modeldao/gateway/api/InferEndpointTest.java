package org.modeldao.gateway.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which requests the lean infer path answers itself; everything else must go down the regular chain. */
class InferEndpointTest {

    @Test
    void infer_paths_name_the_model_and_the_version() {
        assertThat(InferEndpoint.target("/v2/models/iris/infer")).isEqualTo(new InferEndpoint.Target("iris", null));
        assertThat(InferEndpoint.target("/v2/models/iris/versions/7/infer"))
                .isEqualTo(new InferEndpoint.Target("iris", "7"));
    }

    @Test
    void other_or_doubtful_paths_are_left_to_the_regular_chain() {
        assertThat(InferEndpoint.target("/v2/models/iris")).isNull();
        assertThat(InferEndpoint.target("/v2/models//infer")).isNull();
        assertThat(InferEndpoint.target("/v2/models/iris/versions//infer")).isNull();
        assertThat(InferEndpoint.target("/v2/models/a/b/infer")).isNull();
        assertThat(InferEndpoint.target("/v2/models/iris/versions/1/2/infer")).isNull();
        assertThat(InferEndpoint.target("/v2/models/ir%2Fis/infer")).isNull();
        assertThat(InferEndpoint.target("/v2/models/iris;x=1/infer")).isNull();
        assertThat(InferEndpoint.target("/v2/models/iris/infer/")).isNull();
        assertThat(InferEndpoint.target("/actuator/prometheus")).isNull();
    }

    @Test
    void only_plain_json_is_taken() {
        assertThat(InferEndpoint.json("application/json")).isTrue();
        assertThat(InferEndpoint.json("Application/JSON; charset=UTF-8")).isTrue();
        assertThat(InferEndpoint.json(null)).isFalse();
        assertThat(InferEndpoint.json("text/plain")).isFalse();
        assertThat(InferEndpoint.json("application/jsonx")).isFalse();
        assertThat(InferEndpoint.acceptsJson(null)).isTrue();
        assertThat(InferEndpoint.acceptsJson("*/*")).isTrue();
        assertThat(InferEndpoint.acceptsJson("text/html, application/json")).isTrue();
        assertThat(InferEndpoint.acceptsJson("text/html")).isFalse();
        assertThat(InferEndpoint.acceptsJson("application/json;q=0")).isFalse();
    }
}
