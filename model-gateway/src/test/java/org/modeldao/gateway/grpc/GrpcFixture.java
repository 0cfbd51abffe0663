package org.modeldao.gateway.grpc;

import com.google.protobuf.ByteString;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.MetadataUtils;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.concurrent.TimeUnit;
import org.modeldao.gateway.grpc.v2.GRPCInferenceServiceGrpc;
import org.modeldao.gateway.grpc.v2.InferParameter;
import org.modeldao.gateway.grpc.v2.InferTensorContents;
import org.modeldao.gateway.grpc.v2.ModelInferRequest;

/** A real gRPC client (Netty, plaintext HTTP/2 on 127.0.0.1) built from the OIP proto, as an application would use it. */
public final class GrpcFixture implements AutoCloseable {

    private final ManagedChannel channel;

    public GrpcFixture(int port) {
        channel = NettyChannelBuilder.forAddress("127.0.0.1", port).usePlaintext()
                .maxInboundMessageSize(4 * 1024 * 1024).build();
    }

    public GRPCInferenceServiceGrpc.GRPCInferenceServiceBlockingStub stub(String bearer) {
        GRPCInferenceServiceGrpc.GRPCInferenceServiceBlockingStub stub = GRPCInferenceServiceGrpc.newBlockingStub(channel)
                .withDeadlineAfter(20, TimeUnit.SECONDS);
        if (bearer == null) {
            return stub;
        }
        return stub.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(authorization("Bearer " + bearer)));
    }

    public static Metadata authorization(String value) {
        Metadata headers = new Metadata();
        headers.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), value);
        return headers;
    }

    /** An iris request whose rows of 4 features travel in fp32_contents. */
    public static ModelInferRequest.Builder iris(String model, String version, double... values) {
        InferTensorContents.Builder contents = InferTensorContents.newBuilder();
        for (double v : values) {
            contents.addFp32Contents((float) v);
        }
        return ModelInferRequest.newBuilder().setModelName(model).setModelVersion(version).setId("req-1")
                .addInputs(ModelInferRequest.InferInputTensor.newBuilder().setName("input").setDatatype("FP32")
                        .addShape(values.length / 4).addShape(4).setContents(contents));
    }

    /** The same rows in raw_input_contents: little-endian FP32. */
    public static ModelInferRequest.Builder irisRaw(String model, String version, double... values) {
        ByteBuffer raw = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (double v : values) {
            raw.putFloat((float) v);
        }
        return ModelInferRequest.newBuilder().setModelName(model).setModelVersion(version).setId("req-raw")
                .addInputs(ModelInferRequest.InferInputTensor.newBuilder().setName("input").setDatatype("FP32")
                        .addShape(values.length / 4).addShape(4))
                .addRawInputContents(ByteString.copyFrom(raw.flip()));
    }

    public static InferParameter text(String value) {
        return InferParameter.newBuilder().setStringParam(value).build();
    }

    @Override
    public void close() throws InterruptedException {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
}
