package org.modeldao.benchmarks.gateway;

import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import com.google.protobuf.UnsafeByteOperations;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.SplittableRandom;

/**
 * A large but real ONNX model for the large-artifact bench, written at bench time (never
 * committed): the iris signature (input {@code [-1, 4]} FP32, three scores and labels) through a
 * wide dense network — 4 → {@code hidden} (Relu) → {@code wide} (Relu) → 3 — whose middle weight
 * matrix makes the file large. Weights are pseudo-random with a fixed seed, so one size gives one file.
 */
final class WideModel {

    /** Hidden units of the first layer; the middle matrix is HIDDEN × wide floats. */
    private static final int HIDDEN = 8192;

    /** What was written: both files and their sha256, as a proposal votes them. */
    record Written(Path artifact, String artifactSha256, Path card, String cardSha256, long artifactBytes) {}

    private WideModel() {}

    /** Writes a model of about {@code megabytes} MB (10^6 bytes) and its card into {@code dir}. */
    static Written write(Path dir, int megabytes) throws IOException {
        Files.createDirectories(dir);
        int wide = Math.max(3, (int) ((long) megabytes * 1_000_000 / 4 / HIDDEN));
        SplittableRandom random = new SplittableRandom(14);
        GraphProto graph = GraphProto.newBuilder().setName("wide")
                .addInput(value("input", -1, 4))
                .addOutput(value("scores", -1, 3))
                .addInitializer(weights("w1", random, 4, HIDDEN)).addInitializer(weights("b1", random, HIDDEN))
                .addInitializer(weights("w2", random, HIDDEN, wide)).addInitializer(weights("b2", random, wide))
                .addInitializer(weights("w3", random, wide, 3)).addInitializer(weights("b3", random, 3))
                .addNode(node("MatMul", "input", "w1", "h1")).addNode(node("Add", "h1", "b1", "a1"))
                .addNode(node("Relu", "a1", null, "r1"))
                .addNode(node("MatMul", "r1", "w2", "h2")).addNode(node("Add", "h2", "b2", "a2"))
                .addNode(node("Relu", "a2", null, "r2"))
                .addNode(node("MatMul", "r2", "w3", "h3")).addNode(node("Add", "h3", "b3", "scores"))
                .build();
        ModelProto model = ModelProto.newBuilder().setIrVersion(8).setProducerName("modeldao-benchmarks")
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(13)).setGraph(graph).build();
        Path artifact = dir.resolve("model.onnx");
        try (OutputStream out = Files.newOutputStream(artifact)) {
            model.writeTo(out);
        }
        Path card = Files.writeString(dir.resolve("card.json"), """
                {"name": "wide", "version": "1",
                 "description": "Bench model: a wide dense network over the iris signature, %d hidden x %d wide; weights are noise.",
                 "inputs": [{"name": "input", "datatype": "FP32", "shape": [-1, 4]}],
                 "outputs": [{"name": "scores", "datatype": "FP32", "shape": [-1, 3]}],
                 "labels": ["setosa", "versicolor", "virginica"]}
                """.formatted(HIDDEN, wide));
        return new Written(artifact, sha256(artifact), card, sha256(card), Files.size(artifact));
    }

    /** Small weights (±0.05) so that activations stay finite through the wide layer. */
    private static TensorProto weights(String name, SplittableRandom random, int... dims) {
        long count = 1;
        TensorProto.Builder tensor = TensorProto.newBuilder().setName(name).setDataType(TensorProto.DataType.FLOAT_VALUE);
        for (int dim : dims) {
            tensor.addDims(dim);
            count *= dim;
        }
        ByteBuffer raw = ByteBuffer.allocate(Math.toIntExact(count * 4)).order(ByteOrder.LITTLE_ENDIAN);
        for (long i = 0; i < count; i++) {
            raw.putFloat((float) (random.nextDouble() - 0.5) * 0.1f);
        }
        // wrapped, not copied: the middle matrix is most of the file
        return tensor.setRawData(UnsafeByteOperations.unsafeWrap(raw.array())).build();
    }

    private static NodeProto node(String op, String a, String b, String out) {
        NodeProto.Builder node = NodeProto.newBuilder().setOpType(op).setName(out).addInput(a).addOutput(out);
        if (b != null) {
            node.addInput(b);
        }
        return node.build();
    }

    private static ValueInfoProto value(String name, long... dims) {
        TensorShapeProto.Builder shape = TensorShapeProto.newBuilder();
        for (long dim : dims) {
            shape.addDim(dim < 0 ? TensorShapeProto.Dimension.newBuilder().setDimParam("batch")
                    : TensorShapeProto.Dimension.newBuilder().setDimValue(dim));
        }
        return ValueInfoProto.newBuilder().setName(name).setType(TypeProto.newBuilder()
                .setTensorType(TypeProto.Tensor.newBuilder().setElemType(TensorProto.DataType.FLOAT_VALUE).setShape(shape)))
                .build();
    }

    static String sha256(Path file) throws IOException {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
                in.transferTo(OutputStream.nullOutputStream());
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
