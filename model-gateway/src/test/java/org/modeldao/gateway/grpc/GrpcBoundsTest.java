package org.modeldao.gateway.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.modeldao.gateway.grpc.v2.ModelInferRequest;
import org.modeldao.gateway.grpc.v2.ModelInferResponse;
import org.modeldao.gateway.oip.InputHeader;
import org.modeldao.gateway.oip.ProtocolError;
import org.modeldao.gateway.serving.Tensor;

/** What the gRPC adapter does on its own: a full worker pool, the status table, raw byte order. */
class GrpcBoundsTest {

    @Test
    void a_call_finding_every_worker_busy_is_refused_at_once_with_unavailable_and_retry_after() {
        OipGrpcService service = new OipGrpcService(null, null, null, task -> {
            throw new RejectedExecutionException("full");
        });
        AtomicReference<Throwable> error = new AtomicReference<>();
        service.modelInfer(GrpcFixture.iris("iris", "1", 5.1, 3.5, 1.4, 0.2).build(), new StreamObserver<>() {
            @Override
            public void onNext(ModelInferResponse value) {
                throw new AssertionError("no answer expected");
            }

            @Override
            public void onError(Throwable t) {
                error.set(t);
            }

            @Override
            public void onCompleted() {
                throw new AssertionError("no answer expected");
            }
        });
        StatusRuntimeException refused = (StatusRuntimeException) error.get();
        assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE);
        assertThat(refused.getStatus().getDescription()).isEqualTo(OipGrpcService.BUSY);
        assertThat(refused.getTrailers().get(GrpcStatuses.RETRY_AFTER)).isEqualTo("1");
    }

    @Test
    void every_http_status_the_gateway_answers_has_its_grpc_code() {
        int[] http = {400, 401, 403, 404, 409, 410, 413, 422, 429, 500, 502, 503};
        Status.Code[] grpc = {Status.Code.INVALID_ARGUMENT, Status.Code.UNAUTHENTICATED, Status.Code.PERMISSION_DENIED,
                Status.Code.NOT_FOUND, Status.Code.FAILED_PRECONDITION, Status.Code.FAILED_PRECONDITION,
                Status.Code.RESOURCE_EXHAUSTED, Status.Code.INVALID_ARGUMENT, Status.Code.RESOURCE_EXHAUSTED,
                Status.Code.INTERNAL, Status.Code.INTERNAL, Status.Code.UNAVAILABLE};
        for (int i = 0; i < http.length; i++) {
            StatusRuntimeException e = GrpcStatuses.of(ProtocolError.of(http[i], "message " + http[i]));
            assertThat(e.getStatus().getCode()).as("HTTP %d", http[i]).isEqualTo(grpc[i]);
            assertThat(e.getStatus().getDescription()).isEqualTo("message " + http[i]);
            assertThat(e.getTrailers().get(GrpcStatuses.PARAMETERS)).as("no parameters, no trailer").isNull();
        }
    }

    @Test
    void raw_contents_are_read_little_endian_per_datatype() {
        ByteBuffer fp64 = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putDouble(1.5).putDouble(-2.25);
        ByteBuffer int32 = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putInt(7).putInt(-300);
        ModelInferRequest request = ModelInferRequest.newBuilder()
                .addInputs(ModelInferRequest.InferInputTensor.newBuilder().setName("a").setDatatype("FP64").addShape(2))
                .addInputs(ModelInferRequest.InferInputTensor.newBuilder().setName("b").setDatatype("INT32").addShape(2))
                .addRawInputContents(ByteString.copyFrom(fp64.flip()))
                .addRawInputContents(ByteString.copyFrom(int32.flip()))
                .build();

        var tensors = TensorContents.inputs(request);

        assertThat(tensors).extracting(Tensor::numbers).containsExactly(new double[] {1.5, -2.25}, new double[] {7, -300});
        assertThat(TensorContents.raw(tensors.get(1))).isEqualTo(request.getRawInputContents(1));
        assertThatThrownBy(() -> TensorContents.inputs(request.toBuilder()
                .setRawInputContents(1, ByteString.copyFrom(new byte[10])).build()))
                .isInstanceOf(InputHeader.Malformed.class)
                .hasMessage("raw_input_contents of input b holds 10 bytes, not a whole number of INT32 values (4 bytes each)");
    }
}
