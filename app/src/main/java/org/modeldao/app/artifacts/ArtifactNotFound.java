package org.modeldao.app.artifacts;

import org.springframework.http.HttpStatus;

public class ArtifactNotFound extends ArtifactRejected {

    public ArtifactNotFound(Sha256 hash) {
        super("No artifact with sha256 " + hash.hex() + " is stored here.");
    }

    @Override
    public HttpStatus status() {
        return HttpStatus.NOT_FOUND;
    }

    @Override
    public String code() {
        return "artifact_not_found";
    }
}
