package io.pitwall.app.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import io.pitwall.connectors.kube.KubeContext;
import io.pitwall.connectors.logs.LogQuery;
import io.pitwall.connectors.logs.LogScope;
import io.pitwall.connectors.model.KubeRef;
import io.pitwall.connectors.model.PodInfo;
import io.pitwall.connectors.model.RangeResult;
import io.pitwall.connectors.model.TimeRange;
import io.pitwall.connectors.model.TraceSummary;
import io.pitwall.connectors.session.DisconnectedSession;
import io.pitwall.connectors.session.NetworkWatch;
import io.pitwall.connectors.session.Session;
import io.pitwall.connectors.session.SessionInfo;
import io.pitwall.connectors.traces.TraceQuery;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Future;
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
 * Opening an incident bundle opens no network connection: the demo incident opened in the
 * workbench of a user with kubeconfig contexts, a pod selected (graphs, logs, traces, events, YAML
 * follow it), and every read of every source of the offline session made besides, with a
 * {@link NetworkWatch} (proxy selector and this JVM's sockets) open all along; no context is
 * connected either. The same watch, in this JVM, sees a deliberate connection.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class NoNetworkTest {

    @TempDir
    Path config;

    private final FxRobot robot = new FxRobot();
    private final List<String> connected = new CopyOnWriteArrayList<>();

    @AfterEach
    void closeWindows() throws Exception {
        FxToolkit.cleanupStages();
    }

    private Session connect(KubeContext context) {
        connected.add(context.name());
        return DisconnectedSession.forContext(context.name(), Optional.empty(), Optional.of("test"));
    }

    @Test
    void openingABundleAndReadingAllOfItOpensNoConnection() throws Exception {
        Workbench bench = TestWorkbench.open(config, TestWorkbench.kubeconfig(), this::connect);
        connected.clear();
        List<String> seen;
        try (NetworkWatch watch = NetworkWatch.start()) {
            robot.interact(bench::openDemo);
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> bench.session().info().kind() == SessionInfo.Kind.OFFLINE
                    && bench.topologyView().layoutShown() != null);
            Session s = bench.session();
            PodInfo pod = s.clusterState().orElseThrow().pods().stream().max(java.util.Comparator.comparingInt(PodInfo::restarts))
                    .orElseThrow();
            robot.interact(() -> bench.topologyView().selectedProperty().set(pod.ref()));
            robot.interact(() -> bench.details().yamlPane().setExpanded(true));
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> bench.details().yamlText().getText().contains("kind: Pod"));
            readEverything(s, pod.ref());
            WaitForAsyncUtils.waitForFxEvents();
            Thread.sleep(200); // what the panes load in the background has had its time
            seen = watch.attempts();
            assertThat(watch.watchesSockets()).as("the socket check runs here").isEqualTo(
                    System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("linux"));
        }
        assertThat(seen).as("network seen while the bundle was open").isEmpty();
        assertThat(connected).as("contexts connected").isEmpty();
    }

    /** Every read the panes make of an offline session's sources, and the rest. */
    private static void readEverything(Session s, KubeRef pod) throws Exception {
        TimeRange range = s.info().captured().orElseThrow();
        assertThat(s.objectYaml(pod)).isPresent();
        assertThat(s.clusterChanges(range)).isNotEmpty();
        assertThat(s.notes()).isPresent();
        var metrics = s.metrics().orElseThrow();
        List<RangeResult> captured = get(metrics.captured());
        assertThat(captured).isNotEmpty();
        get(metrics.queryRange(captured.getFirst().query(), range, captured.getFirst().step()));
        get(metrics.metricNames());
        get(metrics.labelNames());
        var alerts = s.alerts().orElseThrow();
        assertThat(get(alerts.alerts())).isNotEmpty();
        get(alerts.silences());
        var logs = s.logs().orElseThrow();
        assertThat(get(logs.query(new LogQuery(new LogScope.Pod(pod), "", range, 1000, true))).entries()).isNotEmpty();
        get(logs.labelNames(range));
        try (var tail = logs.tail(new LogQuery(new LogScope.Cluster(), "", range, 100, false),
                new io.pitwall.connectors.logs.LogTail.Listener() {
                    @Override
                    public void entries(List<io.pitwall.connectors.model.LogEntry> entries) {
                    }

                    @Override
                    public void state(io.pitwall.connectors.logs.LogTail.TailState state) {
                    }
                })) {
            Thread.sleep(50);
        }
        var traces = s.traces().orElseThrow();
        List<String> services = get(traces.services(range));
        assertThat(services).isNotEmpty();
        get(traces.operations(services.getFirst(), range));
        List<TraceSummary> found = get(traces.search(TraceQuery.of(services.getFirst(), range, 20)));
        assertThat(found).isNotEmpty();
        get(traces.trace(found.getFirst().traceId()));
        get(traces.dependencies(range));
        assertThat(get(s.security().orElseThrow().findings(range)).findings()).isNotEmpty();
    }

    private static <T> T get(Future<T> f) throws Exception {
        return f.get(30, TimeUnit.SECONDS);
    }

    @Test
    void theWatchSeesADeliberateConnectionInThisJvm() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            List<String> seen;
            try (NetworkWatch watch = NetworkWatch.start(); Socket socket = new Socket()) {
                socket.connect(server.getLocalSocketAddress(), 2000);
                seen = watch.attempts();
            }
            assertThat(seen).isNotEmpty().anyMatch(l -> l.contains(":" + server.getLocalPort()));
        }
    }
}
