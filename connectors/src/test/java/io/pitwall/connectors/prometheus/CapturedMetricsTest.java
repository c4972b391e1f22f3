package io.pitwall.connectors.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import io.pitwall.connectors.metrics.QueryException;
import io.pitwall.connectors.model.Alert;
import io.pitwall.connectors.model.MetricSeries;
import io.pitwall.connectors.model.RangeResult;
import io.pitwall.connectors.model.Silence;
import io.pitwall.connectors.model.TimeRange;
import io.pitwall.connectors.session.FileSessions;
import io.pitwall.connectors.session.OfflineSession;
import io.pitwall.connectors.session.Session;
import io.pitwall.connectors.session.Signal;
import io.pitwall.connectors.session.SourceState;
import io.pitwall.connectors.snapshot.BundleManifest;
import io.pitwall.connectors.snapshot.BundleWriter;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Metrics and alerts into a bundle and back, and a bare query_range response opened as a file. */
class CapturedMetricsTest {

    @TempDir
    Path dir;

    private static final TimeRange WINDOW = new TimeRange(Instant.parse("2015-07-01T20:10:00Z"),
            Instant.parse("2015-07-01T20:12:00Z"));

    private static CapturedMetrics live() throws Exception {
        var e = PromJson.envelope(Fixtures.open("query_range-matrix-up.json"), PromJson::result);
        List<MetricSeries> series = new java.util.ArrayList<>(e.data());
        series.add(new MetricSeries(Map.of("__name__", "odd"), new long[] {1435781430781L, 1435781445781L},
                new double[] {Double.NaN, Double.POSITIVE_INFINITY}));
        RangeResult up = new RangeResult("up", WINDOW, Duration.ofSeconds(15), series, List.of("a warning"));
        RangeResult rate = new RangeResult("sum(rate(x[$__rate_interval]))", WINDOW, Duration.ofSeconds(15), List.of(), List.of());
        Alert firing = new Alert("KubePodCrashLooping", Alert.State.FIRING, "warning",
                Map.of("alertname", "KubePodCrashLooping", "namespace", "shop", "pod", "carts-1", "severity", "warning"),
                Map.of("summary", "Pod is crash looping."), Optional.of(Instant.parse("2015-07-01T20:05:00Z")),
                Optional.of("1"), "max_over_time(kube_pod_container_status_waiting_reason{reason=\"CrashLoopBackOff\"}[5m]) >= 1",
                AlertsJoin.BOTH);
        Alert pending = new Alert("HighLatency", Alert.State.PENDING, "page", Map.of("alertname", "HighLatency", "severity", "page"),
                Map.of(), Optional.of(Instant.parse("2015-07-01T20:11:00Z")), Optional.of("0.7"), "latency > 0.5", "prometheus");
        Alert silenced = new Alert("Watchdog", Alert.State.SUPPRESSED, "none", Map.of("alertname", "Watchdog", "severity", "none"),
                Map.of(), Optional.of(Instant.parse("2015-07-01T19:00:00Z")), Optional.empty(), "", "alertmanager");
        Silence silence = new Silence("s1", List.of(new Silence.Matcher("alertname", "Watchdog", false, true)),
                Instant.parse("2015-07-01T19:00:00Z"), Instant.parse("2015-07-02T19:00:00Z"), "oncall", "known", "active");
        return new CapturedMetrics(List.of(up, rate), List.of(firing, pending, silenced), List.of(silence), "test");
    }

