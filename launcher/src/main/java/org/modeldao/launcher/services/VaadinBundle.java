package org.modeldao.launcher.services;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Enumeration;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.zip.ZipFile;

/**
 * Vaadin's pre-compiled production bundle for an app jar built without {@code -Pproduction}.
 *
 * <p>The default build (what {@code ./dao run} and {@code ./dao test} make) packages the app
 * for development: no frontend bundle, and no Vaadin dev server either (that comes only with
 * {@code spring-boot:run}), so the jar alone cannot serve its UI. The app's production
 * profile builds a bundle of the app's own components into {@code META-INF/VAADIN} (npm and
 * Vite, about a minute); the launcher instead puts Vaadin's pre-compiled one, which carries
 * every component, from {@code com.vaadin:vaadin-prod-bundle} into a folder the app is started
 * with on its loader path, which runs it in production mode without an npm build.
 */
public final class VaadinBundle {

    private static final String SOURCE = "vaadin-prod-bundle/";
    private static final String MARKER = SOURCE + "config/flow-build-info.json";
    /**
     * Where a {@code -Pproduction} jar holds its bundle: Spring Boot's repackaging keeps the app's
     * {@code META-INF} at the jar's root (not under {@code BOOT-INF/classes}), on the class path all the same.
     */
    private static final String PACKAGED_INDEX = "META-INF/VAADIN/webapp/index.html";

    private VaadinBundle() {
    }

    /** True when the jar was built with its production bundle (nothing to add). */
    public static boolean isPackagedIn(Path bootJar) {
        try (ZipFile jar = new ZipFile(bootJar.toFile())) {
            return jar.getEntry(PACKAGED_INDEX) != null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + bootJar, e);
        }
    }

    /** Writes the bundle as {@code <folder>/META-INF/VAADIN/{webapp,config}} and returns {@code folder}. */
    public static Path extractTo(Path folder) {
        URL marker = VaadinBundle.class.getClassLoader().getResource(MARKER);
        if (marker == null) {
            throw new IllegalStateException("com.vaadin:vaadin-prod-bundle is not on the launcher's classpath");
        }
        Path target = folder.resolve("META-INF").resolve("VAADIN");
        try {
            JarURLConnection connection = (JarURLConnection) marker.openConnection();
            connection.setUseCaches(false);
            try (JarFile jar = connection.getJarFile()) {
                Enumeration<JarEntry> entries = jar.entries();
                while (entries.hasMoreElements()) {
                    JarEntry entry = entries.nextElement();
                    if (entry.isDirectory() || !entry.getName().startsWith(SOURCE)) {
                        continue;
                    }
                    Path file = target.resolve(entry.getName().substring(SOURCE.length())).normalize();
                    if (!file.startsWith(target)) {
                        continue; // never write outside the folder, whatever the jar says
                    }
                    Files.createDirectories(file.getParent());
                    try (InputStream in = jar.getInputStream(entry)) {
                        Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot extract Vaadin's production bundle into " + folder, e);
        }
    }
}
