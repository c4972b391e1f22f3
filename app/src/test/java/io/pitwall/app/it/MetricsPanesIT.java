package io.pitwall.app.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.Config;
import io.pitwall.app.MainWindow;
import io.pitwall.app.workspace.Settings;
import io.pitwall.app.workspace.UserFiles;
import io.pitwall.app.workspace.Workbench;
import io.pitwall.connectors.it.Backends;
import io.pitwall.connectors.it.Backends.Server;
import io.pitwall.connectors.kube.Kubeconfigs;
import io.pitwall.connectors.model.Alert;
import io.pitwall.connectors.prometheus.AlertmanagerEndpoint;
import io.pitwall.connectors.prometheus.ContextEndpoints;
import io.pitwall.connectors.prometheus.PrometheusEndpoint;
import io.pitwall.connectors.session.LiveSession;
import io.pitwall.connectors.session.Signal;
import io.pitwall.ui.metrics.ChartData;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The main window on the real apiserver, Prometheus (scraping the real node exporter) and
 * Alertmanager: the cluster's resource graphs plot node-exporter data, the alert that fires at
 * once is in the Alerts pane and marks nothing it does not name.
 */
@ExtendWith(ApplicationExtension.class)
class MetricsPanesIT {

    private final Backends backends = Backends.load();
    private final FxRobot robot = new FxRobot();

    @TempDir
    Path config;

    @AfterEach
    void closeWindows() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void realNodeExporterDataIsPlottedAndTheFiringAlertListed() throws Exception {
        URI prom = backends.require(Server.PROMETHEUS);
        URI am = backends.require(Server.ALERTMANAGER);
        backends.require(Server.NODE_EXPORTER);
        backends.require(Server.KUBE_APISERVER);
        ContextEndpoints endpoints = new ContextEndpoints(List.of(PrometheusEndpoint.url("prometheus", prom.toString())),
                Optional.empty(), Optional.of(AlertmanagerEndpoint.url("alertmanager", am.toString())));
        Workbench[] bench = new Workbench[1];
        FxToolkit.setupStage(stage -> {
            UserFiles files = UserFiles.in(config, Runnable::run);
            bench[0] = new Workbench(files, Settings.defaults(), Optional.empty(), Clock.systemUTC(), Thread.ofVirtual()::start,
                    context -> LiveSession.connect(context.name(), Optional.ofNullable(context.cluster()),
                            () -> Config.fromKubeconfig(context.name(), backends.kubeconfig().toFile()), Thread.ofVirtual()::start,
                            endpoints, Duration.ofSeconds(1)));
            bench[0].setKubeconfig(Kubeconfigs.merge(List.of(backends.kubeconfig())), Optional.of(backends.adminContext()));
            Scene scene = bench[0].createScene(1400, 900);
            MainWindow.show(stage, scene);
        });
        Workbench w = bench[0];
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> w.statusBar().textOf(Signal.METRICS).contains("connected")
                && w.statusBar().textOf(Signal.ALERTS).contains("connected"));

        // the cluster's graphs: CPU and memory from the node exporter Prometheus scrapes every second
        robot.interact(() -> w.time().setRelative(Duration.ofMinutes(5)));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> w.metricsView().charts().size() == 5
                && w.metricsView().charts().getFirst().shown().lines().stream().anyMatch(l -> l.role()
                        == io.pitwall.connectors.metrics.PanelSpec.Role.VALUE));
        ChartData cpu = w.metricsView().charts().getFirst().shown();
        ChartData memory = w.metricsView().charts().get(1).shown();
        assertThat(cpu.id()).isEqualTo("cpu");
        assertThat(cpu.lines()).filteredOn(l -> l.label().equals("used")).singleElement()
                .satisfies(l -> assertThat(java.util.Arrays.stream(l.series().values()).boxed().toList()).isNotEmpty()
                        .allSatisfy(v -> assertThat(v).isNotNegative()));
        assertThat(memory.lines()).filteredOn(l -> l.label().equals("used")).singleElement()
                .satisfies(l -> assertThat(java.util.Arrays.stream(l.series().values()).boxed().toList())
                        .anySatisfy(v -> assertThat(v).isGreaterThan(1 << 20)));

        // the alert that fires at once, from both servers, with its rule's expression
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> w.alertsView().shown().stream()
                .anyMatch(a -> a.name().equals("PitwallAlwaysFiring")));
        Alert always = w.alertsView().shown().stream().filter(a -> a.name().equals("PitwallAlwaysFiring")).findFirst().orElseThrow();
        assertThat(always.state()).isEqualTo(Alert.State.FIRING);
        assertThat(always.expression()).isEqualTo("vector(1)");
        assertThat(always.target()).isEmpty(); // it names no object: no alert badge anywhere (security findings may badge)
        assertThat(w.topologyView().badges().values()).noneMatch(b -> b.text().contains("alert"));

        // a query Prometheus cannot parse: its own words under the field, the caret where it points
        robot.interact(() -> w.metricsView().queryBar().field().setText("sum(rate(node_cpu_seconds_total[1m])"));
        robot.interact(() -> w.metricsView().queryBar().runButton().fire());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> w.metricsView().queryBar().errorLabel().isVisible());
        assertThat(w.metricsView().queryBar().errorLabel().getText()).contains("parse error");
        assertThat(w.metricsView().queryBar().field().getSelection().getLength()).isLessThanOrEqualTo(1);
        // and one it can: the node exporter's series above the graphs
        robot.interact(() -> w.metricsView().queryBar().field().setText("node_load1"));
        robot.interact(() -> w.metricsView().queryBar().runButton().fire());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> w.metricsView().queryChartShown());
        assertThat(w.metricsView().queryChart().shown().lines()).isNotEmpty()
                .allSatisfy(l -> assertThat(l.label()).startsWith("node_load1{"));
        assertThat(w.metricsView().queryBar().history()).containsExactly("node_load1", "sum(rate(node_cpu_seconds_total[1m])");
    }
}
