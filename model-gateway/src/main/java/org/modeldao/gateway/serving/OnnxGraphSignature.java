package org.modeldao.gateway.serving;

import ai.djl.engine.Engine;
import ai.djl.engine.EngineException;
import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The signature an ONNX graph declares itself — input and output names, element types and
 * shapes (-1 where a dimension is free) — for a version whose model card carries none, as a
 * card written from the app's form fields. Read from the verified private copy with ONNX Runtime's
 * own session metadata; inference still goes through DJL. Such a card has no labels, so the
 * version answers with the model's outputs only.
 */
final class OnnxGraphSignature {

    private OnnxGraphSignature() {
    }

    /**
     * @throws ai.djl.engine.EngineException when the DJL engine cannot start (nothing is wrong with the model)
     */
    static ModelSignature read(Path onnx) throws OrtException {
        // DJL's engine creates ONNX Runtime's one environment with its thread pool settings and
        // refuses to start if an environment already exists; so it starts first, and this reuses its environment
        try {
            Engine.getEngine(VersionLoader.ENGINE);
        } catch (RuntimeException e) {
            throw e instanceof EngineException engine ? engine
                    : new EngineException("DJL engine " + VersionLoader.ENGINE + " could not start: " + e.getMessage(), e);
        }
        OrtEnvironment environment = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions();
                OrtSession session = environment.createSession(onnx.toString(), options)) {
            return new ModelSignature(specs(session.getInputInfo(), "input"), specs(session.getOutputInfo(), "output"),
                    List.of());
        }
    }

    private static List<TensorSpec> specs(Map<String, NodeInfo> nodes, String side) {
        List<TensorSpec> specs = new ArrayList<>();
        for (NodeInfo node : nodes.values()) {
            if (!(node.getInfo() instanceof TensorInfo tensor)) {
                throw new IllegalArgumentException(side + " " + node.getName() + " is not a tensor (" + node.getInfo()
                        + "): the model card must declare the signature");
            }
            specs.add(new TensorSpec(node.getName(), dataType(tensor.type, side, node.getName()),
                    Arrays.stream(tensor.getShape()).boxed().toList()));
        }
        if (specs.isEmpty()) {
            throw new IllegalArgumentException("the ONNX graph declares no " + side + "s");
        }
        return specs;
    }

    private static DataType dataType(OnnxJavaType type, String side, String name) {
        return switch (type) {
            case FLOAT -> DataType.FP32;
            case DOUBLE -> DataType.FP64;
            case INT32 -> DataType.INT32;
            case INT64 -> DataType.INT64;
            case STRING -> DataType.BYTES;
            default -> throw new IllegalArgumentException(side + " " + name + " has element type " + type
                    + ", which the gateway does not serve");
        };
    }
}
