package org.modeldao.onnxchecks;

import static org.assertj.core.api.Assertions.assertThat;

import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.StringStringEntryProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import com.google.protobuf.CodedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scan never holds a model in memory: a JVM with a 48 MB heap scans a 300 MiB model (a sparse
 * file: one float initializer of 300 MiB, then a tensor whose data is external) and finds the
 * external tensor after it. A scan that parsed the whole file into a ModelProto (as this class did
 * before: protobuf copied the mapped file onto the heap) dies here of OutOfMemoryError.
 */
class ExternalDataScanHeapTest {

    private static final long PADDING_BYTES = 300L << 20;

    @TempDir
    Path folder;

    @Test
    void a_model_far_larger_than_the_heap_is_scanned_and_its_external_tensor_found() throws Exception {
        Path model = writeSparseModel(folder.resolve("large.onnx"));

        String output = runInSmallHeap(model);

        assertThat(output).contains("heap cap holds",
                "scan: ExternalData[where=tensor 'leak' in the model › graph › initializer");
    }

    /**
     * Writes ModelProto{graph{initializer padding (raw_data of 300 MiB), initializer leak (external)}}
     * by hand, leaving the raw data as a hole in the file, so the test itself never holds it either.
     */
    private static Path writeSparseModel(Path file) throws Exception {
        byte[] paddingHead = TensorProto.newBuilder().setName("padding").setDataType(TensorProto.DataType.FLOAT_VALUE)
                .addDims(PADDING_BYTES / 4).build().toByteArray();
        byte[] leak = TensorProto.newBuilder().setName("leak").setDataType(TensorProto.DataType.FLOAT_VALUE).addDims(4)
                .setDataLocation(TensorProto.DataLocation.EXTERNAL)
                .addExternalData(StringStringEntryProto.newBuilder().setKey("location").setValue("/etc/passwd")).build()
                .toByteArray();
        long paddingLength = paddingHead.length + CodedOutputStream.computeTagSize(TensorProto.RAW_DATA_FIELD_NUMBER)
                + CodedOutputStream.computeUInt64SizeNoTag(PADDING_BYTES) + PADDING_BYTES;
        long graphLength = framed(GraphProto.INITIALIZER_FIELD_NUMBER, paddingLength)
                + framed(GraphProto.INITIALIZER_FIELD_NUMBER, leak.length);

        ByteArrayOutputStream head = new ByteArrayOutputStream();
        CodedOutputStream out = CodedOutputStream.newInstance(head);
        out.writeInt64(ModelProto.IR_VERSION_FIELD_NUMBER, 8);
        out.writeTag(ModelProto.GRAPH_FIELD_NUMBER, 2);
        out.writeUInt64NoTag(graphLength);
        out.writeTag(GraphProto.INITIALIZER_FIELD_NUMBER, 2);
        out.writeUInt64NoTag(paddingLength);
        out.writeRawBytes(paddingHead);
        out.writeTag(TensorProto.RAW_DATA_FIELD_NUMBER, 2);
        out.writeUInt64NoTag(PADDING_BYTES);
        out.flush();

        ByteArrayOutputStream tail = new ByteArrayOutputStream();
        CodedOutputStream after = CodedOutputStream.newInstance(tail);
        after.writeTag(GraphProto.INITIALIZER_FIELD_NUMBER, 2);
        after.writeUInt64NoTag(leak.length);
        after.writeRawBytes(leak);
        after.flush();

        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.write(head.toByteArray());
            raf.seek(raf.getFilePointer() + PADDING_BYTES);
            raf.write(tail.toByteArray());
        }
        return file;
    }

    private static long framed(int field, long length) {
        return CodedOutputStream.computeTagSize(field) + CodedOutputStream.computeUInt64SizeNoTag(length) + length;
    }

    private String runInSmallHeap(Path model) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Path log = folder.resolve("child.log");
        Process child = new ProcessBuilder(java.toString(), "-Xmx48m", "-cp", classPath, ScanInSmallHeap.class.getName(),
                model.toString()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!child.waitFor(3, TimeUnit.MINUTES)) {
            child.destroyForcibly();
            throw new AssertionError("the child JVM did not finish in 3 minutes: " + Files.readString(log));
        }
        String output = Files.readString(log);
        assertThat(child.exitValue()).as(output).isZero();
        return output;
    }
}
