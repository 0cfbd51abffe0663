package org.modeldao.launcher.services;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VaadinBundleTest {

    @TempDir
    Path folder;

    @Test
    void extractsThePrecompiledBundleWhereProductionModeLooksForIt() throws Exception {
        Path extracted = VaadinBundle.extractTo(folder);
        assertThat(extracted.resolve("META-INF/VAADIN/webapp/index.html")).isRegularFile();
        assertThat(Files.readString(extracted.resolve("META-INF/VAADIN/config/flow-build-info.json")))
                .contains("\"productionMode\" : true");
    }

    @Test
    void tellsAProductionJarFromADevelopmentJar() throws Exception {
        // the layout `-Pproduction` packages: the bundle in the root META-INF, beside the manifest
        Path production = jarWith(folder.resolve("prod.jar"), "META-INF/VAADIN/webapp/index.html");
        Path development = jarWith(folder.resolve("dev.jar"), "BOOT-INF/classes/application.yml");
        Path bundleElsewhere = jarWith(folder.resolve("other.jar"), "BOOT-INF/classes/static/VAADIN/webapp/index.html");
        assertThat(VaadinBundle.isPackagedIn(production)).isTrue();
        assertThat(VaadinBundle.isPackagedIn(development)).isFalse();
        assertThat(VaadinBundle.isPackagedIn(bundleElsewhere)).isFalse();
    }

    private static Path jarWith(Path jar, String entry) throws Exception {
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new JarEntry(entry));
            out.write(1);
            out.closeEntry();
        }
        return jar;
    }
}
