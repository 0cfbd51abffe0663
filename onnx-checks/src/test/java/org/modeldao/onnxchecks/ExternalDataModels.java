package org.modeldao.onnxchecks;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.FunctionProto;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.SparseTensorProto;
import ai.onnx.proto.OnnxMl.StringStringEntryProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import com.google.protobuf.InvalidProtocolBufferException;
import java.util.Map;
import org.modeldao.demomodels.DemoModels;

/**
 * Crafted ONNX files (shared with the app's and the gateway's tests through this module's test jar), built with the ONNX protobuf classes from the real iris demo model: one tensor
 * at a time is turned into an external-data tensor naming a file on the server
 * ({@code location=/etc/passwd}), in each place a tensor can sit.
 */
public final class ExternalDataModels {

    public static final byte[] IRIS = DemoModels.iris("2").artifactBytes();

    private ExternalDataModels() {
    }

    /** Variant name → model bytes. */
    public static Map<String, byte[]> all() {
        return Map.of(
                "graph initializer", externalInitializer(),
                "sparse initializer", with(graph -> graph.addSparseInitializer(SparseTensorProto.newBuilder()
                        .setValues(external("sparse_values")).setIndices(external("sparse_indices")).addDims(4))),
                "node attribute in a subgraph", with(graph -> graph.addNode(NodeProto.newBuilder().setOpType("If").setName("branch")
                        .addAttribute(AttributeProto.newBuilder().setName("then_branch").setType(AttributeProto.AttributeType.GRAPH)
                                .setG(GraphProto.newBuilder().setName("then").addNode(NodeProto.newBuilder().setOpType("Constant")
                                        .addAttribute(AttributeProto.newBuilder().setName("value")
                                                .setType(AttributeProto.AttributeType.TENSOR).setT(external("hidden")))))))),
                "function", functionWithExternalConstant());
    }

    /** The iris model with its first initializer's data moved "outside" the file. */
    public static byte[] externalInitializer() {
        ModelProto iris = parse();
        GraphProto.Builder graph = iris.getGraph().toBuilder();
        TensorProto first = graph.getInitializer(0);
        graph.setInitializer(0, first.toBuilder().clearRawData().clearFloatData().clearDoubleData().clearInt64Data()
                .setDataLocation(TensorProto.DataLocation.EXTERNAL)
                .addExternalData(entry("location", "/etc/passwd"))
                .addExternalData(entry("offset", "0"))
                .addExternalData(entry("length", String.valueOf(4 * first.getDimsList().stream().reduce(1L, (a, b) -> a * b)))));
        return iris.toBuilder().setGraph(graph).build().toByteArray();
    }

    private static byte[] functionWithExternalConstant() {
        ModelProto iris = parse();
        return iris.toBuilder().addFunctions(FunctionProto.newBuilder().setName("leak").setDomain("custom")
                .addNode(NodeProto.newBuilder().setOpType("Constant").addAttribute(AttributeProto.newBuilder().setName("value")
                        .setType(AttributeProto.AttributeType.TENSOR).setT(external("in_function")))))
                .build().toByteArray();
    }

    private static byte[] with(java.util.function.Consumer<GraphProto.Builder> change) {
        ModelProto iris = parse();
        GraphProto.Builder graph = iris.getGraph().toBuilder();
        change.accept(graph);
        return iris.toBuilder().setGraph(graph).build().toByteArray();
    }

    private static TensorProto external(String name) {
        return TensorProto.newBuilder().setName(name).setDataType(TensorProto.DataType.FLOAT_VALUE).addDims(4)
                .setDataLocation(TensorProto.DataLocation.EXTERNAL).addExternalData(entry("location", "/etc/passwd")).build();
    }

    private static StringStringEntryProto entry(String key, String value) {
        return StringStringEntryProto.newBuilder().setKey(key).setValue(value).build();
    }

    private static ModelProto parse() {
        try {
            return ModelProto.parseFrom(IRIS);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("the demo model does not parse", e);
        }
    }
}
