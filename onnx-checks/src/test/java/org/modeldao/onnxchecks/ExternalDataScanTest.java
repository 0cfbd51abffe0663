package org.modeldao.onnxchecks;

import static org.assertj.core.api.Assertions.assertThat;

import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.StringStringEntryProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import com.google.protobuf.ByteString;
import com.google.protobuf.UnknownFieldSet;
import com.google.protobuf.UnsafeByteOperations;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import java.util.Map;
import org.modeldao.onnxchecks.ExternalDataScan.Result;
import org.modeldao.demomodels.DemoModels;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scan finds an external-data tensor wherever one can sit, in a file and in bytes, and on a
 * large model (the iris graph plus a 128 MiB float initializer) passes a self-contained one and
 * finds an external tensor placed after the 128 MiB; its time is logged (figures in
 * docs/benchmarks.md).
 */
class ExternalDataScanTest {

    private static final Logger log = LoggerFactory.getLogger(ExternalDataScanTest.class);
    private static final int BIG_BYTES = 128 << 20;

    @TempDir
    Path folder;

    @Test
    void a_128_mib_model_is_scanned_without_copying_its_tensor_data_and_an_external_tensor_after_it_is_found() throws Exception {
        Path clean = write(folder.resolve("big.onnx"), bigModel(false));
        Path crafted = write(folder.resolve("big-external.onnx"), bigModel(true));

        assertThat(ExternalDataScan.scan(clean)).isInstanceOf(Result.Clean.class); // and a warm-up
        long started = System.nanoTime();
        Result result = ExternalDataScan.scan(clean);
        long scanNanos = System.nanoTime() - started;

        assertThat(result).isInstanceOf(Result.Clean.class);
        assertThat(ExternalDataScan.scan(crafted)).isInstanceOfSatisfying(Result.ExternalData.class,
                found -> assertThat(found.where()).startsWith("tensor 'leak' in the model › graph › initializer"));
        log.info("External-data scan of a {} MiB model: {} ms", Files.size(clean) >> 20, scanNanos / 1_000_000);
    }

    @Test
    void an_external_tensor_is_found_wherever_it_sits_in_a_file_and_in_bytes() throws Exception {
        for (Map.Entry<String, byte[]> variant : ExternalDataModels.all().entrySet()) {
            Path file = Files.write(folder.resolve("variant.onnx"), variant.getValue());
            assertThat(ExternalDataScan.scan(file)).as(variant.getKey()).isInstanceOf(Result.ExternalData.class);
            assertThat(ExternalDataScan.scan(variant.getValue())).as(variant.getKey()).isInstanceOf(Result.ExternalData.class);
        }
    }

    @Test
    void both_demo_models_are_clean_and_other_bytes_are_unparsable() {
        assertThat(ExternalDataScan.scan(DemoModels.iris("1").artifactBytes())).isInstanceOf(Result.Clean.class);
        assertThat(ExternalDataScan.scan(DemoModels.iris("2").artifactBytes())).isInstanceOf(Result.Clean.class);
        assertThat(ExternalDataScan.scan("{\"not\": \"onnx\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .isInstanceOf(Result.Unparsable.class);
    }

    @Test
    void a_field_the_onnx_schema_does_not_know_is_refused_as_it_could_hide_an_external_tensor() throws Exception {
        ModelProto iris = ModelProto.parseFrom(DemoModels.iris("2").artifactBytes());
        GraphProto graph = iris.getGraph().toBuilder().setUnknownFields(UnknownFieldSet.newBuilder()
                .addField(999, UnknownFieldSet.Field.newBuilder().addLengthDelimited(ByteString.copyFromUtf8("location=/etc/passwd")).build())
                .build()).build();
        Path file = write(folder.resolve("unknown.onnx"), iris.toBuilder().setGraph(graph).build());

        assertThat(ExternalDataScan.scan(file)).isEqualTo(new Result.UnknownFields("the model › graph"));
    }

    private static ModelProto bigModel(boolean withExternalTensorAfterIt) throws Exception {
        ModelProto iris = ModelProto.parseFrom(DemoModels.iris("2").artifactBytes());
        GraphProto.Builder graph = iris.getGraph().toBuilder().addInitializer(TensorProto.newBuilder().setName("padding")
                .setDataType(TensorProto.DataType.FLOAT_VALUE).addDims(BIG_BYTES / 4)
                .setRawData(UnsafeByteOperations.unsafeWrap(new byte[BIG_BYTES])));
        if (withExternalTensorAfterIt) {
            graph.addInitializer(TensorProto.newBuilder().setName("leak").setDataType(TensorProto.DataType.FLOAT_VALUE).addDims(4)
                    .setDataLocation(TensorProto.DataLocation.EXTERNAL)
                    .addExternalData(StringStringEntryProto.newBuilder().setKey("location").setValue("/etc/passwd")));
        }
        return iris.toBuilder().setGraph(graph).build();
    }

    private static Path write(Path file, ModelProto model) throws Exception {
        try (OutputStream out = Files.newOutputStream(file)) {
            model.writeTo(out);
        }
        return file;
    }
}
