package org.modeldao.demomodels.internal;

import ai.onnx.proto.OnnxMl;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Build-time entry point: trains every demo model version and writes its ONNX file and model
 * card under {@code org/modeldao/demomodels/<name>/<version>/} plus an index, in the output
 * directory given as the only argument.
 */
public final class DemoModelBuilder {

    private static final Logger log = LoggerFactory.getLogger(DemoModelBuilder.class);

    /** The versions the build produces; they differ in training length, step size and seed. */
    public static final List<IrisTrainer.Recipe> RECIPES = List.of(
            new IrisTrainer.Recipe("iris", "1", 2, 0.05, 1L,
                    "Iris species classifier, quick version: logistic regression trained for 2 epochs."),
            new IrisTrainer.Recipe("iris", "2", 40, 0.5, 42L,
                    "Iris species classifier, tuned version: logistic regression trained for 40 epochs."));

    private DemoModelBuilder() {}

    public static void main(String[] args) throws IOException {
        Path root = Path.of(args[0]).resolve("org/modeldao/demomodels");
        IrisData data = IrisData.load();
        List<String> index = new ArrayList<>();
        for (IrisTrainer.Recipe recipe : RECIPES) {
            IrisTrainer.Trained trained = IrisTrainer.train(data, recipe);
            Path dir = root.resolve(recipe.name()).resolve(recipe.version());
            Files.createDirectories(dir);
            Files.write(dir.resolve("model.onnx"), trained.onnx());
            Files.writeString(dir.resolve("card.json"), trained.card(), StandardCharsets.UTF_8);
            index.add(recipe.name() + "/" + recipe.version());
            log.info("demo model {}/{}: accuracy {} on the held-out rows, {} ONNX bytes",
                    recipe.name(), recipe.version(), trained.accuracy(), trained.onnx().length);
        }
        Files.writeString(root.resolve("index.txt"), String.join("\n", index) + "\n", StandardCharsets.UTF_8);
    }

    /** Only the graph and opsets stay: provenance metadata carries times and host details. */
    static byte[] reproducibleBytes(OnnxMl.ModelProto proto) {
        return proto.toBuilder().clearMetadataProps().clearDocString().build().toByteArray();
    }
}
