package io.pitwall.connectors.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.pitwall.connectors.it.Backends.Server;
import io.pitwall.connectors.metrics.MetricScope;
import io.pitwall.connectors.metrics.PanelData;
import io.pitwall.connectors.metrics.PanelLoader;
import io.pitwall.connectors.metrics.PanelSpec;
import io.pitwall.connectors.metrics.QueryException;
import io.pitwall.connectors.model.Alert;
import io.pitwall.connectors.model.KubeRef;
import io.pitwall.connectors.model.MetricSeries;
import io.pitwall.connectors.model.RangeResult;
import io.pitwall.connectors.model.TimeRange;
import io.pitwall.connectors.prometheus.AlertmanagerClient;
import io.pitwall.connectors.prometheus.AlertmanagerEndpoint;
import io.pitwall.connectors.prometheus.AlertsJoin;
import io.pitwall.connectors.prometheus.ConnectionTest;
import io.pitwall.connectors.prometheus.ContextEndpoints;
import io.pitwall.connectors.prometheus.MetricsCapture;
import io.pitwall.connectors.prometheus.PrometheusClient;
import io.pitwall.connectors.prometheus.PrometheusEndpoint;
import io.pitwall.connectors.prometheus.PrometheusSources;
import io.pitwall.connectors.prometheus.ResourcePanels;
import io.pitwall.connectors.prometheus.StepPolicy;
import io.pitwall.connectors.prometheus.Transports;
import io.pitwall.connectors.session.OfflineSession;
import io.pitwall.connectors.snapshot.BundleManifest;
import io.pitwall.connectors.snapshot.BundleWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Prometheus connector against the real Prometheus (scraping itself, node exporter and
 * Alertmanager every second) and Alertmanager of the it tier.
 */
class PrometheusSourcesIT {

    private URI prometheus;
    private URI alertmanager;
    private PrometheusSources sources;

    @BeforeEach
    void start() {
        Backends backends = Backends.load();
        prometheus = backends.require(Server.PROMETHEUS);
        alertmanager = backends.require(Server.ALERTMANAGER);
        backends.require(Server.NODE_EXPORTER);
        sources = PrometheusSources.start(new ContextEndpoints(
                        List.of(PrometheusEndpoint.url("prometheus", prometheus.toString())), Optional.empty(),
                        Optional.of(AlertmanagerEndpoint.url("alertmanager", alertmanager.toString()))),
                Transports.direct(Thread.ofVirtual()::start), (signal, state) -> { }, Duration.ofSeconds(1));
    }

    @AfterEach
    void stop() {
        sources.close();
    }

    @Test
    void rangeQueriesOverNodeExporterDataReturnRealSeries() throws Exception {
        TimeRange last = TimeRange.ending(Instant.now(), Duration.ofMinutes(2));
        RangeResult r = sources.queryRange("rate(node_cpu_seconds_total{mode=\"user\"}[" + ResourcePanels.RATE_INTERVAL + "])",
                last, Duration.ofSeconds(1)).get();
        assertThat(r.series()).as("one series per CPU").isNotEmpty();
        MetricSeries s = r.series().getFirst();
        assertThat(s.labels()).containsKeys("cpu", "instance", "job").containsEntry("mode", "user");
        assertThat(s.size()).isGreaterThan(10);
        assertThat(s.timesMillis()).isSorted();
        assertThat(java.util.Arrays.stream(s.values()).boxed().toList()).allSatisfy(v -> assertThat(v).isBetween(0.0, 1.5));

        RangeResult memory = sources.queryRange("node_memory_MemAvailable_bytes", last, Duration.ofSeconds(5)).get();
        assertThat(memory.series()).singleElement().satisfies(m -> assertThat(m.values()[0]).isGreaterThan(1e6));
        assertThat(sources.metricNames().get()).contains("node_cpu_seconds_total", "node_uname_info", "up");
        assertThat(sources.labelValues("job").get()).contains("node", "prometheus", "alertmanager");
        assertThat(sources.scrapeInterval()).as("global.scrape_interval of backends/config/prometheus.yml")
                .hasValue(Duration.ofSeconds(1));
    }

