package io.pitwall.connectors.model;

import java.time.Duration;
import java.util.List;

/**
 * What a range query returned: its series and the warnings Prometheus sent along.
 *
 * @param query the PromQL as the caller asked it (a {@code $__rate_interval} in it is kept: the
 *              live source fills it in only in what it sends)
 */
public record RangeResult(String query, TimeRange range, Duration step, List<MetricSeries> series, List<String> warnings) {

    public RangeResult {
        series = List.copyOf(series);
        warnings = List.copyOf(warnings);
    }

    public long points() {
        return series.stream().mapToLong(MetricSeries::size).sum();
    }
}
