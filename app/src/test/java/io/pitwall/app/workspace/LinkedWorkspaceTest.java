package io.pitwall.app.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import io.pitwall.connectors.logs.LogScope;
import io.pitwall.connectors.model.KubeRef;
import io.pitwall.connectors.model.PodInfo;
import io.pitwall.connectors.model.Related;
import io.pitwall.connectors.model.Topology;
import io.pitwall.connectors.timeline.Lane;
import io.pitwall.connectors.timeline.TimelineItem;
import io.pitwall.ui.metrics.MetricChart;
import io.pitwall.ui.traces.TracesViewModel;
import io.pitwall.ui.workspace.PaneId;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
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
 * The linked workspace on the demo incident: one selection focuses every pane, one time cursor
 * shows on every time axis, the timeline tells the story in order, and replay puts the topology
 * back at a moment.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class LinkedWorkspaceTest {

    @TempDir
    Path config;

    private final FxRobot robot = new FxRobot();

    @AfterEach
    void closeWindows() throws Exception {
        FxToolkit.cleanupStages();
    }

    private Workbench demo() throws Exception {
        Workbench bench = TestWorkbench.demo(config, robot);
        bench.metricsLoaded().get(20, TimeUnit.SECONDS);
        robot.interact(() -> { });
        bench.securityTracesAndTimelineLoaded().get(20, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> bench.timelineView().timeline() != null);
        return bench;
    }

    private static Topology.Group leaking(Workbench bench) {
        return bench.topologyView().layoutShown().topology().groups().stream()
                .filter(g -> g.unhealthy() > 0).findFirst().orElseThrow();
    }

    @Test
    void selectingTheLeakingWorkloadFocusesMetricsLogsTracesSecurityAndTheTimeline() throws Exception {
        Workbench bench = demo();
        Topology.Group carts = leaking(bench);
        KubeRef workload = carts.workload();
        String tracesServiceBefore = bench.tracesView().orElseThrow().viewModel().serviceProperty().get();
        robot.interact(() -> bench.topologyView().selectedProperty().set(workload));
        WaitForAsyncUtils.waitForFxEvents();
        bench.metricsLoaded().get(20, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();

        // metrics plot it
        assertThat(robot.lookup("#metrics-scope").queryLabeled().getText()).containsIgnoringCase(workload.name());
        // logs query it
        assertThat(bench.logsView().orElseThrow().model().scope()).contains(new LogScope.Workload(workload));
        // traces search its service
        TracesViewModel traces = bench.tracesView().orElseThrow().viewModel();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> traces.phaseProperty().get() == TracesViewModel.Phase.RESULTS
                || traces.phaseProperty().get() == TracesViewModel.Phase.NO_RESULTS);
        assertThat(traces.serviceProperty().get()).isEqualTo("carts").isNotEqualTo(tracesServiceBefore);
        assertThat(traces.results()).isNotEmpty();
        // security filters to it and its pods: the shell opened in a carts pod
        Set<KubeRef> covered = Related.to(workload, bench.session().clusterState().orElseThrow());
        assertThat(bench.securityView().orElseThrow().focusChip().isVisible()).isTrue();
        assertThat(bench.securityView().orElseThrow().listed()).isNotEmpty().allMatch(f -> covered.contains(f.object()))
                .anyMatch(f -> f.title().contains("shell") || f.rule().contains("shell"));
        // the timeline says what changed around it
        assertThat(robot.lookup("#timeline-focus").queryButton().isVisible()).isTrue();
        assertThat(bench.timelineView().changes().getItems()).isNotEmpty();
        // the topology keeps it selected with its pods highlighted
        assertThat(bench.topologyView().selectedProperty().get()).isEqualTo(workload);

        // back and forward: a pod, then back to the workload
        KubeRef pod = carts.pods().getFirst().ref();
        robot.interact(() -> bench.topologyView().selectedProperty().set(pod));
        robot.interact(() -> bench.selections().back());
        assertThat(bench.bus().selection()).contains(workload);
        robot.interact(() -> bench.selections().forward());
        assertThat(bench.bus().selection()).contains(pod);

        // a pinned pane keeps its focus
        robot.interact(() -> bench.workspace().setPinned(PaneId.LOGS, true));
        robot.interact(() -> bench.topologyView().selectedProperty().set(workload));
        assertThat(bench.logsView().orElseThrow().model().scope()).contains(new LogScope.Pod(pod));
        robot.interact(() -> bench.workspace().setPinned(PaneId.LOGS, false));
        assertThat(bench.logsView().orElseThrow().model().scope()).contains(new LogScope.Workload(workload));
    }

    @Test
    void hoveringAChartMovesTheCursorInTheTimelineAndTheLogs() throws Exception {
        Workbench bench = demo();
        robot.interact(() -> bench.workspace().focus(PaneId.METRICS));
        WaitForAsyncUtils.waitForFxEvents();
        MetricChart chart = bench.metricsView().charts().getFirst();
        // the charts sit under the overview tiles: scroll the first one into sight
        robot.interact(() -> {
            javafx.scene.control.ScrollPane scroll = (javafx.scene.control.ScrollPane) bench.metricsView().lookup(".scroll-pane");
            double y = scroll.getContent().sceneToLocal(chart.localToScene(0, 0)).getY();
            double room = scroll.getContent().getBoundsInLocal().getHeight() - scroll.getViewportBounds().getHeight();
            scroll.setVvalue(room <= 0 ? 0 : Math.min(1, y / room));
        });
        WaitForAsyncUtils.waitForFxEvents();
        Bounds plot = chart.chart().getPlotArea().localToScreen(chart.chart().getPlotArea().getBoundsInLocal());
        robot.moveTo(new javafx.geometry.Point2D(plot.getMinX() + plot.getWidth() / 2, plot.getMinY() + plot.getHeight() / 2));
        WaitForAsyncUtils.waitForFxEvents();
        Instant at = bench.cursor().position();
        assertThat(at).isNotNull().isBetween(bench.time().range().from(), bench.time().range().to());
        assertThat(bench.logsView().orElseThrow().histogram().cursorShown()).isTrue();
        assertThat(chart.cursorShown()).isTrue();
        // a click sets it: the logs scroll there, and the cursor stays when the pointer leaves
        robot.clickOn(javafx.scene.input.MouseButton.PRIMARY);
        robot.moveTo(robot.lookup("#metrics-scope").queryLabeled());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(bench.cursor().chosenProperty().get()).isNotNull();
        assertThat(bench.cursor().position()).isEqualTo(bench.cursor().chosenProperty().get());
    }

    @Test
    void theTimelineShowsTheOomKillsTheAlertAndTheFalcoEventInOrder() throws Exception {
        Workbench bench = demo();
        List<TimelineItem> items = bench.timelineView().timeline().items();
        List<TimelineItem> ooms = items.stream().filter(i -> i.lane() == Lane.RESTARTS && (i.title() + i.detail()).contains("OOMKilled")).toList();
        TimelineItem alert = items.stream().filter(i -> i.lane() == Lane.ALERTS).findFirst().orElseThrow();
        TimelineItem falco = items.stream().filter(i -> i.lane() == Lane.SECURITY).findFirst().orElseThrow();
        assertThat(ooms).hasSize(4);
        assertThat(ooms.getFirst().at()).isBefore(alert.at());
        assertThat(alert.at()).isBefore(falco.at());
        assertThat(ooms.get(2).at()).isBefore(alert.at());
        assertThat(ooms.get(3).at()).isAfter(alert.at()).isBefore(falco.at());
        // clicking the Falco event selects its pod and moves the cursor there
        robot.interact(() -> bench.workspace().focus(PaneId.TIMELINE));
        WaitForAsyncUtils.waitForFxEvents();
        javafx.geometry.Point2D p = bench.timelineView().canvas().pointOf(falco).orElseThrow();
        // the whole lane area is in sight in a 1280x800 window, within its pane
        javafx.scene.Node pane = bench.timelineView().getScene().lookup("#pane-timeline");
        Bounds canvas = bench.timelineView().canvas().localToScene(bench.timelineView().canvas().getBoundsInLocal());
        assertThat(pane.localToScene(pane.getBoundsInLocal()).contains(canvas)).as("canvas %s in pane", canvas).isTrue();
        robot.clickOn(bench.timelineView().canvas().localToScreen(p));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(bench.bus().selection()).isEqualTo(falco.ref());
        assertThat(bench.cursor().chosenProperty().get()).isEqualTo(falco.at());
    }

    @Test
    void aLogLinesMenuSelectsItsPodInEveryPane() throws Exception {
        Workbench bench = demo();
        var lines = bench.logsView().orElseThrow().lines();
        Bounds b = lines.localToScreen(lines.getBoundsInLocal());
        robot.rightClickOn(new javafx.geometry.Point2D(b.getMinX() + 200, b.getMinY() + 8));
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.Node first = robot.lookup(".context-menu .menu-item").query();
        String text = ((javafx.scene.control.Label) robot.from(first).lookup(".label").query()).getText();
        assertThat(text).startsWith("Select pod ");
        robot.clickOn(first);
        WaitForAsyncUtils.waitForFxEvents();
        KubeRef pod = bench.bus().selection().orElseThrow();
        assertThat(pod.kind()).isEqualTo("Pod");
        assertThat(text).isEqualTo("Select pod " + pod.name());
        // every pane follows: the topology selects it, the logs narrow to it
        assertThat(bench.topologyView().selectedProperty().get()).isEqualTo(pod);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> bench.logsView().orElseThrow().model().scope()
                .equals(java.util.Optional.of(new LogScope.Pod(pod))));
    }

    @Test
    void replayPutsTheTopologyBackAtAMoment() throws Exception {
        Workbench bench = demo();
        KubeRef cartsPod = leaking(bench).pods().getFirst().ref();
        TimelineItem firstKill = bench.timelineView().timeline().lane(Lane.RESTARTS).getFirst();
        robot.interact(() -> bench.timelineView().replay().toggle().setSelected(true));
        robot.interact(() -> bench.cursor().choose(firstKill.at().minusSeconds(60)));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> pod(bench, cartsPod).ready() && pod(bench, cartsPod).restarts() == 0);
        robot.interact(() -> bench.cursor().choose(firstKill.at().plusSeconds(5)));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !pod(bench, cartsPod).ready());
        assertThat(pod(bench, cartsPod).reason()).isPresent();
        assertThat(bench.timelineView().replay().moment()).isEqualTo(firstKill.at().plusSeconds(5));
        // replay off: the end of the window again
        robot.interact(() -> bench.timelineView().replay().toggle().setSelected(false));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> pod(bench, cartsPod).restarts() == 4);
    }

    private static PodInfo pod(Workbench bench, KubeRef ref) {
        return bench.topologyView().layoutShown().topology().groups().stream().flatMap(g -> g.pods().stream())
                .filter(p -> p.ref().equals(ref)).findFirst().orElseThrow();
    }
}
