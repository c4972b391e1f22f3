package io.pitwall.ui.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.pitwall.connectors.metrics.Unit;
import java.util.List;
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
}
