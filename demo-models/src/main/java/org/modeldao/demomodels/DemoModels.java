package org.modeldao.demomodels;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The demo model versions this jar carries, trained by the build (see the module README).
 * Other modules use them to seed a dev chain's registry and to test the gateway.
 */
public final class DemoModels {

    public static final String IRIS = "iris";

    private DemoModels() {}

    /** Every shipped version, in build order (iris/1, iris/2). */
    public static List<DemoModel> all() {
        String index = new String(DemoModel.read(DemoModel.ROOT + "index.txt"), StandardCharsets.UTF_8);
        return index.lines().filter(line -> !line.isBlank()).map(line -> {
            String[] parts = line.split("/");
            return new DemoModel(parts[0], parts[1]);
        }).toList();
    }

    public static DemoModel get(String name, String version) {
        return all().stream()
                .filter(model -> model.name().equals(name) && model.version().equals(version))
                .findFirst()
                .orElseThrow(() -> new NoSuchElementException("no demo model " + name + "/" + version));
    }

    public static DemoModel iris(String version) {
        return get(IRIS, version);
    }
}
