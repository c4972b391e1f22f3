package io.pitwall.app.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import io.pitwall.app.MainWindow;
import io.pitwall.connectors.http.HttpAuth;
import io.pitwall.connectors.http.SecretRef;
import io.pitwall.connectors.kube.Kubeconfigs;
import io.pitwall.connectors.prometheus.ContextEndpoints;
import io.pitwall.connectors.prometheus.EndpointSettings;
import io.pitwall.connectors.session.LiveSession;
import io.pitwall.connectors.session.Signal;
import io.pitwall.ui.palette.Command;
import io.pitwall.ui.settings.EndpointsDialog;
import io.pitwall.ui.workspace.PaneId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ButtonType;
import javafx.scene.input.KeyCode;
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
 * "Metrics and logs endpoints for CONTEXT..." in the main window: from the palette or the empty Metrics
 * pane, on a live session whose cluster is not reached (its Prometheus is a real, closed port on
 * this machine): OK writes endpoints.json without the typed token and the session reads the new
 * endpoint at once.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class EndpointsCommandTest {

    @TempDir
    Path config;
    @TempDir
    Path kube;

    private final FxRobot robot = new FxRobot();
    private UserFiles files;

    private Workbench open() throws Exception {
        Path kubeconfig = kube.resolve("config");
        Files.writeString(kubeconfig, """
                apiVersion: v1
                kind: Config
                clusters:
                - name: eu
                  cluster: {server: "https://127.0.0.1:1"}
                users:
                - name: me
                  user: {token: not-used}
                contexts:
                - name: prod-eu
                  context: {cluster: eu, user: me}
                current-context: prod-eu
                """);
        Workbench[] bench = new Workbench[1];
        FxToolkit.setupStage(stage -> {
            files = UserFiles.in(config, Runnable::run);
            bench[0] = new Workbench(files, files.readSettings(), Optional.empty(), TestWorkbench.CLOCK,
                    Thread.ofVirtual()::start,
                    context -> LiveSession.connect(context.name(), Optional.ofNullable(context.cluster()),
                            () -> {
                                throw new IllegalStateException("this test reaches no cluster");
                            }, Thread.ofVirtual()::start, files.endpoints().of(context.name()), Duration.ofSeconds(1)));
            bench[0].setKubeconfig(Kubeconfigs.merge(List.of(kubeconfig)));
            Scene scene = bench[0].createScene(1280, 800);
            MainWindow.show(stage, scene);
        });
        WaitForAsyncUtils.waitForFxEvents();
        return bench[0];
    }

    @AfterEach
    void closeWindows() throws Exception {
        FxToolkit.cleanupStages();
    }

    private void type(String id, String text) {
        robot.clickOn("#" + id);
        robot.press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
        robot.write(text, 0);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void choose(String id, String text) {
        Node box = robot.lookup("#" + id).query();
        robot.clickOn(box);
        robot.clickOn(robot.lookup(n -> n instanceof javafx.scene.control.Labeled l && text.equals(l.getText())
                && n.getScene() != box.getScene()).queryLabeled());
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void thePaletteOpensTheContextsEndpointsAndOkSavesThemAndTheSessionUsesThemAtOnce() throws Exception {
        Workbench bench = open();
        assertThat(bench.session()).isInstanceOf(LiveSession.class);
        assertThat(bench.commands()).extracting(Command::title).contains("Metrics and logs endpoints for prod-eu...");
        assertThat(bench.statusBar().textOf(Signal.METRICS)).isEqualTo("Metrics: not connected");

        robot.press(KeyCode.CONTROL, KeyCode.K).release(KeyCode.K, KeyCode.CONTROL);
        robot.write("metrics endpoints", 0);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(bench.palette().shown().getFirst().id()).isEqualTo("endpoints.edit");
        robot.press(KeyCode.ENTER).release(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        EndpointsDialog dialog = bench.endpoints().dialog().orElseThrow();
        assertThat(dialog.isShowing()).isTrue();
        assertThat(dialog.getHeaderText()).isEqualTo("Metrics, alerts and logs for prod-eu");
        assertThat(dialog.getDialogPane().getScene().getStylesheets()).anyMatch(s -> s.endsWith("pitwall-base.css"));

        robot.clickOn("#prometheus-add");
        type("prometheus-url", "http://127.0.0.1:1");
        choose("prometheus-auth", "Bearer token");
        choose("prometheus-secret-source", "Typed here");
        // the next field by keyboard: the form scrolls to it
        robot.press(KeyCode.TAB).release(KeyCode.TAB);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(dialog.getDialogPane().getScene().getFocusOwner().getId()).isEqualTo("prometheus-secret-value");
        robot.targetWindow(dialog.getDialogPane().getScene().getWindow()).write("typed-token-123", 0);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#prometheus-secret-value").queryTextInputControl().getText()).isEqualTo("typed-token-123");
        // a real connection to a closed port, through the session's own transports
        robot.clickOn("#prometheus-test");
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> {
            String shown = robot.lookup("#prometheus-test-result").queryLabeled().getText();
            return !shown.isEmpty() && !shown.equals("Connecting\u2026");
        });
        assertThat(robot.lookup("#prometheus-test").query().isDisabled()).isFalse();
        String failure = robot.lookup("#prometheus-test-result").queryLabeled().getText();
        assertThat(failure).contains("127.0.0.1:1").containsIgnoringCase("refused");

        robot.clickOn(dialog.getDialogPane().lookupButton(ButtonType.OK));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(dialog.isShowing()).isFalse();

        // endpoints.json: the endpoint, and where its token comes from, never the token typed
        Path file = config.resolve(EndpointSettings.FILE_NAME);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> Files.exists(file));
        String json = Files.readString(file);
        assertThat(json).contains("\"prod-eu\"", "\"url\" : \"http://127.0.0.1:1\"", "\"ask\" : true")
                .doesNotContain("typed-token-123");
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        ContextEndpoints reread = EndpointSettings.read(file).of("prod-eu");
        assertThat(reread.prometheus()).singleElement().satisfies(e ->
                assertThat(e.http().auth()).isEqualTo(new HttpAuth.Bearer(new SecretRef.Ask())));
        // the next connect of this run still has the typed token
        assertThat(files.endpoints().of("prod-eu").prometheus().getFirst().http().auth())
                .isEqualTo(new HttpAuth.Bearer(new SecretRef.Value("typed-token-123", false)));

        // the live session took them without reconnecting: the Metrics pane reads them, the closed port says why
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> bench.statusBar().textOf(Signal.METRICS).equals("Metrics: failing"));
        assertThat(bench.session().metrics()).isPresent();
        assertThat(bench.session().state(Signal.METRICS).summary()).contains("127.0.0.1:1");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> bench.metricsView().getParent() == bench.pane(PaneId.METRICS));
    }

    @Test
    void theEmptyMetricsPaneOffersTheDialogAndCancelWritesNothing() throws Exception {
        Workbench bench = open();
        robot.interact(() -> bench.workspace().focus(PaneId.METRICS));
        WaitForAsyncUtils.waitForFxEvents();
        Node configure = robot.lookup("#configure-metrics").query();
        assertThat(configure.isVisible()).isTrue();
        robot.clickOn(configure);
        WaitForAsyncUtils.waitForFxEvents();
        EndpointsDialog dialog = bench.endpoints().dialog().orElseThrow();
        robot.clickOn("#prometheus-add");
        type("prometheus-url", "http://127.0.0.1:1");
        robot.clickOn(dialog.getDialogPane().lookupButton(ButtonType.CANCEL));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(config.resolve(EndpointSettings.FILE_NAME)).doesNotExist();
        assertThat(files.endpoints().of("prod-eu")).isEqualTo(ContextEndpoints.NONE);
        assertThat(bench.session().metrics()).isEmpty();
    }

    @Test
    void aBundleHasNoEndpointsToSet() throws Exception {
        Workbench bench = open();
        bench.openDemo().get(30, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(bench.commands()).extracting(Command::title).contains("Metrics and logs endpoints...");
        robot.interact(() -> bench.endpoints().open());
        assertThat(bench.endpoints().dialog()).isEmpty();
        assertThat(bench.endpoints().lastNotice()).hasValueSatisfying(n -> assertThat(n)
                .startsWith("Metrics and logs endpoints belong to a live context.").contains("incident bundle"));
        assertThat(robot.lookup("#configure-metrics").tryQuery()).satisfiesAnyOf(
                n -> assertThat(n).isEmpty(), n -> assertThat(n.get().isVisible()).isFalse());
        robot.interact(() -> javafx.stage.Window.getWindows().stream().filter(w -> w instanceof javafx.stage.Stage s
                && s.getTitle() != null && s.getTitle().isEmpty()).toList().forEach(javafx.stage.Window::hide));
    }
}
