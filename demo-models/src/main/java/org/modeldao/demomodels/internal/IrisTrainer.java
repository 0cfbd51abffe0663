package org.modeldao.demomodels.internal;

import ai.onnx.proto.OnnxMl;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.tribuo.Example;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.evaluation.LabelEvaluation;
import org.tribuo.classification.evaluation.LabelEvaluator;
import org.tribuo.classification.sgd.linear.LinearSGDModel;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.datasource.ListDataSource;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/** Trains one logistic-regression version with Tribuo and exports it to ONNX. */
final class IrisTrainer {

    record Recipe(String name, String version, int epochs, double learningRate, long seed, String description) {}

    record Trained(byte[] onnx, String card, double accuracy) {}

    private static final LabelFactory LABELS = new LabelFactory();

    private IrisTrainer() {}

    static Trained train(IrisData data, Recipe recipe) {
        MutableDataset<Label> training = dataset(data.trainingRows(), "iris-train");
        MutableDataset<Label> test = dataset(data.testRows(), "iris-test");
        LinearSGDTrainer trainer =
                new LinearSGDTrainer(new LogMulticlass(), new AdaGrad(recipe.learningRate()), recipe.epochs(), recipe.seed());
        LinearSGDModel model = (LinearSGDModel) trainer.train(training);
        LabelEvaluation evaluation = new LabelEvaluator().evaluate(model, test);
        OnnxMl.ModelProto proto = model.exportONNXModel("org.modeldao.demo", Long.parseLong(recipe.version()));
        byte[] onnx = DemoModelBuilder.reproducibleBytes(proto);
        String card = ModelCardWriter.write(recipe, proto, labelsInOutputOrder(model.getOutputIDInfo()), evaluation,
                data.testRows().size());
        return new Trained(onnx, card, evaluation.accuracy());
    }

    private static MutableDataset<Label> dataset(List<IrisData.Row> rows, String name) {
        List<Example<Label>> examples = new ArrayList<>();
        String[] names = IrisData.FEATURE_NAMES.toArray(String[]::new);
        for (IrisData.Row row : rows) {
            examples.add(new ArrayExample<>(new Label(row.label()), names, row.features().clone()));
        }
        // a fixed creation time keeps the provenance (and so any derived bytes) reproducible
        var provenance = new SimpleDataSourceProvenance(name, java.time.OffsetDateTime.parse("2026-01-01T00:00:00Z"), LABELS);
        return new MutableDataset<>(new ListDataSource<>(examples, LABELS, provenance));
    }

    private static List<String> labelsInOutputOrder(ImmutableOutputInfo<Label> info) {
        List<String> labels = new ArrayList<>();
        for (int id = 0; id < info.size(); id++) {
            labels.add(info.getOutput(id).getLabel());
        }
        return labels;
    }

    static String decimal(double value) {
        return String.format(Locale.ROOT, "%.4f", value);
    }
}
