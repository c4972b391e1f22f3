package io.pitwall.ui.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.pitwall.connectors.metrics.MetricScope;
import io.pitwall.connectors.metrics.MetricsSource;
import io.pitwall.connectors.metrics.PanelSpec;
import io.pitwall.connectors.metrics.QueryException;
import io.pitwall.connectors.metrics.Unit;
import io.pitwall.connectors.model.MetricSeries;
import io.pitwall.connectors.model.RangeResult;
import io.pitwall.connectors.model.TimeRange;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The ViewModel against a source that answers from a table, on the calling thread. */
class MetricsViewModelTest {

    private static final TimeRange RANGE = TimeRange.ending(Instant.parse("2026-11-24T03:30:00Z"), Duration.ofHours(1));

    /** Answers the queries it was given; any other fails as Prometheus would. */
    private static final class TableSource implements MetricsSource {
        final Map<String, CompletableFuture<RangeResult>> answers = new HashMap<>();
        final List<String> asked = new ArrayList<>();
        List<String> names = List.of();

        @Override
        public CompletableFuture<RangeResult> queryRange(String promql, TimeRange range, Duration step) {
            asked.add(promql);
            return answers.getOrDefault(promql, CompletableFuture.failedFuture(
                    new QueryException("bad_data", "1:1: parse error: unexpected " + promql, OptionalInt.of(0))));
        }

        @Override
        public CompletableFuture<List<String>> metricNames() {
            return CompletableFuture.completedFuture(names);
        }

        @Override
        public CompletableFuture<List<String>> labelNames() {
            return CompletableFuture.completedFuture(List.of());
        }

        @Override
        public CompletableFuture<List<String>> labelValues(String label) {
            return CompletableFuture.completedFuture(List.of());
        }
    }

    private static RangeResult result(String q, MetricSeries... series) {
        return new RangeResult(q, RANGE, Duration.ofSeconds(15), List.of(series), List.of());
    }

    private static MetricSeries series(String pod, double v) {
        return new MetricSeries(Map.of("pod", pod), new long[] {RANGE.from().toEpochMilli(), RANGE.to().toEpochMilli()},
                new double[] {v, v});
    }

    private static final PanelSpec MEMORY = new PanelSpec("memory", "Memory", Unit.BYTES, List.of(
            new PanelSpec.QuerySpec("ws", "{{pod}}", PanelSpec.Role.VALUE, List.of("container_memory_working_set_bytes")),
            new PanelSpec.QuerySpec("limit", "limit", PanelSpec.Role.LIMIT, List.of("kube_pod_container_resource_limits"))));
    private static final PanelSpec CPU = new PanelSpec("cpu", "CPU", Unit.CORES, List.of(
            new PanelSpec.QuerySpec("cpu", "{{pod}}", PanelSpec.Role.VALUE, List.of("container_cpu_usage_seconds_total"))));

    @Test
    void eachPanelBecomesAChartWithItsLinesAndThresholds() {
        TableSource source = new TableSource();
        source.answers.put("ws", CompletableFuture.completedFuture(result("ws", series("a", 1), series("b", 2))));
        source.answers.put("limit", CompletableFuture.completedFuture(result("limit", series("a", 3))));
        source.answers.put("cpu", CompletableFuture.completedFuture(result("cpu")));
        source.names = List.of("container_memory_working_set_bytes");
        List<List<ChartData>> shown = new ArrayList<>();
        MetricsViewModel vm = new MetricsViewModel(Runnable::run, scope -> List.of(MEMORY, CPU), shown::add);

        vm.show(source, new MetricScope.Cluster(), RANGE, Duration.ofSeconds(15)).join();

        assertThat(shown).singleElement().satisfies(charts -> {
            assertThat(charts).extracting(ChartData::id).containsExactly("memory", "cpu");
            assertThat(charts.getFirst().lines()).extracting(ChartData.Line::label, ChartData.Line::role).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("a", PanelSpec.Role.VALUE),
                    org.assertj.core.groups.Tuple.tuple("b", PanelSpec.Role.VALUE),
                    org.assertj.core.groups.Tuple.tuple("limit", PanelSpec.Role.LIMIT));
            assertThat(charts.getFirst().problem()).isEmpty();
            assertThat(charts.get(1).problem()).get().asString()
                    .startsWith("container_cpu_usage_seconds_total is not among this source's metrics; cAdvisor");
        });
    }

    @Test
    void aFailingQuerySaysPrometheussWords() {
        TableSource source = new TableSource();
        List<List<ChartData>> shown = new ArrayList<>();
        new MetricsViewModel(Runnable::run, scope -> List.of(CPU), shown::add)
                .show(source, new MetricScope.Cluster(), RANGE, Duration.ofSeconds(15)).join();
        assertThat(shown.getFirst().getFirst().problem()).contains("1:1: parse error: unexpected cpu");
    }

    @Test
    void onlyTheNewestRequestReachesTheView() {
        TableSource source = new TableSource();
        CompletableFuture<RangeResult> slow = new CompletableFuture<>();
        source.answers.put("cpu", slow);
        List<List<ChartData>> shown = new ArrayList<>();
        MetricsViewModel vm = new MetricsViewModel(Runnable::run, scope -> List.of(CPU), shown::add);
        CompletableFuture<List<ChartData>> first = vm.show(source, new MetricScope.Cluster(), RANGE, Duration.ofSeconds(15));
        source.answers.put("cpu", CompletableFuture.completedFuture(result("cpu", series("new", 1))));
        vm.show(source, new MetricScope.Namespace("shop"), RANGE, Duration.ofSeconds(15)).join();
        slow.complete(result("cpu", series("old", 1)));
        first.join();
        assertThat(shown).singleElement().satisfies(c -> assertThat(c.getFirst().lines().getFirst().label()).isEqualTo("new"));
    }
}
