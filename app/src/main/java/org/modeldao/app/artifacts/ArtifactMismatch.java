package org.modeldao.app.artifacts;

import org.springframework.http.HttpStatus;

/** The bytes received do not hash to the sha256 the uploader said they would. */
public class ArtifactMismatch extends ArtifactRejected {

    public ArtifactMismatch(Sha256 expected, Sha256 actual) {
        super("The uploaded bytes hash to sha256 " + actual.hex() + ", not the expected " + expected.hex()
                + ": the file is not the one you meant (corrupted or replaced). Nothing was stored.");
    }

    @Override
    public HttpStatus status() {
        return HttpStatus.UNPROCESSABLE_CONTENT;
    }

    @Override
    public String code() {
        return "artifact_mismatch";
    }
}
