package org.modeldao.demomodels.internal;

import ai.onnx.proto.OnnxMl;
import java.util.List;
import java.util.stream.Collectors;
import org.tribuo.classification.evaluation.LabelEvaluation;

/**
 * Writes a model card as JSON by hand: the module has no JSON library at run time, and a
 * fixed field order keeps the card's bytes (and so its on-chain hash) reproducible.
 */
final class ModelCardWriter {

    private ModelCardWriter() {}

    static String write(IrisTrainer.Recipe recipe, OnnxMl.ModelProto proto, List<String> labels,
            LabelEvaluation evaluation, int testRows) {
        OnnxMl.GraphProto graph = proto.getGraph();
        return """
                {
                  "name": %s,
                  "version": %s,
                  "description": %s,
                  "license": "Apache-2.0 (model); training data: iris.csv from scikit-learn, BSD-3-Clause",
                  "intendedUse": "Demonstrating governed model serving: classify an iris flower into one of three species from four measurements in centimetres.",
                  "outOfScope": "Any decision about people, health, safety or money; flowers other than the three iris species.",
                  "format": "onnx",
                  "framework": "Tribuo 4.3.2 LinearSGDTrainer, multinomial logistic regression (LogMulticlass, AdaGrad)",
                  "training": {"epochs": %d, "learningRate": %s, "seed": %d, "rows": 120},
                  "features": [%s],
                  "inputs": [%s],
                  "outputs": [%s],
                  "labels": [%s],
                  "evaluation": {"heldOutRows": %d, "accuracy": %s, "macroAveragedF1": %s}
                }
                """.formatted(
                quote(recipe.name()), quote(recipe.version()), quote(recipe.description()),
                recipe.epochs(), IrisTrainer.decimal(recipe.learningRate()), recipe.seed(),
                quoted(IrisData.FEATURE_NAMES),
                tensors(graph.getInputList()), tensors(graph.getOutputList()),
                quoted(labels),
                testRows, IrisTrainer.decimal(evaluation.accuracy()), IrisTrainer.decimal(evaluation.macroAveragedF1()));
    }

    private static String tensors(List<OnnxMl.ValueInfoProto> values) {
        return values.stream().map(ModelCardWriter::tensor).collect(Collectors.joining(", "));
    }

    private static String tensor(OnnxMl.ValueInfoProto value) {
        OnnxMl.TypeProto.Tensor type = value.getType().getTensorType();
        String shape = type.getShape().getDimList().stream()
                .map(dim -> dim.hasDimValue() ? Long.toString(dim.getDimValue()) : "-1")
                .collect(Collectors.joining(", "));
        return "{\"name\": %s, \"datatype\": %s, \"shape\": [%s]}".formatted(
                quote(value.getName()), quote(datatype(type.getElemType())), shape);
    }

    /** ONNX element type numbers to Open Inference Protocol datatype names. */
    private static String datatype(int elemType) {
        return switch (elemType) {
            case 1 -> "FP32";
            case 7 -> "INT64";
            case 11 -> "FP64";
            default -> throw new IllegalStateException("unexpected ONNX element type " + elemType);
        };
    }

    private static String quoted(List<String> values) {
        return values.stream().map(ModelCardWriter::quote).collect(Collectors.joining(", "));
    }

    private static String quote(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
