package io.pitwall.connectors.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.pitwall.connectors.model.MetricSeries;
import io.pitwall.connectors.model.RangeResult;
import io.pitwall.connectors.model.TimeRange;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class PanelLoaderTest {

    private final TimeRange range = TimeRange.ending(Instant.parse("2026-11-25T03:00:00Z"), Duration.ofMinutes(15));

    /** A source that knows two metrics and has series for one query only. */
    private final MetricsSource source = new MetricsSource() {
        int namesAsked;

        @Override
        public CompletableFuture<RangeResult> queryRange(String promql, TimeRange r, Duration step) {
            if (promql.startsWith("bad")) {
                return CompletableFuture.failedFuture(new QueryException("bad_data", "1:1: parse error", OptionalInt.of(0)));
            }
            List<MetricSeries> series = promql.equals("has_data")
                    ? List.of(new MetricSeries(Map.of("pod", "a"), new long[] {1}, new double[] {2})) : List.of();
            return CompletableFuture.completedFuture(new RangeResult(promql, r, step, series, List.of()));
        }

        @Override
        public CompletableFuture<List<String>> metricNames() {
            namesAsked++;
            return CompletableFuture.completedFuture(List.of("container_memory_working_set_bytes", "kube_pod_owner"));
        }

        @Override
        public CompletableFuture<List<String>> labelNames() {
            return CompletableFuture.completedFuture(List.of());
        }

        @Override
        public CompletableFuture<List<String>> labelValues(String label) {
            return CompletableFuture.completedFuture(List.of());
        }
    };

    @Test
    void emptyQueriesSayWhichMetricIsMissingAndWhoExportsIt() {
        PanelSpec panel = new PanelSpec("x", "X", Unit.RATIO, List.of(
                new PanelSpec.QuerySpec("has_data", "{{pod}}", PanelSpec.Role.VALUE, List.of("container_memory_working_set_bytes")),
                new PanelSpec.QuerySpec("throttled", "", PanelSpec.Role.VALUE,
                        List.of("container_cpu_cfs_throttled_periods_total")),
                new PanelSpec.QuerySpec("owners", "", PanelSpec.Role.REQUEST, List.of("kube_pod_owner")),
                new PanelSpec.QuerySpec("bad(", "", PanelSpec.Role.LIMIT, List.of("kube_pod_owner"))));
        PanelData data = new PanelLoader(source).load(panel, range, Duration.ofSeconds(15)).join();
        assertThat(data.queries()).hasSize(4);
        assertThat(data.queries().get(0).emptyReason()).isEmpty();
        assertThat(data.queries().get(0).result().orElseThrow().series()).hasSize(1);
        assertThat(data.queries().get(1).emptyReason()).isEqualTo("container_cpu_cfs_throttled_periods_total is not among"
                + " this source's metrics; cAdvisor (built into the kubelet, scraped at /metrics/cadvisor) normally exports it");
        assertThat(data.queries().get(2).emptyReason()).isEqualTo("no series match the selection in this window");
        assertThat(data.queries().get(3).error()).hasValueSatisfying(e -> assertThat(e.errorType()).isEqualTo("bad_data"));
        assertThat(data.empty()).isFalse();
    }

    @Test
    void legends() {
        assertThat(Legends.render("{{pod}}/{{ container }}", Map.of("pod", "a", "container", "b"))).isEqualTo("a/b");
        assertThat(Legends.render("{{pod}} in", Map.of())).isEqualTo("in");
        assertThat(Legends.render("", Map.of("b", "2", "a", "1"))).isEqualTo("{a=\"1\", b=\"2\"}");
        assertThat(Legends.render("", Map.of("__name__", "up", "job", "node"))).isEqualTo("up{job=\"node\"}");
        assertThat(Legends.render("", Map.of("__name__", "up"))).isEqualTo("up");
        // a template none of whose labels the series has names the series instead of nothing
        assertThat(Legends.render("{{node}}", Map.of("__name__", "up", "pod", "a"))).isEqualTo("up{pod=\"a\"}");
        assertThat(Legends.render("limit", Map.of("pod", "a"))).isEqualTo("limit");
    }
}
