package org.modeldao.app;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * Spring Modulith's reading of the package layout: every direct subpackage of
 * {@code org.modeldao.app} is a module whose root package is its API; subpackages are internal
 * unless marked {@code @NamedInterface} (only {@code base.quota}). {@link ApplicationModules#verify()}
 * fails on a cycle between modules or on a module reaching into another's internals.
 * {@link ArchitectureTest} keeps the rules Modulith does not know (views, wrappers, keys).
 */
class ModularityTest {

    private static final ApplicationModules MODULES = ApplicationModules.of(ModelDaoApplication.class);

    @Test
    void modules_have_no_cycles_and_use_each_other_through_their_apis_only() {
        MODULES.verify();
    }

    /**
     * Rewrites docs/modules (PlantUML component diagrams and one canvas per module). The output is
     * deterministic, so a run on an unchanged layout leaves the committed files as they are; a
     * changed layout shows up as a diff to commit.
     */
    @Test
    void writes_the_module_documentation() {
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder("docs/modules")).writeDocumentation();
    }
}
