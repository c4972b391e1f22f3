package io.pitwall.connectors.prometheus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import io.pitwall.connectors.model.Alert;
import io.pitwall.connectors.model.RangeResult;
import io.pitwall.connectors.model.TimeRange;
import io.pitwall.connectors.session.Signal;
import io.pitwall.connectors.session.SourceState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The live sources on MockWebServer: states follow the server, rate windows are filled in, alerts are joined. */
class PrometheusSourcesTest {

    private final MockWebServer prom = new MockWebServer();
    private final MockWebServer am = new MockWebServer();
    private final Map<Signal, SourceState> states = new ConcurrentHashMap<>();
    private volatile boolean up = true;
    private volatile String lastRangeQuery = "";
    private PrometheusSources sources;

    @BeforeEach
    void start() throws Exception {
        prom.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest r) {
                if (!up) {
                    return new MockResponse.Builder().code(503).body("Service Unavailable").build();
                }
                String path = r.getUrl().encodedPath();
                return switch (path) {
                    case "/api/v1/query" -> MockPrometheus.fixture("query-vector-up.json");
                    case "/api/v1/query_range" -> {
                        lastRangeQuery = r.getUrl().queryParameter("query");
                        yield MockPrometheus.fixture("query_range-matrix-up.json");
                    }
                    case "/api/v1/status/buildinfo" -> MockPrometheus.fixture("status-buildinfo.json");
                    case "/api/v1/status/config" -> MockPrometheus.json(200,
                            "{\"status\":\"success\",\"data\":{\"yaml\":\"global:\\n  scrape_interval: 15s\\n\"}}");
                    case "/api/v1/rules" -> MockPrometheus.fixture("rules.json");
                    case "/api/v1/alerts" -> MockPrometheus.json(200, "{\"status\":\"success\",\"data\":{\"alerts\":["
                            + "{\"labels\":{\"alertname\":\"HighRequestLatency\",\"severity\":\"page\"},\"annotations\":{},"
                            + "\"state\":\"firing\",\"activeAt\":\"2018-07-04T20:27:12.60602144+02:00\",\"value\":\"1e+00\"}]}}");
                    default -> new MockResponse.Builder().code(404).body("404 page not found").build();
                };
            }
        });
        prom.start();
        am.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest r) {
                return switch (r.getUrl().encodedPath()) {
                    case "/api/v2/status" -> MockPrometheus.json(200, "{\"versionInfo\":{\"version\":\"0.27.0\"}}");
                    case "/api/v2/alerts" -> MockPrometheus.json(200, "[{\"labels\":{\"alertname\":\"HighRequestLatency\","
                            + "\"severity\":\"page\",\"cluster\":\"prod\"},\"annotations\":{},\"startsAt\":\"2018-07-04T18:27:12Z\","
                            + "\"status\":{\"state\":\"active\",\"silencedBy\":[],\"inhibitedBy\":[]}}]");
                    case "/api/v2/silences" -> MockPrometheus.json(200, "[]");
                    default -> new MockResponse.Builder().code(404).build();
                };
            }
        });
        am.start();
        ContextEndpoints endpoints = new ContextEndpoints(
                List.of(PrometheusEndpoint.url("prom", prom.url("/").toString())), Optional.empty(),
                Optional.of(AlertmanagerEndpoint.url("am", am.url("/").toString())));
        sources = PrometheusSources.start(endpoints, Transports.direct(Thread.ofVirtual()::start), states::put,
                Duration.ofMillis(200));
    }

    @AfterEach
    void stop() {
        sources.close();
        prom.close();
        am.close();
    }

    @Test
    void failingWhileTheServerIsDownAndConnectedAgainByItself() throws Exception {
        await("connected with its version", () -> states.get(Signal.METRICS) instanceof SourceState.Connected c
                && c.endpoint().contains("Prometheus 2.13.1"));
        await("Alertmanager connected", () -> states.get(Signal.ALERTS) instanceof SourceState.Connected c
                && c.endpoint().contains("Alertmanager 0.27.0"));
        up = false;
        await("failing with the reason", () -> states.get(Signal.METRICS) instanceof SourceState.Failing f
                && f.reason().contains("HTTP 503"));
        up = true;
        await("connected again", () -> states.get(Signal.METRICS) instanceof SourceState.Connected);
    }

    @Test
    void theRateWindowIsFilledInFromTheStepAndTheScrapeInterval() throws Exception {
        await("scrape interval learnt", () -> sources.scrapeInterval().isPresent());
        assertThat(sources.scrapeInterval()).hasValue(Duration.ofSeconds(15));
        String q = "sum(rate(container_cpu_usage_seconds_total[" + ResourcePanels.RATE_INTERVAL + "]))";
        RangeResult r = sources.queryRange(q, TimeRange.ending(Instant.now(), Duration.ofHours(1)), Duration.ofSeconds(30)).get();
        assertThat(lastRangeQuery).isEqualTo("sum(rate(container_cpu_usage_seconds_total[1m]))");
        assertThat(r.query()).isEqualTo(q);
        assertThat(r.series()).hasSize(2);
    }

    @Test
    void alertsFromBothWithTheRulesExpression() throws Exception {
        List<Alert> alerts = sources.alerts().get();
        assertThat(alerts).singleElement().satisfies(a -> {
            assertThat(a.source()).isEqualTo(AlertsJoin.BOTH);
            assertThat(a.expression()).isEqualTo("job:request_latency_seconds:mean5m{job=\"myjob\"} > 0.5");
            assertThat(a.labels()).containsEntry("cluster", "prod");
        });
        assertThat(sources.silences().get()).isEmpty();
    }

    @Test
    void anHaPairServesFromThePartnerAndTheStateSaysSo() throws Exception {
        int deadPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            deadPort = socket.getLocalPort();
        }
        String dead = "http://127.0.0.1:" + deadPort;
        ContextEndpoints pair = new ContextEndpoints(List.of(
                PrometheusEndpoint.url("prometheus-0", dead).withHaPartner("prometheus-1"),
                PrometheusEndpoint.url("prometheus-1", prom.url("/").toString())), Optional.empty(), Optional.empty());
        Map<Signal, SourceState> haStates = new ConcurrentHashMap<>();
        try (PrometheusSources ha = PrometheusSources.start(pair, Transports.direct(Thread.ofVirtual()::start), haStates::put,
                Duration.ofMillis(200))) {
            await("served by the partner", () -> haStates.get(Signal.METRICS) instanceof SourceState.Connected c
                    && c.endpoint().startsWith(prom.url("/").toString().replaceAll("/$", ""))
                    && c.endpoint().contains("(HA partner " + dead + " is failing: cannot reach " + dead + ": connection refused)"));
            assertThat(ha.queryRange("up", TimeRange.ending(Instant.now(), Duration.ofMinutes(1)), Duration.ofSeconds(15))
                    .get().series()).hasSize(2);
            // without Alertmanager, ALERTS follows Prometheus
            assertThat(haStates.get(Signal.ALERTS)).isEqualTo(haStates.get(Signal.METRICS));
        }
    }

    @Test
    void connectionTest() throws Exception {
        assertThat(ConnectionTest.prometheus(PrometheusEndpoint.url("p", prom.url("/").toString()),
                Transports.direct(Runnable::run)).get()).startsWith("Prometheus 2.13.1 (revision cb7cbad) at http://");
        assertThat(ConnectionTest.alertmanager(AlertmanagerEndpoint.url("a", am.url("/").toString()),
                Transports.direct(Runnable::run)).get()).startsWith("Alertmanager 0.27.0 at http://");
        var inCluster = new PrometheusEndpoint("k", PrometheusEndpoint.Flavor.PROMETHEUS,
                new EndpointTarget.InCluster("monitoring", "prometheus-k8s", "web", "http", ""), null, null, null);
        var e = PrometheusClientTest.failure(ConnectionTest.prometheus(inCluster, Transports.direct(Runnable::run)));
        assertThat(e.getMessage()).contains("is reached through the cluster, which is not reachable");
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return;
            }
            Thread.sleep(20);
        }
        fail("waited 10 s for " + what);
    }
}
