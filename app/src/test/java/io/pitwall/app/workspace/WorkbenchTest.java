package io.pitwall.app.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import io.pitwall.connectors.kube.Kubeconfigs;
import io.pitwall.connectors.session.Signal;
import io.pitwall.themes.Theme;
import io.pitwall.ui.workspace.LayoutState;
import io.pitwall.ui.workspace.PaneContent;
import io.pitwall.ui.workspace.PaneId;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/** The main window as a user meets it, on headless Monocle. */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class WorkbenchTest {

    @TempDir
    Path config;

    private final FxRobot robot = new FxRobot();

    private static Kubeconfigs.Merged kubeconfig() {
        return TestWorkbench.kubeconfig();
    }

    private Workbench open(Kubeconfigs.Merged kube) throws Exception {
        return TestWorkbench.open(config, kube);
    }

    @AfterEach
    void closeWindows() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void everyPaneIsThereAndShowsWhatToConnect() throws Exception {
        Workbench bench = open(Kubeconfigs.merge(List.of()));
        LayoutState layout = bench.workspace().capture();
        assertThat(layout.paneIds()).containsExactlyInAnyOrder(
                java.util.Arrays.stream(PaneId.values()).map(PaneId::id).toArray(String[]::new));
        for (PaneId p : PaneId.values()) {
            // panes behind another tab are not in the scene until selected
            if (bench.workspace().isSelected(p)) {
                assertThat(robot.lookup("#pane-" + p.id()).tryQuery()).as(p.title()).isPresent();
            }
        }
        PaneContent metrics = bench.pane(PaneId.METRICS);
        assertThat(metrics.emptyState().titleText()).isEqualTo("No metrics source");
        assertThat(metrics.emptyState().hintText()).contains("Prometheus", "incident bundle");
        assertThat(bench.pane(PaneId.DETAILS).emptyState().titleText()).isEqualTo("Nothing selected");
        assertThat(bench.statusBar().textOf(Signal.LOGS)).isEqualTo("Logs: not connected");
        long selected = java.util.Arrays.stream(PaneId.values()).filter(bench.workspace()::isSelected).count();
        assertThat(selected).isEqualTo(6);
        assertThat(robot.lookup(".pw-empty-state").queryAll()).hasSize((int) selected);
    }

    @Test
    void layoutSurvivesARestart() throws Exception {
        Workbench first = open(Kubeconfigs.merge(List.of()));
        robot.interact(() -> first.workspace().floatPane(PaneId.TRACES));
        LayoutState before = first.workspace().capture();
        assertThat(before.windows()).hasSize(2);
        FxToolkit.cleanupStages(); // closing the main window saves the layout

        Workbench second = open(Kubeconfigs.merge(List.of()));
        WaitForAsyncUtils.waitForFxEvents();
        LayoutState after = second.workspace().capture();
        assertThat(after.paneIds()).containsExactlyElementsOf(before.paneIds());
        assertThat(after.windows()).hasSize(2);
        assertThat(second.workspace().isFloating(PaneId.TRACES)).isTrue();
    }

    @Test
    void aPaneFloatsAndDocksBack() throws Exception {
        Workbench bench = open(Kubeconfigs.merge(List.of()));
        Window main = bench.topBar().getScene().getWindow();

        robot.interact(() -> bench.workspace().floatPane(PaneId.LOGS));
        assertThat(bench.workspace().isFloating(PaneId.LOGS)).isTrue();
        Window floating = bench.workspace().windowOf(PaneId.LOGS).orElseThrow();
        assertThat(floating).isNotSameAs(main);
        assertThat(floating.isShowing()).isTrue();
        assertThat(floating.getScene().getStylesheets()).anyMatch(s -> s.contains("/io/pitwall/themes/"));

        robot.interact(() -> bench.workspace().dockPane(PaneId.LOGS));
        assertThat(bench.workspace().isFloating(PaneId.LOGS)).isFalse();
        assertThat(bench.workspace().windowOf(PaneId.LOGS)).contains(main);
        assertThat(floating.isShowing()).isFalse();
    }

    @Test
    void closingAFloatingWindowDocksItsPanes() throws Exception {
        Workbench bench = open(Kubeconfigs.merge(List.of()));
        robot.interact(() -> bench.workspace().floatPane(PaneId.SECURITY));
        Stage floating = (Stage) bench.workspace().windowOf(PaneId.SECURITY).orElseThrow();
        robot.interact(() -> floating.fireEvent(new javafx.stage.WindowEvent(floating,
                javafx.stage.WindowEvent.WINDOW_CLOSE_REQUEST)));
        assertThat(bench.workspace().isFloating(PaneId.SECURITY)).isFalse();
        assertThat(floating.isShowing()).isFalse();
    }

    @Test
    void resetLayoutRestoresTheDefault() throws Exception {
        Workbench bench = open(Kubeconfigs.merge(List.of()));
        robot.interact(() -> bench.workspace().floatPane(PaneId.ALERTS));
        robot.interact(bench::resetLayout);
        LayoutState reset = bench.workspace().capture();
        assertThat(reset.windows()).hasSize(1);
        assertThat(reset.paneIds()).isEqualTo(LayoutState.defaults().paneIds());
        assertThat(reset.toString().replaceAll("\\d\\.\\d+", "n"))
                .isEqualTo(LayoutState.defaults().toString().replaceAll("\\d\\.\\d+", "n"));
    }

    @Test
    void thePaletteRunsAnAction() throws Exception {
        Workbench bench = open(Kubeconfigs.merge(List.of()));
        robot.interact(() -> bench.chooseTheme(Theme.DARK));
        robot.press(KeyCode.CONTROL, KeyCode.K).release(KeyCode.K, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(bench.palette().isShowing()).isTrue();

        robot.write("theme light");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(bench.palette().shown().getFirst().id()).isEqualTo("theme.light");
        robot.press(KeyCode.ENTER).release(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(bench.palette().isShowing()).isFalse();
        assertThat(bench.theme()).isEqualTo(Theme.LIGHT);
        assertThat(bench.topBar().getScene().getStylesheets()).anyMatch(s -> s.endsWith("pitwall-light.css"));
    }

    @Test
    void theThemeSwitchesAtRunTimeInEveryWindowAndIsRemembered() throws Exception {
        Workbench bench = open(Kubeconfigs.merge(List.of()));
        robot.interact(() -> bench.workspace().floatPane(PaneId.TIMELINE));
        robot.interact(() -> bench.chooseTheme(Theme.HIGH_CONTRAST));
        for (Window w : List.of(bench.topBar().getScene().getWindow(),
                bench.workspace().windowOf(PaneId.TIMELINE).orElseThrow())) {
            assertThat(w.getScene().getStylesheets()).anyMatch(s -> s.endsWith("pitwall-high-contrast.css"))
                    .noneMatch(s -> s.endsWith("pitwall-dark.css"));
        }
        FxToolkit.cleanupStages();
        Workbench again = open(Kubeconfigs.merge(List.of()));
        assertThat(again.theme()).isEqualTo(Theme.HIGH_CONTRAST);
    }

    @Test
    void questionMarkShowsTheShortcuts() throws Exception {
        Workbench bench = open(Kubeconfigs.merge(List.of()));
        robot.clickOn("#pane-topology");
        robot.write("?");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(bench.shortcuts().isShowing()).isTrue();
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(bench.shortcuts().isShowing()).isFalse();
    }

    @Test
    void anIncidentBundleOpensOfflineInEveryPane() throws Exception {
        Workbench bench = open(Kubeconfigs.merge(List.of()));
        Path bundle = io.pitwall.app.TestBundles.clusterAndAlerts(config);
        robot.interact(() -> bench.openFile(bundle));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(bench.session().info().title()).isEqualTo("incident.pitwall");
        assertThat(bench.session().info().captured()).contains(io.pitwall.app.TestBundles.RANGE);
        assertThat(bench.statusBar().textOf(Signal.CLUSTER)).isEqualTo("Cluster: offline");
        assertThat(bench.statusBar().textOf(Signal.METRICS)).isEqualTo("Metrics: not in bundle");
        assertThat(bench.pane(PaneId.METRICS).emptyState().titleText()).isEqualTo("No metrics in this bundle");
        // every pane now shows the captured window, paused
        assertThat(bench.time().range()).isEqualTo(io.pitwall.app.TestBundles.RANGE);
        assertThat(bench.time().isLive()).isFalse();
    }

    @Test
    void theDemoIncidentOpensWithItsNotes() throws Exception {
        Workbench bench = open(Kubeconfigs.merge(List.of()));
        robot.interact(bench::openDemo);
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS,
                () -> bench.session().info().title().equals("demo-incident.pitwall"));
        WaitForAsyncUtils.waitForFxEvents();
        for (Signal s : Signal.values()) {
            assertThat(bench.statusBar().textOf(s)).endsWith(": offline");
        }
        assertThat(robot.lookup("#incident-notes").tryQuery()).isPresent();
        // the topology pane draws the bundle's cluster: 13 sock-shop workloads, carts crash-looping
        WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS,
                () -> bench.topologyView().layoutShown() != null);
        assertThat(bench.topologyView().layoutShown().topology().groups()).hasSize(13)
                .anySatisfy(g -> assertThat(g.unhealthy()).isEqualTo(1));
        assertThat(robot.lookup("#topology-view").tryQuery()).isPresent();

        // selecting the crash-looping pod shows its details, and why it last stopped
        io.pitwall.connectors.model.PodInfo carts = bench.session().clusterState().orElseThrow().pods().stream()
                .filter(p -> p.restarts() == 4).findFirst().orElseThrow();
        robot.interact(() -> bench.topologyView().selectedProperty().set(carts.ref()));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#details-title").queryLabeled().getText()).isEqualTo("Pod " + carts.name());
        assertThat(robot.lookup("#details-view").tryQuery()).isPresent();
        assertThat(robot.lookup(".label").queryAllAs(javafx.scene.control.Labeled.class))
                .anyMatch(l -> l.getText().contains("last stopped: OOMKilled"))
                .anyMatch(l -> l.getText().contains("BackOff"));

        robot.interact(() -> bench.topologyView().selectedProperty().set(null));
        assertThat(robot.lookup("#incident-notes").tryQuery()).isPresent();

        // the Timeline pane lists the cluster's events, warnings first, filterable
        assertThat(bench.events().shown()).isNotEmpty();
        assertThat(bench.events().shown().getFirst().warning()).isTrue();
        robot.interact(() -> bench.events().filterField().setText("oomkilling"));
        assertThat(bench.events().shown()).hasSize(4).allMatch(e -> e.reason().equals("OOMKilling"));
        assertThat(bench.pane(PaneId.METRICS).emptyState().hintText()).contains("metrics/query_range.json");
    }

    @Test
    void recentContextsComeFirstAndTheLastOneIsReopened() throws Exception {
        Workbench bench = open(kubeconfig());
        robot.interact(() -> bench.useContext(bench.contexts().stream().filter(c -> c.name().equals("exp-test")).findFirst().orElseThrow()));
        robot.interact(() -> bench.useContext(bench.contexts().stream().filter(c -> c.name().equals("dev-storage")).findFirst().orElseThrow()));
        assertThat(bench.contexts()).extracting(c -> c.name())
                                // invalid-context was opened at start as the kubeconfig's current context
                .containsExactly("dev-storage", "exp-test", "invalid-context", "dev-frontend", "invalid-context2");
        FxToolkit.cleanupStages();

        Workbench again = open(kubeconfig());
        assertThat(again.topBar().contextSwitcher().getValue().name()).isEqualTo("dev-storage");
        assertThat(again.topBar().contextSwitcher().getItems()).extracting(c -> c.name()).startsWith("dev-storage", "exp-test");
    }

    @Test
    void theContextOfTheCommandLineIsSelectedOrSaidMissing() throws Exception {
        Workbench bench = open(Kubeconfigs.merge(List.of()));
        robot.interact(() -> bench.setKubeconfig(kubeconfig(), java.util.Optional.of("exp-test")));
        assertThat(bench.session().info().title()).isEqualTo("exp-test");

        robot.interact(() -> bench.setKubeconfig(kubeconfig(), java.util.Optional.of("prod")));
        assertThat(bench.lastError()).get().asString().contains("no context named 'prod'");
        assertThat(bench.session().info().title()).isEqualTo("exp-test");
    }

    @Test
    void aBadFileSaysWhyAndKeepsTheSession() throws Exception {
        Workbench bench = open(Kubeconfigs.merge(List.of()));
        Path bad = java.nio.file.Files.writeString(config.resolve("broken.pitwall"), "PK not really");
        String before = bench.session().info().title();
        robot.interact(() -> bench.openFile(bad));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(bench.session().info().title()).isEqualTo(before);
        assertThat(bench.lastError()).get().asString().contains("broken.pitwall", "not a Pitwall bundle");
        assertThat(robot.lookup(".dialog-pane").tryQuery()).isPresent();
    }

    @Test
    void theClusterSwitcherListsKubeconfigContextsAndSaysWhyOneCannotConnect() throws Exception {
        Workbench bench = open(kubeconfig());
        assertThat(bench.topBar().contextSwitcher().getItems()).extracting(c -> c.name())
                .containsExactly("dev-frontend", "dev-storage", "exp-test", "invalid-context", "invalid-context2");
        // the current-context of the second file is taken, as kubectl does
        assertThat(bench.topBar().contextSwitcher().getValue().name()).isEqualTo("invalid-context");

        robot.interact(() -> bench.useContext(bench.contexts().stream().filter(c -> c.name().equals("dev-frontend"))
                .findFirst().orElseThrow()));
        assertThat(bench.session().info().title()).isEqualTo("dev-frontend");
        assertThat(bench.statusBar().textOf(Signal.CLUSTER)).isEqualTo("Cluster: failing");
        assertThat(bench.pane(PaneId.TOPOLOGY).emptyState().titleText()).isEqualTo("Cluster source failing");
    }
}