    @Test
    void aCapturedWindowIsServedOfflineAndTheRestIsNotCaptured() throws Exception {
        Path file = dir.resolve("incident.pitwall");
        CapturedMetrics source = live();
        try (BundleWriter w = BundleWriter.create(file, BundleManifest.header("0.1.0", Instant.parse("2015-07-01T20:13:00Z"),
                null, null, WINDOW, List.of()))) {
            MetricsCapture.write(w, source, source, WINDOW, List.of("up", "sum(rate(x[$__rate_interval]))", "not_a_query("),
                    Duration.ofSeconds(15));
        }
        try (OfflineSession s = OfflineSession.open(file)) {
            assertThat(s.state(Signal.METRICS)).isInstanceOfSatisfying(SourceState.Offline.class, o -> {
                assertThat(o.present()).isTrue();
                assertThat(o.contents()).contains(MetricsCapture.QUERY_RANGE);
            });
            assertThat(s.bundle().manifest().problems()).singleElement()
                    .satisfies(p -> assertThat(p.message()).contains("not_a_query(").contains("not captured"));
            var metrics = s.metrics().orElseThrow();
            RangeResult up = metrics.queryRange("up", WINDOW, Duration.ofSeconds(30)).get();
            assertThat(up.series()).hasSize(3);
            assertThat(up.series().getFirst().timesMillis()).containsExactly(1435781430781L, 1435781445781L, 1435781460781L);
            assertThat(up.series().get(1).values()).containsExactly(0, 0, 1);
            assertThat(up.series().get(2).values()[0]).isNaN();
            assertThat(up.series().get(2).values()[1]).isEqualTo(Double.POSITIVE_INFINITY);
            assertThat(up.warnings()).containsExactly("a warning");
            // a narrower window gets the samples in it
            TimeRange narrow = new TimeRange(Instant.parse("2015-07-01T20:10:40Z"), Instant.parse("2015-07-01T20:10:50Z"));
            assertThat(metrics.queryRange("up", narrow, Duration.ofSeconds(15)).get().points()).isEqualTo(3);
            // the panes' query as written, whatever the chart's width
            assertThat(metrics.queryRange("sum(rate(x[$__rate_interval]))", WINDOW, Duration.ofMinutes(1)).get().series()).isEmpty();
            QueryException e = PrometheusClientTest.failure(metrics.queryRange("down", WINDOW, Duration.ofSeconds(15)));
            assertThat(e.errorType()).isEqualTo("not_captured");
            assertThat(e.getMessage()).isEqualTo("this query was not captured in bundle incident.pitwall (it holds 2 queries): down");
            assertThat(metrics.metricNames().get()).containsExactly("odd", "up");
            assertThat(metrics.scrapeInterval()).hasValue(Duration.ofSeconds(15));

            List<Alert> alerts = s.alerts().orElseThrow().alerts().get();
            assertThat(alerts).extracting(Alert::name, Alert::state, Alert::source).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("KubePodCrashLooping", Alert.State.FIRING, AlertsJoin.BOTH),
                    org.assertj.core.groups.Tuple.tuple("HighLatency", Alert.State.PENDING, "prometheus"),
                    org.assertj.core.groups.Tuple.tuple("Watchdog", Alert.State.SUPPRESSED, "alertmanager"));
            assertThat(alerts.getFirst().expression()).startsWith("max_over_time(");
            assertThat(alerts.getFirst().since()).hasValue(Instant.parse("2015-07-01T20:05:00Z"));
            assertThat(alerts.get(1).value()).hasValue("0.7");
            assertThat(s.alerts().orElseThrow().silences().get()).singleElement()
                    .satisfies(x -> assertThat(x.comment()).isEqualTo("known"));
        }
    }

    @Test
    void aWorkloadGraphOfABundleWrittenBeforeThePodPrefilterIsStillFound() throws Exception {
        String now = ResourcePanels.of(new io.pitwall.connectors.metrics.MetricScope.Workload(
                new io.pitwall.connectors.model.KubeRef("Deployment", "shop", "carts"))).getFirst().queries().getFirst().promql();
        String before = now.replace(",pod=~\"carts-.+\"", "");
        assertThat(before).isNotEqualTo(now);
        var series = new io.pitwall.connectors.model.MetricSeries(Map.of("pod", "carts-1"), new long[] {1435781430781L},
                new double[] {0.5});
        CapturedMetrics older = new CapturedMetrics(List.of(new RangeResult(before, WINDOW, Duration.ofSeconds(15),
                List.of(series), List.of())), List.of(), List.of(), "test");
        assertThat(older.queryRange(now, WINDOW, Duration.ofSeconds(15)).get().series()).singleElement()
                .satisfies(x -> assertThat(x.labels()).containsEntry("pod", "carts-1"));
    }

    @Test
    void theDemosFormatIsRead() throws Exception {
        String demo = """
                [{"query":"kube_pod_container_status_restarts_total{namespace=\\"sock-shop\\",container=\\"carts\\"}",
                  "start":"2026-11-25T03:00:00Z","end":"2026-11-25T03:15:00Z","step":15,
                  "response":{"status":"success","data":{"resultType":"matrix","result":[
                    {"metric":{"namespace":"sock-shop","container":"carts","pod":"carts-1"},
                     "values":[[1795575600,"0"],[1795575615,"1"]]}]}}}]""";
        List<RangeResult> r = CapturedMetrics.readQueryRange(new ByteArrayInputStream(demo.getBytes(StandardCharsets.UTF_8)));
        assertThat(r).singleElement().satisfies(x -> {
            assertThat(x.step()).isEqualTo(Duration.ofSeconds(15));
            assertThat(x.range().from()).isEqualTo(Instant.parse("2026-11-25T03:00:00Z"));
            assertThat(x.series().getFirst().values()).containsExactly(0, 1);
        });
    }

    @Test
    void aBareQueryRangeResponseOpensAsOfflineMetrics() throws Exception {
        Path file = dir.resolve("up.json");
        Files.writeString(file, Fixtures.text("query_range-matrix-up.json"));
        try (Session s = FileSessions.open(file)) {
            assertThat(s.state(Signal.METRICS)).isInstanceOfSatisfying(SourceState.Offline.class, o -> {
                assertThat(o.present()).isTrue();
                assertThat(o.contents()).isEqualTo("2 series, 6 points");
            });
            assertThat(s.state(Signal.CLUSTER)).isInstanceOfSatisfying(SourceState.Offline.class,
                    o -> assertThat(o.present()).isFalse());
            assertThat(s.info().captured()).hasValue(new TimeRange(Instant.ofEpochMilli(1435781430781L),
                    Instant.ofEpochMilli(1435781460781L)));
            List<RangeResult> captured = s.metrics().orElseThrow().captured().get();
            assertThat(captured).singleElement().satisfies(r -> {
                assertThat(r.series()).hasSize(2);
                assertThat(r.step()).isEqualTo(Duration.ofSeconds(15));
            });
            assertThat(s.clusterState()).isEmpty();
        }
        Path error = Files.writeString(dir.resolve("error.json"),
                "{\"status\":\"error\",\"errorType\":\"bad_data\",\"error\":\"1:5: parse error\"}");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> FileSessions.open(error))
                .hasMessage("error.json is a Prometheus error response (bad_data: 1:5: parse error)");
    }
}
