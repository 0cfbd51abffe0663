package org.modeldao.gateway.api;

import org.modeldao.gateway.inference.InferenceOutcome;
import org.modeldao.gateway.oip.ProtocolError;
import org.modeldao.gateway.serving.ServingException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** Renders the gateway's answers as HTTP: statuses and messages are {@link ProtocolError}'s, shared with gRPC. */
final class Responses {

    private Responses() {}

    static ResponseEntity<Object> error(HttpStatus status, String message) {
        return ResponseEntity.status(status).body(new OipDtos.ErrorBody(message));
    }

    static ResponseEntity<Object> failure(InferenceOutcome outcome) {
        return render(ProtocolError.of(outcome));
    }

    static ResponseEntity<Object> unservable(ServingException e) {
        return render(ProtocolError.of(e));
    }

    static ResponseEntity<Object> render(ProtocolError error) {
        var builder = ResponseEntity.status(error.status());
        if (error.retryAfterSeconds() > 0) {
            builder.header("Retry-After", Long.toString(error.retryAfterSeconds()));
        }
        if (error.status() == 401) {
            builder.header("WWW-Authenticate", "Bearer");
        }
        return builder.body(new OipDtos.ErrorBody(error.message(), error.parameters()));
    }
}
