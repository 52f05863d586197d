package io.connlab;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The rules of DESIGN.md "Shape of the code", kept true by the build. */
class ArchitectureTest {
    private static JavaClasses main;

    @BeforeAll
    static void importMainClasses() {
        main = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.connlab");
    }

    private static final String[] JAVAFX = {"javafx..", "atlantafx..", "org.kordamp..", "org.testfx.."};

    @Test
    void nothingBelowTheUiImportsJavaFx() {
        // app included: it starts the window through ui.GuiLauncher and needs no JavaFX type itself
        noClasses().that().resideOutsideOfPackages("io.connlab.ui..")
                .should().dependOnClassesThat().resideInAnyPackage(JAVAFX)
                .allowEmptyShould(true)
                .check(main);
    }

    @Test
    void theWindowsModelIsFreeOfJavaFx() {
        // the engine contract, figures, histories and frame meter: testable without a display
        noClasses().that().resideInAPackage("io.connlab.ui.model..")
                .should().dependOnClassesThat().resideInAnyPackage(JAVAFX)
                .check(main);
    }

    @Test
    void theWindowsModelIsBelowItsViews() {
        noClasses().that().resideInAPackage("io.connlab.ui.model..")
                .should().dependOnClassesThat().resideInAnyPackage("io.connlab.ui", "io.connlab.ui.lanes..",
                        "io.connlab.ui.canvas..", "io.connlab.ui.toolbar..", "io.connlab.ui.backend..", "io.connlab.ui.comparison..")
                .check(main);
    }

    @Test
    void theThreadFactoryDependsOnNothingOfOurs() {
        // the mock uses it too, so it may not pull in client code
        noClasses().that().resideInAPackage("io.connlab.thread..")
                .should().dependOnClassesThat().resideOutsideOfPackages("java..", "io.connlab.thread..")
                .allowEmptyShould(true)
                .check(main);
    }

    @Test
    void theUiReachesLanesAndEndpointsOnlyThroughTheRunEngine() {
        noClasses().that().resideInAPackage("io.connlab.ui..")
                .should().dependOnClassesThat().resideInAnyPackage("io.connlab.lane..", "io.connlab.endpoint..")
                .check(main);
    }

    @Test
    void packagesHaveNoCycles() {
        // the mock is being redesigned (issue 8); its root package still shares TimeScale with its parts
        slices().matching("io.connlab.(**)").should().beFreeOfCycles()
                .check(main.that(resideOutsideOfPackage("io.connlab.mock..")));
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