    @Test
    void alwaysFiringComesFromPrometheusAndAlertmanagerWithItsExpression() throws Exception {
        PrometheusClient prom = sources.client().orElseThrow();
        AlertmanagerClient am = sources.alertmanagerClient().orElseThrow();
        assertThat(prom.alerts().get()).anySatisfy(a -> {
            assertThat(a.name()).isEqualTo("PitwallAlwaysFiring");
            assertThat(a.state()).isEqualTo(Alert.State.FIRING);
            assertThat(a.since()).isPresent();
        });
        assertThat(prom.rules().get()).anySatisfy(r -> {
            assertThat(r.name()).isEqualTo("PitwallAlwaysFiring");
            assertThat(r.query()).isEqualTo("vector(1)");
        });
        // right after a Prometheus restart (PrometheusRestartIT), Alertmanager hears of the alert again within seconds
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
        while (am.alerts().get().stream().noneMatch(a -> a.name().equals("PitwallAlwaysFiring")) && System.nanoTime() < deadline) {
            Thread.sleep(250);
        }
        assertThat(am.alerts().get()).anySatisfy(a -> {
            assertThat(a.name()).isEqualTo("PitwallAlwaysFiring");
            assertThat(a.source()).isEqualTo("alertmanager");
        });
        List<Alert> joined = sources.alerts().get();
        assertThat(joined).filteredOn(a -> a.name().equals("PitwallAlwaysFiring")).singleElement().satisfies(a -> {
            assertThat(a.source()).isEqualTo(AlertsJoin.BOTH);
            assertThat(a.expression()).isEqualTo("vector(1)");
            assertThat(a.severity()).isEqualTo("warning");
            assertThat(a.annotations()).containsEntry("summary", "Always firing (pitwall test backends).");
        });
        assertThat(sources.silences().get()).isNotNull();
    }

    @Test
    void aSyntaxErrorComesBackWithItsPosition() {
        String query = "sum(rate(up[5m])";
        Throwable t = catchThrowable(() -> sources.queryRange(query, TimeRange.ending(Instant.now(), Duration.ofMinutes(1)),
                Duration.ofSeconds(15)).join());
        assertThat(t).isInstanceOf(CompletionException.class).cause().isInstanceOf(QueryException.class);
        QueryException e = (QueryException) t.getCause();
        assertThat(e.errorType()).isEqualTo("bad_data");
        assertThat(e.getMessage()).contains("unclosed left parenthesis");
        assertThat(e.position()).hasValue(query.length());

        String twoLines = "sum(\n  rate(up[5m]) foo)";
        QueryException e2 = (QueryException) catchThrowable(() -> sources.queryRange(twoLines,
                TimeRange.ending(Instant.now(), Duration.ofMinutes(1)), Duration.ofSeconds(15)).join()).getCause();
        assertThat(twoLines.substring(e2.position().orElseThrow())).startsWith("foo");
    }

    @Test
    void testConnectionNamesTheVersions() throws Exception {
        assertThat(ConnectionTest.prometheus(PrometheusEndpoint.url("p", prometheus.toString()),
                Transports.direct(Runnable::run)).get()).matches("Prometheus \\d+\\.\\d+\\.\\d+.* at http://127\\.0\\.0\\.1:\\d+");
        assertThat(ConnectionTest.alertmanager(AlertmanagerEndpoint.url("a", alertmanager.toString()),
                Transports.direct(Runnable::run)).get()).matches("Alertmanager \\d+\\.\\d+\\.\\d+.* at http://127\\.0\\.0\\.1:\\d+");
    }

