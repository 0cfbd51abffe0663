package org.modeldao.gateway.serving;

import ai.djl.engine.Engine;
import java.nio.file.Files;
import java.nio.file.Path;
import org.modeldao.demomodels.DemoModels;

/**
 * Run in a JVM of its own by {@link GraphSignatureTest}: the first ONNX Runtime use of the process
 * is reading a graph's signature, as when the first approved version has a prose-only card; DJL's
 * engine must still start afterwards (ONNX Runtime holds one environment per process).
 */
final class GraphSignatureFirst {

    private GraphSignatureFirst() {
    }

    public static void main(String[] args) throws Exception {
        Path artifact = Files.createTempFile("graph-signature-first-", ".onnx");
        Files.write(artifact, DemoModels.iris("2").artifactBytes());
        ModelSignature signature;
        try {
            signature = OnnxGraphSignature.read(artifact);
        } finally {
            Files.delete(artifact);
        }
        Engine engine = Engine.getEngine(VersionLoader.ENGINE);
        System.out.println("engine " + engine.getEngineName() + " started after reading inputs "
                + signature.inputs().stream().map(TensorSpec::name).toList());
    }
}
