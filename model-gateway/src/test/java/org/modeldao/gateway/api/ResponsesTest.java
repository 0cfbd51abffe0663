package org.modeldao.gateway.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.modeldao.gateway.serving.ServingException;
import org.springframework.http.ResponseEntity;

class ResponsesTest {

    @Test
    void each_serving_failure_maps_to_one_status_with_a_json_error() {
        assertThat(Responses.unservable(new ServingException.NotFound("x")).getStatusCode().value()).isEqualTo(404);
        assertThat(Responses.unservable(new ServingException.Revoked("x")).getStatusCode().value()).isEqualTo(410);
        assertThat(Responses.unservable(new ServingException.Quarantined("x")).getStatusCode().value()).isEqualTo(409);
        assertThat(Responses.unservable(new ServingException.EngineFailure("x", null)).getStatusCode().value())
                .isEqualTo(500);
    }

    @Test
    void a_full_queue_is_503_with_retry_after_never_a_hang() {
        ResponseEntity<Object> busy = Responses.unservable(new ServingException.AtCapacity("queue full"));
        assertThat(busy.getStatusCode().value()).isEqualTo(503);
        assertThat(busy.getHeaders().getFirst("Retry-After")).isEqualTo("1");
        assertThat(busy.getBody()).isEqualTo(new OipDtos.ErrorBody("queue full"));
        assertThat(Responses.unservable(new ServingException.NotReady("loading")).getHeaders().getFirst("Retry-After"))
                .isEqualTo("5");
    }
}
