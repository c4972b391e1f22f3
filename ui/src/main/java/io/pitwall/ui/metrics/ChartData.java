package io.pitwall.ui.metrics;

import io.pitwall.connectors.metrics.PanelSpec;
import io.pitwall.connectors.metrics.Unit;
import io.pitwall.connectors.model.MetricSeries;
import java.util.List;
import java.util.Optional;

/**
 * What one chart shows: its lines (each a series with a legend and a role: a value, or a
 * request or limit drawn dashed), or why there is nothing to show.
 *
 * @param problem why the chart is empty or partial, in words fit for the user ("container_cpu_usage_seconds_total
 *                is not in Prometheus: ..."), if anything is wrong
 */
public record ChartData(String id, String title, Unit unit, List<Line> lines, Optional<String> problem) {

    public ChartData {
        lines = List.copyOf(lines);
        problem = problem == null ? Optional.empty() : problem;
    }

    public record Line(String label, PanelSpec.Role role, MetricSeries series) {
    }

    public long points() {
        return lines.stream().mapToLong(l -> l.series().size()).sum();
    }
}
