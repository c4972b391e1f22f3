package io.pitwall.ui.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.pitwall.connectors.metrics.MetricScope;
import io.pitwall.connectors.metrics.Unit;
import io.pitwall.connectors.model.KubeRef;
import io.pitwall.connectors.model.MetricSeries;
import io.pitwall.connectors.metrics.PanelSpec;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MetricsLogicTest {

    @Test
    void valuesReadAsPeopleSayThem() {
        assertThat(Units.format(Unit.BYTES, 256.0 * 1024 * 1024)).isEqualTo("256 MiB");
        assertThat(Units.format(Unit.BYTES, 1536)).isEqualTo("1.5 KiB");
        assertThat(Units.format(Unit.BYTES, 0)).isEqualTo("0 B");
        assertThat(Units.format(Unit.BYTES_PER_SECOND, 2.5 * 1024 * 1024)).isEqualTo("2.5 MiB/s");
        assertThat(Units.format(Unit.CORES, 0.25)).isEqualTo("250m");
        assertThat(Units.format(Unit.CORES, 1)).isEqualTo("1 core");
        assertThat(Units.format(Unit.CORES, 1.5)).isEqualTo("1.5 cores");
        assertThat(Units.format(Unit.RATIO, 0.421)).isEqualTo("42.1%");
        assertThat(Units.format(Unit.SECONDS, 0.0123)).isEqualTo("12.3 ms");
        assertThat(Units.format(Unit.COUNT, 4)).isEqualTo("4");
        assertThat(Units.format(Unit.COUNT, Double.NaN)).isEqualTo("no value");
        assertThat(Units.format(Unit.COUNT, Double.POSITIVE_INFINITY)).isEqualTo("+Inf");
    }

    @Test
    void legendsFillTheirTemplateOrFallBackToTheLabels() {
        MetricSeries s = new MetricSeries(Map.of("__name__", "up", "pod", "carts-1", "container", "carts"),
                new long[0], new double[0]);
        assertThat(LegendFormat.format("{{pod}}/{{container}}", s)).isEqualTo("carts-1/carts");
        assertThat(LegendFormat.format("limit", s)).isEqualTo("limit");
        assertThat(LegendFormat.format("{{node}}", s)).isEqualTo("up{container=\"carts\", pod=\"carts-1\"}");
        assertThat(LegendFormat.format("", new MetricSeries(Map.of(), new long[0], new double[0]))).isEqualTo("{}");
    }

    @Test
    void completionFinishesTheLastWordPrefixesFirst() {
        List<String> words = List.of("container_cpu_usage_seconds_total", "container_memory_working_set_bytes",
                "node_cpu_seconds_total", "namespace", "pod");
        assertThat(QueryBar.complete("sum(rate(container_c", words))
                .containsExactly("sum(rate(container_cpu_usage_seconds_total");
        assertThat(QueryBar.complete("rate(cpu", words)).containsExactly(
                "rate(container_cpu_usage_seconds_total", "rate(node_cpu_seconds_total");
        assertThat(QueryBar.complete("up{na", words)).containsExactly("up{namespace");
        assertThat(QueryBar.complete("x", words)).isEmpty();
    }

    @Test
    void anEmptyChartSaysWhichMetricIsMissingAndWhoExportsIt() {
        PanelSpec cpu = new PanelSpec("cpu", "CPU", Unit.CORES, List.of(
                new PanelSpec.QuerySpec("rate(container_cpu_usage_seconds_total[5m])", "{{pod}}", PanelSpec.Role.VALUE,
                        List.of("container_cpu_usage_seconds_total")),
                new PanelSpec.QuerySpec("kube_pod_container_resource_limits", "limit", PanelSpec.Role.LIMIT,
                        List.of("kube_pod_container_resource_limits"))));
        MetricScope pod = new MetricScope.Pod(new KubeRef("Pod", "shop", "carts-1"));
        assertThat(MetricsViewModel.whyEmpty(cpu, pod, Set.of("up")))
                .isEqualTo("container_cpu_usage_seconds_total is not in Prometheus: cAdvisor (the kubelet's /metrics/cadvisor)"
                        + " does not seem to be scraped");
        assertThat(MetricsViewModel.whyEmpty(cpu, pod, Set.of("container_cpu_usage_seconds_total")))
                .isEqualTo("No data for pod shop/carts-1 in this range (container_cpu_usage_seconds_total)");
        assertThat(MetricsViewModel.exporter("kube_pod_info")).isEqualTo("kube-state-metrics");
        assertThat(MetricsViewModel.exporter("node_load1")).isEqualTo("node-exporter");
    }
}
