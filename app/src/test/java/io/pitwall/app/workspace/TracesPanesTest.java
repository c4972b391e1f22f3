package io.pitwall.app.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import io.pitwall.connectors.kube.Kubeconfigs;
import io.pitwall.connectors.model.Span;
import io.pitwall.connectors.model.TimeRange;
import io.pitwall.connectors.model.Trace;
import io.pitwall.ui.event.WorkspaceEvent;
import io.pitwall.ui.traces.TracesView;
import io.pitwall.ui.workspace.PaneId;
import java.nio.file.Path;
import java.util.List;
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
 * The Traces pane in the workbench, on the demo incident: the bundle's traces are listed and the
 * first opened; a trace id asked for on the bus opens it; "logs for this trace" narrows the Logs
 * pane to the trace's lines and time; the services' calls are drawn on the topology.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class TracesPanesTest {

    @TempDir
    Path config;

    private final FxRobot robot = new FxRobot();

    @AfterEach
    void closeWindows() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void theDemosTracesOpenLeadToTheirLogsAndDrawTheCallsOnTheTopology() throws Exception {
        Workbench bench = TestWorkbench.open(config, Kubeconfigs.merge(List.of()));
        robot.interact(bench::openDemo);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> bench.tracesView().isPresent());
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> bench.securityTracesAndTimelineLoaded().isDone()
                && bench.tracesView().get().traceShown() != null);
        TracesView view = bench.tracesView().orElseThrow();
        assertThat(view.viewModel().results()).hasSizeGreaterThan(20);
        // failed first, then the slowest
        assertThat(view.viewModel().results().getFirst().errorCount()).isPositive();
        assertThat(view.traceShown().traceId()).isEqualTo(view.viewModel().results().getFirst().traceId());

        // the calls between the demo's services, from its traces, on the topology
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !bench.topologyView().calls().edges().isEmpty());
        assertThat(bench.topologyView().calls().edges()).extracting(e -> e.from().ref().name() + "->" + e.to().ref().name())
                .contains("front-end->orders", "orders->carts");

        // a trace id clicked in a log line opens that trace
        String slowest = view.viewModel().results().stream().filter(t -> t.errorCount() == 0).findFirst().orElseThrow().traceId();
        robot.interact(() -> bench.bus().publish(new WorkspaceEvent.TraceRequested(PaneId.LOGS, slowest)));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> view.traceShown() != null && view.traceShown().traceId().equals(slowest));
        // both traces opened are kept for a capture
        assertThat(bench.openedTraces()).containsExactly(view.viewModel().results().getFirst().traceId(), slowest);

        // "logs for this trace": the logs of its time, only the lines naming it (orders logs each checkout's id)
        Trace t = view.traceShown();
        Span root = t.span(0);
        robot.interact(() -> view.viewModel().logsFor(root));
        TimeRange range = bench.time().range();
        assertThat(range.contains(java.time.Instant.ofEpochSecond(0, t.startNanos()))).isTrue();
        assertThat(range.length()).isLessThan(java.time.Duration.ofMinutes(10));
        io.pitwall.ui.logs.LogsView logs = bench.logsView().orElseThrow();
        assertThat(logs.searchBar().field().getText()).isEqualTo(slowest);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> logs.searchBar().countText().startsWith("1 "));
    }
}
