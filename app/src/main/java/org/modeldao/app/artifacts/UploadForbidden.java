package org.modeldao.app.artifacts;

import org.springframework.http.HttpStatus;

/** Only admins publish artifacts (the DAO still votes on every one of them). */
public class UploadForbidden extends ArtifactRejected {

    public UploadForbidden() {
        super("Only admins may upload model artifacts.");
    }

    @Override
    public HttpStatus status() {
        return HttpStatus.FORBIDDEN;
    }

    @Override
    public String code() {
        return "upload_forbidden";
    }
}