    /**
     * Every resource graph's PromQL is valid to the real Prometheus, for every kind of selection;
     * the node graphs find this machine's node exporter by its host name, and the graphs that need
     * kube-state-metrics or cAdvisor (which the it tier does not run) say so.
     */
    @Test
    void resourceGraphsAreValidPromQlAndExplainWhatIsMissing() throws Exception {
        String node = sources.client().orElseThrow().query("node_uname_info", Instant.now()).get()
                .getFirst().labels().get("nodename");
        TimeRange window = TimeRange.ending(Instant.now(), Duration.ofMinutes(2));
        Duration step = StepPolicy.step(window, 600, sources.scrapeInterval().orElse(StepPolicy.DEFAULT_SCRAPE_INTERVAL));
        PanelLoader loader = new PanelLoader(sources);
        List<MetricScope> scopes = Stream.<MetricScope>of(new MetricScope.Cluster(), new MetricScope.Node(node),
                new MetricScope.Namespace("shop"), new MetricScope.Workload(new KubeRef("Deployment", "shop", "carts")),
                new MetricScope.Workload(new KubeRef("CronJob", "shop", "backup")),
                new MetricScope.Workload(new KubeRef("StatefulSet", "shop", "db")),
                new MetricScope.Pod(new KubeRef("Pod", "shop", "carts-1")),
                new MetricScope.Container(new KubeRef("Pod", "shop", "carts-1"), "carts")).toList();
        for (MetricScope scope : scopes) {
            for (PanelData panel : loader.loadAll(ResourcePanels.of(scope), window, step).get()) {
                for (PanelData.QueryData q : panel.queries()) {
                    assertThat(q.error()).as("%s, %s: %s", scope.title(), panel.panel().id(), q.spec().promql()).isEmpty();
                }
            }
        }
        List<PanelData> nodePanels = loader.loadAll(ResourcePanels.of(new MetricScope.Node(node)), window, step).get();
        PanelData.QueryData cpu = nodePanels.getFirst().queries().getFirst();
        assertThat(cpu.result().orElseThrow().series()).as("node CPU of %s", node).singleElement()
                .satisfies(s -> assertThat(s.labels()).containsEntry("nodename", node));
        assertThat(cpu.spec().role()).isEqualTo(PanelSpec.Role.VALUE);
        PanelData.QueryData requests = nodePanels.getFirst().queries().get(1);
        assertThat(requests.emptyReason()).isEqualTo("kube_pod_container_resource_requests is not among this source's"
                + " metrics; kube-state-metrics normally exports it");
        PanelData.QueryData throttled = loader.load(ResourcePanels.of(new MetricScope.Pod(new KubeRef("Pod", "shop", "carts-1"))).getLast(),
                window, step).get().queries().getFirst();
        assertThat(throttled.emptyReason()).contains("container_cpu_cfs_throttled_periods_total").contains("cAdvisor");
    }

    @Test
    void aCaptureOfTheLiveSourcesIsServedOffline() throws Exception {
        Path dir = Files.createTempDirectory("pitwall-capture");
        Path file = dir.resolve("live.pitwall");
        TimeRange window = TimeRange.ending(Instant.now(), Duration.ofMinutes(1));
        String query = "sum by (mode) (rate(node_cpu_seconds_total[" + ResourcePanels.RATE_INTERVAL + "]))";
        try (BundleWriter w = BundleWriter.create(file, BundleManifest.header("0.1.0", Instant.now(), null, null, window,
                List.of()))) {
            MetricsCapture.write(w, sources, sources, window, List.of(query), Duration.ofSeconds(5));
        }
        RangeResult live = sources.queryRange(query, window, Duration.ofSeconds(5)).get();
        try (OfflineSession offline = OfflineSession.open(file)) {
            RangeResult back = offline.metrics().orElseThrow().queryRange(query, window, Duration.ofSeconds(5)).get();
            assertThat(back.series()).hasSameSizeAs(live.series());
            assertThat(back.series().getFirst().timesMillis()).isEqualTo(live.series().getFirst().timesMillis());
            assertThat(offline.alerts().orElseThrow().alerts().get()).anySatisfy(a -> {
                assertThat(a.name()).isEqualTo("PitwallAlwaysFiring");
                assertThat(a.expression()).isEqualTo("vector(1)");
            });
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(dir);
        }
    }
}
