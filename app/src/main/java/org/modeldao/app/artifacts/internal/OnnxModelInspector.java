package org.modeldao.app.artifacts.internal;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.OrtSession.SessionOptions.OptLevel;
import ai.onnxruntime.TensorInfo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.modeldao.app.artifacts.ArtifactProperties;
import org.modeldao.app.artifacts.ExternalDataRefused;
import org.modeldao.app.artifacts.InvalidArtifact;
import org.modeldao.app.artifacts.ModelInspector;
import org.modeldao.app.artifacts.ModelSignature;
import org.modeldao.app.artifacts.ModelSignature.Tensor;
import org.modeldao.app.artifacts.NotAnOnnxModel;
import org.modeldao.onnxchecks.ExternalDataScan;

/**
 * Opens an upload with ONNX Runtime — the runtime the gateway serves with — and reads the
 * graph's inputs and outputs from the session. The session is only created (single-threaded,
 * no graph optimisation, so it is cheap) and closed again; nothing is run. The size limit is
 * checked first, so no file larger than an artifact may be is ever handed to the runtime, then
 * {@link ExternalDataScan} (module onnx-checks, shared with the gateway) refuses tensors whose data
 * lives in other files.
 */
public final class OnnxModelInspector implements ModelInspector {

    private static final int MAX_NAME = 128;
    private static final int MAX_REASON = 300;

    private final ArtifactProperties properties;

    public OnnxModelInspector(ArtifactProperties properties) {
        this.properties = properties;
    }

    @Override
    public ModelSignature inspect(Path file) {
        long size = sizeOf(file);
        if (size == 0) {
            throw new InvalidArtifact("The upload is empty.");
        }
        if (size > properties.maxSizeBytes()) {
            throw new InvalidArtifact("The upload is larger than the " + properties.maxSizeBytes() + " bytes allowed.");
        }
        // before ONNX Runtime opens it: the runtime would follow external-data paths on this server's disk
        refuseExternalData(file);
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            options.setOptimizationLevel(OptLevel.NO_OPT);
            try (OrtSession session = OrtEnvironment.getEnvironment().createSession(file.toString(), options)) {
                List<Tensor> inputs = tensors(session.getInputInfo());
                List<Tensor> outputs = tensors(session.getOutputInfo());
                if (inputs.isEmpty() || outputs.isEmpty()) {
                    throw new NotAnOnnxModel("the graph declares no " + (inputs.isEmpty() ? "inputs" : "outputs"));
                }
                return new ModelSignature(inputs, outputs);
            }
        } catch (OrtException e) {
            throw new NotAnOnnxModel(reason(e, file));
        }
    }

    private static void refuseExternalData(Path file) {
        switch (ExternalDataScan.scan(file)) {
            case ExternalDataScan.Result.Clean clean -> { }
            case ExternalDataScan.Result.ExternalData found -> throw new ExternalDataRefused(found.where());
            case ExternalDataScan.Result.UnknownFields found -> throw ExternalDataRefused.unknownFields(found.where());
            case ExternalDataScan.Result.Unparsable unparsable -> throw new NotAnOnnxModel(unparsable.reason());
        }
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Tensor> tensors(Map<String, NodeInfo> nodes) {
        return nodes.values().stream().map(OnnxModelInspector::tensor).toList();
    }

    private static Tensor tensor(NodeInfo node) {
        String name = printable(node.getName(), MAX_NAME);
        if (node.getInfo() instanceof TensorInfo tensor) {
            return new Tensor(name, elementType(tensor), Arrays.stream(tensor.getShape()).boxed().toList());
        }
        // sequences and maps (e.g. a classifier's ZipMap output) have no tensor shape
        String kind = node.getInfo().getClass().getSimpleName().replace("Info", "").toLowerCase(Locale.ROOT);
        return new Tensor(name, kind, List.of());
    }

    private static String elementType(TensorInfo tensor) {
        if (tensor.type == OnnxJavaType.FLOAT) {
            return "float32";
        }
        if (tensor.type == OnnxJavaType.DOUBLE) {
            return "float64";
        }
        return tensor.onnxType.name().replace("ONNX_TENSOR_ELEMENT_DATA_TYPE_", "").toLowerCase(Locale.ROOT);
    }

    /** ONNX Runtime's message in words a person can act on, without the server's temp path. */
    private static String reason(OrtException e, Path file) {
        String detail = String.valueOf(e.getMessage()).replace(file.toString(), "the file")
                .replaceFirst("^Error code - \\w+ - message: ", "");
        return switch (e.getCode()) {
            case ORT_INVALID_PROTOBUF -> "it does not parse as an ONNX protobuf (another kind of file, or an incomplete upload)";
            case ORT_NO_SUCHFILE -> "it refers to files outside itself (external data); an artifact must be one self-contained file";
            case ORT_INVALID_GRAPH -> "ONNX Runtime found its graph invalid (" + printable(detail, MAX_REASON) + ")";
            case ORT_NOT_IMPLEMENTED -> "it uses an operator or feature ONNX Runtime does not support (" + printable(detail, MAX_REASON) + ")";
            default -> "ONNX Runtime could not load it (" + printable(detail, MAX_REASON) + ")";
        };
    }

    private static String printable(String text, int max) {
        String clean = text.replaceAll("\\p{Cntrl}", "?").strip();
        return clean.length() <= max ? clean : clean.substring(0, max) + "…";
    }
}
