package io.pitwall.app.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import io.pitwall.connectors.kube.Kubeconfigs;
import io.pitwall.connectors.logs.LogQuery;
import io.pitwall.connectors.logs.LogResult;
import io.pitwall.connectors.logs.LogScope;
import io.pitwall.connectors.logs.LogTail;
import io.pitwall.connectors.logs.LogsSource;
import io.pitwall.connectors.model.KubeRef;
import io.pitwall.connectors.model.LogEntry;
import io.pitwall.connectors.model.LogStream;
import io.pitwall.connectors.model.TimeRange;
import io.pitwall.connectors.session.Session;
import io.pitwall.connectors.session.SessionInfo;
import io.pitwall.connectors.session.Signal;
import io.pitwall.connectors.session.SourceState;
import io.pitwall.ui.event.WorkspaceEvent;
import io.pitwall.ui.logs.LogsView;
import io.pitwall.ui.logs.LogsViewModel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
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
 * The Logs pane in the workbench: it reads the session's logs for the selection, the namespace
 * filter and the shared range; live, it tails instead of asking again every tick; a trace id in
 * a line is asked of the Traces pane on the bus; a new session stops the old one's tail.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class LogsPanesTest {

    private static final LogStream CARTS = new LogStream(Map.of("namespace", "shop", "pod", "carts-1"));

    /** Answers every query with a few lines (one carrying a trace id); records queries and tails. */
    private static final class RecordingLogs implements LogsSource {
        final List<LogQuery> queries = new CopyOnWriteArrayList<>();
        final List<LogQuery> tails = new CopyOnWriteArrayList<>();
        final List<Boolean> tailsClosed = new CopyOnWriteArrayList<>();

        @Override
        public String describe() {
            return "Loki";
        }

        @Override
        public boolean speaksLogQL() {
            return true;
        }

        @Override
        public CompletableFuture<LogResult> query(LogQuery query) {
            if (query.logql().startsWith("sum by")) {
                // the timeline's counts of lines (its error-logs lane), not the Logs pane's query
                return CompletableFuture.completedFuture(new LogResult(query, List.of(), Optional.empty(), false, List.of()));
            }
            queries.add(query);
            long end = LogEntry.nanos(query.range().to());
            List<LogEntry> lines = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                lines.add(new LogEntry(end - (50 - i) * 1_000_000_000L, CARTS, i == 10
                        ? "level=error msg=\"checkout failed\" trace_id=4bf92f3577b34da6a3ce929d0e0e4736"
                        : "level=info msg=\"GET /carts 200\" n=" + i));
            }
            return CompletableFuture.completedFuture(new LogResult(query, lines, Optional.empty(), false, List.of()));
        }

        @Override
        public CompletableFuture<List<String>> labelNames(TimeRange range) {
            return CompletableFuture.completedFuture(List.of("namespace", "pod"));
        }

        @Override
        public CompletableFuture<List<String>> labelValues(String label, TimeRange range) {
            return CompletableFuture.completedFuture(List.of());
        }

        @Override
        public LogTail tail(LogQuery query, LogTail.Listener listener) {
            tails.add(query);
            int index = tailsClosed.size();
            tailsClosed.add(false);
            listener.state(new LogTail.TailState.Connected());
            return () -> tailsClosed.set(index, true);
        }
    }

    private static Session sessionWith(LogsSource logs, String title) {
        return new Session() {
            @Override
            public SessionInfo info() {
                return new SessionInfo(SessionInfo.Kind.LIVE, title, Optional.empty(), Optional.empty(), Optional.empty(),
                        List.of("shop"));
            }

            @Override
            public Map<Signal, SourceState> states() {
                return Map.of();
            }

            @Override
            public Optional<LogsSource> logs() {
                return Optional.of(logs);
            }

            @Override
            public void close() {
            }
        };
    }

    @TempDir
    Path config;

    private final FxRobot robot = new FxRobot();

    @AfterEach
    void closeWindows() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void theLogsFollowTheSelectionTheRangeAndLiveMode() throws Exception {
        Workbench bench = TestWorkbench.open(config, Kubeconfigs.merge(List.of()));
        RecordingLogs logs = new RecordingLogs();
        robot.interact(() -> {
            bench.time().setAbsolute(new TimeRange(TestWorkbench.CLOCK.instant().minusSeconds(3600), TestWorkbench.CLOCK.instant()));
            bench.showSession(sessionWith(logs, "prod"));
        });
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> bench.logsView().isPresent()
                && bench.logsView().get().model().phaseProperty().get() == LogsViewModel.Phase.LINES);
        LogsView view = bench.logsView().orElseThrow();
        assertThat(logs.queries).hasSize(1);
        assertThat(logs.queries.getFirst().scope()).isEqualTo(new LogScope.Cluster());
        assertThat(logs.queries.getFirst().range()).isEqualTo(bench.time().range());
        assertThat(bench.pane(io.pitwall.ui.workspace.PaneId.LOGS).getChildren()).isNotEmpty();

        // a pod selected in another pane: its logs
        KubeRef pod = new KubeRef("Pod", "shop", "carts-1");
        robot.interact(() -> bench.bus().publish(new WorkspaceEvent.Selected(io.pitwall.ui.workspace.PaneId.TOPOLOGY, pod)));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> logs.queries.size() == 2);
        assertThat(logs.queries.getLast().scope()).isEqualTo(new LogScope.Pod(pod));
        // a workload: all its pods
        KubeRef deployment = new KubeRef("Deployment", "shop", "carts");
        robot.interact(() -> bench.bus().publish(new WorkspaceEvent.Selected(io.pitwall.ui.workspace.PaneId.TOPOLOGY, deployment)));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> logs.queries.size() == 3);
        assertThat(logs.queries.getLast().scope()).isEqualTo(new LogScope.Workload(deployment));
        // nothing selected, a namespace chosen: the namespace's logs
        robot.interact(() -> {
            bench.bus().publish(new WorkspaceEvent.SelectionCleared(io.pitwall.ui.workspace.PaneId.TOPOLOGY));
            bench.topBar().selectNamespace(Optional.of("shop"));
        });
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> logs.queries.getLast().scope().equals(new LogScope.Namespace("shop")));

        // a trace id in a line goes to the Traces pane on the bus
        List<String> asked = new CopyOnWriteArrayList<>();
        bench.bus().subscribe(WorkspaceEvent.TraceRequested.class, e -> asked.add(e.traceId()));
        robot.interact(() -> {
            view.lines().select(10);
            view.lines().redrawNow();
        });
        javafx.geometry.Point2D link = WaitForAsyncUtils.asyncFx(() -> view.lines().traceLinkCentre("4bf92f3577b34da6a3ce929d0e0e4736")
                .map(p -> view.lines().localToScreen(p)).orElseThrow()).get();
        robot.clickOn(link);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(asked).containsExactly("4bf92f3577b34da6a3ce929d0e0e4736");

        // live: one query, then the tail; ticks that slide the window ask nothing more
        int before = logs.queries.size();
        robot.interact(() -> {
            bench.time().setRelative(Duration.ofMinutes(15));
            bench.time().setLive(true);
        });
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !logs.tails.isEmpty());
        int afterLive = logs.queries.size();
        assertThat(afterLive).isGreaterThan(before);
        for (int i = 0; i < 5; i++) {
            robot.interact(bench.time()::tick);
        }
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(logs.queries).hasSize(afterLive);
        assertThat(view.tailStateText()).isNotEmpty();

        // another session: the old tail stops, the new source is read
        RecordingLogs other = new RecordingLogs();
        robot.interact(() -> bench.showSession(sessionWith(other, "staging")));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !other.queries.isEmpty());
        assertThat(logs.tailsClosed).containsOnly(true);
        assertThat(bench.logsView().orElseThrow()).isNotSameAs(view);
    }

    @Test
    void aPodsLogsOfferItsContainersEachAlsoBeforeItsLastRestart() throws Exception {
        Workbench bench = TestWorkbench.open(config, Kubeconfigs.merge(List.of()));
        robot.interact(bench::openDemo);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> bench.session().info().title().equals("demo-incident.pitwall")
                && bench.logsView().isPresent() && !bench.alertsView().shown().isEmpty());
        KubeRef pod = bench.alertsView().shown().getFirst().target().orElseThrow();
        robot.interact(() -> bench.bus().publish(new WorkspaceEvent.Selected(io.pitwall.ui.workspace.PaneId.TOPOLOGY, pod)));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> bench.logsView().get().model().phaseProperty().get() == LogsViewModel.Phase.LINES);
        LogsView view = bench.logsView().orElseThrow();
        assertThat(view.scopeChoices()).containsExactly(new LogScope.Pod(pod), new LogScope.Container(pod, "carts", false),
                new LogScope.Container(pod, "carts", true));
        // as a user: the chooser, then the container before its last restart
        robot.clickOn("#logs-container");
        robot.clickOn("carts (before its last restart)");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(view.model().scope()).contains(new LogScope.Container(pod, "carts", true));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> view.messageText().contains("do not tell a container's instances apart"));
        // the same pod selected again keeps the choice; another object drops it
        robot.interact(() -> bench.bus().publish(new WorkspaceEvent.Selected(io.pitwall.ui.workspace.PaneId.TIMELINE, pod)));
        assertThat(view.model().scope()).contains(new LogScope.Container(pod, "carts", true));
        KubeRef deployment = new KubeRef("Deployment", pod.namespace(), "orders");
        robot.interact(() -> bench.bus().publish(new WorkspaceEvent.Selected(io.pitwall.ui.workspace.PaneId.TOPOLOGY, deployment)));
        assertThat(view.model().scope()).contains(new LogScope.Workload(deployment));
        assertThat(view.scopeChoices()).isEmpty();
    }
}
