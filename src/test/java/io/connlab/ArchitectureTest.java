package io.connlab;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The rules of DESIGN.md "Shape of the code", kept true by the build. */
class ArchitectureTest {
    private static JavaClasses main;

    @BeforeAll
    static void importMainClasses() {
        main = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.connlab");
    }

    @Test
    void nothingBelowTheUiImportsJavaFx() {
        noClasses().that().resideOutsideOfPackages("io.connlab.ui..", "io.connlab.app..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "atlantafx..", "org.kordamp..")
                .allowEmptyShould(true)
                .check(main);
    }

    @Test
    void theMockNeverImportsClientCode() {
        noClasses().that().resideInAPackage("io.connlab.mock..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "io.connlab.lane..", "io.connlab.run..", "io.connlab.metrics..", "io.connlab.endpoint..",
                        "io.connlab.ui..", "io.connlab.lesson..", "io.connlab.app..")
                .allowEmptyShould(true)
                .check(main);
    }

    @Test
    void theClientReachesTheMockOnlyThroughItsNetworkContract() {
        noClasses().that().resideInAnyPackage("io.connlab.lane..", "io.connlab.run..", "io.connlab.metrics..",
                        "io.connlab.endpoint..", "io.connlab.ui..", "io.connlab.lesson..")
                .should().dependOnClassesThat().resideInAPackage("io.connlab.mock..")
                .allowEmptyShould(true)
                .check(main);
    }

    @Test
    void lowerLayersDoNotReachUp() {
        noClasses().that().resideInAnyPackage("io.connlab.metrics..", "io.connlab.endpoint..")
                .should().dependOnClassesThat().resideInAnyPackage("io.connlab.lane..", "io.connlab.run..", "io.connlab.ui..")
                .allowEmptyShould(true)
                .check(main);
        noClasses().that().resideInAPackage("io.connlab.lane..")
                .should().dependOnClassesThat().resideInAnyPackage("io.connlab.run..", "io.connlab.ui..")
                .allowEmptyShould(true)
                .check(main);
        noClasses().that().resideInAPackage("io.connlab.run..")
                .should().dependOnClassesThat().resideInAnyPackage("io.connlab.ui..", "io.connlab.lesson..")
                .allowEmptyShould(true)
                .check(main);
        // Lessons use a run through run's public API (DESIGN.md), never a lane directly.
        noClasses().that().resideInAPackage("io.connlab.lesson..")
                .should().dependOnClassesThat().resideInAnyPackage("io.connlab.lane..", "io.connlab.ui..", "io.connlab.app..")
                .allowEmptyShould(true)
                .check(main);
    }

    @Test
    void libraryCodeDoesNotPrintToTheConsole() {
        noClasses().that().resideOutsideOfPackage("io.connlab.app..")
                .should().accessField(System.class, "out")
                .allowEmptyShould(true)
                .check(main);
    }
}
