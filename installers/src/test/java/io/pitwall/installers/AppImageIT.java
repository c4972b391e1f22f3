package io.pitwall.installers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The jpackage app-image built by this module starts and answers {@code pitwall --version}. */
class AppImageIT {

    @Test
    void appImageLauncherPrintsTheVersion() throws IOException, InterruptedException {
        Path image = Path.of(System.getProperty("pitwall.appImage", "target/dist/pitwall"));
        Path launcher = image.resolve("bin/pitwall");
        assertThat(launcher).as("app-image launcher built by jpackage").isExecutable();

        Process p = new ProcessBuilder(launcher.toString(), "--version").redirectErrorStream(true).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("pitwall --version finished within 60 s").isTrue();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(p.exitValue()).as("exit code; output: " + out).isZero();
        assertThat(out.strip()).startsWith("Pitwall " + System.getProperty("pitwall.release", "0.1.0") + " (build ");
    }

    @Test
    void appImageBundlesItsOwnRuntime() {
        Path image = Path.of(System.getProperty("pitwall.appImage", "target/dist/pitwall"));
        // jpackage links a runtime of its own (native commands stripped): its module image is there
        assertThat(image.resolve("lib/runtime/lib/modules")).isRegularFile();
        try (var jars = Files.list(image.resolve("lib/app"))) {
            assertThat(jars.map(f -> f.getFileName().toString()))
                    .anyMatch(n -> n.startsWith("pitwall-app-"))
                    .anyMatch(n -> n.startsWith("javafx-graphics-"));
        } catch (IOException e) {
            throw new AssertionError("cannot list " + image.resolve("lib/app"), e);
        }
    }
}
