package io.pitwall.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final List<LaunchRequest> launched = new ArrayList<>();

    private int run(String... args) {
        return Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true), req -> {
            launched.add(req);
            return 0;
        });
    }

    @Test
    void versionPrintsOneLineAndDoesNotOpenTheGui() {
        assertThat(run("--version")).isZero();
        assertThat(out.toString()).startsWith("Pitwall 0.1.0 (build ").endsWith(")\n".replace("\n", System.lineSeparator()));
        assertThat(out.toString().lines()).hasSize(1);
        assertThat(launched).isEmpty();
    }

    @Test
    void helpDescribesTheCommand() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("Usage: pitwall", "--context", "FILE", "demo incident");
    }

    @Test
    void noArgumentsOpensTheGui() {
        assertThat(run()).isZero();
        assertThat(launched).singleElement().satisfies(r -> {
            assertThat(r.context()).isEmpty();
            assertThat(r.files()).isEmpty();
        });
    }

    @Test
    void contextAndFilesReachTheGui(@TempDir Path dir) throws Exception {
        Path bundle = Files.writeString(dir.resolve("incident.pitwall"), "x");
        assertThat(run("--context", "prod-eu", bundle.toString())).isZero();
        LaunchRequest r = launched.getFirst();
        assertThat(r.context()).contains("prod-eu");
        assertThat(r.files()).containsExactly(bundle);
        assertThat(r.toArgs()).containsExactly("--context=prod-eu", "--", bundle.toString());
    }

    @Test
    void unknownOptionIsOneClearLineAndExitCodeTwo() {
        assertThat(run("--frobnicate")).isEqualTo(2);
        assertThat(err.toString().lines()).singleElement().asString()
                .startsWith("pitwall: Unknown option: '--frobnicate'")
                .endsWith("(see pitwall --help)");
        assertThat(launched).isEmpty();
    }

    @Test
    void missingFileIsOneClearLineAndExitCodeTwo(@TempDir Path dir) {
        Path missing = dir.resolve("nope.pitwall");
        assertThat(run(missing.toString())).isEqualTo(2);
        assertThat(err.toString().lines()).singleElement().asString()
                .isEqualTo("pitwall: no such file: " + missing + " (see pitwall --help)");
        assertThat(launched).isEmpty();
    }
}
