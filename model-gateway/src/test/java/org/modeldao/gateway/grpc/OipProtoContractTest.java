package org.modeldao.gateway.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Descriptors.Descriptor;
import io.grpc.MethodDescriptor;
import org.junit.jupiter.api.Test;
import org.modeldao.gateway.grpc.v2.GRPCInferenceServiceGrpc;
import org.modeldao.gateway.grpc.v2.InferParameter;
import org.modeldao.gateway.grpc.v2.InferTensorContents;
import org.modeldao.gateway.grpc.v2.ModelInferRequest;
import org.modeldao.gateway.grpc.v2.ModelInferResponse;
import org.modeldao.gateway.grpc.v2.ModelMetadataResponse;

/**
 * The stubs generated at build time from src/main/proto speak the published OIP v2 wire format:
 * a client built from KServe's or Triton's proto must reach the same service, methods and fields.
 */
class OipProtoContractTest {

    @Test
    void serviceAndMethodNamesAreTheSpecifications() {
        assertThat(GRPCInferenceServiceGrpc.SERVICE_NAME).isEqualTo("inference.GRPCInferenceService");
        assertThat(GRPCInferenceServiceGrpc.getServiceDescriptor().getMethods())
                .extracting(MethodDescriptor::getFullMethodName)
                .containsExactlyInAnyOrder(
                        "inference.GRPCInferenceService/ServerLive",
                        "inference.GRPCInferenceService/ServerReady",
                        "inference.GRPCInferenceService/ModelReady",
                        "inference.GRPCInferenceService/ServerMetadata",
                        "inference.GRPCInferenceService/ModelMetadata",
                        "inference.GRPCInferenceService/ModelInfer");
    }

    @Test
    void inferMessagesKeepTheSpecificationsFieldNumbers() {
        assertFields(ModelInferRequest.getDescriptor(),
                "model_name", 1, "model_version", 2, "id", 3, "parameters", 4, "inputs", 5, "outputs", 6,
                "raw_input_contents", 7);
        assertFields(ModelInferRequest.InferInputTensor.getDescriptor(),
                "name", 1, "datatype", 2, "shape", 3, "parameters", 4, "contents", 5);
        assertFields(ModelInferResponse.getDescriptor(),
                "model_name", 1, "model_version", 2, "id", 3, "parameters", 4, "outputs", 5,
                "raw_output_contents", 6);
        assertFields(ModelMetadataResponse.getDescriptor(),
                "name", 1, "versions", 2, "platform", 3, "inputs", 4, "outputs", 5);
        assertFields(InferParameter.getDescriptor(),
                "bool_param", 1, "int64_param", 2, "string_param", 3, "double_param", 4, "uint64_param", 5);
        assertFields(InferTensorContents.getDescriptor(),
                "bool_contents", 1, "int_contents", 2, "int64_contents", 3, "uint_contents", 4,
                "uint64_contents", 5, "fp32_contents", 6, "fp64_contents", 7, "bytes_contents", 8);
    }

    @Test
    void aRequestSurvivesTheWire() throws Exception {
        ModelInferRequest sent = ModelInferRequest.newBuilder().setModelName("iris").setId("r1")
                .addInputs(ModelInferRequest.InferInputTensor.newBuilder().setName("input").setDatatype("FP32")
                        .addShape(1).addShape(4)
                        .setContents(InferTensorContents.newBuilder().addFp32Contents(5.1f).addFp32Contents(3.5f)
                                .addFp32Contents(1.4f).addFp32Contents(0.2f)))
                .putParameters("purpose", InferParameter.newBuilder().setStringParam("research").build())
                .build();

        ModelInferRequest received = ModelInferRequest.parseFrom(sent.toByteArray());

        assertThat(received).isEqualTo(sent);
        assertThat(received.getInputs(0).getContents().getFp32ContentsList()).containsExactly(5.1f, 3.5f, 1.4f, 0.2f);
        assertThat(received.getParametersOrThrow("purpose").getStringParam()).isEqualTo("research");
    }

    private static void assertFields(Descriptor message, Object... nameThenNumber) {
        assertThat(message.getFields()).hasSize(nameThenNumber.length / 2);
        for (int i = 0; i < nameThenNumber.length; i += 2) {
            assertThat(message.findFieldByName((String) nameThenNumber[i]))
                    .as("%s.%s", message.getFullName(), nameThenNumber[i]).isNotNull()
                    .extracting(f -> f.getNumber()).isEqualTo(nameThenNumber[i + 1]);
        }
    }
}
