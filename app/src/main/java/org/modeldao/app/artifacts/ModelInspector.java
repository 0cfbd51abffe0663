package org.modeldao.app.artifacts;

import java.nio.file.Path;

/** Opens a model file the way the gateway will, to refuse what it could never serve and to read its signature. */
public interface ModelInspector {

    /**
     * @throws NotAnOnnxModel  if the file is not a loadable model
     * @throws InvalidArtifact if it is empty or larger than the artifact size limit (checked before opening it)
     */
    ModelSignature inspect(Path file);
}
