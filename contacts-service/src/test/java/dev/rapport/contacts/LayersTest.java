package dev.rapport.contacts;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

/**
 * Imports point one way (DESIGN §1): rest → service → repository/domain; mapping is the API↔domain mapper layer
 * below rest and service; messaging maps domain to events; nothing imports rest. Read from the compiled classes,
 * so a dependency through a method's return type counts as much as an import.
 */
class LayersTest {

    private static final String ROOT = "dev.rapport.contacts";
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);

    @Test
    void nothingImportsRest() {
        noClasses().that().resideOutsideOfPackage(ROOT + ".rest..")
                .should().dependOnClassesThat().resideInAPackage(ROOT + ".rest..")
                .check(MAIN);
    }

    @Test
    void domainAndRepositoryKnowNeitherUseCasesNorEvents() {
        noClasses().that().resideInAnyPackage(ROOT + ".domain..", ROOT + ".repository..")
                .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".service..", ROOT + ".messaging..",
                        ROOT + ".mapping..")
                .check(MAIN);
    }

    @Test
    void layersPointOneWay() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("rest").definedBy(ROOT + ".rest..")
                .layer("service").definedBy(ROOT + ".service..")
                .layer("mapping").definedBy(ROOT + ".mapping..")
                .layer("messaging").definedBy(ROOT + ".messaging..")
                .layer("repository").definedBy(ROOT + ".repository..")
                .layer("domain").definedBy(ROOT + ".domain..")
                .layer("config").definedBy(ROOT + ".config..")
                .whereLayer("rest").mayNotBeAccessedByAnyLayer()
                .whereLayer("service").mayOnlyBeAccessedByLayers("rest")
                .whereLayer("mapping").mayOnlyBeAccessedByLayers("rest", "service")
                .whereLayer("messaging").mayOnlyBeAccessedByLayers("service")
                .whereLayer("repository").mayOnlyBeAccessedByLayers("service")
                .whereLayer("domain").mayOnlyBeAccessedByLayers("rest", "service", "mapping", "messaging", "repository")
                .whereLayer("config").mayOnlyBeAccessedByLayers("rest", "service")
                .check(MAIN);
    }
}
