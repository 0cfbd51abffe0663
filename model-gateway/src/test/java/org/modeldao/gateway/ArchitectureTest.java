package org.modeldao.gateway;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.modeldao.gateway");

    @Test
    void the_serving_core_has_no_web_imports() {
        noClasses().that().resideInAnyPackage("..gateway.serving..", "..gateway.verification..",
                        "..gateway.approval..", "..gateway.policy..", "..gateway.constraints..", "..gateway.inference..",
                        "..gateway.decisions..", "..gateway.oip..", "..gateway.traffic..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework.web..", "jakarta.servlet..",
                        "org.springframework.security..", "..gateway.api..")
                .check(classes);
    }

    @Test
    void only_the_chain_adapter_touches_web3j_and_the_contract_wrappers() {
        // the registry's kinds (contracts.RegistryKinds) and the shared typed event stream
        // (contracts.events) are the project's one vocabulary of the chain: every feature may
        // speak it; raw web3j and the generated wrappers stay in the adapters
        noClasses().that().resideOutsideOfPackages("..gateway.approval.chain..", "..gateway.policy.chain..",
                        "org.modeldao.gateway")
                .should().dependOnClassesThat().resideInAnyPackage("org.web3j..", "org.modeldao.contracts.wrappers..")
                .check(classes);
    }

    @Test
    void production_code_never_depends_on_the_dev_chain_nor_bench_code() {
        // the Hardhat dev chain and the benches belong to tests and the benchmarks module: a
        // production jar that reaches them would start a node or ship demo code
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.modeldao.contracts.devchain..",
                        "org.modeldao.benchmarks..", "org.modeldao.gateway.bench..")
                .check(classes);
    }

    @Test
    void features_do_not_depend_on_each_other_in_cycles() {
        slices().matching("org.modeldao.gateway.(*)..").should().beFreeOfCycles().check(classes);
    }
}
