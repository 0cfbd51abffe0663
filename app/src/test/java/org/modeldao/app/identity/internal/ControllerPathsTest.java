package org.modeldao.app.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;

/**
 * {@link SecurityConfiguration} lets every address outside {@code /api/**} reach Vaadin, whose
 * views each carry their own access annotation (so unknown addresses get the 404 page). That is
 * safe only while no controller serves anything but listed reads outside {@code /api/**}: this
 * test fails when a new endpoint would be public by accident.
 */
class ControllerPathsTest {

    /** The reads that are public on purpose: voted artifacts by hash, and the key that verifies gateway tokens. */
    private static final Set<String> PUBLIC_READS = Set.of("/artifacts/{sha256}", "/.well-known/jwks.json");

    @Test
    void every_controller_endpoint_is_under_api_or_a_listed_public_read() {
        List<String> outside = new ArrayList<>();
        for (JavaClass type : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.modeldao.app")) {
            Class<?> controller = type.reflect();
            if (!AnnotatedElementUtils.hasAnnotation(controller, Controller.class)) {
                continue;
            }
            RequestMapping onClass = AnnotatedElementUtils.findMergedAnnotation(controller, RequestMapping.class);
            String prefix = onClass == null || onClass.path().length == 0 ? "" : onClass.path()[0];
            for (Method method : controller.getDeclaredMethods()) {
                RequestMapping mapping = AnnotatedElementUtils.findMergedAnnotation(method, RequestMapping.class);
                if (mapping == null) {
                    continue;
                }
                boolean readOnly = Set.of(mapping.method()).equals(Set.of(RequestMethod.GET));
                for (String path : mapping.path().length == 0 ? new String[] {""} : mapping.path()) {
                    String full = prefix + path;
                    if (!full.startsWith("/api/") && !(readOnly && PUBLIC_READS.contains(full))) {
                        outside.add(controller.getSimpleName() + "." + method.getName() + " " + List.of(mapping.method()) + " " + full);
                    }
                }
            }
        }
        assertThat(outside).as("endpoints outside /api/** that are not listed public reads").isEmpty();
    }
}
