package io.pitwall.connectors.metrics;

import io.pitwall.connectors.model.RangeResult;
import io.pitwall.connectors.model.TimeRange;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A session's metrics: a Prometheus-compatible HTTP API live, or the series a bundle captured.
 * Every call is asynchronous and completes on a connector thread; a failure completes the future
 * with a {@link QueryException} whose message is fit for the user.
 */
public interface MetricsSource {

    /** A range query ({@code /api/v1/query_range}). */
    CompletableFuture<RangeResult> queryRange(String promql, TimeRange range, Duration step);

    /** Every metric name, for completion ({@code /api/v1/label/__name__/values}). */
    CompletableFuture<List<String>> metricNames();

    /** Every label name, for completion ({@code /api/v1/labels}). */
    CompletableFuture<List<String>> labelNames();

    /** The values of one label, for completion ({@code /api/v1/label/NAME/values}). */
    CompletableFuture<List<String>> labelValues(String label);
}
