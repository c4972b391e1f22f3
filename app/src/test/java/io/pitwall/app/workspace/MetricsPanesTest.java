package io.pitwall.app.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import io.pitwall.connectors.kube.Kubeconfigs;
import io.pitwall.connectors.metrics.MetricScope;
import io.pitwall.connectors.model.Alert;
import io.pitwall.connectors.model.KubeRef;
import io.pitwall.ui.metrics.MetricChart;
import io.pitwall.ui.topology.Badge;
import java.nio.file.Path;
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

/** The Metrics and Alerts panes on the demo incident, offline: graphs follow the selection, alerts mark and jump. */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class MetricsPanesTest {

    @TempDir
    Path config;

    private final FxRobot robot = new FxRobot();

    @AfterEach
    void closeWindows() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void theGraphsFollowTheSelectionAndTheAlertsMarkAndJump() throws Exception {
        Workbench bench = TestWorkbench.open(config, Kubeconfigs.merge(List.of()));
        robot.interact(bench::openDemo);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> bench.session().info().title().equals("demo-incident.pitwall")
                && bench.metricsView().charts().size() == 5);
        // the cluster's graphs, with the overview tiles
        assertThat(bench.metricsView().charts()).extracting(c -> c.shown().id())
                .containsExactly("cpu", "memory", "network", "restarts", "throttling");
        assertThat(bench.metricsView().charts()).allSatisfy(c -> assertThat(c.shown().problem()).isEmpty());
        assertThat(bench.metricsView().tiles().isVisible()).isTrue();

        // the carts pod's: memory per container against its limit, and the alert that names it
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !bench.alertsView().shown().isEmpty());
        Alert crash = bench.alertsView().shown().getFirst();
        KubeRef pod = crash.target().orElseThrow();
        assertThat(pod.kind()).isEqualTo("Pod");
        robot.interact(() -> bench.topologyView().selectedProperty().set(pod));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> bench.metricsView().charts().getFirst().shown().lines().stream()
                .anyMatch(l -> l.label().equals("carts")));
        MetricChart memory = bench.metricsView().charts().get(1);
        assertThat(memory.shown().lines()).extracting(l -> l.label()).contains("carts", "carts limit");
        assertThat(memory.dataSets()).hasSize(memory.shown().lines().size());
        assertThat(bench.metricsView().tiles().isVisible()).isFalse();
        assertThat(MetricsPanes.scope(Optional.of(pod), Optional.empty())).isEqualTo(new MetricScope.Pod(pod));

        // a firing alert marks its pod in the topology; choosing it in the Alerts pane selects the pod
        robot.interact(() -> bench.topologyView().selectedProperty().set(null));
        assertThat(AlertBadges.of(bench.alertsView().shown())).containsEntry(pod, new Badge(Badge.Severity.WARNING, "alert"));
        robot.interact(() -> {
            bench.alertsView().table().getSelectionModel().select(0);
            bench.alertsView().table().requestFocus();
        });
        robot.type(javafx.scene.input.KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(bench.topologyView().selectedProperty().get()).isEqualTo(pod);
        assertThat(robot.lookup("#details-title").queryLabeled().getText()).isEqualTo("Pod " + pod.name());
    }

    @Test
    void aPrometheusResponseFileShowsItsSeries() throws Exception {
        Workbench bench = TestWorkbench.open(config, Kubeconfigs.merge(List.of()));
        Path file = Path.of(MetricsPanesTest.class.getResource("/prometheus/query_range-matrix-up.json").toURI());
        robot.interact(() -> bench.openFile(file));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> bench.metricsView().charts().size() == 1);
        assertThat(bench.metricsView().charts().getFirst().shown().lines()).extracting(l -> l.label())
                .containsExactly("up{instance=\"localhost:9090\", job=\"prometheus\"}", "up{instance=\"localhost:9091\", job=\"node\"}");
        assertThat(bench.metricsView().charts().getFirst().shown().problem()).isEmpty();
    }

    @Test
    void alertsBecomeBadgesAsLoudAsTheWorst() {
        KubeRef pod = new KubeRef("Pod", "shop", "a");
        Map<KubeRef, Badge> badges = AlertBadges.of(List.of(
                new Alert("X", Alert.State.FIRING, "warning", Map.of("namespace", "shop", "pod", "a"), Map.of(),
                        Optional.empty(), Optional.empty(), "", "prometheus"),
                new Alert("Y", Alert.State.FIRING, "critical", Map.of("namespace", "shop", "pod", "a"), Map.of(),
                        Optional.empty(), Optional.empty(), "", "prometheus"),
                new Alert("Z", Alert.State.PENDING, "critical", Map.of("namespace", "shop", "pod", "b"), Map.of(),
                        Optional.empty(), Optional.empty(), "", "prometheus")));
        assertThat(badges).containsExactly(Map.entry(pod, new Badge(Badge.Severity.CRITICAL, "2 alerts")));
    }
}
