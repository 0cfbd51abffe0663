package org.modeldao.app.artifacts;

import org.springframework.http.HttpStatus;

/**
 * The upload is an ONNX model whose tensors point at data outside the file (ONNX "external data").
 * ONNX Runtime would read such paths from the server's disk when opening it, so the file is
 * refused before the runtime sees it; nothing was stored.
 */
public class ExternalDataRefused extends InvalidArtifact {

    private static final String HOW_TO_FIX = "A model artifact must be one self-contained .onnx file: save it again with all "
            + "tensors inside (in the ONNX Python package: onnx.save_model(model, path, save_as_external_data=False)). Nothing was stored.";

    private ExternalDataRefused(String message, boolean unused) {
        super(message);
    }

    /** @param where the tensor and where it sits, e.g. "tensor 'coef' in the model › graph › initializer" */
    public ExternalDataRefused(String where) {
        this("This model keeps tensor data in files outside itself (" + where + "). " + HOW_TO_FIX, false);
    }

    /** A field the ONNX schema this server reads does not know (a newer ONNX): it could hold such a tensor unseen. */
    public static ExternalDataRefused unknownFields(String where) {
        return new ExternalDataRefused("This model has fields this server's ONNX reader does not know (in " + where
                + "); they could point at tensor data in other files, so it is not opened. " + HOW_TO_FIX, false);
    }

    @Override
    public HttpStatus status() {
        return HttpStatus.UNPROCESSABLE_CONTENT;
    }

    @Override
    public String code() {
        return "external_data_refused";
    }
}
