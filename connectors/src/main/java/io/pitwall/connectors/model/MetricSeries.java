package io.pitwall.connectors.model;

import java.util.Map;
import java.util.Objects;

/**
 * One time series of a range query: its labels and its samples, as two parallel arrays (a
 * million points cost two arrays, not a million objects). Times are epoch milliseconds,
 * ascending; a value may be NaN (Prometheus writes "NaN") or infinite.
 *
 * <p>The arrays are the series' own: do not change them.
 */
public record MetricSeries(Map<String, String> labels, long[] timesMillis, double[] values) {

    public MetricSeries {
        labels = Map.copyOf(labels);
        Objects.requireNonNull(timesMillis, "timesMillis");
        Objects.requireNonNull(values, "values");
        if (timesMillis.length != values.length) {
            throw new IllegalArgumentException(timesMillis.length + " times but " + values.length + " values");
        }
    }

    public int size() {
        return values.length;
    }

    /** The metric's name ({@code __name__}), or "" when the query's result has none. */
    public String name() {
        return labels.getOrDefault("__name__", "");
    }
}
