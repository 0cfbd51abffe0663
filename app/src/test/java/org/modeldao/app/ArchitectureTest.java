package org.modeldao.app;

import static com.tngtech.archunit.base.DescribedPredicate.alwaysTrue;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.vaadin.flow.router.Route;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Package-by-feature boundaries every feature must keep: views talk to feature services only,
 * never to the chain client, the database or another feature's internals.
 */
class ArchitectureTest {

    private static final JavaClasses APP = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.modeldao.app");

    /**
     * The chain adapters: identity's (chain.internal), the indexer's, and the governance flows'
     * core, whose calldata building and event decoding need the wrappers' ABI types. Nothing else.
     */
    @Test
    void only_the_chain_adapters_use_the_generated_contract_wrappers() {
        noClasses().that().resideOutsideOfPackages("org.modeldao.app.chain.internal..", "org.modeldao.app.indexer..",
                        "org.modeldao.app.proposals",
                        "org.modeldao.app.proposals.internal..", "org.modeldao.app.delegation", "org.modeldao.app.catalog",
                        "org.modeldao.app.history.internal..")
                .should().dependOnClassesThat().resideInAPackage("org.modeldao.contracts.wrappers..")
                .check(APP);
    }

    @Test
    void views_use_services_never_repositories_jdbc_or_web3j() {
        noClasses().that().resideInAPackage("..ui..")
                .should().dependOnClassesThat().resideInAnyPackage("..internal..", "org.springframework.jdbc..", "org.web3j..",
                        "org.modeldao.contracts.wrappers..", "org.springframework.data..", "java.sql..", "javax.sql..")
                .because("views are thin: every read and write goes through a feature service")
                .check(APP);
    }

    @ParameterizedTest
    @ValueSource(strings = {"chain", "identity", "tokens", "proposals", "voting", "delegation", "artifacts", "catalog", "history"})
    void a_features_internals_are_used_only_inside_that_feature(String feature) {
        String root = "org.modeldao.app." + feature;
        classes().that().resideInAPackage(root + ".internal..")
                .should().onlyHaveDependentClassesThat().resideInAPackage(root + "..")
                .allowEmptyShould(true)
                .check(APP);
    }

    @Test
    void routes_live_in_ui_packages() {
        classes().that().areAnnotatedWith(Route.class).should().resideInAPackage("..ui..").check(APP);
    }

    @Test
    void feature_services_have_no_cycles_between_features() {
        slices().matching("org.modeldao.app.(*)..").should().beFreeOfCycles()
                .ignoreDependency(resideInAPackage("..ui.."), alwaysTrue())
                // base is the shared kernel (exception root, shell, security wiring), not a feature
                .ignoreDependency(resideInAPackage("org.modeldao.app.base.."), alwaysTrue())
                .ignoreDependency(alwaysTrue(), resideInAPackage("org.modeldao.app.base.."))
                .check(APP);
    }

    @Test
    void only_the_governance_core_and_identity_handle_keys() {
        noClasses().that().resideOutsideOfPackages("org.modeldao.app.proposals..", "org.modeldao.app.identity..", "org.modeldao.app.chain..")
                .should().dependOnClassesThat().haveFullyQualifiedName("org.web3j.crypto.Credentials")
                .because("the relayer is the app's only key; members' keys never reach the server")
                .check(APP);
    }
}
