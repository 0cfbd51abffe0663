package org.modeldao.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Package-by-feature boundaries other features (indexer, proposals, voting) must keep too. */
class ArchitectureTest {

    private static final JavaClasses APP = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.modeldao.app");

    @Test
    void only_the_chain_adapter_uses_the_generated_contract_wrappers() {
        // the indexer is the chain adapter for logs: it decodes them (and proposal calldata) with the wrappers
        noClasses().that().resideOutsideOfPackages("org.modeldao.app.chain.internal..", "org.modeldao.app.indexer..")
                .should().dependOnClassesThat().resideInAPackage("org.modeldao.contracts.wrappers..")
                .check(APP);
    }

    @Test
    void views_use_services_never_repositories_jdbc_or_web3j() {
        noClasses().that().resideInAPackage("..ui..")
                .should().dependOnClassesThat().resideInAnyPackage("..internal..", "org.springframework.jdbc..", "org.web3j..")
                .check(APP);
    }

    @ParameterizedTest
    @ValueSource(strings = {"chain", "identity", "tokens"})
    void a_features_internals_are_used_only_inside_that_feature(String feature) {
        String root = "org.modeldao.app." + feature;
        classes().that().resideInAPackage(root + ".internal..")
                .should().onlyHaveDependentClassesThat().resideInAPackage(root + "..")
                .check(APP);
    }
}
