package org.modeldao.demomodels.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** The iris measurements shipped in this module, in scikit-learn's CSV layout. */
public record IrisData(List<String> classNames, List<Row> rows) {

    public static final String RESOURCE = "/org/modeldao/demomodels/data/iris.csv";

    /**
     * Tribuo orders features by name, and the ONNX input vector follows that order, so the
     * numeric prefixes keep the tensor's columns in the data set's order.
     */
    public static final List<String> FEATURE_NAMES =
            List.of("f0_sepal_length", "f1_sepal_width", "f2_petal_length", "f3_petal_width");

    public record Row(double[] features, String label) {}

    public static IrisData load() {
        try (InputStream in = Objects.requireNonNull(IrisData.class.getResourceAsStream(RESOURCE), RESOURCE);
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            // header: "<rows>,<features>,<class 0>,<class 1>,<class 2>"
            String[] header = reader.readLine().split(",");
            List<String> classes = List.of(header).subList(2, header.length);
            List<Row> rows = new ArrayList<>();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                String[] cells = line.split(",");
                double[] features = new double[FEATURE_NAMES.size()];
                for (int i = 0; i < features.length; i++) {
                    features[i] = Double.parseDouble(cells[i]);
                }
                rows.add(new Row(features, classes.get(Integer.parseInt(cells[features.length].trim()))));
            }
            return new IrisData(classes, List.copyOf(rows));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every fifth row is held out: a fixed split, so metrics are reproducible. */
    public List<Row> trainingRows() {
        return java.util.stream.IntStream.range(0, rows.size()).filter(i -> i % 5 != 0).mapToObj(rows::get).toList();
    }

    public List<Row> testRows() {
        return java.util.stream.IntStream.range(0, rows.size()).filter(i -> i % 5 == 0).mapToObj(rows::get).toList();
    }
}
