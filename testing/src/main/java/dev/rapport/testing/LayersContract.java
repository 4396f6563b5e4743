package dev.rapport.testing;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

/**
 * What every service's layers must keep (a service runs it with one test class that extends this). Imports point one way (DESIGN §1): rest → service → repository/domain; mapping is the API↔domain mapper layer
 * below rest and service; messaging maps domain to events; nothing imports rest. Read from the compiled classes,
 * so a dependency through a method's return type counts as much as an import.
 */
public abstract class LayersContract {

    private final String root = root();
    private final JavaClasses main = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(root);

    /** The service's package root, e.g. {@code dev.rapport.contacts}. */
    protected abstract String root();

    @Test
    public void nothingImportsRest() {
        noClasses().that().resideOutsideOfPackage(root + ".rest..")
                .should().dependOnClassesThat().resideInAPackage(root + ".rest..")
                .check(main);
    }

    @Test
    public void domainAndRepositoryKnowNeitherUseCasesNorEvents() {
        noClasses().that().resideInAnyPackage(root + ".domain..", root + ".repository..")
                .should().dependOnClassesThat().resideInAnyPackage(root + ".service..", root + ".messaging..",
                        root + ".mapping..")
                .check(main);
    }

    @Test
    public void layersPointOneWay() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("rest").definedBy(root + ".rest..")
                .layer("service").definedBy(root + ".service..")
                .layer("mapping").definedBy(root + ".mapping..")
                .layer("messaging").definedBy(root + ".messaging..")
                .layer("repository").definedBy(root + ".repository..")
                .layer("domain").definedBy(root + ".domain..")
                .layer("config").definedBy(root + ".config..")
                .whereLayer("rest").mayNotBeAccessedByAnyLayer()
                // Both are doors in: requests (rest) and events (messaging's consumers) call the use cases.
                .whereLayer("service").mayOnlyBeAccessedByLayers("rest", "messaging")
                .whereLayer("mapping").mayOnlyBeAccessedByLayers("rest", "service")
                .whereLayer("messaging").mayOnlyBeAccessedByLayers("service")
                .whereLayer("repository").mayOnlyBeAccessedByLayers("service")
                .whereLayer("domain").mayOnlyBeAccessedByLayers("rest", "service", "mapping", "messaging", "repository")
                .whereLayer("config").mayOnlyBeAccessedByLayers("rest", "service")
                .check(main);
    }
}
