package org.modeldao.app.artifacts.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import org.modeldao.app.artifacts.ArtifactProperties;
import org.modeldao.app.artifacts.ExternalDataRefused;
import org.modeldao.demomodels.DemoModels;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scan on a large model (the iris graph plus a 128 MiB float initializer): it passes a
 * self-contained one and finds an external tensor placed after the 128 MiB, and its time is
 * logged beside ONNX Runtime's own open of the same file (figures in app/README.md).
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

        ExternalDataScan.refuseExternalData(clean); // warm-up
        long started = System.nanoTime();
        ExternalDataScan.refuseExternalData(clean);
        long scanNanos = System.nanoTime() - started;
        assertThatThrownBy(() -> ExternalDataScan.refuseExternalData(crafted)).isInstanceOf(ExternalDataRefused.class)
                .hasMessageContaining("tensor 'leak'");

        OnnxModelInspector inspector = new OnnxModelInspector(new ArtifactProperties(folder, "https://dao.example/", 1L << 30));
        started = System.nanoTime();
        inspector.inspect(clean);
        long inspectNanos = System.nanoTime() - started;
        log.info("External-data scan of a {} MiB model: {} ms; whole inspection (scan + ONNX Runtime open): {} ms; scan share {} %",
                Files.size(clean) >> 20, scanNanos / 1_000_000, inspectNanos / 1_000_000, Math.round(100.0 * scanNanos / inspectNanos));
        assertThat(scanNanos).isPositive();
    }

    @Test
    void a_field_the_onnx_schema_does_not_know_is_refused_as_it_could_hide_an_external_tensor() throws Exception {
        ModelProto iris = ModelProto.parseFrom(DemoModels.iris("2").artifactBytes());
        GraphProto graph = iris.getGraph().toBuilder().setUnknownFields(UnknownFieldSet.newBuilder()
                .addField(999, UnknownFieldSet.Field.newBuilder().addLengthDelimited(ByteString.copyFromUtf8("location=/etc/passwd")).build())
                .build()).build();
        Path file = write(folder.resolve("unknown.onnx"), iris.toBuilder().setGraph(graph).build());

        assertThatThrownBy(() -> ExternalDataScan.refuseExternalData(file)).isInstanceOf(ExternalDataRefused.class)
                .hasMessageStartingWith("This model has fields this server's ONNX reader does not know (in the model › graph");
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
