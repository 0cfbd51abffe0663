package org.modeldao.app.artifacts;

/** The upload is not an ONNX model that ONNX Runtime can load; nothing was stored. */
public class NotAnOnnxModel extends InvalidArtifact {

    public NotAnOnnxModel(String reason) {
        super("This file is not an ONNX model that can be served: " + reason + ". Nothing was stored.");
    }

    @Override
    public String code() {
        return "not_an_onnx_model";
    }
}
