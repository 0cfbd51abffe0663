package org.modeldao.app.artifacts;

import org.modeldao.app.base.AppException;

/** Root of the artifact store's refusals; nothing is stored when one is thrown. */
public abstract class ArtifactRejected extends AppException {

    protected ArtifactRejected(String message) {
        super(message);
    }
}
