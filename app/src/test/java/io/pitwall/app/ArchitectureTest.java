package io.pitwall.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The house rules of docs/architecture.md, checked on every production class of connectors,
 * themes, ui and app (this module's class path holds them all). Breaking one fails the build.
 */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importProductionClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.pitwall");
    }

    @Test
    void connectorsImportNoJavaFx() {
        ArchRule rule = noClasses().that().resideInAPackage("io.pitwall.connectors..")
                .should().dependOnClassesThat().resideInAPackage("javafx..")
                .because("connectors are the headless domain and data sources (docs/architecture.md)");
        rule.check(classes);
    }

    @Test
    void uiDoesNoIo() {
        ArchRule rule = noClasses().that().resideInAPackage("io.pitwall.ui..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "io.fabric8..", "okhttp3..", "okio..", "java.net.http..")
                .orShould().dependOnClassesThat().belongToAnyOf(
                        java.net.URLConnection.class, java.net.HttpURLConnection.class,
                        java.net.Socket.class, java.net.ServerSocket.class,
                        java.nio.channels.SocketChannel.class)
                .because("ui renders what connectors hand it; all I/O lives in connectors");
        rule.check(classes);
    }

    @Test
    void nothingDependsOnApp() {
        ArchRule rule = noClasses().that().resideOutsideOfPackage("io.pitwall.app..")
                .should().dependOnClassesThat().resideInAPackage("io.pitwall.app..")
                .because("dependencies point one way: app -> ui -> connectors, app -> themes");
        rule.check(classes);
    }

    @Test
    void connectorsDependOnNeitherUiNorThemes() {
        ArchRule rule = noClasses().that().resideInAPackage("io.pitwall.connectors..")
                .should().dependOnClassesThat().resideInAnyPackage("io.pitwall.ui..", "io.pitwall.themes..");
        rule.check(classes);
    }
}
