package org.modeldao.app.artifacts;

import org.springframework.http.HttpStatus;

/** Malformed hash, empty or oversized content, missing model card fields. */
public class InvalidArtifact extends ArtifactRejected {

    public InvalidArtifact(String message) {
        super(message);
    }

    @Override
    public HttpStatus status() {
        return HttpStatus.BAD_REQUEST;
    }

    @Override
    public String code() {
        return "invalid_artifact";
    }
}
