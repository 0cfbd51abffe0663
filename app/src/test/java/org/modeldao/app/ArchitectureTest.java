package org.modeldao.app;

import static com.tngtech.archunit.base.DescribedPredicate.alwaysTrue;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.vaadin.flow.router.Route;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps the features apart and the views thin: views talk to feature services only, never to
 * the chain client, the database or another feature's internals.
 */
class ArchitectureTest {

    static JavaClasses app;

    @BeforeAll
    static void importClasses() {
        app = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.modeldao.app");
    }

    @Test
    void views_never_touch_web3j_contract_wrappers_or_the_database() {
        ArchRule rule = noClasses().that().resideInAPackage("org.modeldao.app..ui..")
                .should().dependOnClassesThat().resideInAnyPackage("org.web3j..", "org.modeldao.contracts.wrappers..",
                        "org.springframework.jdbc..", "org.springframework.data..", "java.sql..", "javax.sql..")
                .because("views are thin: every read and write goes through a feature service");
        rule.check(app);
    }

    @Test
    void views_never_reach_into_a_features_internals() {
        noClasses().that().resideInAPackage("org.modeldao.app..ui..")
                .should().dependOnClassesThat().resideInAPackage("org.modeldao.app..internal..")
                .check(app);
    }

    @Test
    void no_feature_uses_another_features_internals() {
        for (String feature : new String[] {"proposals", "voting", "delegation", "artifacts", "catalog", "audit"}) {
            noClasses().that().resideOutsideOfPackage("org.modeldao.app." + feature + "..")
                    .should().dependOnClassesThat().resideInAPackage("org.modeldao.app." + feature + ".internal..")
                    .check(app);
        }
    }

    @Test
    void routes_live_in_ui_packages() {
        classes().that().areAnnotatedWith(Route.class).should().resideInAPackage("..ui..").check(app);
    }

    @Test
    void feature_services_have_no_cycles_between_features() {
        slices().matching("org.modeldao.app.(*)..").should().beFreeOfCycles()
                .ignoreDependency(resideInAPackage("..ui.."), alwaysTrue())
                // base is the shared kernel (exception root, shell, security wiring), not a feature
                .ignoreDependency(resideInAPackage("org.modeldao.app.base.."), alwaysTrue())
                .ignoreDependency(alwaysTrue(), resideInAPackage("org.modeldao.app.base.."))
                .check(app);
    }

    @Test
    void only_the_governance_core_signs_or_sends_transactions() {
        noClasses().that().resideOutsideOfPackages("org.modeldao.app.proposals..", "org.modeldao.app.identity..", "org.modeldao.app.chain..")
                .should().dependOnClassesThat().haveFullyQualifiedName("org.web3j.crypto.Credentials")
                .because("the relayer is the app's only key; members' keys never reach the server")
                .check(app);
    }
}
