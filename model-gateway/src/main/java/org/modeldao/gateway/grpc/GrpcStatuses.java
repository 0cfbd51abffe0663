package org.modeldao.gateway.grpc;

import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.nio.charset.StandardCharsets;
import org.modeldao.gateway.oip.ProtocolError;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one mapping of the gateway's refusals to gRPC statuses. The description is the HTTP
 * error's message word for word; what HTTP puts in the error body's {@code parameters} (provenance,
 * policy, constraint) travels as JSON in the {@code error-parameters-bin} trailer, and HTTP's
 * {@code Retry-After} as the {@code retry-after} trailer.
 */
final class GrpcStatuses {

    static final Metadata.Key<byte[]> PARAMETERS = Metadata.Key.of("error-parameters-bin", Metadata.BINARY_BYTE_MARSHALLER);
    static final Metadata.Key<String> RETRY_AFTER = Metadata.Key.of("retry-after", Metadata.ASCII_STRING_MARSHALLER);

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private GrpcStatuses() {}

    static StatusRuntimeException of(ProtocolError error) {
        Metadata trailers = new Metadata();
        if (error.retryAfterSeconds() > 0) {
            trailers.put(RETRY_AFTER, Long.toString(error.retryAfterSeconds()));
        }
        if (error.parameters() != null) {
            trailers.put(PARAMETERS, JSON.writeValueAsString(error.parameters()).getBytes(StandardCharsets.UTF_8));
        }
        return codeOf(error.status()).withDescription(error.message()).asRuntimeException(trailers);
    }

    /**
     * HTTP status to gRPC code. 413 (a batch over the voted maximum) is RESOURCE_EXHAUSTED like gRPC's
     * own refusal of an oversized message; 410 (revoked) and 409 (quarantined) are FAILED_PRECONDITION:
     * the version exists but the DAO's decision or its hash keeps it from serving; 502 (the model
     * answered NaN or infinity) is INTERNAL, not UNAVAILABLE, because a retry gets the same answer.
     */
    static Status codeOf(int httpStatus) {
        return switch (httpStatus) {
            case 400, 422 -> Status.INVALID_ARGUMENT;
            case 401 -> Status.UNAUTHENTICATED;
            case 403 -> Status.PERMISSION_DENIED;
            case 404 -> Status.NOT_FOUND;
            case 409, 410 -> Status.FAILED_PRECONDITION;
            case 413, 429 -> Status.RESOURCE_EXHAUSTED;
            case 503 -> Status.UNAVAILABLE;
            default -> Status.INTERNAL;
        };
    }
}
