package io.pitwall.app.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.pitwall.connectors.kube.ClusterCapture;
import io.pitwall.connectors.kube.Kubeconfigs;
import io.pitwall.connectors.model.TimeRange;
import io.pitwall.connectors.session.Session;
import io.pitwall.connectors.session.SessionInfo;
import io.pitwall.connectors.session.Signal;
import io.pitwall.connectors.session.SourceState;
import io.pitwall.connectors.snapshot.Bundle;
import io.pitwall.connectors.snapshot.BundleReader;
import io.pitwall.connectors.snapshot.BundleWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * "Capture incident" in the GUI, end to end: the dialog on a live session, the capture with its
 * progress (a source without an endpoint is a problem, not a failure), then the bundle opened
 * offline with its cluster and notes; a bundle cannot be captured again.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class IncidentCapturesTest {

    @TempDir
    Path config;
    @TempDir
    Path out;

    private final FxRobot robot = new FxRobot();

    @AfterEach
    void closeWindows() throws Exception {
        FxToolkit.cleanupStages();
    }

    /** A live session whose cluster has two pods; no other source is configured. */
    private static Session live() {
        return new Session() {
            @Override
            public SessionInfo info() {
                return new SessionInfo(SessionInfo.Kind.LIVE, "prod", Optional.of("prod-eu"), Optional.of("prod"),
                        Optional.empty(), List.of("shop"));
            }

            @Override
            public Map<Signal, SourceState> states() {
                Map<Signal, SourceState> m = new EnumMap<>(Signal.class);
                for (Signal s : Signal.values()) {
                    m.put(s, s == Signal.CLUSTER ? new SourceState.Connected("https://prod:6443")
                            : new SourceState.NotConfigured(s.whatToConnect()));
                }
                return m;
            }

            @Override
            public void captureCluster(BundleWriter writer, TimeRange window) throws java.io.IOException {
                List<HasMetadata> pods = List.of(
                        new PodBuilder().withNewMetadata().withName("web-1").withNamespace("shop").endMetadata().build(),
                        new PodBuilder().withNewMetadata().withName("web-2").withNamespace("shop").endMetadata().build());
                ClusterCapture.write(writer, pods, List.of(), window);
            }

            @Override
            public void close() {
            }
        };
    }

    @Test
    void aLiveSessionIsCapturedWithItsNoteAndTheBundleOpens() throws Exception {
        Workbench bench = TestWorkbench.open(config, Kubeconfigs.merge(List.of()));
        robot.interact(() -> bench.showSession(live()));
        Path file = out.resolve("outage.pitwall");
        // the dialog waits for its answer in a nested event loop: opened later, not inside interact()
        javafx.application.Platform.runLater(bench::captureIncident);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#capture-file").tryQuery().isPresent());
        robot.interact(() -> {
            robot.lookup("#capture-file").queryTextInputControl().setText(file.toString());
            robot.lookup("#capture-note").queryTextInputControl().setText("# Checkout outage\nCarts ran out of memory.");
        });
        robot.clickOn("Capture");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#capture-outcome").tryQuery()
                .map(n -> ((javafx.scene.control.Label) n).getText().startsWith("Captured into")).orElse(false));
        String outcome = robot.lookup("#capture-outcome").queryLabeled().getText();
        assertThat(outcome).startsWith("Captured into " + file).contains("with the problems above");
        assertThat(robot.lookup("#capture-state-cluster").queryLabeled().getText()).startsWith("3 files");
        assertThat(robot.lookup("#capture-state-logs").queryLabeled().getText()).contains("not captured: no source configured");
        try (Bundle b = BundleReader.open(file)) {
            assertThat(b.manifest().context()).isEqualTo("prod");
            assertThat(b.manifest().timeRange()).isEqualTo(bench.time().range());
            assertThat(b.manifest().problems()).extracting(p -> p.signal()).containsExactly("metrics", "logs", "traces", "security");
            assertThat(new String(b.read("notes.md"), StandardCharsets.UTF_8)).startsWith("# Checkout outage");
        }

        robot.clickOn("#capture-open");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> bench.session().info().kind() == SessionInfo.Kind.OFFLINE);
        assertThat(bench.session().info().title()).isEqualTo("outage.pitwall");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> bench.session().clusterState().isPresent());
        assertThat(bench.session().clusterState().orElseThrow().pods()).hasSize(2);
        assertThat(bench.session().notes()).get().asString().contains("Carts ran out of memory.");

        // a bundle is a capture already: saying so, not capturing it again
        robot.interact(bench::captureIncident);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup(".dialog-pane .content").queryLabeled().getText()).startsWith("This is already a captured incident");
    }

    @Test
    void theCaptureUsesRedactionJsonAndABadOneStopsIt() throws Exception {
        java.nio.file.Files.writeString(config.resolve("redaction.json"), "{\"patterns\": [{\"name\": \"acme\"}]}");
        Workbench bench = TestWorkbench.open(config, Kubeconfigs.merge(List.of()));
        robot.interact(() -> bench.showSession(live()));
        Path file = out.resolve("redacted.pitwall");
        capture(bench, file, "ticket ACME-4711");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#capture-outcome").queryLabeled().getText()
                .startsWith("Nothing was written"));
        assertThat(robot.lookup("#capture-outcome").queryLabeled().getText()).contains("redaction.json: patterns[0]: needs a")
                .endsWith("fix or remove it to capture");
        assertThat(file).doesNotExist();
        robot.clickOn("#capture-close");

        java.nio.file.Files.writeString(config.resolve("redaction.json"),
                "{\"patterns\": [{\"name\": \"acme\", \"regex\": \"ACME-[0-9]+\"}]}");
        capture(bench, file, "ticket ACME-4711");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#capture-outcome").queryLabeled().getText()
                .startsWith("Captured into"));
        try (Bundle b = BundleReader.open(file)) {
            assertThat(new String(b.read("notes.md"), StandardCharsets.UTF_8)).isEqualTo("ticket <redacted>");
            assertThat(b.manifest().redactions()).containsEntry("custom:acme", 1L);
        }
    }

    /** Opens the dialog, names the file and the note, and starts the capture. */
    private void capture(Workbench bench, Path file, String note) throws Exception {
        javafx.application.Platform.runLater(bench::captureIncident);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#capture-file").tryQuery().isPresent());
        robot.interact(() -> {
            robot.lookup("#capture-file").queryTextInputControl().setText(file.toString());
            robot.lookup("#capture-note").queryTextInputControl().setText(note);
        });
        robot.clickOn("Capture");
    }
}
