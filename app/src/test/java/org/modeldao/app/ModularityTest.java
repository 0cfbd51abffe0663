package org.modeldao.app;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/**
 * Spring Modulith's reading of the package layout: every direct subpackage of
 * {@code org.modeldao.app} is a module whose root package is its API; subpackages are internal
 * unless marked {@code @NamedInterface} (only {@code base.quota}). {@link ApplicationModules#verify()}
 * fails on a cycle between modules or on a module reaching into another's internals.
 * {@link ArchitectureTest} keeps the rules Modulith does not know (views, wrappers, keys).
 * No Documenter output is committed: the order of the relations in its PlantUML files differed
 * between two builds of the same code, so committed diagrams would churn without a layout change.
 */
class ModularityTest {

    private static final ApplicationModules MODULES = ApplicationModules.of(ModelDaoApplication.class);

    @Test
    void modules_have_no_cycles_and_use_each_other_through_their_apis_only() {
        MODULES.verify();
    }
}
